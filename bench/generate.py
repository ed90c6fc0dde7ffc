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
# shares of the records by kind, per 100
MIX = {
    "meeting": 10,
    "goal": 2,
    "milestone": 8,
    "advice": 15,
    "action": 55,
    "topic": 5,
    "win": 3,
    "reflection": 2,
}
RECORDS_PER_DAY = 12  # the same density at every size: a bigger journal is a longer one
OPEN_ACTIONS, PENDING_ADVICE, QUEUED_TOPICS, ACTIVE_GOALS = 18, 8, 6, 5
STAMP = "%Y-%m-%d %H:%M:%S.%f"


def sentence(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:]


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
    per_kind = {kind: max(1, records * share // 100) for kind, share in MIX.items()}
    per_kind["mentor"] = mentor_count

    def moment(day_offset: float) -> datetime:
        return datetime.combine(start, datetime.min.time(), UTC) + timedelta(
            days=day_offset, hours=rng.randint(8, 18)
        )

    def row_times(when: datetime) -> tuple[str, str, str]:
        return (
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            when.strftime(STAMP),
            when.strftime(STAMP),
        )

    names = [
        "Alex Chen",
        "Priya Natarajan",
        "Sam Rivera",
        "Jordan Lee",
        "Maria Gomez",
        "Kenji Sato",
        "Ada Obi",
    ]
    mentors = []
    for index in range(mentor_count):
        name = names[index] if index < len(names) else f"Mentor {index}"
        when = moment(index)
        ended = (start + timedelta(days=span // 2)).isoformat() if index >= 3 else None
        cur = conn.execute(
            "INSERT INTO mentor (uuid, created_at, updated_at, name, focus, cadence, started_on, ended_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *row_times(when),
                name,
                sentence(rng, 2, 4),
                rng.choice(["2w", "1m", "1w"]),
                when.date().isoformat(),
                ended,
            ),
        )
        mentors.append((cur.lastrowid, name))
    active_mentors = mentors[:3]
    out.mentors = [name for _, name in active_mentors]

    goals = []
    for index in range(per_kind["goal"]):
        offset = span * index / per_kind["goal"]
        when = moment(offset)
        is_active = index >= per_kind["goal"] - ACTIVE_GOALS
        mentor_id, mentor_name = rng.choice(active_mentors if is_active else mentors)
        status = "active" if is_active else rng.choice(["achieved", "achieved", "dropped"])
        target = (when.date() + timedelta(days=rng.randint(30, 200))).isoformat()
        cur = conn.execute(
            "INSERT INTO goal (uuid, created_at, updated_at, title, measure, target_date, horizon, status, "
            "achieved_on, mentor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row_times(when), sentence(rng, 3, 6), sentence(rng, 3, 8), target, rng.choice(["short", "long"]),
             status, target if status == "achieved" else None, mentor_id),
        )  # fmt: skip
        goals.append((cur.lastrowid, is_active, offset, mentor_name))
        out.entries.append(
            (
                when,
                f"Goal: {sentence(rng, 3, 6)}",
                f"@{mentor_name.split()[0]} {sentence(rng, 8, 20)}",
            )
        )

    milestones = []
    for index in range(per_kind["milestone"]):
        goal_id, is_active, offset, _ = goals[index % len(goals)]
        when = moment(offset + 1)
        due = when.date() + timedelta(days=rng.randint(7, 120))
        done = None if is_active and rng.random() < 0.6 else min(due, today).isoformat()
        cur = conn.execute(
            "INSERT INTO milestone (uuid, created_at, updated_at, goal_id, title, due_date, done_on, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *row_times(when),
                goal_id,
                sentence(rng, 2, 5),
                due.isoformat(),
                done,
                index // len(goals) + 1,
            ),
        )
        milestones.append(cur.lastrowid)
        out.tasks.append(
            _task(
                rng,
                f"Milestone {sentence(rng, 2, 5)}",
                when,
                due,
                "completed" if done else "pending",
            )
        )

    meetings = []
    for index in range(per_kind["meeting"]):
        offset = span * index / per_kind["meeting"]
        when = moment(offset)
        mentor_id, mentor_name = rng.choice(active_mentors if offset > span / 2 else mentors)
        notes = "\n\n".join(sentence(rng, 25, 60) + "." for _ in range(rng.randint(2, 5)))
        cur = conn.execute(
            "INSERT INTO meeting (uuid, created_at, updated_at, mentor_id, held_at, minutes, mode, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*row_times(when), mentor_id, when.strftime(STAMP), rng.choice([30, 45, 60]),
             rng.choice(["video", "call", "in-person", "chat"]), notes),
        )  # fmt: skip
        meetings.append((cur.lastrowid, mentor_id, offset))
        out.entries.append(
            (when, f"Meeting with {mentor_name}.", f"@{mentor_name.split()[0]} {notes}")
        )

    advice_ids = []
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
        cur = conn.execute(
            "INSERT INTO advice (uuid, created_at, updated_at, text, why, status, outcome, given_on, status_on, "
            "mentor_id, meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row_times(when), text, sentence(rng, 4, 10), status, None if pending else sentence(rng, 4, 12),
             when.date().isoformat(), None if pending else min(when.date() + timedelta(days=14), today).isoformat(),
             mentor_id, meeting_id),
        )  # fmt: skip
        advice_ids.append(cur.lastrowid)
        out.entries.append((when, f"Advice: {text}.", sentence(rng, 4, 10)))

    for index in range(per_kind["action"]):
        meeting_id, mentor_id, offset = meetings[index % len(meetings)]
        is_open = index >= per_kind["action"] - OPEN_ACTIONS
        when = moment(span - rng.randint(1, 40)) if is_open else moment(offset)
        due = when.date() + timedelta(days=rng.randint(3, 30))
        status = "open" if is_open else rng.choice(["done"] * 9 + ["dropped"])
        goal_id = rng.choice(goals)[0] if rng.random() < 0.4 else None
        text = sentence(rng, 4, 10)
        conn.execute(
            "INSERT INTO action (uuid, created_at, updated_at, text, due_date, status, result, done_on, goal_id, "
            "advice_id, meeting_id, mentor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row_times(when), text, due.isoformat(), status,
             sentence(rng, 3, 9) if status == "done" else None,
             min(due, today).isoformat() if status == "done" else None, goal_id,
             rng.choice(advice_ids) if rng.random() < 0.2 else None, meeting_id, mentor_id),
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

    for index in range(per_kind["topic"]):
        queued = index >= per_kind["topic"] - QUEUED_TOPICS
        meeting_id, mentor_id, offset = meetings[index % len(meetings)]
        when = moment(offset)
        text = sentence(rng, 5, 12) + "?"
        conn.execute(
            "INSERT INTO topic (uuid, created_at, updated_at, text, status, mentor_id, meeting_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                *row_times(when),
                text,
                "queued" if queued else "discussed",
                mentor_id,
                None if queued else meeting_id,
            ),
        )
        out.tasks.append(
            _task(rng, f"Ask: {text}", when, None, "pending" if queued else "completed")
        )

    for index in range(per_kind["win"]):
        when = moment(span * index / per_kind["win"])
        text = sentence(rng, 4, 10)
        conn.execute(
            "INSERT INTO win (uuid, created_at, updated_at, text, won_on) VALUES (?, ?, ?, ?, ?)",
            (*row_times(when), text, when.date().isoformat()),
        )
        out.entries.append((when, f"Win: {text}.", ""))

    for index in range(per_kind["reflection"]):
        end = start + timedelta(days=7 * (index + 1))
        when = moment(7 * (index + 1))
        text = " ".join(sentence(rng, 10, 30) + "." for _ in range(3))
        conn.execute(
            "INSERT INTO reflection (uuid, created_at, updated_at, period_start, period_end, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (*row_times(when), (end - timedelta(days=6)).isoformat(), end.isoformat(), text),
        )
        out.entries.append((when, "Weekly reflection.", text))
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    out.counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in [*MIX, "mentor"]
    }
    conn.close()
    return out


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
