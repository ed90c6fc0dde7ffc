"""Read queries on plain sqlite3: what every list, show and lookup needs, as plain dicts.

No SQLAlchemy here: commands must start fast. Writes (store/writes.py) share these lookups inside
their own sqlite3 transaction. A test checks these rows against the models.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from mentorlog.core import clock
from mentorlog.core.cadence import meeting_health, stored_cadence
from mentorlog.core.rules import due_soonest, fold_name, goal_progress, is_overdue
from mentorlog.errors import AmbiguousError, MentorlogError, NotFoundError, UsageProblem

Row = dict[str, Any]

# The mentor links of each kind of item, over the aliases its queries join (ACTION_JOINS...):
# an item belongs to a mentor linked to it through any of them (DESIGN, 'Records'); the first
# link that is set is the mentor it shows. Items linked to no mentor belong to every mentor.
MENTOR_LINKS = {
    "action": ("a.mentor_id", "mt.mentor_id", "ad.mentor_id", "g.mentor_id"),
    "advice": ("ad.mentor_id", "mt.mentor_id", "g.mentor_id"),
    "topic": ("t.mentor_id", "g.mentor_id"),
    "win": ("w.mentor_id", "g.mentor_id"),
    "milestone": ("g.mentor_id",),
    "goal": ("g.mentor_id",),
    "resource": ("r.mentor_id", "rg.mentor_id", "ra.mentor_id"),
}


def mentor_of(kind: str) -> str:
    """SQL for the mentor an item of this kind shows (NULL: linked to none)."""
    links = MENTOR_LINKS[kind]
    return f"COALESCE({', '.join(links)})" if len(links) > 1 else links[0]


def belongs(kind: str, mentor: str = "?", unlinked: bool = False) -> str:
    """SQL: the item belongs to the mentor `mentor` (a parameter), or, with `unlinked`, to none."""
    clause = f"{mentor} IN ({', '.join(MENTOR_LINKS[kind])})"
    if unlinked:
        clause += f" OR {mentor_of(kind)} IS NULL"
    return f"({clause})"


ACTION_MENTOR = mentor_of("action")
ACTION_JOINS = """
    LEFT JOIN meeting mt ON mt.id = a.meeting_id
    LEFT JOIN advice ad ON ad.id = a.advice_id
    LEFT JOIN goal g ON g.id = a.goal_id
"""
ADVICE_MENTOR = mentor_of("advice")
ADVICE_JOINS = """
    LEFT JOIN meeting mt ON mt.id = ad.meeting_id
    LEFT JOIN goal g ON g.id = ad.goal_id
"""
TOPIC_MENTOR = mentor_of("topic")
RESOURCE_JOINS = """
    LEFT JOIN goal rg ON rg.id = r.goal_id
    LEFT JOIN advice ra ON ra.id = r.advice_id
