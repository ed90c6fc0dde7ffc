"""milestone add/done/reopen/list/edit."""

from datetime import date
from typing import Annotated

from mentorlog.cli.common import (
    IdArg,
    Json,
    changes,
    date_option,
    delete_command,
    future_date_option,
    ids_arg,
    journal,
    record_id,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py

IdsArg = Annotated[list[int], ids_arg("milestone")]


@app.command("add", epilog="Example: mentorlog milestone add 3 'Co-lead a review' --due +3w")
def add(
    goal_id: IdArg,
    title: Annotated[str, Arg(help="The step.")],
    due: Annotated[
        date | None, future_date_option("--due", help="When it should be reached.")
    ] = None,
) -> None:
    """Add a milestone to a goal (it goes last)."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import add_milestone

    milestone = add_milestone(journal(), goal_id, title, due)
    say(f"Added milestone #{milestone.id} to goal #{goal_id}: {milestone.title}.")


@app.command(
    "done", epilog="Example: mentorlog milestone done 7 --note 'went better than expected'"
)
def done(
    milestone_ids: IdsArg,
    on: Annotated[
        date | None, date_option("--on", help="When it was reached (default today; not later).")
    ] = None,
    note: Annotated[str | None, Opt(help="How it went.")] = None,
) -> None:
    """Mark one or more milestones reached (each records a win)."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import complete_milestones

    for result in complete_milestones(journal(), milestone_ids, on, note):
        tail = (
            f"{result.remaining} to go on '{result.goal_title}'."
            if result.remaining
            else f"That was the last one: 'mentorlog goal done {result.milestone.goal_id}' when it's achieved."
        )
        say(
            f"🎉 Milestone #{result.milestone.id} reached: {result.milestone.title} "
            f"(win #{result.win_id}). {tail}"
        )


@app.command("reopen", epilog="Example: mentorlog milestone reopen 7")
def reopen(milestone_ids: IdsArg) -> None:
    """Undo 'milestone done': not reached after all (the win it recorded goes too)."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import reopen_milestones

    for milestone, win_id in reopen_milestones(journal(), milestone_ids):
        gone = f" (its win #{win_id} is gone)" if win_id else ""
        say(f"Reopened milestone #{milestone.id} {milestone.title}{gone}.")


@app.command("list", epilog="Example: mentorlog milestone list 3 --json")
def list_(
    goal_id: Annotated[
        int | None,
        Arg(help="Only this goal's milestones.", parser=record_id, metavar="[GOAL_ID]"),
    ] = None,
    json: Json = False,
) -> None:
    """List milestones, by goal and order."""
    from mentorlog.store.queries import get_record, list_milestones

    def read(conn):
        if goal_id is not None:
            get_record(conn, "goal", goal_id)
        return list_milestones(conn, goal_id)

    show_view(read, json, "records.milestones_table")


@app.command("edit", epilog="Example: mentorlog milestone edit 7 --due 'next fri'")
def edit(
    milestone_id: IdArg,
    title: Annotated[str | None, Opt(help="New title.")] = None,
    due: Annotated[date | None, future_date_option("--due", help="New due date.")] = None,
    note: Annotated[str | None, Opt(help="A note.")] = None,
    goal: Annotated[
        int | None,
        Opt(
            "--goal",
            "-g",
            help="Move it to goal ID (as its last milestone).",
            parser=record_id,
            metavar="ID",
        ),
    ] = None,
) -> None:
    """Change a milestone: its title, due date, note, or the goal it belongs to."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_milestone

    milestone = edit_milestone(
        journal(), milestone_id, changes(title=title, due_date=due, note=note, goal_id=goal)
    )
    say(f"Updated milestone #{milestone.id} {milestone.title}.")


delete_command(app, "milestone", "milestone", "mentorlog milestone delete 7")
