"""Every record of the journal in reading order, for the documents made from it (export markdown)."""

from __future__ import annotations

import sqlite3
from typing import Any

from mentorlog.store.queries import fetch_all, mentor_summary

# table: the order a reader expects its records in
READING_ORDER = {
    "mentor": "ended_on IS NOT NULL, name COLLATE NOCASE, id",
    "goal": "id",
    "milestone": "goal_id, position, id",
    "advice": "id",
    "action": "id",
    "topic": "id",
    "meeting": "held_at, id",
    "win": "won_on, id",
    "feedback": "given_on, id",
    "contribution": "given_on, id",
    "resource": "id",
    "introduction": "id",
    "checkin": "checked_on, id",
    "reflection": "period_start, id",
}


def journal_contents(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows in reading order; mentors carry their cadence summary as `summary`."""
    contents = {
        table: fetch_all(conn, f"SELECT * FROM {table} ORDER BY {order}")
        for table, order in READING_ORDER.items()
    }
    for mentor in contents["mentor"]:
        mentor["summary"] = mentor_summary(conn, dict(mentor))
    return contents
