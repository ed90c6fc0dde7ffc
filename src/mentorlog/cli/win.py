"""win add/list/edit: achievements worth celebrating (milestones and goals record their own)."""

from datetime import date
from typing import Annotated

from mentorlog.cli.common import (
    GoalOpt,
    Json,
    MentorOpt,
    date_option,
    delete_command,
    journal,
    record_id,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py


@app.command("add", epilog="Example: mentorlog win add 'Shipped the billing API on time' --goal 2")
def add(
    text: Annotated[str, Arg(help="What you achieved.")],
    goal: GoalOpt = None,
    mentor: MentorOpt = None,
    on: Annotated[date | None, date_option("--on", help="When (default today; not later).")] = None,
) -> None:
    """Record a win."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import add_win

    win = add_win(journal(), text, goal, on, mentor)
    say(f"🎉 Win #{win.id} recorded: {win.text}")


@app.command("edit", epilog="Example: mentorlog win edit 3 --goal 2 --on 'last fri'")
def edit(
    win_id: Annotated[int, Arg(help="Win id: 12 or #12.", parser=record_id, metavar="ID")],
    text: Annotated[str | None, Opt(help="New text.")] = None,
    goal: GoalOpt = None,
    mentor: MentorOpt = None,
    on: Annotated[date | None, date_option("--on", help="When (not later than today).")] = None,
) -> None:
    """Change a win: its text, goal, mentor or day."""
    from mentorlog.cli.common import changes
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_win

    win = edit_win(journal(), win_id, changes(text=text, goal_id=goal, mentor=mentor, won_on=on))
    say(f"Updated win #{win.id}.")


@app.command("list", epilog="Example: mentorlog win list --json")
def list_(json: Json = False) -> None:
    """List wins, latest first."""
    from mentorlog.store.queries import list_wins

    show_view(list_wins, json, "records.wins_table")


delete_command(app, "win", "win", "mentorlog win delete 2 --yes")
