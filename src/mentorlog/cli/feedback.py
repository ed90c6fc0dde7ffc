"""feedback add/act/reopen/list/show/edit/delete: feedback received from, or given to, a mentor."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from mentorlog.cli.common import (
    GoalOpt,
    IdArg,
    Json,
    changes,
    date_option,
    delete_command,
    journal,
    record_id,
    show_detail,
    show_view,
)
from mentorlog.cli.decl import Arg, Group, Opt

app = Group()  # its help text: GROUPS in cli/registry.py


class FeedbackKind(StrEnum):
    praise = "praise"
    constructive = "constructive"


IdsArg = Annotated[
    list[int], Arg(help="One or more feedback ids: 12 or #12.", parser=record_id, metavar="ID...")
]
FromOpt = Annotated[
    str | None, Opt("--from", help="Received from this mentor (name or prefix).", metavar="NAME")
]
ToOpt = Annotated[
    str | None, Opt("--to", help="Given to this mentor (name or prefix).", metavar="NAME")
]
KindOpt = Annotated[FeedbackKind | None, Opt("--kind", "-k", help="praise or constructive.")]


def _who(from_: str | None, to: str | None, required: bool) -> tuple[str | None, str | None]:
    """(mentor, direction) from --from/--to: exactly one of them (or none when not required)."""
    from mentorlog.errors import UsageProblem

    if from_ is not None and to is not None:
        raise UsageProblem("give one of --from (feedback received) or --to (feedback given)")
    if from_ is not None:
        return from_, "received"
    if to is not None:
        return to, "given"
    if required:
        raise UsageProblem(
            "say who it is from (--from NAME: feedback received) or to (--to NAME: feedback given)"
        )
    return None, None


@app.command(
    "add",
    epilog="Example: mentorlog feedback add 'Your RFC buried the decision' --from alex --kind constructive",
)
def add(
    text: Annotated[str, Arg(help="The feedback, in a sentence.")],
    from_: FromOpt = None,
    to: ToOpt = None,
    kind: KindOpt = None,
    on: Annotated[date | None, date_option("--on", help="When (default today).")] = None,
    goal: GoalOpt = None,
) -> None:
    """Record feedback received from a mentor (--from) or given to one (--to)."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import add_feedback

    mentor, direction = _who(from_, to, required=True)
    feedback, name = add_feedback(
        journal(), text, mentor, direction, kind.value if kind else None, on, goal
    )
    way = "from" if direction == "received" else "to"
    tail = (
        f" Act on it, then: mentorlog feedback act {feedback.id} --note 'what changed'"
        if direction == "received" and feedback.kind == "constructive"
        else ""
    )
    say(f"Recorded feedback #{feedback.id} {way} {name}.{tail}")


@app.command(
    "act",
    epilog="Example: mentorlog feedback act 4 --note 'RFCs now open with the decision'",
)
def act(
    feedback_ids: IdsArg,
    note: Annotated[str | None, Opt(help="What you changed.")] = None,
    on: Annotated[date | None, date_option("--on", help="When (default today).")] = None,
) -> None:
    """Mark received constructive feedback as acted on."""
    from mentorlog.render.output import say
    from mentorlog.render.relationship import count
    from mentorlog.store.relationship import act_on_feedback

    done = act_on_feedback(journal(), feedback_ids, note, on)
    ids = ", ".join(f"#{f.id}" for f in done)
    say(
        f"Acted on {count(len(done), 'feedback')}: {ids}. It will be in your next prep's report-back."
    )


@app.command("reopen", epilog="Example: mentorlog feedback reopen 4")
def reopen(feedback_ids: IdsArg) -> None:
    """Undo 'feedback act': the feedback is pending again."""
    from mentorlog.render.output import say
    from mentorlog.render.relationship import count
    from mentorlog.store.relationship import reopen_feedback

    done = reopen_feedback(journal(), feedback_ids)
    say(f"Reopened {count(len(done), 'feedback')}: {', '.join(f'#{f.id}' for f in done)}.")


@app.command("list", epilog="Example: mentorlog feedback list --from alex --pending")
def list_(
    from_: FromOpt = None,
    to: ToOpt = None,
    kind: KindOpt = None,
    pending: Annotated[
        bool,
        Opt("--pending", help="Only received constructive feedback not yet acted on."),
    ] = False,
    json: Json = False,
) -> None:
    """List feedback, newest first."""
    from mentorlog.errors import UsageProblem
    from mentorlog.store.queries import resolve_mentor
    from mentorlog.store.relationship import list_feedback

    mentor, direction = _who(from_, to, required=False)
    if pending and (direction == "given" or kind == FeedbackKind.praise):
        raise UsageProblem(
            "--pending lists received constructive feedback; drop --to / --kind praise"
        )

    def read(conn):
        mentor_id = resolve_mentor(conn, mentor)["id"] if mentor is not None else None
        return list_feedback(conn, mentor_id, direction, kind.value if kind else None, pending)

    show_view(read, json, "relationship.feedback_table")


@app.command("show", epilog="Example: mentorlog feedback show 4")
def show(feedback_id: IdArg, json: Json = False) -> None:
    """Show one piece of feedback."""
    from mentorlog.store.relationship import feedback_detail

    show_detail(feedback_detail, feedback_id, json, "relationship.feedback_detail")


@app.command("edit", epilog="Example: mentorlog feedback edit 4 --kind constructive")
def edit(
    feedback_id: IdArg,
    text: Annotated[str | None, Opt(help="New text.")] = None,
    from_: FromOpt = None,
    to: ToOpt = None,
    kind: KindOpt = None,
    on: Annotated[date | None, date_option("--on", help="New date.")] = None,
    goal: GoalOpt = None,
    note: Annotated[str | None, Opt(help="What you changed (once acted on); '' clears it.")] = None,
) -> None:
    """Change a piece of feedback: its text, kind, date, goal, or who it is from or to."""
    from mentorlog.render.output import say
    from mentorlog.store.relationship import edit_feedback

    mentor, direction = _who(from_, to, required=False)
    fields = changes(
        text=text,
        mentor=mentor,
        direction=direction,
        kind=kind.value if kind else None,
        given_on=on,
        goal_id=goal,
        acted_note=note,
    )
    feedback = edit_feedback(journal(), feedback_id, fields)
    say(f"Updated feedback #{feedback.id}.")


delete_command(app, "feedback", "feedback", "mentorlog feedback delete 4 --yes")