"""
RESOURCE_MENTOR = mentor_of("resource")


def day_bounds(start: date, end: date) -> tuple[str, str]:
    """A local-day range as the UTC text SQLite stores moments in."""
    low = datetime.combine(start, time.min).astimezone().astimezone(UTC)
    high = datetime.combine(end + timedelta(days=1), time.min).astimezone().astimezone(UTC)
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    return low.strftime(fmt), high.strftime(fmt)


def fetch_all(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[Row]:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return [dict(r) for r in cur.execute(sql, params)]


def fetch_one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> Row | None:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute(sql, params).fetchone()
    return dict(row) if row else None


def iso_moment(value: str | None) -> str | None:
    """Stored UTC text as ISO 8601, the one form moments take in JSON (clock.moment_text)."""
    moment = clock.parse_stored(value)
    return clock.moment_text(moment) if moment else None


def local_day(value: str | None) -> date | None:
    moment = clock.parse_stored(value)
    return clock.to_local(moment).date() if moment else None


def _stamp(row: Row) -> Row:
    for key in ("created_at", "updated_at", "held_at"):
        if key in row:
            row[key] = iso_moment(row[key])
    return row


# ---------------------------------------------------------------- lookups


# table: (what the user calls it, the command that lists its ids)
NOUNS = {
    "topic": ("question", "agenda list"),
    "contribution": ("contribution", "gave list"),
    "introduction": ("introduction", "intro list"),
    "checkin": ("check-in", "checkin list"),
}


def get_record(conn: sqlite3.Connection, table: str, record_id: int) -> Row:
    """One row by id, or NotFoundError telling the user how to find valid ids."""
    row = None
    if 0 < record_id < 2**63:
        row = fetch_one(conn, f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    if row is None:
        noun, lister = NOUNS.get(table, (table, f"{table} list"))
        raise NotFoundError(f"no {noun} #{record_id}; see 'mentorlog {lister}' for ids")
    return row


def resolve_mentor(conn: sqlite3.Connection, name: str, active_only: bool = False) -> Row:
    """The mentor a name means: the exact name, else the one it is a unique prefix of (active
    mentors first). Case and accents don't matter ('emile' finds 'Émile'), but an exact spelling
    wins over a folded one."""
    typed = " ".join(name.split()).casefold()
    wanted = fold_name(name)
    if not wanted:
        raise NotFoundError("empty mentor name; see 'mentorlog mentor list'")
    mentors = fetch_all(conn, "SELECT * FROM mentor ORDER BY ended_on IS NOT NULL, name")
    tests = (
        lambda m: " ".join(m["name"].split()).casefold() == typed,
        lambda m: fold_name(m["name"]) == wanted,
        lambda m: fold_name(m["name"]).startswith(wanted),
    )
    ended: list[Row] = []
    for test in tests:
        matches = [m for m in mentors if test(m)]
        active = [m for m in matches if not m["ended_on"]]
        candidates = active or ([] if active_only else matches)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            names = ", ".join(m["name"] for m in candidates)
            raise AmbiguousError(
                f"{name.strip()!r} matches several mentors ({names}); type more of the name"
            )
        ended = ended or matches
    if ended:  # active_only, and only ended mentorships match
        raise NotFoundError(_ended_message(name, ended))
    raise NotFoundError(
        f"no {'active ' if active_only else ''}mentor matches {name.strip()!r}; "
        "see 'mentorlog mentor list --all'"
    )


def _ended_message(name: str, ended: list[Row]) -> str:
    """Why an ended mentor can't be logged with, and how to change that."""
    import shlex

    if len(ended) > 1:
        names = ", ".join(m["name"] for m in ended)
        return (
            f"{name.strip()!r} matches only ended mentorships ({names}); "
            "'mentorlog mentor reopen NAME' allows logging with one again"
        )
    mentor = ended[0]
    return (
        f"the mentorship with {mentor['name']} ended on {mentor['ended_on']}; "
        f"'mentorlog mentor reopen {shlex.quote(name.strip())}' allows logging again"
    )


def name_taken(conn: sqlite3.Connection, name: str, other_than: int | None = None) -> Row | None:
    """The mentor whose name folds like `name` (case and accents aside), if any but `other_than`."""
    wanted = fold_name(name)
    for mentor in fetch_all(conn, "SELECT id, name FROM mentor"):
        if mentor["id"] != other_than and fold_name(mentor["name"]) == wanted:
            return mentor
    return None


def active_mentors(conn: sqlite3.Connection) -> list[Row]:
    return fetch_all(conn, "SELECT * FROM mentor WHERE ended_on IS NULL ORDER BY name")


def mentor_due_soonest(conn: sqlite3.Connection, default_name: str | None = None) -> Row:
    """For `log` and `prep` without a name: config's default, else the active mentor due soonest."""
    if default_name:
        return resolve_mentor(conn, default_name, active_only=True)
    mentors = active_mentors(conn)
    if not mentors and fetch_one(conn, "SELECT 1 FROM mentor LIMIT 1"):
        raise MentorlogError(
            "all your mentorships have ended; reopen one with 'mentorlog mentor reopen NAME' "
            "(see 'mentorlog mentor list --all') or add one with 'mentorlog mentor add NAME'"
        )
    if not mentors:
        raise MentorlogError("no active mentor yet; add one with 'mentorlog mentor add NAME'")
    candidates = [(mentor_summary(conn, m)["next_due"], m["name"]) for m in mentors]
    return mentors[due_soonest(candidates)]


