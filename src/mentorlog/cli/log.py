"""log: record a meeting in one go, from flags, stdin, or the editor template."""

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from mentorlog.cli.common import DATE_HELP, journal, later_id, parse_datetime_value, record_id
from mentorlog.cli.decl import Arg, Group, Opt
from mentorlog.cli.meeting import Mode
from mentorlog.core.fields import MINUTES
from mentorlog.errors import MentorlogError

top = Group()  # top-level commands, registered in cli/registry.py


@top.command(
    "log",
    epilog="Example: mentorlog log alex --notes 'Talked RFCs' --action 'Draft RFC due:+1w' --next +2w",
)
def log(
    mentor: Annotated[str | None, Arg(help="Mentor (default: the one due soonest).")] = None,
    on: Annotated[
        str | None,
        Opt(  # read in log itself (as --discussed is), once piped notes are kept
            "--on",
            help="When it was held (default now; never in the future). A DATE with optional "
            "time, e.g. 'yesterday 15:30'.",
            metavar="DATETIME",
        ),
    ] = None,
    notes: Annotated[
        str | None,
        Opt(help="Meeting notes (Markdown); '-' always reads stdin."),
    ] = None,
    advice: Annotated[list[str] | None, Opt("--advice", help="Advice received (repeat).")] = None,
    action: Annotated[
        list[str] | None,
        Opt(
            "--action",
            help="Action you committed to; 'due:+2w' sets a due date, counted from the meeting's "
            "day (repeat).",
        ),
    ] = None,
    discussed: Annotated[
        list[str] | None,
        Opt(
            "--discussed",
            help="Queued question ID covered (repeat).",
            parser=later_id,
            metavar="ID",
        ),
    ] = None,
    next_: Annotated[
        str | None,
        Opt(
            "--next",
            help="Planned date of the next meeting; relative dates count from the meeting's day. "
            + DATE_HELP,
            metavar="DATE",
        ),
    ] = None,
    mode: Annotated[
        Mode | None, Opt(help="in-person, video, call or chat (default video).")
    ] = None,
    minutes: Annotated[
        int | None, Opt(min=MINUTES[0], max=MINUTES[1], help="How long it took.")
    ] = None,
    feedback: Annotated[
        list[str] | None,
        Opt(
            "--feedback",
            help="Feedback the mentor gave you, constructive: to act on (repeat).",
            metavar="TEXT",
        ),
    ] = None,
    praise: Annotated[
        list[str] | None,
        Opt("--praise", help="Praise the mentor gave you (repeat).", metavar="TEXT"),
    ] = None,
    goal: Annotated[
        int | None,
        Opt(
            "--goal",
            "-g",
            help="The goal this meeting was about: its advice and actions are linked to it.",
            parser=record_id,
            metavar="ID",
        ),
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
        bool,
        Opt(
            "--edit",
            "-e",
            help="Open the editor template; the other flags given pre-fill it.",
        ),
    ] = False,
    resume: Annotated[
        bool,
        Opt(
            "--resume",
            help="Reopen the draft kept when an editor session failed (the newest, or MENTOR's).",
        ),
    ] = False,
    force: Annotated[
        bool,
        Opt("--force", help="Log it even if it repeats a meeting logged that day word for word."),
    ] = False,
) -> None:
    """Record a meeting: notes, advice, actions, questions covered, feedback, resources, intros.

    With no content flags on a terminal, or with -e, it opens $VISUAL/$EDITOR on a Markdown
    template pre-filled with your open actions, pending advice and queued questions, and with
    whatever you gave as flags (--on, --mode, --minutes, --notes, --advice, --action, --discussed,
    --next, --feedback, --resource, --intro). Save and close to record it; a template you leave
    as it opened with no flags, or empty, records nothing. If the editor fails or the draft can't
    be read, the draft is kept in drafts/ beside the journal and --resume reopens it (the next
    log -e for that mentor offers to).

    Notes come from stdin when it is not a terminal: always with --notes - or a file redirect
    (< notes.md), and when it is the only content given. With other content flags (or -e) a pipe
    is read only if something arrives on it within half a second, so an idle inherited stdin
    (cron, ssh) doesn't hang log. In a `while read` loop give --notes, or < /dev/null, or log
    reads the rest of the loop's input as notes.

    Relative dates in --action 'due:...' and --next count from the day of the meeting (--on), as
    they were said then. A meeting with nothing in it (exit 2), or in the future, is refused —
    up to 15 minutes ahead is allowed, to log one as it ends; logging the same meeting twice
    (same day, same notes, advice and actions) needs --force.
    """
    from mentorlog.errors import UsageProblem

    content = (notes, advice, action, discussed, next_, feedback, resource, intro, praise)
    details = (on, mode, minutes, goal)
    if resume and (any(content) or any(v is not None for v in details)):
        raise UsageProblem("--resume reopens the kept draft as it is; change it in the editor")
    # Piped notes can't be typed again: read and copied to drafts/ before anything is checked
    # (the mentor, the dates, the journal itself), removed once they are recorded.
    raw = None if resume else _stdin_bytes(notes, others_given=edit or any(content))
    piped = PipedNotes.keep(raw) if raw is not None else None
    with _keeping(piped):
        if raw is not None:
            notes = decode_notes(raw, piped)
        when = parse_datetime_value(on) if on is not None else None
        question_ids = [record_id(text) for text in discussed] if discussed else None
        _log(mentor, when, notes, advice, action, question_ids, next_, mode, minutes, feedback,
             resource, intro, edit=edit, resume=resume, force=force, piped=piped, praise=praise,
             goal=goal)  # fmt: skip


