"""What the pictures count, read in one snapshot. Every query is bounded by the index on its date
column (status + date where there is a status; meetings by held_at, or mentor + held_at): the
period's rows are read, never the history."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from mentorlog.core import clock, pictures
from mentorlog.store.queries import ACTION_JOINS, belongs, fetch_all, local_day

Row = dict[str, Any]

# kind: (SELECT day, n over :start/:end; the --mentor clause)
DAY_COUNTS = {
    "actions_done": (
        """SELECT a.done_on AS day, COUNT(*) AS n FROM action a {joins}
           WHERE a.status = 'done' AND a.done_on BETWEEN :start AND :end {mentor}
           GROUP BY a.done_on""",
        belongs("action", ":mentor"),
    ),
    # a milestone's own win is counted as the milestone
    "wins": (
        """SELECT w.won_on AS day, COUNT(*) AS n FROM win w {joins}
           WHERE w.won_on BETWEEN :start AND :end AND w.milestone_id IS NULL {mentor}
           GROUP BY w.won_on""",
        belongs("win", ":mentor"),
    ),
    "milestones_done": (
        """SELECT ms.done_on AS day, COUNT(*) AS n FROM milestone ms {joins}
           WHERE ms.done_on BETWEEN :start AND :end {mentor}
           GROUP BY ms.done_on""",
        belongs("milestone", ":mentor"),
    ),
}
JOINS = {
    "actions_done": ACTION_JOINS,
    "wins": "LEFT JOIN goal g ON g.id = w.goal_id",
    "milestones_done": "JOIN goal g ON g.id = ms.goal_id",
}


def _bounds(start: date, end: date) -> tuple[str, str]:
    from mentorlog.store.queries import day_bounds as _day_bounds

    return _day_bounds(start, end)


def activity(
    conn: sqlite3.Connection, start: date, end: date, mentor_id: int | None = None
) -> list[Row]:
    """Every day of [start, end]: meetings held (local day), actions done, wins (not a
    milestone's own) and milestones done; with `mentor_id`, only what belongs to that mentor."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    if mentor_id is not None:
        params["mentor"] = mentor_id
    counts: dict[str, dict[str, int]] = {}
    for kind, (sql, clause) in DAY_COUNTS.items():
        joins = JOINS[kind] if mentor_id is not None else ""
        query = sql.format(joins=joins, mentor=f"AND {clause}" if mentor_id is not None else "")
        counts[kind] = {r["day"]: r["n"] for r in fetch_all(conn, query, params)}
    low, high = _bounds(start, end)
    where = "held_at >= :low AND held_at < :high"
    if mentor_id is not None:
        where += " AND mentor_id = :mentor"
    met: dict[str, int] = {}
    for row in fetch_all(
        conn, f"SELECT held_at FROM meeting WHERE {where}", {**params, "low": low, "high": high}
    ):
        day = local_day(row["held_at"]).isoformat()
        met[day] = met.get(day, 0) + 1
    counts["meetings"] = met
    return pictures.activity(start, end, counts)


def goal_weeks(
    conn: sqlite3.Connection, goals: list[Row], week_start: int = 0, today: date | None = None
) -> dict[int, list[Row]]:
    """{goal id: progress_by_week} for these goals (rows with id, status, achieved_on and
    created_at as ISO moments or stored text): one query over their milestones."""
    today = today or clock.today()
    if not goals:
        return {}
    ids = [g["id"] for g in goals]
    found: dict[int, list[Row]] = {i: [] for i in ids}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        for m in fetch_all(
            conn,
            f"SELECT goal_id, done_on, created_at FROM milestone WHERE goal_id IN ({marks})",
            part,
        ):
            found[m["goal_id"]].append({"done_on": m["done_on"], "created": _day(m["created_at"])})
    return {
        g["id"]: pictures.progress_by_week(
            {**g, "began": _day(g["created_at"])}, found[g["id"]], today, week_start
        )
        for g in goals
    }


def _day(moment: str) -> date:
    """A goal or milestone's created_at (stored text, or ISO with Z) as a local day."""
    from datetime import datetime

    parsed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    return clock.to_local(parsed).date()


def cadence_facts(
    conn: sqlite3.Connection, mentor_ids: list[int], start: date, end: date
) -> dict[int, Row]:
    """{mentor id: {meetings_on: [days met in [start, end], oldest first], met_before: the last
    day met before `start` or None}}."""
    low, high = _bounds(start, end)
    out: dict[int, Row] = {i: {"meetings_on": [], "met_before": None} for i in mentor_ids}
    for mentor_id in mentor_ids:
        days = out[mentor_id]["meetings_on"]
        for row in fetch_all(
            conn,
            "SELECT held_at FROM meeting WHERE mentor_id = ? AND held_at >= ? AND held_at < ? "
            "ORDER BY held_at",
            (mentor_id, low, high),
        ):
            day = local_day(row["held_at"]).isoformat()
            if not days or days[-1] != day:
                days.append(day)
        before = fetch_all(
            conn,
            "SELECT held_at FROM meeting WHERE mentor_id = ? AND held_at < ? "
            "ORDER BY held_at DESC LIMIT 1",
            (mentor_id, low),
        )
        if before:
            out[mentor_id]["met_before"] = local_day(before[0]["held_at"]).isoformat()
    return out


def mentors_met(
    conn: sqlite3.Connection, start: date, end: date, mentor_id: int | None = None
) -> list[Row]:
    """The mentors met in [start, end], with the meetings held and the last day met in it,
    the most met first."""
    low, high = _bounds(start, end)
    where = "m.held_at >= :low AND m.held_at < :high"
    if mentor_id is not None:
        where += " AND m.mentor_id = :mentor"
    rows = fetch_all(
        conn,
        f"""SELECT mn.name, mn.focus, COUNT(*) AS meetings, MAX(m.held_at) AS last_held
            FROM meeting m JOIN mentor mn ON mn.id = m.mentor_id
            WHERE {where} GROUP BY m.mentor_id ORDER BY meetings DESC, mn.name""",
        {"low": low, "high": high, "mentor": mentor_id},
    )
    for row in rows:
        row["last_met"] = local_day(row.pop("last_held")).isoformat()
    return rows