def mentor_for_meeting(
    conn: sqlite3.Connection, default_name: str | None, day: date, command: str = "log"
) -> tuple[Row, str]:
    """For `log` (a record: a wrong guess misfiles it) without a name: config's default; the one
    active mentor; else the one whose meeting is planned for `day`; else an error naming them.
    Returns the mentor and why it was chosen."""
    if default_name:
        return resolve_mentor(conn, default_name, active_only=True), "your default_mentor"
    mentors = active_mentors(conn)
    if len(mentors) <= 1:
        return mentor_due_soonest(conn), "your only active mentor"
    today = [m for m in mentors if mentor_summary(conn, m)["next_due"] == day.isoformat()]
    if len(today) == 1:
        return today[0], f"the meeting planned for {day.isoformat()}"
    import shlex

    names = ", ".join(m["name"] for m in mentors)
    example = shlex.quote(mentors[0]["name"].split()[0].lower())
    raise UsageProblem(
        f"you have {len(mentors)} active mentors ({names}) and "
        + ("several have" if today else "none has")
        + f" a meeting planned for {day.isoformat()}: say which, e.g. "
        f"'mentorlog {command} {example}'"
    )


def open_goals_of(conn: sqlite3.Connection, mentor_id: int) -> list[Row]:
    """The mentor's goals still in play (active or paused): what `mentor end` must decide about."""
    return fetch_all(
        conn,
        "SELECT id, title FROM goal WHERE mentor_id = ? AND status IN ('active', 'paused') "
        "ORDER BY id",
        (mentor_id,),
    )


def mentor_agenda(conn: sqlite3.Connection, mentor_id: int) -> dict[str, list[Row]]:
    """What is open with a mentor: the part of prep the `log` template pre-fills."""
    return {
        "open_actions": list_actions(conn, "open", mentor_id, include_unlinked=True),
        "questions": list_topics(conn, mentor_id),
        "pending_advice": list_advice(conn, "pending", mentor_id, include_unlinked=True),
        "goals": [
            {"id": g["id"], "title": g["title"]}
            for g in list_goals(conn)
            if g["mentor_id"] in (mentor_id, None)
        ],
    }


# ---------------------------------------------------------------- mentors


def last_meeting(conn: sqlite3.Connection, mentor_id: int) -> Row | None:
    return fetch_one(
        conn,
        "SELECT id, held_at, next_date FROM meeting WHERE mentor_id = ? "
        "ORDER BY held_at DESC LIMIT 1",
        (mentor_id,),
    )


def mentorship_start(conn: sqlite3.Connection, mentor: Row) -> str:
    """When the mentorship started: its `since`, or the first meeting's day if that was earlier
    (a meeting logged with `log --on` before the day the mentor was added)."""
    first = fetch_one(
        conn, "SELECT MIN(held_at) AS held_at FROM meeting WHERE mentor_id = ?", (mentor["id"],)
    )
    day = local_day(first and first["held_at"])
    return min(day.isoformat(), mentor["started_on"]) if day else mentor["started_on"]


def mentor_summary(conn: sqlite3.Connection, mentor: Row, today: date | None = None) -> Row:
    """A mentor with its cadence health: last met, next due, status, days since last."""
    today = today or clock.today()
    last = last_meeting(conn, mentor["id"])
    cadence = stored_cadence(mentor["cadence"], mentor["name"])
    last_met = local_day(last["held_at"]) if last else None
    planned = date.fromisoformat(last["next_date"]) if last and last["next_date"] else None
    health = meeting_health(cadence, last_met, planned, today, mentor["ended_on"])
    return {
        "id": mentor["id"],
        "uuid": mentor["uuid"],
        "name": mentor["name"],
        "focus": mentor["focus"],
        "cadence": cadence.label,
        "contact": mentor["contact"],
        "started_on": mentorship_start(conn, mentor),
        "ended_on": mentor["ended_on"],
        "closing_note": mentor["closing_note"],
        "last_met": last_met.isoformat() if last_met else None,
        "days_since_last": health.days_since_last,
        "next_due": health.next_due.isoformat() if health.next_due else None,
        "status": health.status,
    }


