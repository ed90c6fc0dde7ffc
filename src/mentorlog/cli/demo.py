"""demo: a realistic sample journal, and the three views that matter on it."""

from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import State
from mentorlog.cli.decl import Group, Opt

top = Group()  # top-level commands, registered in cli/registry.py


@top.command("demo", epilog="Example: mentorlog demo")
def demo(
    db_file: Annotated[
        Path | None,
        Opt("--db", help="Write the sample journal here (a new file).", metavar="PATH"),
    ] = None,
) -> None:
    """Build a sample journal (two mentors, three months) in a throwaway folder and show status, prep and review."""
    import tempfile

    from mentorlog.cli.briefing import prep, review, status
    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import console
    from mentorlog.store.sample import build_sample

    target = db_file or (Path(State.db) if State.db else None)
    if target is None:
        target = Path(tempfile.mkdtemp(prefix="mentorlog-demo-")) / "journal.db"
    elif target.exists():
        raise UsageProblem(
            f"{target} already exists; the demo writes a new journal — pick a new path"
        )
    build_sample(target)
    State.db = str(target)
    out = console()
    for title, view in (
        ("mentorlog status", status),
        ("mentorlog prep", prep),
        ("mentorlog review", review),
    ):
        out.rule(f"[bold]$ {title}[/bold]")
        view()
        out.print()
    out.print(f"This sample journal is at {target}")
    out.print(f"Explore it: mentorlog --db {target} prep priya --format markdown")