def _log(
    mentor, on, notes, advice, action, discussed, next_, mode, minutes, feedback, resource, intro,
    *, edit: bool, resume: bool, force: bool, piped: "PipedNotes | None",
    praise: list[str] | None = None, goal: int | None = None,
) -> None:  # fmt: skip
    from mentorlog.config import load_config
    from mentorlog.core.clock import local_now
    from mentorlog.core.rules import meeting_not_in_future
    from mentorlog.store.db import read_connection
    from mentorlog.store.queries import (
        get_record,
        mentor_agenda,
        mentor_for_meeting,
        resolve_mentor,
    )

    config = load_config()
    db = journal()  # this invocation's journal: opened (and checked for exposure) once
    content = (notes, advice, action, discussed, next_, feedback, resource, intro, praise)
    picked = None
    with read_connection(db) as conn:
        kept = None
        if goal is not None:
            get_record(conn, "goal", goal)
        if resume and not mentor:
            kept = _newest_draft(conn, db)
            chosen = kept[1]
        elif mentor:
            chosen = resolve_mentor(conn, mentor, active_only=True)
        else:
            chosen, picked = mentor_for_meeting(
                conn, config.default_mentor, (on or local_now()).date()
            )
        if resume and kept is None:
            kept = _newest_draft(conn, db, chosen)
        elif not resume:
            kept = _newest_draft(conn, db, chosen, missing_ok=True)
        editing = resume or edit or _wants_editor(*content)
        agenda = mentor_agenda(conn, chosen["id"]) if editing else None
    if picked:  # log is a record: say whose, every time the name was left out
        print(f"Logging with {chosen['name']} ({picked}).", file=sys.stderr)
    editor = config.editor_command()
    if resume:
        _edit_and_save(db, chosen, editor, draft=kept[0], force=force)
        return
    when = on or local_now()
    meeting_not_in_future(when, "--on")  # before any editor opens
    if kept is not None:
        again = _resume_hint(chosen["name"])
        if agenda is not None and not any(content) and _interactive():
            from mentorlog.render.output import confirm

            if confirm(f"You have an unsaved draft for {chosen['name']} at {kept[0]}. Resume it?"):
                _edit_and_save(db, chosen, editor, draft=kept[0], force=force)
                return
        from mentorlog.render.output import warn

        warn(f"an unsaved draft for {chosen['name']} is kept at {kept[0]}; {again} reopens it")
    if agenda is not None:
        given = {
            "mode": mode and mode.value,
            "minutes": minutes,
            "notes": notes,
            "advice": advice,
            "actions": action,
            "discussed": discussed,
            "next": next_,
            "feedback": feedback,
            "praise": praise,
            "goal": goal,
            "resources": resource,
            "intros": intro,
        }
        # With -e, piped notes pre-fill the template and the editor reads the terminal instead
        # (cli/editor.py); once the template is written they are kept in it.
        _edit_and_save(
            db, chosen, editor, fresh=(when, agenda, given), force=force, handed_over=piped
        )
        return
    from mentorlog.core.dates import extract_due, parse_date
    from mentorlog.store.writes import MeetingDraft

    day = when.date()  # relative dates count from the meeting, as they were said then
    draft = MeetingDraft(
        mentor=chosen["name"],
        held_at=when,
        notes=notes or "",
        advice=list(advice or []),
        actions=[extract_due(text, day, config.week_start) for text in action or []],
        discussed=list(discussed or []),
        next_date=parse_date(next_, day, config.week_start, future=True) if next_ else None,
        mode=mode.value if mode else "video",
        minutes=minutes,
        feedback=list(feedback or []),
        praise=list(praise or []),
        goal_id=goal,
        resources=list(resource or []),
        intros=list(intro or []),
        force=force,
    )
    _save(db, draft, chosen)