def list_mentors(conn: sqlite3.Connection, include_ended: bool = False) -> list[Row]:
    where = "" if include_ended else "WHERE ended_on IS NULL"
    mentors = fetch_all(conn, f"SELECT * FROM mentor {where} ORDER BY ended_on IS NOT NULL, name")
    return [mentor_summary(conn, m) for m in mentors]


def mentor_detail(conn: sqlite3.Connection, mentor: Row) -> Row:
    summary = mentor_summary(conn, mentor)
    mid = mentor["id"]
    counts = fetch_one(
        conn,
        """SELECT
            (SELECT COUNT(*) FROM meeting WHERE mentor_id = :m) AS meetings,
            (SELECT COUNT(*) FROM goal WHERE mentor_id = :m AND status = 'active') AS active_goals,
            (SELECT COUNT(*) FROM advice WHERE mentor_id = :m) AS advice,
            (SELECT COUNT(*) FROM topic WHERE mentor_id = :m AND status = 'queued')
                AS queued_questions""",
        {"m": mid},
    )
    summary["counts"] = counts
    summary["recent_meetings"] = list_meetings(conn, mid, limit=5)
    summary["last_checkin"] = fetch_one(
        conn,
        'SELECT checked_on AS "on", rating FROM checkin WHERE mentor_id = ? '
        "ORDER BY checked_on DESC, id DESC LIMIT 1",
        (mid,),
    )
    return summary


# ---------------------------------------------------------------- goals and milestones


def _goal_row(row: Row) -> Row:
    total, done = row.pop("milestones_total") or 0, row.pop("milestones_done") or 0
    row["milestones_total"], row["milestones_done"] = total, done
    row["progress"] = goal_progress(row["status"], done, total)
    return _stamp(row)


GOAL_SELECT = """
    SELECT g.id, g.uuid, g.title, g.why, g.measure, g.target_date, g.horizon, g.status,
           g.status_note, g.achieved_on, g.mentor_id, mn.name AS mentor,
           (SELECT COUNT(*) FROM milestone ms WHERE ms.goal_id = g.id) AS milestones_total,
           (SELECT COUNT(*) FROM milestone ms WHERE ms.goal_id = g.id AND ms.done_on IS NOT NULL)
               AS milestones_done,
           g.created_at, g.updated_at
    FROM goal g LEFT JOIN mentor mn ON mn.id = g.mentor_id
"""


