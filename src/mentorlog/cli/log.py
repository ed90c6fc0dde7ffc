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
    edit: Annotated[
        bool, Opt("--edit", "-e", help="Open the editor template even with flags.")
    ] = False,
) -> None:
    """Record a meeting: notes, advice, actions, questions covered, next date.

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
    with reading() as conn:
        chosen = (
            resolve_mentor(conn, mentor, active_only=True)
            if mentor
            else mentor_due_soonest(conn, config.default_mentor)
        )
        agenda = (
            mentor_agenda(conn, chosen["id"])
            if edit or _wants_editor(notes, advice, action, discussed, next_)
            else None
        )
    if edit and any(x for x in (notes, advice, action, discussed, next_)):
        raise UsageProblem("--edit opens the template; give the content there, not as flags")
    if agenda is not None:
        _log_with_editor(chosen, on or local_now(), agenda, config.editor_command())
        return
    if notes == "-" or (
        notes is None and not sys.stdin.isatty() and not (advice or action or discussed)
    ):
        notes = sys.stdin.read()
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
    )
    _save(draft, chosen["id"])


def _wants_editor(*content: object) -> bool:
    return not any(content) and sys.stdin.isatty()


def _save(draft, mentor_id: int) -> None:
    from mentorlog.render.output import say
    from mentorlog.store.writes import log_meeting

    logged = log_meeting(journal(), draft, mentor_id)
    parts = [
        f"{len(logged.advice_ids)} advice",
        f"{len(logged.action_ids)} new actions",
        f"{len(logged.discussed)} questions covered",
    ]
    if logged.done_actions:
        parts.append(f"{len(logged.done_actions)} actions done")
    when = logged.meeting.held_at.astimezone().strftime("%Y-%m-%d %H:%M")
    say(
        f"Logged meeting #{logged.meeting.id} with {logged.mentor_name} on {when}: {', '.join(parts)}."
    )
    if logged.meeting.next_date:
        say(f"Next meeting planned for {logged.meeting.next_date}.")


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
        )
        _save(draft, mentor["id"])
    except MentorlogError as exc:
        raise type(exc)(f"{exc.message}. Your draft is kept at {draft_path}") from None
    except BaseException:
        from mentorlog.render.output import error_line

        error_line(f"saving failed; your draft is kept at {draft_path}")
        raise
    draft_path.unlink(missing_ok=True)
