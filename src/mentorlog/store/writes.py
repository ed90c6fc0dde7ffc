"""Every change to the journal, each one sqlite3 BEGIN IMMEDIATE transaction; returns what it wrote.

No SQLAlchemy here: writes start as fast as reads. Rows go in and out through store/rows.py, shaped
by store/tables.py (generated from the models); lookups are the read path's (store/queries.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from mentorlog.core import clock
from mentorlog.core.fields import need_text, optional_text, valid_text
from mentorlog.core.rules import (
    ACTION_MOVES,
    ADVICE_TRANSITIONS,
    GOAL_MOVES,
    meeting_not_in_future,
    not_in_future,
)
from mentorlog.errors import ConflictError, UsageProblem
from mentorlog.store import queries, rows
from mentorlog.store.db import write_connection
from mentorlog.store.rows import Record

# The text rules are core/fields.py's, shared with import and `db check`.
_need_text = need_text
_optional_text = optional_text


def _get(conn: sqlite3.Connection, table: str, record_id: int) -> Record:
    """Load by id through the shared lookup, so 'not found' reads the same everywhere."""
    return rows.decode(table, queries.get_record(conn, table, record_id))


def _mentor_id(conn: sqlite3.Connection, name: str | None, active_only: bool = True) -> int | None:
    if name is None:
        return None
    return queries.resolve_mentor(conn, name, active_only=active_only)["id"]


def _update(conn: sqlite3.Connection, table: str, record_id: int, values: dict[str, Any]) -> Record:
    """Set the columns (stamping updated_at) and return the row as it now stands."""
    rows.update(conn, table, record_id, values)
    return rows.load(conn, table, record_id)


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> Record:
    return rows.load(conn, table, rows.insert(conn, table, values))


def _unique(ids: Iterable[int]) -> list[int]:
    """The ids in the order given, each once (`done 3 3` means #3); at least one."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        raise UsageProblem("give at least one id")
    return unique


# ---------------------------------------------------------------- mentors


def add_mentor(
    path: Path,
    name: str,
    cadence: str,
    focus: str | None = None,
    contact: str | None = None,
    since: date | None = None,
) -> Record:
    name = _need_text(name, "mentor name")
    started_on = not_in_future(since, "--since")
    with write_connection(path) as conn:
        existing = queries.name_taken(conn, name)
        if existing:
            raise ConflictError(f"a mentor named {existing['name']!r} already exists")
        mentor = _insert(
            conn,
            "mentor",
            {
                "name": name,
                "cadence": cadence,
                "focus": _optional_text(focus, "focus"),
                "contact": _optional_text(contact, "contact"),
                "started_on": started_on,
            },
        )
    return mentor


def edit_mentor(path: Path, ref: str, changes: dict[str, Any]) -> Record:
    with write_connection(path) as conn:
        mentor = rows.decode("mentor", queries.resolve_mentor(conn, ref))
        if "started_on" in changes:
            not_in_future(changes["started_on"], "--since")
        if "name" in changes:
            changes["name"] = _need_text(changes["name"], "mentor name")
            clash = queries.name_taken(conn, changes["name"], other_than=mentor.id)
            if clash:
                raise ConflictError(f"a mentor named {clash['name']!r} already exists")
        mentor = _apply(conn, "mentor", mentor, changes)
    return mentor


def end_mentor(
    path: Path,
    ref: str,
    on: date | None,
    note: str | None,
    goals: str | None = None,
    goals_to: str | None = None,
) -> tuple[Record, dict[str, Any] | None]:
    """Conclude a mentorship, with its closing note (reopening clears it), and in the same
    transaction move (`goals='move'`, to `goals_to`), keep or drop its active and paused goals.
    Returns the mentor and what happened to the goals (None when there were none to decide)."""
    ended_on = not_in_future(on, "--on")
    note = _optional_text(note, "closing note")
    with write_connection(path) as conn:
        mentor = rows.decode("mentor", queries.resolve_mentor(conn, ref))
        open_goals = [g["id"] for g in queries.open_goals_of(conn, mentor.id)]
        moved = None
        if open_goals and goals == "move":
            target = queries.resolve_mentor(conn, goals_to or "")
            if target["id"] == mentor.id:
                raise ConflictError(f"--goals-to names {mentor.name}, the mentorship being ended")
            if target["ended_on"]:
                raise ConflictError(
                    f"the mentorship with {target['name']} has ended; pick an active mentor"
                )
            for goal_id in open_goals:
                rows.update(conn, "goal", goal_id, {"mentor_id": target["id"]})
            moved = {"how": "move", "ids": open_goals, "to": target["name"]}
        elif open_goals and goals == "drop":
            for goal_id in open_goals:
                rows.update(
                    conn,
                    "goal",
                    goal_id,
                    {
                        "status": "dropped",
                        "status_note": f"the mentorship with {mentor.name} ended",
                    },
                )
            moved = {"how": "drop", "ids": open_goals, "to": None}
        elif open_goals and goals == "keep":
            moved = {"how": "keep", "ids": open_goals, "to": None}
        if mentor.ended_on:
            raise ConflictError(
                f"the mentorship with {mentor.name} already ended on {mentor.ended_on}"
            )
        if ended_on < mentor.started_on:
            raise ConflictError(
                f"the mentorship with {mentor.name} started on {mentor.started_on}; "
                f"it can't end on {ended_on}"
            )
        mentor = _update(
            conn,
            "mentor",
            mentor.id,
            {"ended_on": ended_on, "closing_note": note},
        )
    return mentor, moved


def reopen_mentor(path: Path, ref: str) -> tuple[Record, Record]:
    """Undo `mentor end`: the mentorship is active again, its closing note cleared (it belonged to
    the end). Returns the mentor before and after, so the caller can show the cleared note."""
    with write_connection(path) as conn:
        before = rows.decode("mentor", queries.resolve_mentor(conn, ref))
        if not before.ended_on:
            raise ConflictError(
                f"the mentorship with {before.name} has not ended; nothing to reopen"
            )
        mentor = _update(conn, "mentor", before.id, {"ended_on": None, "closing_note": None})
    return before, mentor


def _apply(conn: sqlite3.Connection, table: str, record: Record, changes: dict[str, Any]) -> Record:
    """Set the given fields; text fields must not become empty."""
    return _update(conn, table, record.id, _changed(changes))


def _changed(changes: dict[str, Any]) -> dict[str, Any]:
    """The values an edit sets: at least one, text cleaned (empty optional text clears the field)."""
    if not changes:
        raise UsageProblem("nothing to change; pass at least one option (see --help)")
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if isinstance(value, str) and key in ("title", "text", "name"):
            value = _need_text(value, key)
        elif isinstance(value, str):
            value = _optional_text(value, key)
        values[key] = value
    return values


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
) -> Record:
    with write_connection(path) as conn:
        goal_id = rows.insert(
            conn,
            "goal",
            {
                "title": _need_text(title, "goal title"),
                "why": _optional_text(why, "why"),
                "measure": _optional_text(measure, "measure"),
                "target_date": target,
                "horizon": horizon,
                "mentor_id": _mentor_id(conn, mentor),
            },
        )
        for position, text in enumerate(milestones or [], start=1):
            rows.insert(
                conn,
                "milestone",
                {"goal_id": goal_id, "title": _need_text(text, "milestone"), "position": position},
            )
        goal = rows.load(conn, "goal", goal_id)
    return goal


