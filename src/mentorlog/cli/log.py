"""log: record a meeting in one go, from flags, stdin, or the editor template."""

import sys
from datetime import date, datetime
from typing import Annotated

from mentorlog.cli.common import State, date_option, datetime_option, journal, reading, record_id
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.cli.meeting import Mode

top = Group()  # top-level commands, registered in cli/registry.py


@top.command(
    "log",
    epilog="Example: mentorlog log alex --notes 'Talked RFCs' --action 'Draft RFC due:+1w' --next +2w",
)
def log(
    mentor: Annotated[str | None, Arg(help="Mentor (default: the one due soonest).")] = None,
    on: Annotated[
        datetime | None, datetime_option("--on", help="When it was held (default now).")
    ] = None,
    notes: Annotated[str | None, Opt(help="Meeting notes (Markdown); '-' reads stdin.")] = None,
    advice: Annotated[list[str] | None, Opt("--advice", help="Advice received (repeat).")] = None,
    action: Annotated[
        list[str] | None,
        Opt("--action", help="Action you committed to; 'due:+2w' sets a due date (repeat)."),
    ] = None,
    discussed: Annotated[
        list[int] | None,
        Opt(
            "--discussed",
            help="Queued question ID covered (repeat).",
            parser=record_id,
            metavar="ID",
        ),
    ] = None,
    next_: Annotated[
        date | None, date_option("--next", help="Planned date of the next meeting.")
    ] = None,
    mode: Annotated[Mode, Opt(help="in-person, video, call or chat.")] = Mode.video,
    minutes: Annotated[int | None, Opt(min=1, max=1440, help="How long it took.")] = None,
    feedback: Annotated[
        list[str] | None,
        Opt("--feedback", help="Feedback the mentor gave you (repeat).", metavar="TEXT"),
    ] = None,
    resource: Annotated[
        list[str] | None,
        Opt(
            "--resource",
            help="A book, article, talk... the mentor recommended (repeat).",
            metavar="TITLE",
        ),
    ] = None,
    intro: Annotated[
        list[str] | None,
        Opt("--intro", help="Someone the mentor introduced you to (repeat).", metavar="PERSON"),
    ] = None,
    edit: Annotated[
        bool, Opt("--edit", "-e", help="Open the editor template even with flags.")
    ] = False,
) -> None:
    """Record a meeting: notes, advice, actions, questions covered, feedback, resources, intros.

    With no content flags on a terminal it opens $VISUAL/$EDITOR on a Markdown template
    pre-filled with your open actions, pending advice and queued questions.
    """
    from mentorlog.config import load_config
    from mentorlog.core.clock import local_now
    from mentorlog.core.dates import extract_due
    from mentorlog.errors import UsageProblem
    from mentorlog.store.queries import mentor_agenda, mentor_due_soonest, resolve_mentor
    from mentorlog.store.writes import MeetingDraft

    config = load_config()
    content = (notes, advice, action, discussed, next_, feedback, resource, intro)
    with reading() as conn:
        chosen = (
            resolve_mentor(conn, mentor, active_only=True)
            if mentor
            else mentor_due_soonest(conn, config.default_mentor)
        )
        agenda = mentor_agenda(conn, chosen["id"]) if edit or _wants_editor(*content) else None
    if edit and any(content):
        raise UsageProblem("--edit opens the template; give the content there, not as flags")
    if agenda is not None:
        _log_with_editor(chosen, on or local_now(), agenda, config.editor_command())
        return
    if notes == "-" or (notes is None and not sys.stdin.isatty()):
        notes = sys.stdin.read()  # piped notes are kept whatever other flags come with them
    draft = MeetingDraft(
        mentor=chosen["name"],
        held_at=on or local_now(),
        notes=notes or "",
        advice=list(advice or []),
        actions=[extract_due(text) for text in action or []],
        discussed=list(discussed or []),
        next_date=next_,
        mode=mode.value,
        minutes=minutes,
        feedback=list(feedback or []),
        resources=list(resource or []),
        intros=list(intro or []),
    )
    _save(draft, chosen["id"])


def _wants_editor(*content: object) -> bool:
    return not any(content) and sys.stdin.isatty()


def _save(draft, mentor_id: int) -> None:
    from mentorlog.render.output import say
    from mentorlog.store.writes import log_meeting

    logged = log_meeting(journal(), draft, mentor_id)
    created = [
        _ids(noun, ids)
        for noun, ids in (
            ("advice", logged.advice_ids),
            ("action", logged.action_ids),
            ("feedback", logged.feedback_ids),
            ("resource", logged.resource_ids),
            ("intro", logged.intro_ids),
        )
        if ids
    ]
    counted = [
        f"{len(ids)} {noun}{'s' if len(ids) != 1 else ''} {verb}"
        for noun, verb, ids in (
            ("question", "covered", logged.discussed),
            ("action", "done", logged.done_actions),
        )
        if ids
    ]
    when = logged.meeting.held_at.astimezone().strftime("%Y-%m-%d %H:%M")
    details = ", ".join(created + counted)
    say(
        f"Logged meeting #{logged.meeting.id} with {logged.mentor_name} on {when}"
        + (f": {details}." if details else ".")
    )
    if logged.meeting.next_date:
        say(f"Next meeting planned for {logged.meeting.next_date}.")


def _ids(noun: str, ids: list[int]) -> str:
    """'action #4, #5': the ids a log created, shown as the user will type them."""
    plural = "" if len(ids) == 1 or noun in ("advice", "feedback") else "s"
    return f"{noun}{plural} " + ", ".join(f"#{i}" for i in ids)


def _log_with_editor(mentor: dict, when: datetime, agenda: dict, editor: str) -> None:
    """Template → editor → parse → save; the draft survives any failure after the editor closes."""
    from mentorlog.cli.editor import edit_file
    from mentorlog.core.clock import utcnow
    from mentorlog.core.template import build_template, parse_template
    from mentorlog.errors import MentorlogError, NothingRecorded
    from mentorlog.paths import db_path, drafts_dir, write_private_text
    from mentorlog.store.writes import MeetingDraft

    template = build_template(mentor["name"], when, agenda)
    draft_path = drafts_dir(db_path(State.db)) / f"meeting-{utcnow():%Y%m%dT%H%M%S%f}.md"
    write_private_text(draft_path, template)
    try:
        text = edit_file(draft_path, editor)
    except MentorlogError:  # the editor never saved anything of the user's: nothing to keep
        draft_path.unlink(missing_ok=True)
        raise
    if text.strip() == template.strip():
        draft_path.unlink(missing_ok=True)
        raise NothingRecorded("the template was left untouched; nothing recorded")
    try:
        filled = parse_template(text)
        draft = MeetingDraft(
            mentor=mentor["name"],
            held_at=filled.held_at,
            notes=filled.notes,
            advice=filled.advice,
            actions=filled.actions,
            discussed=filled.discussed,
            done_actions=filled.done_actions,
            next_date=filled.next_date,
            mode=filled.mode,
            minutes=filled.minutes,
            feedback=filled.feedback,
            resources=filled.resources,
            intros=filled.intros,
        )
        _save(draft, mentor["id"])
    except MentorlogError as exc:
        raise type(exc)(f"{exc.message}. Your draft is kept at {draft_path}") from None
    except BaseException:
        from mentorlog.render.output import error_line

        error_line(f"saving failed; your draft is kept at {draft_path}")
        raise
    draft_path.unlink(missing_ok=True)