# ---------------------------------------------------------------- notes piped on stdin


class NotUtf8(MentorlogError):
    """Notes on stdin that are not UTF-8 text: refused, never guessed at."""


class PipedNotes:
    """Notes that came on a pipe, and the private copy of their bytes in drafts/ that waits
    until they are recorded (None when stdin is a file, which is still there, or when even the
    copy can't be written)."""

    def __init__(self, copy: Path | None) -> None:
        self.copy = copy

    @classmethod
    def keep(cls, raw: bytes) -> "PipedNotes | None":
        if not raw.strip() or _stdin_is_a_file():
            return None
        return cls(_keep_bytes(raw))

    def release(self) -> None:
        """The notes are recorded (or kept in another draft): the copy goes."""
        if self.copy is not None:
            self.copy.unlink(missing_ok=True)
            self.copy = None

    def told(self, message: str, not_utf8: bool = False) -> str:
        """`message`, saying where the notes wait and how to give them to log again."""
        if self.copy is None:
            return message
        import shlex

        where = shlex.quote(str(self.copy))
        if not_utf8:
            return (
                f"{message}. Your piped notes are kept at {self.copy}, as they came; convert "
                f"them (e.g. 'iconv -f latin1 -t utf-8 {where} > notes.md') and add "
                "'--notes - < notes.md' when you run log again"
            )
        return (
            f"{message}. Your piped notes are kept at {self.copy}; "
            f"add '--notes - < {where}' when you run log again"
        )


@contextlib.contextmanager
def _keeping(piped: "PipedNotes | None") -> Iterator[None]:
    """Recorded: the copy of the piped notes goes. Refused: the error says where it is."""
    if piped is None or piped.copy is None:
        yield
        return
    try:
        yield
    except MentorlogError as exc:
        if piped.copy is None:
            raise  # handed over to a meeting draft, which the error names
        raise type(exc)(piped.told(exc.message, isinstance(exc, NotUtf8))) from None
    except BaseException:
        if piped.copy is not None:
            from mentorlog.render.output import error_line

            error_line(f"your piped notes are kept at {piped.copy}")
        raise
    piped.release()


def decode_notes(raw: bytes, piped: "PipedNotes | None") -> str:
    """UTF-8 text with newlines as text mode reads them; anything else is refused, not guessed."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        fix = (
            "" if piped is not None and piped.copy else "; convert them to UTF-8 (e.g. with iconv)"
        )
        raise NotUtf8(
            f"the notes on stdin are not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); nothing was recorded{fix}"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _keep_bytes(raw: bytes, db: Path | None = None) -> Path | None:
    """The bytes in a new private draft beside the journal; None when even that can't be written."""
    from mentorlog.cli.session import State
    from mentorlog.core.clock import utcnow
    from mentorlog.paths import db_path, drafts_dir, write_private_text

    db = db or State.opened or db_path(State.db)
    path = drafts_dir(db) / f"notes-{utcnow():%Y%m%dT%H%M%S%f}.md"
    try:
        return write_private_text(path, raw, overwrite=False)
    except MentorlogError:
        return None


