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
    """Build a sample journal (two mentors, three months) and show status, prep and review on it.

    Without --db it lives in a temporary folder that is removed when the demo ends.
    """
    import shlex
    import shutil
    import tempfile

    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import console, say

    target = db_file or (Path(State.db) if State.db else None)
    if target is not None:
        if target.exists():
            raise UsageProblem(
                f"{target} already exists; the demo writes a new journal — pick a new path"
            )
        _show(target)
        # Plain lines: a path is text as typed, never Rich markup ('[x]' is not a style), and
        # quoted so it can be pasted back into a shell.
        say(f"This sample journal is at {target}")
        say(f"Explore it: mentorlog --db {shlex.quote(str(target))} prep priya --format markdown")
        return
    folder = Path(tempfile.mkdtemp(prefix="mentorlog-demo-"))
    try:
        _show(folder / "journal.db")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    console().print("The sample was temporary. Keep one: mentorlog demo --db ~/demo.db")


def _show(target: Path) -> None:
    from mentorlog.cli.briefing import prep, review, status
    from mentorlog.render.output import console
    from mentorlog.store.sample import build_sample

    build_sample(target)
    State.db = str(target)
    State.reset()
    out = console()
    for title, view in (
        ("mentorlog status", status),
        ("mentorlog prep", prep),
        ("mentorlog review", review),
    ):
        out.rule(f"[bold]$ {title}[/bold]")
        view()
        out.print()
