"""advice add/list/show/try/apply/skip."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    GoalOpt,
    IdArg,
    Json,
    MentorOpt,
    date_option,
    delete_command,
    ids_arg,
    journal,
    record_id,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py


class AdviceStatus(StrEnum):
    new = "new"
    trying = "trying"
    applied = "applied"
    skipped = "skipped"
    pending = "pending"


IdsArg = Annotated[list[int], ids_arg("advice")]


@app.command(
    "add",
    epilog="Example: mentorlog advice add 'Write the decision log first' --mentor alex --why 'reviews go faster'",
)
def add(
    text: Annotated[str, Arg(help="The advice.")],
    mentor: MentorOpt = None,
    why: Annotated[str | None, Opt(help="The mentor's reasoning.")] = None,
    goal: GoalOpt = None,
    meeting: Annotated[
        int | None, Opt(help="The meeting it came from.", parser=record_id, metavar="ID")
    ] = None,
    on: Annotated[
        date | None, date_option("--on", help="When it was given (default today; not later).")
    ] = None,
) -> None:
    """Record advice you received."""
    from mentorlog.render.output import say
    from mentorlog.store.writes import add_advice

    advice = add_advice(journal(), text, mentor, why, goal, meeting, on)
    say(f"Recorded advice #{advice.id}. Try it: mentorlog advice try {advice.id}")


@app.command("edit", epilog="Example: mentorlog advice edit 4 --mentor sam --meeting 9")
def edit(
    advice_id: IdArg,
    text: Annotated[str | None, Opt(help="New text.")] = None,
    why: Annotated[str | None, Opt(help="The mentor's reasoning ('' clears it).")] = None,
    mentor: MentorOpt = None,
    goal: GoalOpt = None,
    meeting: Annotated[
        int | None, Opt(help="The meeting it came from.", parser=record_id, metavar="ID")
    ] = None,
    on: Annotated[date | None, date_option("--on", help="When it was given (not later).")] = None,
    outcome: Annotated[str | None, Opt(help="What came of applying it ('' clears it).")] = None,
) -> None:
    """Change advice: its text, why, mentor, goal, meeting or day (a meeting brings its mentor)."""
    from mentorlog.cli.common import changes
    from mentorlog.render.output import say
    from mentorlog.store.writes import edit_advice

    fields = changes(
        text=text,
        why=why,
        mentor=mentor,
        goal_id=goal,
        meeting_id=meeting,
        given_on=on,
        outcome=outcome,
    )
    advice = edit_advice(journal(), advice_id, fields)
    say(f"Updated advice #{advice.id}.")


@app.command("list", epilog="Example: mentorlog advice list --status pending --mentor alex")
def list_(
    status: Annotated[
        AdviceStatus | None,
        Opt(help="new, trying, applied, skipped, or pending (new+trying)."),
    ] = None,
    mentor: MentorOpt = None,
    json: Json = False,
) -> None:
    """List advice, newest first."""
    from mentorlog.store.queries import list_advice, resolve_mentor

    def read(conn):
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor else None
        return list_advice(conn, status.value if status else None, mentor_id)

    show_view(read, json, "records.advice_table")


@app.command("show", epilog="Example: mentorlog advice show 4")
def show(advice_id: IdArg, json: Json = False) -> None:
    """Show one piece of advice with the actions taken on it."""
    from mentorlog.store.queries import advice_detail

    show_detail(advice_detail, advice_id, json, "records.advice_detail")


def _move(
    advice_ids: list[int], status: str, outcome: str | None, message: str, on: date | None = None
) -> None:
    from mentorlog.render.output import ids, say
    from mentorlog.store.writes import set_advice_status

    moved = set_advice_status(journal(), advice_ids, status, outcome, on)
    first = moved[0].id if len(moved) == 1 else "ID"
    say(message.format(ids=ids(moved), id=first))


@app.command("try", epilog="Example: mentorlog advice try 4")
def try_(advice_ids: IdsArg) -> None:
    """Mark one or more pieces of advice as being tried."""
    _move(
        advice_ids,
        "trying",
        None,
        "Trying advice {ids}. Report back with 'mentorlog advice apply {id} --outcome ...'.",
    )


@app.command(
    "apply",
    epilog="Example: mentorlog advice apply 4 --outcome 'review took one round instead of three'",
)
def apply(
    advice_ids: IdsArg,
    outcome: Annotated[str | None, Opt(help="What happened.")] = None,
    on: Annotated[
        date | None, date_option("--on", help="When you applied it (default today; not later).")
    ] = None,
) -> None:
    """Mark advice applied, with its outcome to report back."""
    _move(
        advice_ids,
        "applied",
        outcome,
        "Applied advice {ids}. It will be in your next prep's report-back.",
        on,
    )


@app.command(
    "skip", epilog="Example: mentorlog advice skip 4 --reason 'not a fit for our team size'"
)
def skip(advice_ids: IdsArg, reason: Annotated[str | None, Opt(help="Why not.")] = None) -> None:
    """Decide not to follow advice (and say why)."""
    _move(advice_ids, "skipped", reason, "Skipped advice {ids}.")


@app.command("reopen", epilog="Example: mentorlog advice reopen 4")
def reopen(advice_ids: IdsArg) -> None:
    """Undo 'advice try', 'apply' or 'skip': the advice is new again (its outcome is shown, then cleared)."""
    from mentorlog.render.output import ids, say, warn
    from mentorlog.store.writes import reopen_advice

    changed = reopen_advice(journal(), advice_ids)
    say(f"Reopened advice {ids([after for _, after in changed])}.")
    for before, _ in changed:
        if before.outcome:
            warn(f"cleared the outcome of advice #{before.id}: {before.outcome}")


delete_command(app, "advice", "advice", "mentorlog advice delete 4")
