"""goal add/list/show/edit/done/drop/pause/resume."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    IdArg,
    Json,
    MentorOpt,
    changes,
    date_option,
    delete_command,
    journal,
    reading,
    show_detail,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py


class Horizon(StrEnum):
    short = "short"
    long = "long"


@app.command(
    "add",
    epilog="Example: mentorlog goal add 'Lead a design review' --measure 'one review run end to end' "
    "--by eoq --mentor alex --milestone 'Shadow a review' --milestone 'Co-lead one'",
)
def add(
    title: Annotated[str, Arg(help="What you want to achieve.")],
    why: Annotated[str | None, Opt(help="Why it matters to you.")] = None,
    measure: Annotated[str | None, Opt(help="How you will know it is achieved.")] = None,
    by: Annotated[date | None, date_option("--by", help="Target date.")] = None,
    mentor: MentorOpt = None,
    horizon: Annotated[Horizon, Opt(help="short or long term.")] = Horizon.short,
    milestone: Annotated[
        list[str] | None,
        Opt("--milestone", help="A milestone (repeat for several, in order)."),
    ] = None,
) -> None:
    """Add a goal, optionally with its milestones. Warns when it is not SMART yet."""
    from mentorlog.render.output import say, warn
    from mentorlog.store.writes import add_goal

    goal = add_goal(journal(), title, why, measure, by, mentor, horizon.value, milestone or [])
    count = len(milestone or [])
    say(f"Added goal #{goal.id} {goal.title}" + (f" with {count} milestones." if count else "."))
    missing = [
        name
        for name, value in (("a measure (--measure)", measure), ("a target date (--by)", by))
        if not value
    ]
    if missing:
        warn(
            f"goal #{goal.id} is not SMART yet: add {' and '.join(missing)} with 'mentorlog goal edit {goal.id}'."
        )


@app.command("list", epilog="Example: mentorlog goal list --mentor alex")
def list_(
    all_: Annotated[
        bool, Opt("--all", "-a", help="Include achieved, paused and dropped goals.")
    ] = False,
    mentor: MentorOpt = None,
    json: Json = False,
) -> None:
    """List goals with progress (milestones done / total)."""
    from mentorlog.store.queries import list_goals, resolve_mentor

    with reading() as conn:
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor else None
        rows = list_goals(conn, include_all=all_, mentor_id=mentor_id)
    from mentorlog.render import output, records

    output.emit(rows, json, records.goals_table)


@app.command("show", epilog="Example: mentorlog goal show 3")
def show(goal_id: IdArg, json: Json = False) -> None:
    """Show a goal with its milestones, actions and advice."""
    from mentorlog.store.queries import goal_detail

    show_detail(goal_detail, goal_id, json, "records.goal_detail")


@app.command(
    "edit", epilog="Example: mentorlog goal edit 3 --measure '2 reviews led' --by 2027-03-31"
)
def edit(
    goal_id: IdArg,
    title: Annotated[str | None, Opt(help="New title.")] = None,
    why: Annotated[str | None, Opt(help="Why it matters.")] = None,
    measure: Annotated[str | None, Opt(help="How success is measured.")] = None,
    by: Annotated[date | None, date_option("--by", help="New target date.")] = None,
    mentor: MentorOpt = None,
    horizon: Annotated[Horizon | None, Opt(help="short or long term.")] = None,
) -> None:
    """Change a goal: make it SMART, retarget it, move it to another mentor."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_goal

    fields = changes(
        title=title,
        why=why,
        measure=measure,
        target_date=by,
        mentor=mentor,
        horizon=horizon.value if horizon else None,
    )
    goal = edit_goal(journal(), goal_id, fields)
    say(f"Updated goal #{goal.id} {goal.title}.")


def _set_status(goal_id: int, status: str, note: str | None = None) -> None:
    from mentorlog.render.output import say
    from mentorlog.store.writes import set_goal_status

    goal = set_goal_status(journal(), goal_id, status, note)
    messages = {
        "achieved": f"🎉 Goal #{goal.id} achieved: {goal.title}. Well done — tell your mentor!",
        "dropped": f"Dropped goal #{goal.id} {goal.title}.",
        "paused": f"Paused goal #{goal.id} {goal.title}.",
        "active": f"Goal #{goal.id} {goal.title} is active again.",
    }
    say(messages[status])


@app.command("done", epilog="Example: mentorlog goal done 3")
def done(goal_id: IdArg) -> None:
    """Mark a goal achieved."""
    _set_status(goal_id, "achieved")


@app.command("drop", epilog="Example: mentorlog goal drop 3 --reason 'team reorganised'")
def drop(
    goal_id: IdArg, reason: Annotated[str | None, Opt(help="Why you let it go.")] = None
) -> None:
    """Drop a goal you no longer pursue."""
    _set_status(goal_id, "dropped", reason)


@app.command("pause", epilog="Example: mentorlog goal pause 3")
def pause(goal_id: IdArg) -> None:
    """Pause a goal for now."""
    _set_status(goal_id, "paused")


@app.command("resume", epilog="Example: mentorlog goal resume 3")
def resume(goal_id: IdArg) -> None:
    """Resume a paused or dropped goal."""
    _set_status(goal_id, "active")


delete_command(app, "goal", "goal", "mentorlog goal delete 3")
