"""backup, restore, export, import, and the `delete` command every record group shares."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import State, journal, reading
from mentorlog.cli.decl import Arg, Group, Opt

top = Group()  # top-level commands, registered in cli/registry.py


@top.command("backup", epilog="Example: mentorlog backup ~/journal-before-reorg.db")
def backup(
    path: Annotated[
        Path | None,
        Arg(help="Where to write it (default: timestamped, beside the journal)."),
    ] = None,
) -> None:
    """Copy the journal to a single private file, safely even while mentorlog is writing."""
    from mentorlog.render.output import say
    from mentorlog.store.backup import backup as make_backup

    say(f"Backed up to {make_backup(journal(), path)}")


@top.command("restore", epilog="Example: mentorlog restore ~/journal-before-reorg.db --force")
def restore(
    path: Annotated[Path, Arg(help="A backup made by 'mentorlog backup'.")],
    force: Annotated[
        bool, Opt("--force", help="Replace the current journal (a copy of it is kept).")
    ] = False,
) -> None:
    """Replace the journal with a backup, after checking the backup's integrity."""
    from mentorlog.paths import db_path
    from mentorlog.render.output import say
    from mentorlog.store.backup import restore as do_restore

    target = db_path(State.db)
    from mentorlog.cli.session import note

    kept = do_restore(path, target, force, notify=note)
    say(
        f"Restored {target} from {path}."
        + (f" The journal it replaced is kept at {kept}" if kept else "")
    )


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"
    csv = "csv"
    ics = "ics"


@top.command("export", epilog="Example: mentorlog export --format csv -o journal-csv")
def export(
    fmt: Annotated[
        ExportFormat,
        Opt(
            "--format",
            "-f",
            help="json (every record, lossless), markdown (to read), csv (a folder, for "
            "spreadsheets) or ics (for a calendar).",
        ),
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        Opt(
            "--output",
            "-o",
            help="Write to FILE (0600; a new folder, 0700, for csv) instead of the screen.",
            metavar="FILE|DIR",
        ),
    ] = None,
    force: Annotated[bool, Opt("--force", help="Replace files that are already there.")] = False,
    excel: Annotated[
        bool,
        Opt(
            "--excel",
            help="csv only: for spreadsheet apps (a UTF-8 BOM, and text that starts with "
            "= + - @ kept as text with a leading ').",
        ),
    ] = False,
) -> None:
    """Export the journal: every record as JSON (the default, for 'mentorlog import'), or as
    Markdown, CSV or iCalendar.

    \b
    json      every record with its id and UUID, lossless: mentorlog export -o journal.json
    markdown  one document to read or print: mentorlog export -f markdown -o journal.md
    csv       one RFC 4180 file per record kind in a folder: mentorlog export -f csv -o journal-csv
              (add --excel for Excel, Numbers or LibreOffice)
    ics       next meetings and due actions for a calendar: mentorlog export -f ics -o mentorlog.ics
    """
    import sys

    from mentorlog.errors import UsageProblem
    from mentorlog.paths import check_output, db_path, write_private_text
    from mentorlog.render.output import safe, say

    protect = db_path(State.db)
    if excel and fmt is not ExportFormat.csv:
        raise UsageProblem("--excel is for csv export: mentorlog export -f csv --excel -o DIR")
    if fmt is ExportFormat.csv:
        if output is None:
            raise UsageProblem(
                "csv export writes a folder of files: give it with -o DIR "
                "(e.g. mentorlog export --format csv -o journal-csv)"
            )
        from mentorlog.store.export_csv import export_csv

        with reading() as conn:
            files = export_csv(conn, output, force=force, protect=protect, excel=excel)
        say(f"Exported {len(files)} CSV files to {output}")
        return
    if output is not None:
        check_output(output, protect, overwrite=force, what="export")  # before any work
    with reading() as conn:
        if fmt is ExportFormat.markdown:
            from mentorlog.render.export_markdown import export_markdown
            from mentorlog.store.contents import journal_contents

            text = safe(export_markdown(journal_contents(conn)))  # for reading: no raw controls
        elif fmt is ExportFormat.ics:
            from mentorlog.store.export_ics import export_ics

            text = export_ics(conn)
        else:
            from mentorlog.store.transfer import export_json

            text = export_json(conn)
    if output is None:
        sys.stdout.write(text)
        return
    write_private_text(output, text, protect=protect, overwrite=force)
    say(f"Exported to {output}")


@top.command("import", epilog="Example: mentorlog import mentorlog.json --dry-run")
def import_(
    path: Annotated[Path, Arg(help="A JSON export (made by 'mentorlog export').")],
    dry_run: Annotated[
        bool, Opt("--dry-run", help="Report what would be added; change nothing.")
    ] = False,
) -> None:
    """Add the records of an export that are not in the journal yet (by UUID); all or nothing.

    Records keep their ids where those ids are free here (always, into an empty journal); the
    ones that must take a new id are listed.
    """
    from mentorlog.render.output import plural, say
    from mentorlog.store.queries import NOUNS
    from mentorlog.store.transfer import import_file

    def noun(table: str) -> str:
        return NOUNS.get(table, (table,))[0]

    report = import_file(path, journal(), dry_run)
    added = (
        ", ".join(plural(n, noun(kind)) for kind, n in report.added.items() if n) or "nothing new"
    )
    say(("Would add: " if dry_run else "Added: ") + added + ".")
    if report.renumbered:
        from mentorlog.core.fields import MAX_ID

        why = (
            f"taken here or above {MAX_ID}"
            if any(r.old > MAX_ID for r in report.renumbered)
            else "taken here"
        )
        say(
            f"These ids are {why}, so they would change:"
            if dry_run
            else f"These ids were {why}, so they changed:"
        )
        for kind in dict.fromkeys(r.table for r in report.renumbered):
            moves = [r for r in report.renumbered if r.table == kind]
            say(
                "  "
                + ", ".join(
                    f"{noun(kind)} #{r.old} {'would be' if dry_run else 'is now'} #{r.new}"
                    for r in moves
                )
            )
