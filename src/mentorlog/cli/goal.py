"""goal add/list/show/edit/done/drop/pause/resume/reopen."""

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
    future_date_option,
    ids_arg,
    journal,
    reading,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.cli.reads import NoChart, charts_wanted

app = Group()  # its help text: GROUPS in cli/registry.py


class Horizon(StrEnum):
    short = "short"
    long = "long"


class GoalStatus(StrEnum):
    active = "active"
    achieved = "achieved"
    paused = "paused"
    dropped = "dropped"


IdsArg = Annotated[list[int], ids_arg("goal")]


@app.command(
    "add",
    epilog="Example: mentorlog goal add 'Lead a design review' --measure 'one review run end to end' "
    "--by eoq --mentor alex --milestone 'Shadow a review' --milestone 'Co-lead one'",
)
def add(
    title: Annotated[str, Arg(help="What you want to achieve.")],
    why: Annotated[str | None, Opt(help="Why it matters to you.")] = None,
    measure: Annotated[str | None, Opt(help="How you will know it is achieved.")] = None,
    by: Annotated[date | None, future_date_option("--by", help="Target date.")] = None,
    mentor: MentorOpt = None,
    horizon: Annotated[Horizon, Opt(help="short or long term.")] = Horizon.short,
    milestone: Annotated[
        list[str] | None,
        Opt("--milestone", help="A milestone (repeat for several, in order)."),
    ] = None,
) -> None:
    """Add a goal, optionally with its milestones. Warns when it is not SMART yet."""
    from mentorlog.render.output import ids, say, warn
    from mentorlog.store.queries import list_milestones
    from mentorlog.store.writes import add_goal

    goal = add_goal(journal(), title, why, measure, by, mentor, horizon.value, milestone or [])
    tail = "."
    if milestone:
        with reading() as conn:
            steps = list_milestones(conn, goal.id)
        tail = f" with milestone{'s' if len(steps) > 1 else ''} {ids(steps)}."
    say(f"Added goal #{goal.id} {goal.title}{tail}")
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
    status: Annotated[
        GoalStatus | None, Opt(help="Only goals that are active, achieved, paused or dropped.")
    ] = None,
    mentor: MentorOpt = None,
    json: Json = False,
    no_chart: NoChart = False,
) -> None:
    """List goals with progress (milestones done / total) and, on a wide enough terminal, a
    sparkline of the last 8 weeks' milestones done."""
    from mentorlog.store.queries import list_goals, resolve_mentor

    drawn = not json and charts_wanted(not no_chart)

    def read(conn):
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor else None
        goals = list_goals(conn, all_, mentor_id, status=status.value if status else None)
        if drawn:
            from mentorlog.config import load_config
            from mentorlog.store.pictures import goal_weeks

            weeks = goal_weeks(conn, goals, load_config().week_start)
            for goal in goals:
                goal["progress_by_week"] = weeks[goal["id"]]
        return goals

    show_view(read, json, "records.goals_table")


@app.command("show", epilog="Example: mentorlog goal show 3")
def show(goal_id: IdArg, json: Json = False, no_chart: NoChart = False) -> None:
    """Show a goal with its milestones, actions and advice, and its progress by week since it
    began: a sparkline of milestones done, the target date marked, on pace or behind.

    --json has the weeks in `progress_by_week`: week, milestones_done, total.
    """
    from mentorlog.config import load_config
    from mentorlog.store.pictures import goal_weeks
    from mentorlog.store.queries import goal_detail

    drawn = json or charts_wanted(not no_chart)

    def read(conn, goal_id: int) -> dict:
        goal = goal_detail(conn, goal_id)
        if drawn:  # JSON always has the weeks; the terminal only with the pictures on
            weeks = goal_weeks(conn, [goal], load_config().week_start)
            goal["progress_by_week"] = weeks[goal_id]
        return goal

    show_detail(read, goal_id, json, "records.goal_detail")


@app.command(
    "edit", epilog="Example: mentorlog goal edit 3 --measure '2 reviews led' --by 2027-03-31"
)
def edit(
    goal_id: IdArg,
    title: Annotated[str | None, Opt(help="New title.")] = None,
    why: Annotated[str | None, Opt(help="Why it matters.")] = None,
    measure: Annotated[str | None, Opt(help="How success is measured.")] = None,
    by: Annotated[date | None, future_date_option("--by", help="New target date.")] = None,
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


def _move(
    goal_ids: list[int], command: str, note: str | None = None, on: date | None = None
) -> None:
    from mentorlog.render.output import say
    from mentorlog.store.writes import move_goals

    for goal, win_id in move_goals(journal(), goal_ids, command, note, on):
        name = f"#{goal.id} {goal.title}"
        say(
            {
                "done": f"🎉 Goal {name} achieved (win #{win_id}). Well done — tell your mentor!",
                "drop": f"Dropped goal {name}.",
                "pause": f"Paused goal {name}.",
                "resume": f"Goal {name} is active again.",
                "reopen": f"Reopened goal {name}; it is active again"
                + (f" (its win #{win_id} is gone)." if win_id else "."),
            }[command]
        )


@app.command("done", epilog="Example: mentorlog goal done 3 --on yesterday")
def done(
    goal_ids: IdsArg,
    on: Annotated[
        date | None, date_option("--on", help="When it was achieved (default today; not later).")
    ] = None,
) -> None:
    """Mark one or more goals achieved (each records a win)."""
    _move(goal_ids, "done", on=on)


@app.command("drop", epilog="Example: mentorlog goal drop 3 --reason 'team reorganised'")
def drop(
    goal_ids: IdsArg, reason: Annotated[str | None, Opt(help="Why you let it go.")] = None
) -> None:
    """Drop one or more goals you no longer pursue."""
    _move(goal_ids, "drop", reason)


@app.command("pause", epilog="Example: mentorlog goal pause 3")
def pause(goal_ids: IdsArg) -> None:
    """Pause one or more goals for now."""
    _move(goal_ids, "pause")


@app.command("resume", epilog="Example: mentorlog goal resume 3")
def resume(goal_ids: IdsArg) -> None:
    """Resume paused or dropped goals."""
    _move(goal_ids, "resume")


@app.command("reopen", epilog="Example: mentorlog goal reopen 3")
def reopen(goal_ids: IdsArg) -> None:
    """Undo 'goal done' or 'goal drop': the goals are active again (an achieved goal's win goes)."""
    _move(goal_ids, "reopen")


delete_command(app, "goal", "goal", "mentorlog goal delete 3")