def list_goals(
    conn: sqlite3.Connection,
    include_all: bool = False,
    mentor_id: int | None = None,
    achieved_since: str | None = None,
    status: str | None = None,
) -> list[Row]:
    """Active goals (or all, or those of one status); with `achieved_since`, also those achieved
    on or after that day."""
    clauses, params = [], []
    if status:
        clauses.append("g.status = ?")
        params.append(status)
    elif achieved_since:
        clauses.append("(g.status = 'active' OR (g.status = 'achieved' AND g.achieved_on >= ?))")
        params.append(achieved_since)
    elif not include_all:
        clauses.append("g.status = 'active'")
    if mentor_id is not None:
        clauses.append("g.mentor_id = ?")
        params.append(mentor_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = "ORDER BY g.status != 'active', g.target_date IS NULL, g.target_date, g.id"
    return [_goal_row(r) for r in fetch_all(conn, f"{GOAL_SELECT} {where} {order}", params)]


def goal_detail(conn: sqlite3.Connection, goal_id: int) -> Row:
    get_record(conn, "goal", goal_id)
    goal = _goal_row(fetch_one(conn, f"{GOAL_SELECT} WHERE g.id = ?", (goal_id,)))
    goal["milestones"] = list_milestones(conn, goal_id)
    goal["actions"] = list_actions(conn, "all", goal_id=goal_id)
    goal["advice"] = list_advice(conn, goal_id=goal_id)
    # everything else linked to it: what was asked, won, said and read about it, and the meetings
    # its advice and actions came from
    goal["questions"] = fetch_all(
        conn, "SELECT id, text, status FROM topic WHERE goal_id = ? ORDER BY id", (goal_id,)
    )
    goal["wins"] = fetch_all(
        conn, "SELECT id, text, won_on FROM win WHERE goal_id = ? ORDER BY won_on, id", (goal_id,)
    )
    goal["feedback"] = fetch_all(
        conn,
        "SELECT id, text, direction, kind, given_on FROM feedback WHERE goal_id = ? "
        "ORDER BY given_on, id",
        (goal_id,),
    )
    goal["resources"] = fetch_all(
        conn, "SELECT id, title, status FROM resource WHERE goal_id = ? ORDER BY id", (goal_id,)
    )
    goal["meetings"] = [
        {**m, "held_at": iso_moment(m["held_at"])}
        for m in fetch_all(
            conn,
            """SELECT m.id, m.held_at, (SELECT name FROM mentor WHERE id = m.mentor_id) AS mentor
               FROM meeting m WHERE m.id IN (
                   SELECT meeting_id FROM advice WHERE goal_id = :g AND meeting_id IS NOT NULL
                   UNION SELECT meeting_id FROM action WHERE goal_id = :g AND meeting_id IS NOT NULL)
               ORDER BY m.held_at, m.id""",
            {"g": goal_id},
        )
    ]
    return goal


def list_milestones(conn: sqlite3.Connection, goal_id: int | None = None) -> list[Row]:
    where, params = ("WHERE ms.goal_id = ?", (goal_id,)) if goal_id is not None else ("", ())
    rows = fetch_all(
        conn,
        f"""SELECT ms.id, ms.uuid, ms.goal_id, g.title AS goal, ms.title, ms.due_date, ms.done_on,
                   ms.note, ms.position, ms.created_at, ms.updated_at
            FROM milestone ms JOIN goal g ON g.id = ms.goal_id {where}
            ORDER BY ms.goal_id, ms.position, ms.id""",
        params,
    )
    return [_stamp(r) for r in rows]


# ---------------------------------------------------------------- actions


def _action_rows(conn: sqlite3.Connection, where: str, params: list[Any], order: str) -> list[Row]:
    rows = fetch_all(
        conn,
        f"""SELECT a.id, a.uuid, a.text, a.due_date AS due, a.status, a.result, a.done_on,
                   a.goal_id, a.milestone_id, a.advice_id, a.meeting_id,
                   {ACTION_MENTOR} AS mentor_id,
                   (SELECT name FROM mentor WHERE id = {ACTION_MENTOR}) AS mentor,
                   a.created_at, a.updated_at
            FROM action a {ACTION_JOINS} {where} {order}""",
        params,
    )
    today = clock.today().isoformat()
    for row in rows:
        row["overdue"] = is_overdue(row["status"], row["due"], today)
        _stamp(row)
    return rows


def list_actions(
    conn: sqlite3.Connection,
    which: str = "open",
    mentor_id: int | None = None,
    goal_id: int | None = None,
    limit: int | None = None,
    include_unlinked: bool = False,
    period: dict[str, str] | None = None,
) -> list[Row]:
    """Open actions: overdue first then by due date; done: most recent first.

    With `include_unlinked`, a mentor's list also has the actions linked to no mentor at all
    (DESIGN: unlinked items belong to every mentor's prep).
    """
    clauses: list[str] = []
    params: list[Any] = []
    if which in ("open", "done", "dropped"):
        clauses.append("a.status = ?")
        params.append(which)
    elif which == "overdue":
        clauses.append("a.status = 'open' AND a.due_date < ?")
        params.append(clock.today().isoformat())
    elif which in ("done_between", "due_between") and period:
        column, status = (
            ("a.done_on", "done") if which == "done_between" else ("a.due_date", "open")
        )
        clauses.append(f"a.status = '{status}' AND {column} BETWEEN ? AND ?")
        params += [period["start"], period["end"]]
    if mentor_id is not None:
        clauses.append(belongs("action", unlinked=include_unlinked))
        params.append(mentor_id)
    if goal_id is not None:
        clauses.append("a.goal_id = ?")
        params.append(goal_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    if which == "done":
        order = "ORDER BY a.done_on DESC, a.id DESC"
    elif which == "done_between":
        order = "ORDER BY a.done_on, a.id"
    else:
        order = "ORDER BY a.status != 'open', a.due_date IS NULL, a.due_date, a.id"
    if limit:
        order += f" LIMIT {int(limit)}"
    return _action_rows(conn, where, params, order)


def action_detail(conn: sqlite3.Connection, action_id: int) -> Row:
    get_record(conn, "action", action_id)
    return _action_rows(conn, "WHERE a.id = ?", [action_id], "")[0]


# ---------------------------------------------------------------- advice

ADVICE_SELECT = f"""
    SELECT ad.id, ad.uuid, ad.text, ad.why, ad.status, ad.outcome, ad.given_on, ad.status_on,
           ad.meeting_id, ad.goal_id, {ADVICE_MENTOR} AS mentor_id,
           (SELECT name FROM mentor WHERE id = {ADVICE_MENTOR}) AS mentor,
           ad.created_at, ad.updated_at
    FROM advice ad {ADVICE_JOINS}
"""


def list_advice(
    conn: sqlite3.Connection,
    status: str | None = None,
    mentor_id: int | None = None,
    goal_id: int | None = None,
    include_unlinked: bool = False,
) -> list[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if status == "pending":
        clauses.append("ad.status IN ('new', 'trying')")
    elif status:
        clauses.append("ad.status = ?")
        params.append(status)
    if mentor_id is not None:
        clauses.append(belongs("advice", unlinked=include_unlinked))
        params.append(mentor_id)
    if goal_id is not None:
        clauses.append("ad.goal_id = ?")
        params.append(goal_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    # With a status the status index bounds the rows and they are sorted after; the unary + keeps
    # SQLite from walking every piece of advice in given_on order instead (5 ms at 100k records).
    order = "+ad.given_on" if status else "ad.given_on"
    rows = fetch_all(conn, f"{ADVICE_SELECT} {where} ORDER BY {order} DESC, ad.id DESC", params)
    return [_stamp(r) for r in rows]


def advice_detail(conn: sqlite3.Connection, advice_id: int) -> Row:
    get_record(conn, "advice", advice_id)
    row = _stamp(fetch_one(conn, f"{ADVICE_SELECT} WHERE ad.id = ?", (advice_id,)))
    row["actions"] = _action_rows(conn, "WHERE a.advice_id = ?", [advice_id], "ORDER BY a.id")
    return row


# ---------------------------------------------------------------- topics (the agenda)


def list_topics(
    conn: sqlite3.Connection, mentor_id: int | None = None, status: str = "queued"
) -> list[Row]:
    clauses, params = ["t.status = ?"], [status]
    if mentor_id is not None:
        clauses.append(belongs("topic", unlinked=True))
        params.append(mentor_id)
    rows = fetch_all(
        conn,
        f"""SELECT t.id, t.uuid, t.text, t.status, t.goal_id, t.meeting_id,
                   {TOPIC_MENTOR} AS mentor_id,
                   (SELECT name FROM mentor WHERE id = {TOPIC_MENTOR}) AS mentor,
                   t.created_at, t.updated_at
            FROM topic t LEFT JOIN goal g ON g.id = t.goal_id
            WHERE {" AND ".join(clauses)} ORDER BY t.id""",
        params,
    )
    return [_stamp(r) for r in rows]


# ---------------------------------------------------------------- meetings

MEETING_SELECT = """
    SELECT m.id, m.uuid, m.mentor_id, mn.name AS mentor, m.held_at, m.minutes, m.mode, m.notes,
           m.next_date, m.created_at, m.updated_at
    FROM meeting m JOIN mentor mn ON mn.id = m.mentor_id
"""


def list_meetings(
    conn: sqlite3.Connection, mentor_id: int | None = None, limit: int | None = None
) -> list[Row]:
    where, params = ("WHERE m.mentor_id = ?", [mentor_id]) if mentor_id else ("", [])
    tail = f" LIMIT {int(limit)}" if limit else ""
    rows = fetch_all(conn, f"{MEETING_SELECT} {where} ORDER BY m.held_at DESC{tail}", params)
    return [_stamp(r) for r in rows]


def meeting_detail(conn: sqlite3.Connection, meeting_id: int) -> Row:
    get_record(conn, "meeting", meeting_id)
    row = _stamp(fetch_one(conn, f"{MEETING_SELECT} WHERE m.id = ?", (meeting_id,)))
    row["advice"] = [
        _stamp(r)
        for r in fetch_all(
            conn, f"{ADVICE_SELECT} WHERE ad.meeting_id = ? ORDER BY ad.id", (meeting_id,)
        )
    ]
    row["actions"] = _action_rows(conn, "WHERE a.meeting_id = ?", [meeting_id], "ORDER BY a.id")
    row["discussed"] = fetch_all(
        conn, "SELECT id, text FROM topic WHERE meeting_id = ? ORDER BY id", (meeting_id,)
    )
    return row


# ---------------------------------------------------------------- wins


def list_wins(conn: sqlite3.Connection, limit: int | None = None) -> list[Row]:
    tail = f" LIMIT {int(limit)}" if limit else ""
    rows = fetch_all(
        conn,
        f"""SELECT w.id, w.uuid, w.text, w.won_on, w.goal_id, w.milestone_id,
                   {mentor_of("win")} AS mentor_id, w.created_at, w.updated_at
            FROM win w LEFT JOIN goal g ON g.id = w.goal_id
            ORDER BY w.won_on DESC, w.id DESC{tail}""",
    )
    return [_stamp(r) for r in rows]


# ---------------------------------------------------------------- deletion

# Every record table, parents before children (export/import resolve links in this order).
RECORD_TABLES = (
    "mentor",
    "goal",
    "milestone",
    "meeting",
    "topic",
    "advice",
    "action",
    "win",
    "reflection",
    "feedback",
    "contribution",
    "resource",
    "introduction",
    "checkin",
)
# What `mentorlog sync` keeps besides (migration 0004): only its conflicts travel between devices.
SYNC_TABLES = ("sync_state", "sync_record", "sync_tombstone", "sync_conflict")


def open_sync_conflicts(conn: sqlite3.Connection) -> int:
    """How many sync conflicts wait to be settled: one count over an index (status, prep)."""
    return conn.execute("SELECT COUNT(*) FROM sync_conflict WHERE status = 'open'").fetchone()[0]


# What a delete takes with it beyond the schema's cascades (table: [(child, WHERE over :id)]).
# A mentor's advice is their words, as their feedback is; the questions queued for them, the actions
# committed to them and the resources they recommended only make sense with them. All of it goes
# with the mentor, directly linked or through one of their meetings, instead of turning unlinked
# and showing in every other mentor's prep. Goals and wins are the mentee's own: they stay, unlinked.
_THEIRS = "mentor_id = :id OR meeting_id IN (SELECT id FROM meeting WHERE mentor_id = :id)"
ALSO_DELETED = {
    "mentor": [
        ("advice", _THEIRS),
        ("topic", _THEIRS),
        ("action", _THEIRS),
        ("resource", "mentor_id = :id"),
    ],
}


def delete_impact(
    conn: sqlite3.Connection, table: str, record_id: int
) -> list[tuple[str, int, str]]:
    """What else a delete touches: (table, rows, 'deleted' or 'unlinked'), read from the schema
    and ALSO_DELETED."""
    extra = dict(ALSO_DELETED.get(table, []))
    impact = []
    for child in RECORD_TABLES:
        if child in extra:
            count = conn.execute(
                f"SELECT COUNT(*) FROM {child} WHERE {extra[child]}", {"id": record_id}
            ).fetchone()[0]
            if count:
                impact.append((child, count, "deleted"))
            continue
        for fk in conn.execute(f"PRAGMA foreign_key_list({child})").fetchall():
            if fk[2] != table:
                continue
            count = conn.execute(
                f"SELECT COUNT(*) FROM {child} WHERE {fk[3]} = ?", (record_id,)
            ).fetchone()[0]
            if count:
                impact.append((child, count, "deleted" if fk[6] == "CASCADE" else "unlinked"))
    return impact
