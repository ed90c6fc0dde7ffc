"""Realistic journals of N records, written straight into SQLite — and the same content for the peers.

A bigger journal is a longer history (12 records a day), not a busier present: like a real mentee, every journal has a
handful of open actions, pending advice, queued questions and active goals, and years of done ones.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from mentorlog.store.db import open_store

WORDS = [
    "design",
    "review",
    "scope",
    "estimate",
    "team",
    "roadmap",
    "feedback",
    "sponsor",
    "rubric",
    "impact",
    "influence",
    "architecture",
    "latency",
    "incident",
    "postmortem",
    "hiring",
    "interview",
    "mentoring",
    "deadline",
    "stakeholder",
    "trade-off",
    "decision",
    "prototype",
    "launch",
    "metric",
    "customer",
    "priority",
    "delegation",
    "visibility",
    "promotion",
    "writing",
    "presentation",
    "conference",
    "talk",
    "refactor",
    "migration",
    "budget",
    "planning",
    "quarter",
    "ownership",
    "clarity",
    "risk",
]
# shares of the records by kind, per 1000; actions take what the others leave (check-ins included),
# so a journal of N records holds N. Feedback comes every ~3 meetings, a resource every ~4, something
# given back every ~5, an introduction every ~8; a check-in every ~90 days with each mentor.
MIX = {
    "meeting": 100,
    "goal": 20,
    "milestone": 80,
    "advice": 150,
    "action": 460,
    "topic": 50,
    "win": 30,
    "reflection": 20,
    "feedback": 33,
    "resource": 25,
    "contribution": 20,
    "introduction": 12,
}
CHECKIN_EVERY_DAYS = 90
RECORDS_PER_DAY = 12  # the same density at every size: a bigger journal is a longer one
OPEN_ACTIONS, PENDING_ADVICE, QUEUED_TOPICS, ACTIVE_GOALS = 18, 8, 6, 5
OPEN_RESOURCES, PENDING_INTROS, FEEDBACK_TO_ACT_ON = 4, 3, 2
STAMP = "%Y-%m-%d %H:%M:%S.%f"
BATCH = 200  # rows per INSERT statement


def sentence(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choices(WORDS, k=rng.randint(low, high)))
    return text[0].upper() + text[1:]


def insert_rows(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[tuple]
) -> list[int]:
    """Insert rows BATCH to a statement; returns their ids in order.

    The search index's triggers run inside each statement, and FTS5 writes its pending terms to
    disk at every statement boundary: one row per statement makes a tiny index segment per record
    (and merges) and is ~5x slower. In one transaction on fresh AUTOINCREMENT tables the rows of
    a statement get consecutive ids, ending at lastrowid.
    """
    ids: list[int] = []
    marks = "(" + ", ".join("?" * len(columns)) + ")"
    for first in range(0, len(rows), BATCH):
        part = rows[first : first + BATCH]
        cur = conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([marks] * len(part))}",
            [value for row in part for value in row],
        )
        ids.extend(range(cur.lastrowid - len(part) + 1, cur.lastrowid + 1))
    return ids


@dataclass
class Journal:
    """What was generated, for the peers' files and for checks."""

    counts: dict[str, int] = field(default_factory=dict)
    entries: list[tuple[datetime, str, str]] = field(
        default_factory=list
    )  # jrnl: when, title, body
    tasks: list[dict] = field(default_factory=list)  # Taskwarrior import records
    mentors: list[str] = field(default_factory=list)  # the active mentors' names