def keep_refused_notes(argv: list[str]) -> "PipedNotes | None":
    """`log` refused by the command-line parser itself (a bad --on, --minutes 0, a typo'd option):
    the notes it would have read from a pipe, kept. Only what log would read: not with --notes
    TEXT or --resume, never from a terminal or a file (still there), never waiting on an idle pipe."""
    words = argv[argv.index("log") + 1 :] if "log" in argv else argv
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == "--resume":
            return None
        value = (
            word.partition("=")[2]
            if word.startswith("--notes=")
            else (words[index + 1] if word == "--notes" and index + 1 < len(words) else None)
        )
        if value is not None and value != "-":
            return None
    if _interactive() or _stdin_is_a_file() or not _data_arrives(sys.stdin, STDIN_WAIT):
        return None
    try:
        raw = _read_all(sys.stdin)
    except OSError:
        return None
    return PipedNotes.keep(raw)


def _wants_editor(*content: object) -> bool:
    return not any(content) and sys.stdin.isatty()


# How long a pipe may stay silent before log decides nothing is being sent (when other flags
# carry the meeting): long enough for `echo notes |` or `cat file |`, short enough for cron.
STDIN_WAIT = 0.5


def _stdin_bytes(notes: str | None, others_given: bool) -> bytes | None:
    """The notes' bytes, read from stdin when that is what the user means (see `log --help`);
    None when stdin is not read.

    `--notes -` always reads; a terminal never does. Otherwise stdin is read when it holds the
    only content, when it is a regular file (`< notes.md`), or, with other content flags, when
    data arrives on the pipe within STDIN_WAIT: an idle stdin inherited from cron or ssh must
    not hang a `log --action ...` until it closes.
    """
    if notes == "-":
        return _read_all(sys.stdin)
    if notes is not None or _interactive():
        return None
    if not others_given or _data_arrives(sys.stdin, STDIN_WAIT):
        return _read_all(sys.stdin)
    from mentorlog.render.output import warn

    # Not silent: if notes were on their way after all, the user learns how to keep them.
    warn(
        f"nothing came on stdin within {STDIN_WAIT} s, so it was not read; "
        "to log piped notes, add --notes -"
    )
    return None


