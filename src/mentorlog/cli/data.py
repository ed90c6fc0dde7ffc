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
    kept = do_restore(path, target, force)
    say(
        f"Restored {target} from {path}."
        + (f" The journal it replaced is kept at {kept}" if kept else "")
    )


class ExportFormat(StrEnum):
    json = "json"


@top.command("export", epilog="Example: mentorlog export -o mentorlog.json")
def export(
    fmt: Annotated[
        ExportFormat, Opt("--format", "-f", help="json: every record, lossless.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None, Opt("--output", "-o", help="Write to FILE (0600).", metavar="FILE")
    ] = None,
) -> None:
    """Export every record of every kind with its UUID (import it elsewhere with 'mentorlog import')."""
    import sys

    from mentorlog.paths import db_path, write_private_text
    from mentorlog.render.output import say
    from mentorlog.store.transfer import export_json

    with reading() as conn:
        text = export_json(conn)
    if output is None:
        sys.stdout.write(text)
        return
    if output.exists():
        from mentorlog.errors import ConflictError

        raise ConflictError(f"{output} already exists; choose a new file name")
    write_private_text(output, text, protect=db_path(State.db))
    say(f"Exported to {output}")


@top.command("import", epilog="Example: mentorlog import mentorlog.json --dry-run")
def import_(
    path: Annotated[Path, Arg(help="A JSON export.")],
    dry_run: Annotated[
        bool, Opt("--dry-run", help="Report what would be added; change nothing.")
    ] = False,
) -> None:
    """Add the records of an export that are not in the journal yet (by UUID); all or nothing."""
    from mentorlog.render.output import say
    from mentorlog.store.transfer import import_file

    counts = import_file(path, journal(), dry_run)
    added = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing new"
    say(("Would add: " if dry_run else "Added: ") + added + ".")
