"""Every change to the journal, each one transaction through SQLModel; returns what was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from mentorlog.core import clock
from mentorlog.errors import ConflictError, UsageProblem
from mentorlog.store import queries
from mentorlog.store.db import raw, write_session
from mentorlog.store.schema import (
    Action,
    Advice,
    Goal,
    Meeting,
    Mentor,
    Milestone,
    Reflection,
    Topic,
    Win,
)


def _need_text(text: str | None, what: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise UsageProblem(f"the {what} is empty; give some text")
    return valid_text(cleaned, what)


def valid_text(text: str, what: str) -> str:
    """Text SQLite can store and every terminal can show: no NUL bytes, no lone surrogates."""
    if "\x00" in text:
        raise UsageProblem(f"the {what} contains a NUL byte; remove it")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageProblem(f"the {what} contains bytes that are not valid UTF-8 text") from None
    return text


def _optional_text(text: str | None, what: str) -> str | None:
    return _need_text(text, what) if text is not None and text.strip() else None


def _get(session: Session, model: type, record_id: int):
    """Load by id through the shared lookup, so 'not found' reads the same everywhere."""
    queries.get_record(raw(session), model.__tablename__, record_id)
    return session.get(model, record_id)


def _mentor_id(session: Session, name: str | None, active_only: bool = True) -> int | None:
    if name is None:
        return None
    return queries.resolve_mentor(raw(session), name, active_only=active_only)["id"]


def _touch(record: Any) -> None:
    record.updated_at = clock.utcnow()


# ---------------------------------------------------------------- mentors


def add_mentor(
    path: Path,
    name: str,
    cadence: str,
    focus: str | None = None,
    contact: str | None = None,
    since: date | None = None,
) -> Mentor:
    name = _need_text(name, "mentor name")
    with write_session(path) as session:
        existing = queries.fetch_one(
            raw(session), "SELECT name FROM mentor WHERE name = ? COLLATE NOCASE", (name,)
        )
        if existing:
            raise ConflictError(f"a mentor named {existing['name']!r} already exists")
        mentor = Mentor(
            name=name,
            cadence=cadence,
            focus=_optional_text(focus, "focus"),
            contact=_optional_text(contact, "contact"),
            started_on=since or clock.today(),
        )
        session.add(mentor)
    return mentor


def edit_mentor(path: Path, ref: str, changes: dict[str, Any]) -> Mentor:
    with write_session(path) as session:
        mentor = _get(session, Mentor, queries.resolve_mentor(raw(session), ref)["id"])
        if "name" in changes:
            changes["name"] = _need_text(changes["name"], "mentor name")
            clash = queries.fetch_one(
                raw(session),
                "SELECT name FROM mentor WHERE name = ? COLLATE NOCASE AND id != ?",
                (changes["name"], mentor.id),
            )
            if clash:
                raise ConflictError(f"a mentor named {clash['name']!r} already exists")
        _apply(mentor, changes)
    return mentor


def end_mentor(path: Path, ref: str, on: date | None, note: str | None) -> Mentor:
    with write_session(path) as session:
        mentor = _get(session, Mentor, queries.resolve_mentor(raw(session), ref)["id"])
        if mentor.ended_on:
            raise ConflictError(
                f"the mentorship with {mentor.name} already ended on {mentor.ended_on}"
            )
        mentor.ended_on = on or clock.today()
        mentor.closing_note = _optional_text(note, "closing note")
        _touch(mentor)
    return mentor


def _apply(record: Any, changes: dict[str, Any]) -> None:
    """Set the given fields; text fields must not become empty."""
    if not changes:
        raise UsageProblem("nothing to change; pass at least one option (see --help)")
    for key, value in changes.items():
        if isinstance(value, str) and key in ("title", "text", "name"):
            value = _need_text(value, key)
        elif isinstance(value, str):
            value = _optional_text(value, key)
        setattr(record, key, value)
    _touch(record)


# ---------------------------------------------------------------- goals and milestones


def add_goal(
    path: Path,
    title: str,
    why: str | None = None,
    measure: str | None = None,
    target: date | None = None,
    mentor: str | None = None,
    horizon: str = "short",
    milestones: list[str] | None = None,
) -> Goal:
    with write_session(path) as session:
        goal = Goal(
            title=_need_text(title, "goal title"),
            why=_optional_text(why, "why"),
            measure=_optional_text(measure, "measure"),
            target_date=target,
            horizon=horizon,
            mentor_id=_mentor_id(session, mentor),
        )
        session.add(goal)
        session.flush()
        for position, text in enumerate(milestones or [], start=1):
            session.add(
                Milestone(goal_id=goal.id, title=_need_text(text, "milestone"), position=position)
            )
    return goal


def edit_goal(path: Path, goal_id: int, changes: dict[str, Any]) -> Goal:
    with write_session(path) as session:
        goal = _get(session, Goal, goal_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor_id(session, changes.pop("mentor"))
        _apply(goal, changes)
    return goal


GOAL_TRANSITIONS = {
    # new status: the statuses it may come from
    "achieved": ("active", "paused"),
    "dropped": ("active", "paused"),
    "paused": ("active",),
    "active": ("paused", "dropped"),
}


def set_goal_status(path: Path, goal_id: int, status: str, note: str | None = None) -> Goal:
    with write_session(path) as session:
        goal = _get(session, Goal, goal_id)
        if goal.status not in GOAL_TRANSITIONS[status]:
            raise ConflictError(f"goal #{goal.id} is {goal.status}; it can't become {status}")
        goal.status = status
        goal.status_note = _optional_text(note, "reason")
        goal.achieved_on = clock.today() if status == "achieved" else None
        _touch(goal)
        if status == "achieved":
            session.add(
                Win(
                    text=f"Achieved goal: {goal.title}",
                    won_on=goal.achieved_on,
                    goal_id=goal.id,
                    mentor_id=goal.mentor_id,
                )
            )
    return goal


def add_milestone(path: Path, goal_id: int, title: str, due: date | None = None) -> Milestone:
    with write_session(path) as session:
        goal = _get(session, Goal, goal_id)
        last = queries.fetch_one(
            raw(session), "SELECT MAX(position) AS p FROM milestone WHERE goal_id = ?", (goal.id,)
        )
        milestone = Milestone(
            goal_id=goal.id,
            title=_need_text(title, "milestone"),
            due_date=due,
            position=(last["p"] or 0) + 1,
        )
        session.add(milestone)
    return milestone


@dataclass
class MilestoneDone:
    milestone: Milestone
    goal_title: str
    remaining: int


def complete_milestone(
    path: Path, milestone_id: int, on: date | None = None, note: str | None = None
) -> MilestoneDone:
    with write_session(path) as session:
        milestone = _get(session, Milestone, milestone_id)
        if milestone.done_on:
            raise ConflictError(
                f"milestone #{milestone.id} was already done on {milestone.done_on}"
            )
        milestone.done_on = on or clock.today()
        milestone.note = _optional_text(note, "note") or milestone.note
        _touch(milestone)
        session.flush()
        goal = session.get(Goal, milestone.goal_id)
        session.add(
            Win(
                text=f"Reached milestone: {milestone.title}",
                won_on=milestone.done_on,
                goal_id=goal.id,
                milestone_id=milestone.id,
                mentor_id=goal.mentor_id,
            )
        )
        remaining = queries.fetch_one(
            raw(session),
            "SELECT COUNT(*) AS n FROM milestone WHERE goal_id = ? AND done_on IS NULL",
            (goal.id,),
        )["n"]
    return MilestoneDone(milestone, goal.title, remaining)


def edit_milestone(path: Path, milestone_id: int, changes: dict[str, Any]) -> Milestone:
    with write_session(path) as session:
        milestone = _get(session, Milestone, milestone_id)
        _apply(milestone, changes)
    return milestone


# ---------------------------------------------------------------- actions


@dataclass
class ActionLinks:
    goal_id: int | None = None
    milestone_id: int | None = None
    advice_id: int | None = None
    meeting_id: int | None = None
    mentor: str | None = None


def _link_action(session: Session, links: ActionLinks) -> dict[str, int | None]:
    """Check every link exists; a milestone implies its goal."""
    conn = raw(session)
    goal_id = links.goal_id
    if links.milestone_id is not None:
        milestone = queries.get_record(conn, "milestone", links.milestone_id)
        if goal_id is not None and goal_id != milestone["goal_id"]:
            raise ConflictError(
                f"milestone #{milestone['id']} belongs to goal #{milestone['goal_id']}, not #{goal_id}"
            )
        goal_id = milestone["goal_id"]
    for table, record_id in (
        ("goal", goal_id),
        ("advice", links.advice_id),
        ("meeting", links.meeting_id),
    ):
        if record_id is not None:
            queries.get_record(conn, table, record_id)
    return {
        "goal_id": goal_id,
        "milestone_id": links.milestone_id,
        "advice_id": links.advice_id,
        "meeting_id": links.meeting_id,
        "mentor_id": _mentor_id(session, links.mentor),
    }


def add_action(
    path: Path,
    text: str,
    due: date | None = None,
    links: ActionLinks | None = None,
    done: bool = False,
) -> Action:
    with write_session(path) as session:
        action = Action(
            text=_need_text(text, "action"),
            due_date=due,
            **_link_action(session, links or ActionLinks()),
        )
        if done:
            action.status, action.done_on = "done", clock.today()
        session.add(action)
    return action


def complete_action(
    path: Path, action_id: int, on: date | None = None, result: str | None = None
) -> Action:
    with write_session(path) as session:
        action = _get(session, Action, action_id)
        if action.status != "open":
            raise ConflictError(f"action #{action.id} is already {action.status}")
        action.status, action.done_on = "done", on or clock.today()
        action.result = _optional_text(result, "result")
        _touch(action)
    return action


def drop_action(path: Path, action_id: int, reason: str | None = None) -> Action:
    with write_session(path) as session:
        action = _get(session, Action, action_id)
        if action.status != "open":
            raise ConflictError(f"action #{action.id} is already {action.status}")
        action.status = "dropped"
        action.result = _optional_text(reason, "reason")
        _touch(action)
    return action


def edit_action(path: Path, action_id: int, changes: dict[str, Any]) -> Action:
    with write_session(path) as session:
        action = _get(session, Action, action_id)
        link_keys = {"goal_id", "milestone_id", "advice_id", "meeting_id", "mentor"}
        if link_keys & changes.keys():
            current = ActionLinks(
                goal_id=changes.pop("goal_id", action.goal_id),
                milestone_id=changes.pop("milestone_id", action.milestone_id),
                advice_id=changes.pop("advice_id", action.advice_id),
                meeting_id=changes.pop("meeting_id", action.meeting_id),
                mentor=changes.pop("mentor", None),
            )
            linked = _link_action(session, current)
            if current.mentor is None:
                linked.pop("mentor_id")
            changes.update(linked)
        _apply(action, changes)
    return action


# ---------------------------------------------------------------- advice


def add_advice(
    path: Path,
    text: str,
    mentor: str | None = None,
    why: str | None = None,
    goal_id: int | None = None,
    meeting_id: int | None = None,
    on: date | None = None,
) -> Advice:
    with write_session(path) as session:
        conn = raw(session)
        mentor_id = _mentor_id(session, mentor, active_only=False)
        if meeting_id is not None:
            meeting = queries.get_record(conn, "meeting", meeting_id)
            mentor_id = mentor_id or meeting["mentor_id"]
        if goal_id is not None:
            queries.get_record(conn, "goal", goal_id)
        advice = Advice(
            text=_need_text(text, "advice"),
            why=_optional_text(why, "why"),
            mentor_id=mentor_id,
            goal_id=goal_id,
            meeting_id=meeting_id,
            given_on=on or clock.today(),
        )
        session.add(advice)
    return advice


ADVICE_TRANSITIONS = {
    "trying": ("new",),
    "applied": ("new", "trying"),
    "skipped": ("new", "trying"),
}


def set_advice_status(
    path: Path, advice_id: int, status: str, outcome: str | None = None
) -> Advice:
    with write_session(path) as session:
        advice = _get(session, Advice, advice_id)
        if advice.status not in ADVICE_TRANSITIONS[status]:
            raise ConflictError(f"advice #{advice.id} is {advice.status}; it can't become {status}")
        advice.status, advice.status_on = status, clock.today()
        if outcome is not None:
            advice.outcome = _need_text(outcome, "outcome")
        _touch(advice)
    return advice


# ---------------------------------------------------------------- topics


def ask(path: Path, text: str, mentor: str | None = None, goal_id: int | None = None) -> Topic:
    with write_session(path) as session:
        if goal_id is not None:
            queries.get_record(raw(session), "goal", goal_id)
        topic = Topic(
            text=_need_text(text, "question"),
            mentor_id=_mentor_id(session, mentor),
            goal_id=goal_id,
        )
        session.add(topic)
    return topic


def drop_topic(path: Path, topic_id: int) -> Topic:
    with write_session(path) as session:
        topic = _get(session, Topic, topic_id)
        if topic.status != "queued":
            raise ConflictError(f"question #{topic.id} is already {topic.status}")
        topic.status = "dropped"
        _touch(topic)
    return topic


# ---------------------------------------------------------------- meetings


@dataclass
class MeetingDraft:
    """Everything `log` records in one transaction."""

    mentor: str | None
    held_at: datetime
    notes: str = ""
    advice: list[str] = field(default_factory=list)
    actions: list[tuple[str, date | None]] = field(default_factory=list)
    discussed: list[int] = field(default_factory=list)
    done_actions: list[int] = field(default_factory=list)
    next_date: date | None = None
    mode: str = "video"
    minutes: int | None = None


@dataclass
class LoggedMeeting:
    meeting: Meeting
    mentor_name: str
    advice_ids: list[int]
    action_ids: list[int]
    discussed: list[int]
    done_actions: list[int]


def log_meeting(path: Path, draft: MeetingDraft, mentor_id: int) -> LoggedMeeting:
    valid_text(draft.notes, "notes")
    with write_session(path) as session:
        conn = raw(session)
        mentor = queries.get_record(conn, "mentor", mentor_id)
        if mentor["ended_on"]:
            raise ConflictError(
                f"the mentorship with {mentor['name']} ended on {mentor['ended_on']}"
            )
        meeting = Meeting(
            mentor_id=mentor_id,
            held_at=clock.to_utc(draft.held_at),
            notes=draft.notes.strip(),
            next_date=draft.next_date,
            mode=draft.mode,
            minutes=draft.minutes,
        )
        session.add(meeting)
        session.flush()
        day = clock.to_local(meeting.held_at).date()
        advice = [
            Advice(
                text=_need_text(text, "advice"),
                mentor_id=mentor_id,
                meeting_id=meeting.id,
                given_on=day,
            )
            for text in draft.advice
        ]
        actions = [
            Action(
                text=_need_text(text, "action"),
                due_date=due,
                meeting_id=meeting.id,
                mentor_id=mentor_id,
            )
            for text, due in draft.actions
        ]
        session.add_all(advice + actions)
        for topic_id in draft.discussed:
            topic = _get(session, Topic, topic_id)
            if topic.status != "queued":
                raise ConflictError(f"question #{topic.id} is already {topic.status}")
            topic.status, topic.meeting_id = "discussed", meeting.id
            _touch(topic)
        for action_id in draft.done_actions:
            action = _get(session, Action, action_id)
            if action.status == "open":
                action.status, action.done_on = "done", day
                _touch(action)
        session.flush()
        logged = LoggedMeeting(
            meeting,
            mentor["name"],
            [a.id for a in advice],
            [a.id for a in actions],
            list(draft.discussed),
            list(draft.done_actions),
        )
    return logged


def edit_meeting(path: Path, meeting_id: int, changes: dict[str, Any]) -> Meeting:
    with write_session(path) as session:
        meeting = _get(session, Meeting, meeting_id)
        if "held_at" in changes:
            changes["held_at"] = clock.to_utc(changes["held_at"])
        if "notes" in changes:
            meeting.notes = valid_text(changes.pop("notes"), "notes").strip()
            _touch(meeting)
            if not changes:
                return meeting
        _apply(meeting, changes)
    return meeting


# ---------------------------------------------------------------- wins and reflections


def add_win(
    path: Path,
    text: str,
    goal_id: int | None = None,
    on: date | None = None,
    mentor: str | None = None,
) -> Win:
    with write_session(path) as session:
        mentor_id = _mentor_id(session, mentor, active_only=False)
        if goal_id is not None:
            goal = queries.get_record(raw(session), "goal", goal_id)
            mentor_id = mentor_id or goal["mentor_id"]
        win = Win(
            text=_need_text(text, "win"),
            won_on=on or clock.today(),
            goal_id=goal_id,
            mentor_id=mentor_id,
        )
        session.add(win)
    return win


def save_reflection(path: Path, start: date, end: date, text: str) -> Reflection:
    """One reflection per review period: saving again replaces that period's text."""
    text = _need_text(text, "reflection")
    with write_session(path) as session:
        existing = queries.fetch_one(
            raw(session),
            "SELECT id FROM reflection WHERE period_end = ? AND period_start = ?",
            (end.isoformat(), start.isoformat()),
        )
        if existing:
            reflection = session.get(Reflection, existing["id"])
            reflection.text = text
            _touch(reflection)
        else:
            reflection = Reflection(period_start=start, period_end=end, text=text)
            session.add(reflection)
    return reflection


# ---------------------------------------------------------------- deletion


MODELS = {
    m.__tablename__: m
    for m in (Mentor, Goal, Milestone, Meeting, Topic, Advice, Action, Win, Reflection)
}


def delete_record(path: Path, table: str, record_id: int) -> list[tuple[str, int, str]]:
    """Delete one record; linked rows cascade or unlink as the schema says. Returns what it touched."""
    from mentorlog.store.db import checkpoint

    model = MODELS[table]
    with write_session(path) as session:
        record = _get(session, model, record_id)
        impact = queries.delete_impact(raw(session), table, record_id)
        session.delete(record)
    checkpoint(path)
    return impact
