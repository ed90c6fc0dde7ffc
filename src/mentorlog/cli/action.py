"""action add/list/show/done/reopen/drop/edit."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    GoalOpt,
    IdArg,
    Json,
    MentorOpt,
    changes,
    date_option,
    delete_command,
    future_date_option,
    ids_arg,
    journal,
    record_id,
    show_detail,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py

IdsArg = Annotated[list[int], ids_arg("action")]


class Which(StrEnum):
    open = "open"
    done = "done"
    dropped = "dropped"
    overdue = "overdue"
    all = "all"


def _id_option(name: str, help: str) -> object:
    return Opt(name, help=help, parser=record_id, metavar="ID")


@app.command(
    "add", epilog="Example: mentorlog action add 'Draft the RFC due:+2w' --goal 3 --mentor alex"
)
def add(
    text: Annotated[str, Arg(help="What you will do; 'due:SPEC' inside sets the due date.")],
    due: Annotated[date | None, future_date_option("--due", help="Due date.")] = None,
    goal: GoalOpt = None,
    milestone: Annotated[
        int | None, _id_option("--milestone", "Link to milestone ID (and its goal).")
    ] = None,
    advice: Annotated[int | None, _id_option("--advice", "The advice this acts on.")] = None,
    mentor: MentorOpt = None,
    done: Annotated[bool, Opt("--done", help="Record it as already done today.")] = False,
    force: Annotated[
        bool, Opt("--force", help="Add it even if the same text was added in the last minute.")
    ] = False,
) -> None:
    """Add an action you committed to.

    The same text added twice within a minute (a repeated command) needs --force."""
    import sys

    from mentorlog.config import load_config
    from mentorlog.core.dates import extract_due, past_warning
    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import say
    from mentorlog.store.writes import ActionLinks, add_action

    text, inline_due = extract_due(text, week_start=load_config().week_start)
    if inline_due and due:
        raise UsageProblem("give the due date once: either 'due:' in the text or --due")
    if inline_due and (warning := past_warning(inline_due)):
        print(warning, file=sys.stderr)
    links = ActionLinks(goal_id=goal, milestone_id=milestone, advice_id=advice, mentor=mentor)
    action = add_action(journal(), text, due or inline_due, links, done, force)
    tail = f" (due {action.due_date})" if action.due_date else ""
    say(f"Added action #{action.id}: {action.text}{tail}" + (" — done." if done else "."))


@app.command("list", epilog="Example: mentorlog action list --overdue --mentor alex")
def list_(
    open_: Annotated[bool, Opt("--open", help="Open actions (the default).")] = False,
    done: Annotated[bool, Opt("--done", help="Done actions, latest first.")] = False,
    overdue: Annotated[bool, Opt("--overdue", help="Open actions past their due date.")] = False,
    all_: Annotated[bool, Opt("--all", "-a", help="Every action.")] = False,
    status: Annotated[
        Which | None, Opt(help="open, done, dropped, overdue or all (same as the flags).")
    ] = None,
    mentor: MentorOpt = None,
    goal: GoalOpt = None,
    json: Json = False,
) -> None:
    """List actions: open ones, overdue first, then by due date."""
    from mentorlog.cli.reads import show_actions

    flags = {"open": open_, "done": done, "overdue": overdue, "all": all_}
    show_actions(flags, mentor, goal, json, status.value if status else None)


@app.command("show", epilog="Example: mentorlog action show 12")
def show(action_id: IdArg, json: Json = False) -> None:
    """Show one action and what it links to."""
    from mentorlog.store.queries import action_detail

    show_detail(action_detail, action_id, json, "records.action_detail")


def _listed(actions: list) -> str:
    return "; ".join(f"#{a.id} {a.text}" for a in actions)


@app.command(
    "done", epilog="Example: mentorlog action done 12 --result 'RFC approved with two changes'"
)
def done_(
    action_ids: IdsArg,
    on: Annotated[
        date | None, date_option("--on", help="When it was done (default today; not later).")
    ] = None,
    result: Annotated[str | None, Opt(help="What came of it: worth reporting back.")] = None,
) -> None:
    """Mark one or more actions done, with their result (all of them, or none)."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import complete_actions

    actions = complete_actions(journal(), action_ids, on, result)
    say(
        f"Done: {_listed(actions)}."
        + ("" if result else " Add --result next time: it's what your mentor will ask.")
    )


@app.command("reopen", epilog="Example: mentorlog action reopen 12")
def reopen(action_ids: IdsArg) -> None:
    """Undo 'action done' or 'action drop': the actions are open again."""
    from mentorlog.render.output import say, warn
    from mentorlog.store.writes import reopen_actions

    changed = reopen_actions(journal(), action_ids)
    say(f"Reopened: {_listed([after for _, after in changed])}.")
    for before, _ in changed:
        if before.result:
            warn(
                f"cleared the {'result' if before.status == 'done' else 'reason'} of "
                f"action #{before.id}: {before.result}"
            )


@app.command(
    "drop", epilog="Example: mentorlog action drop 12 --reason 'superseded by the new plan'"
)
def drop(action_ids: IdsArg, reason: Annotated[str | None, Opt(help="Why.")] = None) -> None:
    """Drop one or more actions you will not do."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import drop_actions

    actions = drop_actions(journal(), action_ids, reason)
    say(f"Dropped: {_listed(actions)}.")


@app.command("edit", epilog="Example: mentorlog action edit 12 --due fri --goal 3")
def edit(
    action_id: IdArg,
    text: Annotated[str | None, Opt(help="New text.")] = None,
    due: Annotated[date | None, future_date_option("--due", help="New due date.")] = None,
    goal: GoalOpt = None,
    milestone: Annotated[int | None, _id_option("--milestone", "Link to milestone ID.")] = None,
    advice: Annotated[int | None, _id_option("--advice", "Link to advice ID.")] = None,
    mentor: MentorOpt = None,
    result: Annotated[
        str | None, Opt(help="What came of it (a done action); '' clears it.")
    ] = None,
) -> None:
    """Change an action's text, due date, result or links."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_action

    fields = changes(
        text=text,
        due_date=due,
        goal_id=goal,
        milestone_id=milestone,
        advice_id=advice,
        mentor=mentor,
        result=result,
    )
    action = edit_action(journal(), action_id, fields)
    say(f"Updated action #{action.id} {action.text}.")


delete_command(app, "action", "action", "mentorlog action delete 12 --yes")