def edit_goal(path: Path, goal_id: int, changes: dict[str, Any]) -> Record:
    with write_connection(path) as conn:
        goal = _get(conn, "goal", goal_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor_id(conn, changes.pop("mentor"))
        goal = _apply(conn, "goal", goal, changes)
    return goal


# The text of the win a goal or milestone records (what it is is `win.source`, never this text).
GOAL_WIN = "Achieved goal: "
MILESTONE_WIN = "Reached milestone: "


class Changed(NamedTuple):
    """A record a state change touched, and the win it recorded or removed (if any)."""

    record: Record
    win_id: int | None = None


def _auto_win(conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> int | None:
    """Delete the win `goal done`/`milestone done` recorded; its id (None when it is gone)."""
    win = queries.fetch_one(conn, f"SELECT id FROM win WHERE {where} ORDER BY id DESC", params)
    if win:
        conn.execute("DELETE FROM win WHERE id = ?", (win["id"],))
    return win["id"] if win else None


def _record_auto_win(conn: sqlite3.Connection, source: str, parent: Record, values: dict) -> int:
    """The win a milestone or goal records, identified by uuid5 of its uuid (rows.auto_win_uuid):
    the same milestone completed on two devices makes one win when they sync. A win left with
    that uuid (a reopen that kept it) is brought up to date instead of duplicated."""
    uuid = rows.auto_win_uuid(parent.uuid)
    values = {**values, "source": source}
    found = queries.fetch_one(conn, "SELECT id FROM win WHERE uuid = ?", (uuid,))
    if found:
        rows.update(conn, "win", found["id"], values)
        return int(found["id"])
    return rows.insert(conn, "win", {"uuid": uuid, **values})


def move_goals(
    path: Path,
    goal_ids: Iterable[int],
    command: str,
    note: str | None = None,
    on: date | None = None,
) -> list[Changed]:
    """done/drop/pause/resume/reopen several goals at once: all of them change, or none.

    `done` records a win per goal (on `on`, default today); `reopen` of an achieved goal removes it.
    """
    status, sources = GOAL_MOVES[command]
    day = not_in_future(on, "--on")
    note = _optional_text(note, "reason")
    changed = []
    with write_connection(path) as conn:
        for goal_id in _unique(goal_ids):
            goal = _get(conn, "goal", goal_id)
            if goal.status not in sources:
                raise ConflictError(
                    f"goal #{goal.id} is {goal.status}; 'goal {command}' works on "
                    f"{' or '.join(sources)} goals"
                )
            win_id = None
            if command == "reopen" and goal.status == "achieved":
                win_id = _auto_win(conn, "goal_id = ? AND source = 'goal'", (goal.id,))
            goal = _update(
                conn,
                "goal",
                goal.id,
                {
                    "status": status,
                    "status_note": note,
                    "achieved_on": day if status == "achieved" else None,
                },
            )
            if status == "achieved":
                win_id = _record_auto_win(
                    conn,
                    "goal",
                    goal,
                    {
                        "text": GOAL_WIN + goal.title,
                        "won_on": goal.achieved_on,
                        "goal_id": goal.id,
                        "mentor_id": goal.mentor_id,
                    },
                )
            changed.append(Changed(goal, win_id))
    return changed


def add_milestone(path: Path, goal_id: int, title: str, due: date | None = None) -> Record:
    with write_connection(path) as conn:
        goal = _get(conn, "goal", goal_id)
        last = queries.fetch_one(
            conn, "SELECT MAX(position) AS p FROM milestone WHERE goal_id = ?", (goal.id,)
        )
        milestone = _insert(
            conn,
            "milestone",
            {
                "goal_id": goal.id,
                "title": _need_text(title, "milestone"),
                "due_date": due,
                "position": (last["p"] or 0) + 1,
            },
        )
    return milestone


class MilestoneDone(NamedTuple):
    milestone: Record
    goal_title: str
    remaining: int
    win_id: int


def complete_milestones(
    path: Path, milestone_ids: Iterable[int], on: date | None = None, note: str | None = None
) -> list[MilestoneDone]:
    """Mark milestones reached (each records a win): all of them, or none."""
    day = not_in_future(on, "--on")
    note = _optional_text(note, "note")
    done = []
    with write_connection(path) as conn:
        for milestone_id in _unique(milestone_ids):
            milestone = _get(conn, "milestone", milestone_id)
            if milestone.done_on:
                raise ConflictError(
                    f"milestone #{milestone.id} was already done on {milestone.done_on}; "
                    f"'mentorlog milestone reopen {milestone.id}' undoes that"
                )
            milestone = _update(
                conn, "milestone", milestone.id, {"done_on": day, "note": note or milestone.note}
            )
            goal = rows.load(conn, "goal", milestone.goal_id)
            win_id = _record_auto_win(
                conn,
                "milestone",
                milestone,
                {
                    "text": MILESTONE_WIN + milestone.title,
                    "won_on": milestone.done_on,
                    "goal_id": goal.id,
                    "milestone_id": milestone.id,
                    "mentor_id": goal.mentor_id,
                },
            )
            remaining = queries.fetch_one(
                conn,
                "SELECT COUNT(*) AS n FROM milestone WHERE goal_id = ? AND done_on IS NULL",
                (goal.id,),
            )["n"]
            done.append(MilestoneDone(milestone, goal.title, remaining, win_id))
    return done


def reopen_milestones(path: Path, milestone_ids: Iterable[int]) -> list[Changed]:
    """Undo `milestone done`: not reached after all; the win it recorded goes too."""
    changed = []
    with write_connection(path) as conn:
        for milestone_id in _unique(milestone_ids):
            milestone = _get(conn, "milestone", milestone_id)
            if not milestone.done_on:
                raise ConflictError(f"milestone #{milestone.id} is not done; nothing to reopen")
            win_id = _auto_win(conn, "milestone_id = ? AND source = 'milestone'", (milestone.id,))
            milestone = _update(conn, "milestone", milestone.id, {"done_on": None})
            changed.append(Changed(milestone, win_id))
    return changed


def edit_milestone(path: Path, milestone_id: int, changes: dict[str, Any]) -> Record:
    """Change a milestone; `goal_id` moves it to the end of another goal's milestones."""
    with write_connection(path) as conn:
        milestone = _get(conn, "milestone", milestone_id)
        goal_id = changes.get("goal_id")
        if goal_id is not None and goal_id != milestone.goal_id:
            goal = _get(conn, "goal", goal_id)
            last = queries.fetch_one(
                conn, "SELECT MAX(position) AS p FROM milestone WHERE goal_id = ?", (goal.id,)
            )["p"]
            changes["position"] = (last or 0) + 1
        elif goal_id is not None:
            changes.pop("goal_id")
            changes = changes or {"goal_id": goal_id}  # said where it already is: no-op write
        milestone = _apply(conn, "milestone", milestone, changes)
    return milestone


# ---------------------------------------------------------------- actions


class ActionLinks(NamedTuple):
    goal_id: int | None = None
    milestone_id: int | None = None
    advice_id: int | None = None
    meeting_id: int | None = None
    mentor: str | None = None


def _link_action(conn: sqlite3.Connection, links: ActionLinks) -> dict[str, int | None]:
    """Check every link exists; a milestone implies its goal."""
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
        "mentor_id": _mentor_id(conn, links.mentor),
    }


REPEAT_WINDOW_SECONDS = 60  # the same action added twice within a minute is a repeated command


def _repeated_action(conn: sqlite3.Connection, text: str) -> int | None:
    """The id of an action with exactly this text added in the last minute (a shell's history, a
    double paste): the newest few rows by id, so the check costs the same on any journal."""
    since = rows.encode(clock.utcnow() - timedelta(seconds=REPEAT_WINDOW_SECONDS))
    newest = conn.execute("SELECT id, text, created_at FROM action ORDER BY id DESC LIMIT 20")
    for action_id, action_text, created_at in newest:
        if created_at is not None and created_at < since:
            break
        if action_text == text:
            return int(action_id)
    return None


def add_action(
    path: Path,
    text: str,
    due: date | None = None,
    links: ActionLinks | None = None,
    done: bool = False,
    force: bool = False,
) -> Record:
    text = _need_text(text, "action")
    with write_connection(path) as conn:
        if not force and (repeat := _repeated_action(conn, text)):
            raise ConflictError(
                f"action #{repeat} with the same text was added less than a minute ago; "
                "add --force to add it again"
            )
        values = {
            "text": text,
            "due_date": due,
            **_link_action(conn, links or ActionLinks()),
        }
        if done:
            values["status"], values["done_on"] = "done", clock.today()
        action = _insert(conn, "action", values)
    return action


def _move_actions(
    path: Path, action_ids: Iterable[int], command: str, values: dict[str, Any]
) -> list[tuple[Record, Record]]:
    """Move every action as `command` does (core.rules.ACTION_MOVES) and set `values`: all of
    them, or none. Each action before and after."""
    status, sources = ACTION_MOVES[command]
    values = {"status": status, **values}
    changed = []
    with write_connection(path) as conn:
        for action_id in _unique(action_ids):
            action = _get(conn, "action", action_id)
            if action.status not in sources:
                hint = (
                    f"; 'mentorlog action reopen {action.id}' undoes that"
                    if action.status != "open"
                    else ""
                )
                raise ConflictError(f"action #{action.id} is already {action.status}{hint}")
            changed.append((action, _update(conn, "action", action.id, values)))
    return changed


def complete_actions(
    path: Path, action_ids: Iterable[int], on: date | None = None, result: str | None = None
) -> list[Record]:
    day = not_in_future(on, "--on")
    values = {"done_on": day, "result": _optional_text(result, "result")}
    return [after for _, after in _move_actions(path, action_ids, "done", values)]


def drop_actions(path: Path, action_ids: Iterable[int], reason: str | None = None) -> list[Record]:
    values = {"result": _optional_text(reason, "reason")}
    return [after for _, after in _move_actions(path, action_ids, "drop", values)]


def reopen_actions(path: Path, action_ids: Iterable[int]) -> list[tuple[Record, Record]]:
    """Undo `action done`/`action drop`: open again, its done date and result (or reason)
    cleared. Each action before and after, so the cleared text can be shown, not lost."""
    values = {"done_on": None, "result": None}
    return _move_actions(path, action_ids, "reopen", values)


def edit_action(path: Path, action_id: int, changes: dict[str, Any]) -> Record:
    with write_connection(path) as conn:
        action = _get(conn, "action", action_id)
        link_keys = {"goal_id", "milestone_id", "advice_id", "meeting_id", "mentor"}
        if link_keys & changes.keys():
            current = ActionLinks(
                goal_id=changes.pop("goal_id", action.goal_id),
                milestone_id=changes.pop("milestone_id", action.milestone_id),
                advice_id=changes.pop("advice_id", action.advice_id),
                meeting_id=changes.pop("meeting_id", action.meeting_id),
                mentor=changes.pop("mentor", None),
            )
            linked = _link_action(conn, current)
            if current.mentor is None:
                linked.pop("mentor_id")
            changes.update(linked)
        action = _apply(conn, "action", action, changes)
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
) -> Record:
    with write_connection(path) as conn:
        mentor_id = _mentor_id(conn, mentor, active_only=False)
        if meeting_id is not None:
            meeting = queries.get_record(conn, "meeting", meeting_id)
            mentor_id = mentor_id or meeting["mentor_id"]
        if goal_id is not None:
            queries.get_record(conn, "goal", goal_id)
        advice = _insert(
            conn,
            "advice",
            {
                "text": _need_text(text, "advice"),
                "why": _optional_text(why, "why"),
                "mentor_id": mentor_id,
                "goal_id": goal_id,
                "meeting_id": meeting_id,
                "given_on": not_in_future(on, "--on"),
            },
        )
    return advice