def _read_all(stream) -> bytes:
    """Every byte on `stream`, as it came (a text stream without a buffer: its text, as UTF-8)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read()
    return stream.read().encode("utf-8", "surrogateescape")


def _data_arrives(stream, wait: float) -> bool:
    """A file is there to read; a pipe, socket or device is when it has data (or EOF) in time."""
    import os
    import stat

    try:
        fd = stream.fileno()
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return True
        import select

        ready, _, _ = select.select([fd], [], [], wait)
    except (AttributeError, OSError, ValueError):  # no real descriptor (in-memory stdin): read it
        return True
    return bool(ready)


def _interactive() -> bool:
    """Someone at a terminal who can answer a question."""
    return sys.stdin.isatty()


def _stdin_is_a_file() -> bool:
    import os
    import stat

    try:
        return stat.S_ISREG(os.fstat(sys.stdin.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):
        return False


def _save(db: Path, draft, mentor: dict) -> None:
    from mentorlog.render.output import plural, say
    from mentorlog.store.writes import log_meeting

    logged = log_meeting(db, draft, mentor["id"])
    created = [
        _ids(noun, ids)
        for noun, ids in (
            ("action", logged.action_ids),
            ("advice", logged.advice_ids),
            ("feedback", logged.feedback_ids),
            ("resource", logged.resource_ids),
            ("intro", logged.intro_ids),
        )
        if ids
    ]
    counted = [
        f"{plural(len(ids), noun)} {verb}"
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
    if logged.same_day:
        others = ", ".join(f"#{i}" for i in logged.same_day)
        say(f"Also logged with {logged.mentor_name} that day: meeting {others}.")
    if logged.meeting.next_date:
        say(f"Next meeting planned for {logged.meeting.next_date}.")


def _ids(noun: str, ids: list[int]) -> str:
    """'action #4, #5': the ids a log created, shown as the user will type them."""
    plural = "" if len(ids) == 1 or noun in ("advice", "feedback") else "s"
    return f"{noun}{plural} " + ", ".join(f"#{i}" for i in ids)


# ---------------------------------------------------------------- the editor and its drafts

_DRAFT_NAME = r"^meeting-(\d+)-"
_TITLE = r"(?m)^# Meeting with (.+?)\s*$"


def _resume_hint(name: str) -> str:
    import shlex

    return f"`mentorlog log {shlex.quote(name)} --resume`"


def _newest_draft(conn, db: Path, mentor: dict | None = None, missing_ok: bool = False):
    """(path, mentor) of the newest meeting draft kept in drafts/ (for `mentor` when given)."""
    import re

    from mentorlog.errors import MentorlogError, NotFoundError
    from mentorlog.paths import drafts_dir
    from mentorlog.store.queries import get_record, resolve_mentor

    folder = drafts_dir(db)
    paths = sorted(
        folder.glob("meeting-*.md") if folder.is_dir() else (),
        key=lambda p: (p.stat().st_mtime, p.name),
        reverse=True,
    )
    for path in paths:
        try:
            if m := re.match(_DRAFT_NAME, path.name):
                owner = get_record(conn, "mentor", int(m[1]))
            elif m := re.search(_TITLE, path.read_text(encoding="utf-8", errors="replace")):
                owner = resolve_mentor(conn, m[1])  # a draft kept before drafts were named
            else:
                continue
        except (MentorlogError, OSError):
            continue
        if mentor is None or owner["id"] == mentor["id"]:
            return path, owner
    if missing_ok:
        return None
    whose = f" for {mentor['name']}" if mentor else ""
    raise NotFoundError(
        f"no unsaved meeting draft{whose} in {folder}; drafts are kept there when an editor "
        "session fails"
    )


def _edit_and_save(
    db: Path,
    mentor: dict,
    editor: str,
    *,
    fresh: tuple | None = None,
    draft: Path | None = None,
    force: bool = False,
    handed_over: PipedNotes | None = None,
) -> None:
    """Template (or kept draft) → editor → parse → save; the draft survives any failure.

    A template left as it was built with no flags, or emptied, records nothing and keeps nothing;
    one pre-filled from flags is recorded as saved (as `git commit -e -m` does). One the editor
    failed on is kept if it holds anything of yours (typed in the editor or given as flags). A
    resumed draft is the user's text already: recorded as saved, and kept until it is. Piped
    notes (`handed_over`) are in the template: their own copy goes once it is written.
    """
    from mentorlog.cli.editor import EditorFailed, edit_file, read_draft
    from mentorlog.core.clock import utcnow
    from mentorlog.core.template import build_template, parse_template
    from mentorlog.errors import MentorlogError, NothingRecorded
    from mentorlog.paths import drafts_dir, write_private_text
    from mentorlog.store.writes import MeetingDraft

    again = _resume_hint(mentor["name"])
    template = bare = None
    if draft is None:
        when, agenda, given = fresh
        template = build_template(mentor["name"], when, agenda, given)
        bare = build_template(mentor["name"], when, agenda)
        draft = drafts_dir(db) / f"meeting-{mentor['id']}-{utcnow():%Y%m%dT%H%M%S%f}.md"
        write_private_text(draft, template)
        if handed_over is not None:
            handed_over.release()
    try:
        text = edit_file(draft, editor)
    except EditorFailed as exc:
        left = read_draft(draft) if draft.exists() else ""
        if template is None or left.strip() not in ("", bare.strip()):
            raise MentorlogError(
                f"{exc.message}; nothing was recorded. Your draft is kept at {draft}; "
                f"{again} reopens it"
            ) from None
        draft.unlink(missing_ok=True)
        raise MentorlogError(f"{exc.message}; nothing was recorded") from None
    if not text.strip() or (bare is not None and text.strip() == bare.strip()):
        draft.unlink(missing_ok=True)
        how = "emptied" if not text.strip() else "left untouched"
        raise NothingRecorded(f"the template was {how}; nothing recorded")
    try:
        from mentorlog.config import load_config

        filled = parse_template(text, week_start=load_config().week_start)
        meeting = MeetingDraft(
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
            praise=filled.praise,
            goal_id=filled.goal_id,
            resources=filled.resources,
            intros=filled.intros,
            force=force,
            done_results=filled.done_results,
        )
        _save(db, meeting, mentor)
    except MentorlogError as exc:
        raise type(exc)(
            f"{exc.message}. Your draft is kept at {draft}; {again} reopens it"
        ) from None
    except BaseException:
        from mentorlog.render.output import error_line

        error_line(f"saving failed; your draft is kept at {draft}")
        raise
    draft.unlink(missing_ok=True)
