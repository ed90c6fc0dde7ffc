"""The timeline: everything that happened in a period, oldest first, one line each.

Each kind is one query bounded by the index on its date column (a date range, or status + date), so
the cost follows the length of the period, not of the journal.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from mentorlog.core import clock
from mentorlog.store.queries import (
    ACTION_JOINS,
    ACTION_MENTOR,
    ADVICE_JOINS,
    ADVICE_MENTOR,
    iso_moment,
)

Row = dict[str, Any]

DEFAULT_DAYS = 90
TEXT_MAX = 200  # characters of one line, then "…"
STAMP = "%Y-%m-%d %H:%M:%S.%f"

RESOURCE_JOINS = "LEFT JOIN goal rg ON rg.id = r.goal_id LEFT JOIN advice ra ON ra.id = r.advice_id"

# kind: (query with :start/:end (days) or :low/:high (UTC moments), the --mentor clause or None
# when nothing of this kind belongs to a mentor). Each returns id, at, text, mentor_id, in order.
QUERIES: dict[str, tuple[str, str | None]] = {
    "meeting": (
        """SELECT m.id, m.held_at AS at,
                  CASE WHEN TRIM(m.notes, ' ' || char(9, 10, 13)) = '' THEN m.mode || ' meeting'
                       ELSE m.notes END AS text,
                  m.mentor_id
           FROM meeting m WHERE m.held_at >= :low AND m.held_at < :high""",
        "m.mentor_id = :mentor",
    ),
    "advice": (
        f"""SELECT ad.id, ad.given_on AS at, ad.text, {ADVICE_MENTOR} AS mentor_id
            FROM advice ad {ADVICE_JOINS}
            WHERE ad.given_on BETWEEN :start AND :end""",
        ":mentor IN (ad.mentor_id, mt.mentor_id, g.mentor_id)",
    ),
    "action_done": (
        f"""SELECT a.id, a.done_on AS at, a.text || COALESCE(' → ' || a.result, '') AS text,
                   {ACTION_MENTOR} AS mentor_id
            FROM action a {ACTION_JOINS}
            WHERE a.status = 'done' AND a.done_on BETWEEN :start AND :end""",
        ":mentor IN (a.mentor_id, mt.mentor_id, ad.mentor_id, g.mentor_id)",
    ),
    "milestone_done": (
        """SELECT ms.id, ms.done_on AS at, ms.title || ' (goal: ' || g.title || ')' AS text,
                  g.mentor_id
           FROM milestone ms JOIN goal g ON g.id = ms.goal_id
           WHERE ms.done_on BETWEEN :start AND :end""",
        "g.mentor_id = :mentor",
    ),
    "goal_achieved": (
        """SELECT g.id, g.achieved_on AS at, g.title AS text, g.mentor_id FROM goal g
           WHERE g.status = 'achieved' AND g.achieved_on BETWEEN :start AND :end""",
        "g.mentor_id = :mentor",
    ),
    "win": (
        """SELECT w.id, w.won_on AS at, w.text, COALESCE(w.mentor_id, g.mentor_id) AS mentor_id
           FROM win w LEFT JOIN goal g ON g.id = w.goal_id
           WHERE w.won_on BETWEEN :start AND :end
             -- the win a milestone or goal records is that milestone's or goal's line already
             AND w.milestone_id IS NULL
             AND NOT (w.source = 'goal' AND w.goal_id IS NOT NULL)""",
        ":mentor IN (w.mentor_id, g.mentor_id)",
    ),
    "feedback": (
        """SELECT f.id, f.given_on AS at,
                  f.direction || COALESCE(' ' || f.kind, '') || ': ' || f.text AS text, f.mentor_id
           FROM feedback f WHERE f.given_on BETWEEN :start AND :end""",
        "f.mentor_id = :mentor",
    ),
    "gave": (
        """SELECT c.id, c.given_on AS at,
                  c.text || CASE WHEN c.kind = 'other' THEN '' ELSE ' (' || c.kind || ')' END
                      AS text, c.mentor_id
           FROM contribution c WHERE c.given_on BETWEEN :start AND :end""",
        "c.mentor_id = :mentor",
    ),
    "resource_done": (
        f"""SELECT r.id, r.done_on AS at, r.title || COALESCE(' → ' || r.takeaway, '') AS text,
                   COALESCE(r.mentor_id, rg.mentor_id, ra.mentor_id) AS mentor_id
            FROM resource r {RESOURCE_JOINS}
            WHERE r.status = 'done' AND r.done_on BETWEEN :start AND :end""",
        ":mentor IN (r.mentor_id, rg.mentor_id, ra.mentor_id)",
    ),
    "intro": (
        """SELECT i.id, i.introduced_on AS at, i.person || COALESCE(' — ' || i.context, '') AS text,
                  i.mentor_id
           FROM introduction i WHERE i.introduced_on BETWEEN :start AND :end""",
        "i.mentor_id = :mentor",
    ),
    "checkin": (
        """SELECT k.id, k.checked_on AS at,
                  'rated ' || k.rating || '/5' || COALESCE('; working: ' || k.working, '')
                      || COALESCE('; change: ' || k.change, '') AS text, k.mentor_id
           FROM checkin k WHERE k.checked_on BETWEEN :start AND :end""",
        "k.mentor_id = :mentor",
    ),
    "reflection": (
        """SELECT r.id, r.period_end AS at, r.text, NULL AS mentor_id FROM reflection r
           WHERE r.period_end BETWEEN :start AND :end""",
        None,  # a reflection is the mentee's own: it belongs to no mentor
    ),
}
KINDS = tuple(QUERIES)
ORDER = {kind: index for index, kind in enumerate(KINDS)}


def default_period(today: date, since: date | None, until: date | None) -> tuple[date, date]:
    """The last DEFAULT_DAYS days ending today, or ending --until; --since runs to today or --until."""
    end = until or today
    if since is not None:
        return since, end
    return (
        date.min if end.toordinal() <= DEFAULT_DAYS else end - timedelta(days=DEFAULT_DAYS - 1)
    ), end


def _utc_text(day: date) -> str:
    """The UTC moment local `day` starts at, as stored text ('' or '9999…' past the calendar's ends)."""
    try:
        return datetime.combine(day, time.min).astimezone().astimezone(UTC).strftime(STAMP)
    except (OverflowError, ValueError):
        return "" if day.year < 2 else "9999-99"


def utc_bounds(start: date, end: date) -> tuple[str, str]:
    """Local days [start, end] as the half-open UTC range SQLite stores moments in."""
    after_end = end + timedelta(days=1) if end < date.max else None
    return _utc_text(start), _utc_text(after_end) if after_end else "9999-99"


def one_line(text: str | None, first_line: bool = False) -> str:
    """Text on one line: the first non-empty line (notes) or all of it, whitespace collapsed."""
    text = text or ""
    if first_line:
        text = next((line for line in text.splitlines() if line.strip()), "")
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT_MAX else flat[: TEXT_MAX - 1].rstrip() + "…"


def timeline_sql(kind: str, with_mentor: bool) -> str | None:
    sql, mentor_clause = QUERIES[kind]
    if with_mentor:
        if mentor_clause is None:
            return None
        sql += f" AND {mentor_clause}"
    return sql


def timeline(
    conn: sqlite3.Connection,
    start: date,
    end: date,
    kinds: list[str] | None = None,
    mentor_id: int | None = None,
) -> list[Row]:
    """Rows {on, kind, id, text, mentor}, oldest first; a day counts as the start of that day."""
    low, high = utc_bounds(start, end)
    params = {"start": start.isoformat(), "end": end.isoformat(), "low": low, "high": high}
    if mentor_id is not None:
        params["mentor"] = mentor_id
    names = {r[0]: r[1] for r in conn.execute("SELECT id, name FROM mentor")}
    found = []
    for kind in KINDS:
        if kinds and kind not in kinds:
            continue
        sql = timeline_sql(kind, mentor_id is not None)
        if sql is None:
            continue
        order, first_line = ORDER[kind], kind in ("meeting", "reflection")
        for record_id, at, text, mentor in conn.execute(sql, params):
            if kind == "meeting":  # sorted by its local time; a day sorts as the start of that day
                key = clock.to_local(clock.parse_stored(at)).strftime(STAMP)
                at = iso_moment(at)
            else:
                key = at
            row = {
                "on": at,
                "kind": kind,
                "id": record_id,
                "text": one_line(text, first_line),
                "mentor": names.get(mentor),
            }
            found.append(((key, order, record_id), row))
    found.sort(key=lambda pair: pair[0])
    return [row for _, row in found]