def edit_advice(path: Path, advice_id: int, changes: dict[str, Any]) -> Record:
    """Change what you typed about advice: text, why, mentor, the meeting and goal it came with,
    the day it was given. A meeting names its mentor when no mentor is given."""
    with write_connection(path) as conn:
        advice = _get(conn, "advice", advice_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor_id(conn, changes.pop("mentor"), active_only=False)
        if changes.get("meeting_id") is not None:
            meeting = _get(conn, "meeting", changes["meeting_id"])
            changes.setdefault("mentor_id", meeting.mentor_id)
        if changes.get("goal_id") is not None:
            _get(conn, "goal", changes["goal_id"])
        if "given_on" in changes:
            changes["given_on"] = not_in_future(changes["given_on"], "--on")
            if advice.status_on and changes["given_on"] > advice.status_on:
                raise ConflictError(
                    f"advice #{advice.id} was {advice.status} on {advice.status_on}; "
                    f"it can't have been given after that ({changes['given_on']})"
                )
        advice = _apply(conn, "advice", advice, changes)
    return advice


def set_advice_status(
    path: Path,
    advice_ids: Iterable[int],
    status: str,
    outcome: str | None = None,
    on: date | None = None,
) -> list[Record]:
    """try/apply/skip several pieces of advice at once (on `on`, default today): all, or none."""
    day = not_in_future(on, "--on")
    values: dict[str, Any] = {"status": status, "status_on": day}
    if outcome is not None:
        values["outcome"] = _need_text(outcome, "outcome")
    return [after for _, after in _move_advice(path, advice_ids, values, day)]


def reopen_advice(path: Path, advice_ids: Iterable[int]) -> list[tuple[Record, Record]]:
    """Undo try/apply/skip: the advice is new again, its outcome cleared. Before and after, so
    the cleared outcome can be shown, not lost."""
    values = {"status": "new", "status_on": None, "outcome": None}
    return _move_advice(path, advice_ids, values, None)


def _move_advice(
    path: Path, advice_ids: Iterable[int], values: dict[str, Any], day: date | None
) -> list[tuple[Record, Record]]:
    status = values["status"]
    changed = []
    with write_connection(path) as conn:
        for advice_id in _unique(advice_ids):
            advice = _get(conn, "advice", advice_id)
            if advice.status not in ADVICE_TRANSITIONS[status]:
                raise ConflictError(
                    f"advice #{advice.id} is {advice.status}; it can't become {status}"
                )
            if day is not None and day < advice.given_on:
                raise ConflictError(
                    f"advice #{advice.id} was given on {advice.given_on}; --on {day} is before that"
                )
            changed.append((advice, _update(conn, "advice", advice.id, values)))
    return changed


# ---------------------------------------------------------------- topics


def ask(path: Path, text: str, mentor: str | None = None, goal_id: int | None = None) -> Record:
    with write_connection(path) as conn:
        if goal_id is not None:
            queries.get_record(conn, "goal", goal_id)
        topic = _insert(
            conn,
            "topic",
            {
                "text": _need_text(text, "question"),
                "mentor_id": _mentor_id(conn, mentor),
                "goal_id": goal_id,
            },
        )
    return topic


def edit_topic(path: Path, topic_id: int, changes: dict[str, Any]) -> Record:
    """Change a queued question: its text, the mentor it is for, its goal."""
    with write_connection(path) as conn:
        topic = _get(conn, "topic", topic_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor_id(conn, changes.pop("mentor"))
        if changes.get("goal_id") is not None:
            _get(conn, "goal", changes["goal_id"])
        topic = _apply(conn, "topic", topic, changes)
    return topic


def drop_topics(path: Path, topic_ids: Iterable[int]) -> list[Record]:
    """Take questions off the agenda: all of them, or none."""
    changed = []
    with write_connection(path) as conn:
        for topic_id in _unique(topic_ids):
            topic = _get(conn, "topic", topic_id)
            if topic.status != "queued":
                raise ConflictError(f"question #{topic.id} is already {topic.status}")
            changed.append(_update(conn, "topic", topic.id, {"status": "dropped"}))
    return changed


# ---------------------------------------------------------------- meetings


class MeetingDraft(NamedTuple):
    """Everything `log` records in one transaction (NamedTuples here: dataclasses cost ~8 ms to import)."""

    mentor: str | None
    held_at: datetime
    notes: str = ""
    advice: list[str] | tuple[()] = ()
    actions: list[tuple[str, date | None]] | tuple[()] = ()
    discussed: list[int] | tuple[()] = ()
    done_actions: list[int] | tuple[()] = ()
    next_date: date | None = None
    mode: str = "video"
    minutes: int | None = None
    feedback: list[str] | tuple[()] = ()  # feedback received: constructive unless praise
    praise: list[str] | tuple[()] = ()  # feedback received that is praise
    resources: list[str] | tuple[()] = ()  # titles the mentor recommended
    intros: list[str] | tuple[()] = ()  # people the mentor introduced
    force: bool = False  # log it even when it repeats a meeting already logged that day
    done_results: dict[int, str] | None = None  # what came of an action ticked done
    goal_id: int | None = None  # the goal the meeting was about: its advice and actions link to it

    def is_empty(self) -> bool:
        """Nothing said, decided or planned: no meeting worth a record."""
        return not (
            self.notes.strip()
            or self.advice
            or self.actions
            or self.discussed
            or self.done_actions
            or self.next_date
            or self.feedback
            or self.praise
            or self.resources
            or self.intros
        )


class LoggedMeeting(NamedTuple):
    meeting: Record
    mentor_name: str
    advice_ids: list[int]
    action_ids: list[int]
    discussed: list[int]
    done_actions: list[int]
    feedback_ids: list[int]
    resource_ids: list[int]
    intro_ids: list[int]
    same_day: list[int]  # other meetings with this mentor logged on the same day


def _same_day_meetings(
    conn: sqlite3.Connection, draft: MeetingDraft, mentor_id: int
) -> tuple[list[int], int | None]:
    """The mentor's other meetings on the draft's local day, and the one it repeats word for word
    (same notes, advice and actions), if any."""
    from datetime import timedelta

    local = clock.to_local(clock.to_utc(draft.held_at))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    found = queries.fetch_all(
        conn,
        "SELECT id, notes FROM meeting WHERE mentor_id = ? AND held_at >= ? AND held_at < ?"
        " ORDER BY held_at, id",
        (mentor_id, rows.encode(start), rows.encode(start + timedelta(days=1))),
    )
    notes = draft.notes.strip()
    advice = [text.strip() for text in draft.advice]
    actions = [text.strip() for text, _ in draft.actions]
    for other in found:
        if (
            other["notes"] == notes
            and advice == _texts(conn, "advice", other["id"])
            and actions == _texts(conn, "action", other["id"])
        ):
            return [m["id"] for m in found], other["id"]
    return [m["id"] for m in found], None


def _texts(conn: sqlite3.Connection, table: str, meeting_id: int) -> list[str]:
    sql = f"SELECT text FROM {table} WHERE meeting_id = ? ORDER BY id"
    return [row["text"] for row in queries.fetch_all(conn, sql, (meeting_id,))]


def log_meeting(path: Path, draft: MeetingDraft, mentor_id: int) -> LoggedMeeting:
    """The meeting and everything said in it, in one transaction.

    Refused: a meeting in the future, a meeting with nothing in it, and (unless `draft.force`) one
    that repeats, word for word, a meeting already logged with the mentor that day. A second,
    different meeting the same day is fine; its `same_day` lists the others.
    """
    valid_text(draft.notes, "notes")
    meeting_not_in_future(draft.held_at)
    if draft.is_empty():  # a usage problem, like other missing input: exit 2
        raise UsageProblem(
            "nothing to log; give notes (--notes TEXT, or pipe them in), --advice, --action, "
            "--feedback... or fill in the template with -e"
        )
    with write_connection(path) as conn:
        mentor = queries.get_record(conn, "mentor", mentor_id)
        if mentor["ended_on"]:
            raise ConflictError(
                f"the mentorship with {mentor['name']} ended on {mentor['ended_on']}"
            )
        same_day, repeated = _same_day_meetings(conn, draft, mentor_id)
        if repeated is not None and not draft.force:
            day = clock.to_local(clock.to_utc(draft.held_at)).date()
            raise ConflictError(
                f"meeting #{repeated} with {mentor['name']} on {day} already has these notes, "
                "advice and actions; nothing logged. If this was another meeting, rerun with --force"
            )
        meeting = _insert(
            conn,
            "meeting",
            {
                "mentor_id": mentor_id,
                "held_at": clock.to_utc(draft.held_at),
                "notes": draft.notes.strip(),
                "next_date": draft.next_date,
                "mode": draft.mode,
                "minutes": draft.minutes,
            },
        )
        day = clock.to_local(meeting.held_at).date()
        if draft.goal_id is not None:
            _get(conn, "goal", draft.goal_id)
        advice = [
            {
                "text": _need_text(text, "advice"),
                "mentor_id": mentor_id,
                "meeting_id": meeting.id,
                "goal_id": draft.goal_id,
                "given_on": day,
            }
            for text in draft.advice
        ]
        actions = [
            {
                "text": _need_text(text, "action"),
                "due_date": due,
                "meeting_id": meeting.id,
                "goal_id": draft.goal_id,
                "mentor_id": mentor_id,
            }
            for text, due in draft.actions
        ]
        # feedback received in a meeting is constructive (to act on) unless it is praise
        feedback = [
            {
                "text": _need_text(text, "feedback"),
                "direction": "received",
                "kind": kind,
                "given_on": day,
                "mentor_id": mentor_id,
                "goal_id": draft.goal_id,
            }
            for kind, texts in (("constructive", draft.feedback), ("praise", draft.praise))
            for text in texts
        ]
        resources = [
            {"title": _need_text(title, "resource title"), "mentor_id": mentor_id}
            for title in draft.resources
        ]
        intros = [
            {
                "person": _need_text(person, "introduced person"),
                "introduced_on": day,
                "mentor_id": mentor_id,
            }
            for person in draft.intros
        ]
        # Questions and done actions are looked up before this meeting's own advice and actions
        # are inserted, so an id given there always means a record that existed before the log.
        for topic_id in draft.discussed:
            topic = _get(conn, "topic", topic_id)
            if topic.status != "queued":
                raise ConflictError(f"question #{topic.id} is already {topic.status}")
            rows.update(conn, "topic", topic.id, {"status": "discussed", "meeting_id": meeting.id})
        results = draft.done_results or {}
        for action_id in draft.done_actions:
            action = _get(conn, "action", action_id)
            if action.status == "open":
                done = {"status": "done", "done_on": day}
                if results.get(action_id):
                    done["result"] = _optional_text(results[action_id], "result")
                rows.update(conn, "action", action.id, done)
        logged = LoggedMeeting(
            meeting,
            mentor["name"],
            [rows.insert(conn, "advice", values) for values in advice],
            [rows.insert(conn, "action", values) for values in actions],
            list(draft.discussed),
            list(draft.done_actions),
            [rows.insert(conn, "feedback", values) for values in feedback],
            [rows.insert(conn, "resource", values) for values in resources],
            [rows.insert(conn, "introduction", values) for values in intros],
            same_day,
        )
    return logged


WITH_THE_MEETING_SECONDS = 5  # what a `log` recorded with its meeting, in the same transaction


def _move_meeting(conn: sqlite3.Connection, meeting: Record, mentor_id: int) -> dict[str, int]:
    """A meeting filed under the wrong mentor moves, and so does what came from it: its advice
    and actions (linked by meeting), and the feedback, resources and introductions the same `log`
    recorded (that mentor's, created with the meeting). How many of each moved."""
    from datetime import timedelta

    old = meeting.mentor_id
    low = rows.encode(meeting.created_at - timedelta(seconds=WITH_THE_MEETING_SECONDS))
    high = rows.encode(meeting.created_at + timedelta(seconds=WITH_THE_MEETING_SECONDS))
    moved: dict[str, int] = {}
    linked = {
        "advice": (
            "SELECT id FROM advice WHERE meeting_id = ? AND mentor_id IS ?",
            (meeting.id, old),
        ),
        "action": (
            "SELECT id FROM action WHERE meeting_id = ? AND mentor_id IS ?",
            (meeting.id, old),
        ),
    }
    day = clock.to_local(meeting.held_at).date().isoformat()
    for table, dated in (
        ("feedback", "given_on"),
        ("resource", None),
        ("introduction", "introduced_on"),
    ):
        same_day = f" AND {dated} = :day" if dated else ""
        linked[table] = (
            f"SELECT id FROM {table} WHERE mentor_id = :old AND created_at BETWEEN :low AND :high"
            + same_day,
            {"old": old, "low": low, "high": high, "day": day},
        )
    for table, (sql, params) in linked.items():
        ids = [r["id"] for r in queries.fetch_all(conn, sql, params)]
        for record_id in ids:
            rows.update(conn, table, record_id, {"mentor_id": mentor_id})
        if ids:
            moved[table] = len(ids)
    return moved


def edit_meeting(
    path: Path, meeting_id: int, changes: dict[str, Any], moved: dict[str, int] | None = None
) -> Record:
    """Correct a meeting. `mentor` (a name) files it under another mentor, with what came from
    it; `moved` (when given) is filled with how many records of each kind moved along."""
    with write_connection(path) as conn:
        meeting = _get(conn, "meeting", meeting_id)
        if "mentor" in changes:
            mentor_id = _mentor_id(conn, changes.pop("mentor"), active_only=False)
            if mentor_id != meeting.mentor_id:
                result = _move_meeting(conn, meeting, mentor_id)
                if moved is not None:
                    moved.update(result)
                changes["mentor_id"] = mentor_id
            elif not changes:
                changes["mentor_id"] = mentor_id
        if "held_at" in changes:
            held = changes["held_at"]
            not_in_future(clock.to_local(clock.to_utc(held)).date(), "the meeting's day")
            changes["held_at"] = clock.to_utc(held)
        values: dict[str, Any] = {}
        if "notes" in changes:  # notes may be emptied: they stay "", never NULL
            values["notes"] = valid_text(changes.pop("notes"), "notes").strip()
        if changes or not values:
            values.update(_changed(changes))
        meeting = _update(conn, "meeting", meeting.id, values)
    return meeting


# ---------------------------------------------------------------- wins and reflections


def add_win(
    path: Path,
    text: str,
    goal_id: int | None = None,
    on: date | None = None,
    mentor: str | None = None,
) -> Record:
    with write_connection(path) as conn:
        mentor_id = _mentor_id(conn, mentor, active_only=False)
        if goal_id is not None:
            goal = queries.get_record(conn, "goal", goal_id)
            mentor_id = mentor_id or goal["mentor_id"]
        win = _insert(
            conn,
            "win",
            {
                "text": _need_text(text, "win"),
                "won_on": not_in_future(on, "--on"),
                "goal_id": goal_id,
                "mentor_id": mentor_id,
            },
        )
    return win


def edit_win(path: Path, win_id: int, changes: dict[str, Any]) -> Record:
    """Change a win's text, day, goal or mentor."""
    with write_connection(path) as conn:
        win = _get(conn, "win", win_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor_id(conn, changes.pop("mentor"), active_only=False)
        if changes.get("goal_id") is not None:
            _get(conn, "goal", changes["goal_id"])
        if "won_on" in changes:
            changes["won_on"] = not_in_future(changes["won_on"], "--on")
        win = _apply(conn, "win", win, changes)
    return win


REFLECTION_FOR = "SELECT id, text FROM reflection WHERE period_end = ? AND period_start = ?"


def save_reflection(
    path: Path, start: date, end: date, text: str, existing: str = "refuse"
) -> Record:
    """One reflection per review period. When the period has one already, `existing` decides:
    "refuse" (a ConflictError: the caller keeps the new text), "replace", or "append" (the new
    text after the old, a blank line between)."""
    text = _need_text(text, "reflection")
    with write_connection(path) as conn:
        found = queries.fetch_one(conn, REFLECTION_FOR, (end.isoformat(), start.isoformat()))
        if found and existing == "refuse":
            raise ConflictError(
                f"{start} → {end} already has a reflection (#{found['id']}); "
                "--replace replaces it, --append adds to it, --edit edits it"
            )
        if found:
            if existing == "append":
                text = f"{found['text'].rstrip()}\n\n{text}"
            reflection = _update(conn, "reflection", found["id"], {"text": text})
        else:
            reflection = _insert(
                conn, "reflection", {"period_start": start, "period_end": end, "text": text}
            )
    return reflection


# ---------------------------------------------------------------- deletion


# The tables delete_record accepts: every record kind (parents before children).
MODELS = frozenset(queries.RECORD_TABLES)


def delete_record(path: Path, table: str, record_id: int) -> list[tuple[str, int, str]]:
    """Delete one record; linked rows cascade or unlink as the schema says. Returns what it touched."""
    from mentorlog.store.db import checkpoint

    if table not in MODELS:
        raise KeyError(table)
    with write_connection(path) as conn:
        queries.get_record(conn, table, record_id)
        impact = queries.delete_impact(conn, table, record_id)
        for child, where in queries.ALSO_DELETED.get(table, []):
            conn.execute(f"DELETE FROM {child} WHERE {where}", {"id": record_id})
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        # FTS5 in SQLite 3.40 has no secure-delete option: a deleted row's terms stay in the index
        # segments until they are merged. 'optimize' rewrites the index without them, in this
        # transaction; secure_delete zeroes the pages it frees, the checkpoint empties the WAL.
        conn.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
    checkpoint(path)
    return impact