def generate(path: Path, records: int, seed: int = 1, today: date | None = None) -> Journal:
    """Write a journal of about `records` records; returns what the peers need to hold the same."""
    rng = random.Random(seed)
    today = today or datetime.now().astimezone().date()
    start = today - timedelta(days=max(60, records // RECORDS_PER_DAY))
    span = (today - start).days
    open_store(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN IMMEDIATE")
    out = Journal()
    mentor_count = 3 + records // 25_000
    per_kind = {kind: max(1, records * share // 1000) for kind, share in MIX.items()}

    def moment(day_offset: float) -> datetime:
        return datetime.combine(start, datetime.min.time(), UTC) + timedelta(
            days=day_offset, hours=rng.randint(8, 18)
        )

    def row_times(when: datetime) -> tuple[str, str, str]:
        stamp = when.strftime(STAMP)
        return str(uuid.UUID(int=rng.getrandbits(128), version=4)), stamp, stamp

    names = [
        "Alex Chen",
        "Priya Natarajan",
        "Sam Rivera",
        "Jordan Lee",
        "Maria Gomez",
        "Kenji Sato",
        "Ada Obi",
    ]
    mentor_rows, mentor_names, mentor_spans = [], [], []
    for index in range(mentor_count):
        name = names[index] if index < len(names) else f"Mentor {index}"
        when = moment(index)
        ended = (start + timedelta(days=span // 2)) if index >= 3 else None
        mentor_rows.append(
            (
                *row_times(when),
                name,
                sentence(rng, 2, 4),
                rng.choice(["2w", "1m", "1w"]),
                when.date().isoformat(),
                ended.isoformat() if ended else None,
            )
        )
        mentor_names.append(name)
        mentor_spans.append((when.date(), ended or today))
    ids = insert_rows(conn, "mentor", ("uuid", "created_at", "updated_at", "name", "focus", "cadence",
                                       "started_on", "ended_on"), mentor_rows)  # fmt: skip
    mentors = list(zip(ids, mentor_names, strict=True))
    active_mentors = mentors[:3]
    out.mentors = [name for _, name in active_mentors]

    # check-ins: every CHECKIN_EVERY_DAYS days of each mentorship (counted now: actions fill the rest)
    checkin_rows = []
    for (mentor_id, _), (began, ended) in zip(mentors, mentor_spans, strict=True):
        day = began + timedelta(days=CHECKIN_EVERY_DAYS)
        while day <= ended:
            when = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
                hours=rng.randint(8, 18)
            )
            checkin_rows.append((*row_times(when), rng.randint(2, 5), sentence(rng, 4, 10),
                                 sentence(rng, 3, 8) if rng.random() < 0.6 else None,
                                 day.isoformat(), mentor_id))  # fmt: skip
            day += timedelta(days=CHECKIN_EVERY_DAYS)
    others = sum(n for kind, n in per_kind.items() if kind != "action")
    per_kind["action"] = max(OPEN_ACTIONS + 1, records - others - mentor_count - len(checkin_rows))

    goal_rows, goals = [], []
    for index in range(per_kind["goal"]):
        offset = span * index / per_kind["goal"]
        when = moment(offset)
        is_active = index >= per_kind["goal"] - ACTIVE_GOALS
        mentor_id, mentor_name = rng.choice(active_mentors if is_active else mentors)
        status = "active" if is_active else rng.choice(["achieved", "achieved", "dropped"])
        target = (when.date() + timedelta(days=rng.randint(30, 200))).isoformat()
        goal_rows.append(
            (*row_times(when), sentence(rng, 3, 6), sentence(rng, 3, 8), target, rng.choice(["short", "long"]),
             status, min(target, today.isoformat()) if status == "achieved" else None, mentor_id)
        )  # fmt: skip
        goals.append((is_active, offset, mentor_name))
        out.entries.append(
            (
                when,
                f"Goal: {sentence(rng, 3, 6)}",
                f"@{mentor_name.split()[0]} {sentence(rng, 8, 20)}",
            )
        )
    ids = insert_rows(conn, "goal", ("uuid", "created_at", "updated_at", "title", "measure", "target_date",
                                     "horizon", "status", "achieved_on", "mentor_id"), goal_rows)  # fmt: skip
    goals = [(goal_id, *rest) for goal_id, rest in zip(ids, goals, strict=True)]

    milestone_rows = []
    for index in range(per_kind["milestone"]):
        goal_id, is_active, offset, _ = goals[index % len(goals)]
        when = moment(offset + 1)
        due = when.date() + timedelta(days=rng.randint(7, 120))
        done = None if is_active and rng.random() < 0.6 else min(due, today).isoformat()
        milestone_rows.append(
            (*row_times(when), goal_id, sentence(rng, 2, 5), due.isoformat(), done,
             index // len(goals) + 1)
        )  # fmt: skip
        out.tasks.append(
            _task(
                rng,
                f"Milestone {sentence(rng, 2, 5)}",
                when,
                due,
                "completed" if done else "pending",
            )
        )
    insert_rows(conn, "milestone", ("uuid", "created_at", "updated_at", "goal_id", "title", "due_date",
                                    "done_on", "position"), milestone_rows)  # fmt: skip

    meeting_rows, meetings = [], []
    for index in range(per_kind["meeting"]):
        offset = span * index / per_kind["meeting"]
        when = moment(offset)
        mentor_id, mentor_name = rng.choice(active_mentors if offset > span / 2 else mentors)
        notes = "\n\n".join(sentence(rng, 25, 60) + "." for _ in range(rng.randint(2, 5)))
        meeting_rows.append(
            (*row_times(when), mentor_id, when.strftime(STAMP), rng.choice([30, 45, 60]),
             rng.choice(["video", "call", "in-person", "chat"]), notes)
        )  # fmt: skip
        meetings.append((mentor_id, offset))
        out.entries.append(
            (when, f"Meeting with {mentor_name}.", f"@{mentor_name.split()[0]} {notes}")
        )
    ids = insert_rows(conn, "meeting", ("uuid", "created_at", "updated_at", "mentor_id", "held_at", "minutes",
                                        "mode", "notes"), meeting_rows)  # fmt: skip
    meetings = [(meeting_id, *rest) for meeting_id, rest in zip(ids, meetings, strict=True)]

    advice_rows = []
    for index in range(per_kind["advice"]):
        meeting_id, mentor_id, offset = meetings[index % len(meetings)]
        when = moment(offset)
        pending = index >= per_kind["advice"] - PENDING_ADVICE
        status = (
            rng.choice(["new", "trying"])
            if pending
            else rng.choice(["applied", "applied", "skipped"])
        )
        text = sentence(rng, 5, 14)
        advice_rows.append(
            (*row_times(when), text, sentence(rng, 4, 10), status, None if pending else sentence(rng, 4, 12),
             when.date().isoformat(), None if pending else min(when.date() + timedelta(days=14), today).isoformat(),
             mentor_id, meeting_id)
        )  # fmt: skip
        out.entries.append((when, f"Advice: {text}.", sentence(rng, 4, 10)))
    advice_ids = insert_rows(conn, "advice", ("uuid", "created_at", "updated_at", "text", "why", "status",
                                              "outcome", "given_on", "status_on", "mentor_id", "meeting_id"),
                             advice_rows)  # fmt: skip

    action_rows = []
    for index in range(per_kind["action"]):
        meeting_id, mentor_id, offset = meetings[index % len(meetings)]
        is_open = index >= per_kind["action"] - OPEN_ACTIONS
        when = moment(span - rng.randint(1, 40)) if is_open else moment(offset)
        due = when.date() + timedelta(days=rng.randint(3, 30))
        status = "open" if is_open else rng.choice(["done"] * 9 + ["dropped"])
        goal_id = rng.choice(goals)[0] if rng.random() < 0.4 else None
        text = sentence(rng, 4, 10)
        action_rows.append(
            (*row_times(when), text, due.isoformat(), status,
             sentence(rng, 3, 9) if status == "done" else None,
             min(due, today).isoformat() if status == "done" else None, goal_id,
             rng.choice(advice_ids) if rng.random() < 0.2 else None, meeting_id, mentor_id)
        )  # fmt: skip
        out.entries.append((when, f"Action: {text}.", f"due {due}"))
        out.tasks.append(
            _task(
                rng,
                text,
                when,
                due,
                {"open": "pending", "done": "completed"}.get(status, "deleted"),
            )
        )
    insert_rows(conn, "action", ("uuid", "created_at", "updated_at", "text", "due_date", "status", "result",
                                 "done_on", "goal_id", "advice_id", "meeting_id", "mentor_id"),
                action_rows)  # fmt: skip

    topic_rows = []
    for index in range(per_kind["topic"]):
        queued = index >= per_kind["topic"] - QUEUED_TOPICS
        meeting_id, mentor_id, offset = meetings[index % len(meetings)]
        when = moment(offset)
        text = sentence(rng, 5, 12) + "?"
        topic_rows.append(
            (*row_times(when), text, "queued" if queued else "discussed", mentor_id,
             None if queued else meeting_id)
        )  # fmt: skip
        out.tasks.append(
            _task(rng, f"Ask: {text}", when, None, "pending" if queued else "completed")
        )
    insert_rows(conn, "topic", ("uuid", "created_at", "updated_at", "text", "status", "mentor_id",
                                "meeting_id"), topic_rows)  # fmt: skip

    win_rows = []
    for index in range(per_kind["win"]):
        when = moment(span * index / per_kind["win"])
        text = sentence(rng, 4, 10)
        win_rows.append((*row_times(when), text, when.date().isoformat()))
        out.entries.append((when, f"Win: {text}.", ""))
    insert_rows(conn, "win", ("uuid", "created_at", "updated_at", "text", "won_on"), win_rows)

    reflection_rows = []
    for index in range(per_kind["reflection"]):
        end = start + timedelta(days=7 * (index + 1))
        when = moment(7 * (index + 1))
        text = " ".join(sentence(rng, 10, 30) + "." for _ in range(3))
        reflection_rows.append(
            (*row_times(when), (end - timedelta(days=6)).isoformat(), end.isoformat(), text)
        )
        out.entries.append((when, "Weekly reflection.", text))
    insert_rows(conn, "reflection", ("uuid", "created_at", "updated_at", "period_start", "period_end",
                                     "text"), reflection_rows)  # fmt: skip

    _relationship(conn, rng, per_kind, meetings, advice_ids, moment, row_times, today, out)
    insert_rows(conn, "checkin", ("uuid", "created_at", "updated_at", "rating", "working", "change",
                                  "checked_on", "mentor_id"), checkin_rows)  # fmt: skip
    for row in checkin_rows:
        when = datetime.fromisoformat(row[1]).replace(tzinfo=UTC)
        out.entries.append((when, f"Check-in: {row[3]}/5.", row[4]))
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    out.counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in [*MIX, "checkin", "mentor"]
    }
    conn.close()
    return out


def _relationship(conn, rng, per_kind, meetings, advice_ids, moment, row_times, today, out) -> None:
    """Feedback, contributions, resources and introductions, each following one of the meetings
    (spread over the whole history); the recent few still open, like a real mentee's."""
    today_iso = today.isoformat()

    def spread(kind: str):
        count = per_kind[kind]
        for index in range(count):
            _, mentor_id, offset = meetings[index * len(meetings) // count]
            yield count - index, mentor_id, moment(offset)

    rows = []
    for left, mentor_id, when in spread("feedback"):
        received = rng.random() < 0.8
        kind = rng.choice(["praise", "praise", "constructive", None])
        acted = received and kind == "constructive" and left > FEEDBACK_TO_ACT_ON
        acted_on = min(when.date() + timedelta(days=rng.randint(3, 30)), today) if acted else None
        text = sentence(rng, 5, 14)
        rows.append((*row_times(when), text, "received" if received else "given", kind,
                     when.date().isoformat(), acted_on.isoformat() if acted_on else None,
                     sentence(rng, 4, 10) if acted else None, mentor_id))  # fmt: skip
        out.entries.append((when, f"Feedback: {text}.", ""))
    insert_rows(conn, "feedback", ("uuid", "created_at", "updated_at", "text", "direction", "kind",
                                   "given_on", "acted_on", "acted_note", "mentor_id"), rows)  # fmt: skip

    rows = []
    for _, mentor_id, when in spread("contribution"):
        text = sentence(rng, 4, 10)
        kind = rng.choice(["insight", "intro", "resource", "thanks", "help", "other"])
        rows.append((*row_times(when), text, kind, when.date().isoformat(), mentor_id))
        out.entries.append((when, f"Gave back: {text}.", ""))
    insert_rows(conn, "contribution", ("uuid", "created_at", "updated_at", "text", "kind", "given_on",
                                       "mentor_id"), rows)  # fmt: skip

    rows = []
    for left, mentor_id, when in spread("resource"):
        status = (
            rng.choice(["queued", "started"])
            if left <= OPEN_RESOURCES
            else rng.choice(["done", "done", "done", "dropped"])
        )
        done_on = (
            min(when.date() + timedelta(days=rng.randint(5, 60)), today)
            if status == "done"
            else None
        )
        title = sentence(rng, 2, 6)
        rows.append((*row_times(when), title, f"https://example.com/{rng.getrandbits(32):x}",
                     rng.choice(["book", "article", "course", "talk", "video", "podcast", "other"]), status,
                     sentence(rng, 4, 12) if status == "done" else None,
                     done_on.isoformat() if done_on else None, mentor_id,
                     rng.choice(advice_ids) if rng.random() < 0.3 else None))  # fmt: skip
        out.tasks.append(_task(rng, f"Read: {title}", when, None,
                               {"done": "completed", "dropped": "deleted"}.get(status, "pending")))  # fmt: skip
    insert_rows(conn, "resource", ("uuid", "created_at", "updated_at", "title", "url", "kind", "status",
                                   "takeaway", "done_on", "mentor_id", "advice_id"), rows)  # fmt: skip

    rows = []
    for left, mentor_id, when in spread("introduction"):
        person = f"{rng.choice(['Robin', 'Lee', 'Noor', 'Kai', 'Sasha', 'Elif'])} {rng.choice(WORDS).title()}"
        pending = left <= PENDING_INTROS
        met_on = (
            None
            if pending
            else min(when.date() + timedelta(days=rng.randint(3, 20)), today).isoformat()
        )
        rows.append((*row_times(when), person, sentence(rng, 4, 10), when.date().isoformat(), met_on,
                     sentence(rng, 4, 10) if met_on else None, min(met_on, today_iso) if met_on else None,
                     mentor_id))  # fmt: skip
        out.entries.append((when, f"Introduced to {person}.", ""))
    insert_rows(conn, "introduction", ("uuid", "created_at", "updated_at", "person", "context",
                                       "introduced_on", "met_on", "met_note", "thanked_on", "mentor_id"),
                rows)  # fmt: skip


def add_open_actions(path: Path, count: int) -> list[int]:
    """Add `count` open actions, due in a quarter and linked to nothing: one per run of `action done`,
    which needs an action still open each time. Returns their ids, oldest first."""
    now = datetime.now(UTC)
    due = (now.date() + timedelta(days=90)).isoformat()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        ids = [
            conn.execute(
                "INSERT INTO action (uuid, created_at, updated_at, text, due_date, status) "
                "VALUES (?, ?, ?, ?, ?, 'open')",
                (
                    str(uuid.uuid4()),
                    now.strftime(STAMP),
                    now.strftime(STAMP),
                    f"Benchmark target {n + 1}",
                    due,
                ),
            ).lastrowid
            for n in range(count)
        ]
        conn.execute("COMMIT")
    finally:
        conn.close()
    return ids


def _task(rng: random.Random, text: str, when: datetime, due: date | None, status: str) -> dict:
    task = {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "description": text,
        "status": status,
        "entry": when.strftime("%Y%m%dT%H%M%SZ"),
        "project": "mentorship",
    }
    if due:
        task["due"] = due.strftime("%Y%m%dT000000Z")
    if status in ("completed", "deleted"):
        task["end"] = (when + timedelta(days=3)).strftime("%Y%m%dT%H%M%SZ")
    return task


def write_jrnl(journal: Journal, path: Path) -> None:
    """The same records as a jrnl plain-text journal (timeformat '%F %r'), oldest first."""
    with path.open("w", encoding="utf-8") as handle:
        for when, title, body in sorted(journal.entries, key=lambda e: e[0]):
            handle.write(f"[{when.strftime('%Y-%m-%d %I:%M:%S %p')}] {title}\n{body}\n\n")


def write_taskwarrior(journal: Journal, path: Path) -> None:
    """The same commitments as a Taskwarrior import file (one JSON task per line)."""
    with path.open("w", encoding="utf-8") as handle:
        for task in journal.tasks:
            handle.write(json.dumps(task) + "\n")
