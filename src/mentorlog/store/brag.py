"""The brag document's facts: what went well in a period, for a performance review or promotion case.

Only what is fit to share: wins, milestones reached, goals achieved (with their measure), praise
received, applied advice with its outcome, done actions with their result. Constructive feedback,
feedback given, meeting notes, reasons and milestone notes are never read here. A win recorded
automatically for a milestone or goal is listed once, under that milestone or goal.
Every query is bounded by the index on its date column (status + date where there is a status).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from mentorlog.store.queries import (
    ACTION_JOINS,
    ACTION_MENTOR,
    ADVICE_JOINS,
    ADVICE_MENTOR,
    fetch_all,
)

Row = dict[str, Any]

DEFAULT_MONTHS = 6
SECTIONS = (
    "wins",
    "milestones_done",
    "goals_achieved",
    "praise",
    "advice_outcomes",
    "actions_with_results",
)


def default_period(today: date, since: date | None, until: date | None) -> tuple[date, date]:
    """The last DEFAULT_MONTHS months ending today (or --until); --since runs to today or --until."""
    from mentorlog.core.dates import shift

    end = until or today
    if since is not None:
        return since, end
    try:
        return shift(end, -DEFAULT_MONTHS, "m") + timedelta(days=1), end
    except (OverflowError, ValueError):
        return date.min, end


def _name(expr: str) -> str:
    return f"(SELECT name FROM mentor WHERE id = {expr}) AS mentor"


# section: (query over :start/:end, newest first; the --mentor clause)
QUERIES = {
    "wins": (
        """SELECT w.id, w.text, w.won_on AS "on", w.goal_id FROM win w
           LEFT JOIN goal g ON g.id = w.goal_id
           WHERE w.won_on BETWEEN :start AND :end AND w.milestone_id IS NULL
             AND NOT (w.source = 'goal' AND w.goal_id IS NOT NULL)
             {mentor}
           ORDER BY w.won_on DESC, w.id DESC""",
        ":mentor IN (w.mentor_id, g.mentor_id)",
    ),
    "milestones_done": (
        """SELECT ms.id, ms.title, ms.goal_id, g.title AS goal, ms.done_on AS "on"
           FROM milestone ms JOIN goal g ON g.id = ms.goal_id
           WHERE ms.done_on BETWEEN :start AND :end {mentor}
           ORDER BY ms.done_on DESC, ms.id DESC""",
        "g.mentor_id = :mentor",
    ),
    "goals_achieved": (
        f"""SELECT g.id, g.title, g.measure, g.achieved_on AS "on", {_name("g.mentor_id")}
            FROM goal g
            WHERE g.status = 'achieved' AND g.achieved_on BETWEEN :start AND :end {{mentor}}
            ORDER BY g.achieved_on DESC, g.id DESC""",
        "g.mentor_id = :mentor",
    ),
    "praise": (
        f"""SELECT f.id, f.text, {_name("f.mentor_id")}, f.given_on AS "on", f.goal_id
            FROM feedback f
            WHERE f.given_on BETWEEN :start AND :end
              AND f.direction = 'received' AND f.kind = 'praise' {{mentor}}
            ORDER BY f.given_on DESC, f.id DESC""",
        "f.mentor_id = :mentor",
    ),
    "advice_outcomes": (
        f"""SELECT ad.id, ad.text, ad.outcome, {_name(ADVICE_MENTOR)}, ad.status_on AS "on"
            FROM advice ad {ADVICE_JOINS}
            WHERE ad.status = 'applied' AND ad.status_on BETWEEN :start AND :end
              AND TRIM(COALESCE(ad.outcome, '')) != '' {{mentor}}
            ORDER BY ad.status_on DESC, ad.id DESC""",
        ":mentor IN (ad.mentor_id, mt.mentor_id, g.mentor_id)",
    ),
    "actions_with_results": (
        f"""SELECT a.id, a.text, a.result, {_name(ACTION_MENTOR)}, a.done_on AS "on"
            FROM action a {ACTION_JOINS}
            WHERE a.status = 'done' AND a.done_on BETWEEN :start AND :end
              AND TRIM(COALESCE(a.result, '')) != '' {{mentor}}
            ORDER BY a.done_on DESC, a.id DESC""",
        ":mentor IN (a.mentor_id, mt.mentor_id, ad.mentor_id, g.mentor_id)",
    ),
}


FIRST_RECORD = """SELECT MIN(d) AS d FROM (
    SELECT MIN(started_on) AS d FROM mentor
    UNION ALL SELECT MIN(given_on) FROM advice
    UNION ALL SELECT MIN(won_on) FROM win
    UNION ALL SELECT MIN(done_on) FROM milestone
    UNION ALL SELECT MIN(given_on) FROM feedback
    UNION ALL SELECT MIN(achieved_on) FROM goal
    UNION ALL SELECT MIN(done_on) FROM action WHERE status = 'done')"""


def first_record_day(conn: sqlite3.Connection) -> date | None:
    """The journal's first day: the earliest mentorship start or dated record (each an index's
    first entry, or a small table), so the default brag starts where the journal does."""
    row = fetch_all(conn, FIRST_RECORD, {})[0]
    return date.fromisoformat(row["d"]) if row["d"] else None


def brag_sql(section: str, with_mentor: bool) -> str:
    sql, mentor_clause = QUERIES[section]
    return sql.format(mentor=f"AND {mentor_clause}" if with_mentor else "")


def brag(conn: sqlite3.Connection, start: date, end: date, mentor_id: int | None = None) -> Row:
    """`period` {start, end} and each section's rows, newest first (each row has its day in `on`)."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    if mentor_id is not None:
        params["mentor"] = mentor_id
    data: Row = {"period": {"start": start.isoformat(), "end": end.isoformat()}}
    for section in SECTIONS:
        data[section] = fetch_all(conn, brag_sql(section, mentor_id is not None), params)
    return data
