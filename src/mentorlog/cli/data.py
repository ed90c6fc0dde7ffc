"""backup, restore, export, import, and the `delete` command every record group shares."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mentorlog.cli.common import IdArg, State, journal, reading


def backup(
    path: Annotated[
        Path | None,
        typer.Argument(help="Where to write it (default: timestamped, beside the journal)."),
    ] = None,
) -> None:
    """Copy the journal to a single private file, safely even while mentorlog is writing."""
    from mentorlog.render.output import say
    from mentorlog.store.backup import backup as make_backup

    say(f"Backed up to {make_backup(journal(), path)}")


def restore(
    path: Annotated[Path, typer.Argument(help="A backup made by 'mentorlog backup'.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the current journal (a copy of it is kept).")
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


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json: every record, lossless.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE (0600).", metavar="FILE")
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


def import_(
    path: Annotated[Path, typer.Argument(help="A JSON export.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would be added; change nothing.")
    ] = False,
) -> None:
    """Add the records of an export that are not in the journal yet (by UUID); all or nothing."""
    from mentorlog.render.output import say
    from mentorlog.store.transfer import import_file

    counts = import_file(path, journal(), dry_run)
    added = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing new"
    say(("Would add: " if dry_run else "Added: ") + added + ".")


def delete_command(app: typer.Typer, table: str, noun: str, example: str) -> None:
    """Register `<group> delete ID [--yes]` for one record kind."""

    @app.command("delete", epilog=f"Example: {example}")
    def delete(
        record_id: IdArg,
        yes: Annotated[
            bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")
        ] = False,
    ) -> None:
        import sys

        from mentorlog.errors import UsageProblem
        from mentorlog.render.output import say
        from mentorlog.store.queries import delete_impact, get_record
        from mentorlog.store.writes import delete_record

        with reading() as conn:
            get_record(conn, table, record_id)
            impact = delete_impact(conn, table, record_id)
        effects = "; ".join(f"{count} {child} {how}" for child, count, how in impact)
        question = f"Delete {noun} #{record_id}" + (f" ({effects})" if effects else "") + "?"
        if not yes:
            if not sys.stdin.isatty():
                raise UsageProblem(f"{question[:-1]} needs confirmation: rerun with --yes")
            if not typer.confirm(question, default=False):
                raise typer.Abort()
        delete_record(journal(), table, record_id)
        say(f"Deleted {noun} #{record_id}" + (f"; {effects}." if effects else "."))

    delete.__doc__ = (
        f"Delete a {noun} for good (linked records are listed first; --yes skips the question)."
    )
