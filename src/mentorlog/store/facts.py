"""The rows prep, review and status are built from: indexed queries bounded by dates or status.

Each query is bounded by an index (status + date, or a date range), so a view costs the same
whether the journal holds a year or ten.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from mentorlog.core import clock
from mentorlog.core.pictures import status_window
from mentorlog.store import pictures
from mentorlog.store.queries import (
    ACTION_JOINS,
    ADVICE_JOINS,
    ADVICE_SELECT,
    RESOURCE_JOINS,
    RESOURCE_MENTOR,
    belongs,
    fetch_all,
    fetch_one,
    get_record,
    iso_moment,
    last_meeting,
    list_actions,
    list_advice,
    list_goals,
    list_topics,
    local_day,
    mentor_summary,
    mentorship_start,
)
from mentorlog.store.queries import (
    day_bounds as _day_bounds,
)

Row = dict[str, Any]


class Since:
    """'After the last meeting': a later day, or the same day but changed after the meeting."""

    def __init__(self, day: date, moment: str | None) -> None:
        self.day, self.moment = day.isoformat(), moment

    def sql(self, day_column: str, changed_column: str) -> str:
        if self.moment is None:
            return f"{day_column} >= :since_day"
        # The leading range keeps the day index usable (an OR of two ranges scans the table).
        return (
            f"({day_column} >= :since_day AND ({day_column} > :since_day "
            f"OR {changed_column} > :since_moment))"
        )

    @property
    def params(self) -> dict[str, str | None]:
        return {"since_day": self.day, "since_moment": self.moment}


def _in_prep(kind: str) -> str:
    """SQL: an item of this kind belongs to the prep of mentor :mentor (its own or unlinked)."""
    return belongs(kind, ":mentor", unlinked=True)


def _mentors(kind: str) -> str:
    """SQL: an item of this kind is linked to mentor :mentor (the whole-mentorship summaries)."""
    return belongs(kind, ":mentor")


def prep_facts(conn: sqlite3.Connection, mentor_id: int) -> Row:
    """Everything the prep agenda needs for one mentor."""
    mentor = get_record(conn, "mentor", mentor_id)
    summary = mentor_summary(conn, mentor)
    last = last_meeting(conn, mentor_id)
    if last:
        since = Since(date.fromisoformat(summary["last_met"]), last["held_at"])
    else:
        since = Since(date.fromisoformat(mentor["started_on"]), None)
    params = {"mentor": mentor_id, **since.params}
    milestones_done = fetch_all(
        conn,
        # CROSS JOIN keeps milestones (bounded by the done_on index) the outer loop: a mentor's
        # goals grow with the journal, the milestones reached since the last meeting do not.
        f"""SELECT ms.id, ms.title, ms.goal_id, g.title AS goal, ms.done_on, ms.note
            FROM milestone ms CROSS JOIN goal g ON g.id = ms.goal_id
            WHERE ms.done_on IS NOT NULL AND {since.sql("ms.done_on", "ms.updated_at")}
              AND {_in_prep("milestone")}
            ORDER BY ms.done_on, ms.id""",
        params,
    )
    actions_done = fetch_all(
        conn,
        f"""SELECT a.id, a.text, a.done_on, a.result FROM action a {ACTION_JOINS}
            WHERE a.status = 'done' AND {since.sql("a.done_on", "a.updated_at")}
              AND {_in_prep("action")}
            ORDER BY a.done_on, a.id""",
        params,
    )
    advice_applied = fetch_all(
        conn,
        f"""SELECT ad.id, ad.text, ad.outcome, ad.status_on FROM advice ad {ADVICE_JOINS}
            WHERE ad.status = 'applied' AND {since.sql("ad.status_on", "ad.updated_at")}
              AND {_in_prep("advice")}
            ORDER BY ad.status_on, ad.id""",
        params,
    )
    wins = fetch_all(
        conn,
        f"""SELECT w.id, w.text, w.won_on, w.goal_id, w.milestone_id, w.source FROM win w LEFT JOIN goal g ON g.id = w.goal_id
            WHERE {since.sql("w.won_on", "w.updated_at")}
              AND {_in_prep("win")}
            ORDER BY w.won_on, w.id""",
        params,
    )
    goals_achieved = fetch_all(
        conn,
        f"""SELECT g.id, g.title, g.achieved_on FROM goal g
            WHERE g.status = 'achieved' AND {since.sql("g.achieved_on", "g.updated_at")}
              AND {_in_prep("goal")}
            ORDER BY g.achieved_on, g.id""",
        params,
    )
    resources_done = fetch_all(
        conn,
        f"""SELECT r.id, r.title, r.takeaway, r.done_on FROM resource r {RESOURCE_JOINS}
            WHERE r.status = 'done' AND {since.sql("r.done_on", "r.updated_at")}
              AND {_in_prep("resource")}
            ORDER BY r.done_on, r.id""",
        params,
    )
    feedback_acted = fetch_all(
        conn,
        f"""SELECT f.id, f.text, f.acted_note AS note, f.acted_on FROM feedback f
            WHERE f.mentor_id = :mentor AND f.direction = 'received' AND f.acted_on IS NOT NULL
              AND {since.sql("f.acted_on", "f.updated_at")}
            ORDER BY f.acted_on, f.id""",
        params,
    )
    intros_met = fetch_all(
        conn,
        f"""SELECT i.id, i.person, i.met_on, i.met_note FROM introduction i
            WHERE i.mentor_id = :mentor AND i.met_on IS NOT NULL
              AND {since.sql("i.met_on", "i.updated_at")}
            ORDER BY i.met_on, i.id""",
        params,
    )
    goals = [_goal_facts(conn, g) for g in list_goals(conn) if g["mentor_id"] in (mentor_id, None)]
    last_time = None
    if last:
        meeting = fetch_one(
            conn, "SELECT id, held_at, notes FROM meeting WHERE id = ?", (last["id"],)
        )
        met_on = local_day(meeting["held_at"]).isoformat()
        last_time = {
            "meeting_id": meeting["id"],
            "on": met_on,
            "notes": meeting["notes"],
            "advice": fetch_all(
                conn,
                "SELECT id, text, status FROM advice WHERE meeting_id = ? ORDER BY id",
                (meeting["id"],),
            ),
            "feedback": fetch_all(
                conn,
                """SELECT id, text, kind FROM feedback
                   WHERE mentor_id = ? AND direction = 'received' AND given_on = ? ORDER BY id""",
                (mentor_id, met_on),
            ),
            "actions": fetch_all(
                conn,
                "SELECT id, text, status, due_date AS due FROM action WHERE meeting_id = ? ORDER BY id",
                (meeting["id"],),
            ),
        }
    goal_statuses = {
        r["status"]: r["n"]
        for r in fetch_all(
            conn,
            "SELECT status, COUNT(*) AS n FROM goal WHERE mentor_id = ? GROUP BY status",
            (mentor_id,),
        )
    }
    return {
        "mentor": summary,
        "since": since.day,
        "milestones_done": milestones_done,
        "actions_done": actions_done,
        "advice_applied": advice_applied,
        "wins": wins,
        "resources_done": resources_done,
        "feedback_acted": feedback_acted,
        "intros_met": intros_met,
        "goals_achieved": goals_achieved,
        "last_time": last_time,
        "open_actions": list_actions(conn, "open", mentor_id, include_unlinked=True),
        "goals": goals,
        "goal_statuses": goal_statuses,
        "questions": list_topics(conn, mentor_id),
        "pending_advice": list_advice(conn, "pending", mentor_id, include_unlinked=True),
        "resources": fetch_all(
            conn,
            f"""SELECT r.id, r.title, r.status, r.kind, r.url FROM resource r {RESOURCE_JOINS}
                WHERE r.status IN ('queued', 'started') AND {_in_prep("resource")}
                ORDER BY r.status = 'queued', r.id""",
            params,
        ),
        "introductions": fetch_all(
            conn,
            """SELECT id, person, context, introduced_on, met_on, thanked_on FROM introduction
               WHERE mentor_id = :mentor AND (met_on IS NULL OR thanked_on IS NULL)
               ORDER BY introduced_on, id""",
            params,
        ),
        **_relationship_facts(conn, mentor_id),
    }


def _relationship_facts(conn: sqlite3.Connection, mentor_id: int) -> Row:
    """What the relationship rules look at: feedback, giving back, check-ins, meetings so far."""
    from mentorlog.core.suggestions import FEEDBACK_AFTER_MEETINGS

    received = {"mentor": mentor_id}
    third_last = fetch_one(
        conn,
        "SELECT held_at FROM meeting WHERE mentor_id = ? ORDER BY held_at DESC LIMIT 1 OFFSET ?",
        (mentor_id, FEEDBACK_AFTER_MEETINGS - 1),
    )
    return {
        "meetings_total": fetch_one(
            conn, "SELECT COUNT(*) AS n FROM meeting WHERE mentor_id = ?", (mentor_id,)
        )["n"],
        "third_last_meeting": local_day(third_last["held_at"]).isoformat() if third_last else None,
        "last_feedback_received": fetch_one(
            conn,
            "SELECT MAX(given_on) AS d FROM feedback "
            "WHERE mentor_id = :mentor AND direction = 'received'",
            received,
        )["d"],
        # constructive, or not said: received feedback waits in prep until acted on unless praise
        "feedback_to_act_on": fetch_all(
            conn,
            """SELECT id, text, kind, given_on FROM feedback
               WHERE mentor_id = :mentor AND direction = 'received'
                 AND (kind IS NULL OR kind != 'praise') AND acted_on IS NULL
               ORDER BY given_on, id""",
            received,
        ),
        "last_gave": fetch_one(
            conn, "SELECT MAX(given_on) AS d FROM contribution WHERE mentor_id = ?", (mentor_id,)
        )["d"],
        "last_checkin": fetch_one(
            conn,
            "SELECT checked_on, rating FROM checkin WHERE mentor_id = ? "
            "ORDER BY checked_on DESC, id DESC LIMIT 1",
            (mentor_id,),
        ),
    }


def _goal_facts(conn: sqlite3.Connection, goal: Row) -> Row:
    """A goal with its milestones and the last time anything about it changed."""
    goal["milestones"] = fetch_all(
        conn,
        "SELECT id, title, due_date, done_on, position, updated_at FROM milestone "
        "WHERE goal_id = ? ORDER BY position, id",
        (goal["id"],),
    )
    latest = fetch_one(
        conn,
        # anything linked to the goal counts as work on it: a goal with recent advice, actions,
        # questions, wins, feedback or resources is not stalled. INDEXED BY: most rows link no
        # goal, so ANALYZE's statistics make the goal_id index look useless and SQLite scanned
        # the table instead (14 ms per goal for advice at 100k records).
        """SELECT MAX(t) AS t FROM (
               SELECT updated_at AS t FROM goal WHERE id = :g
               UNION ALL SELECT MAX(updated_at) FROM milestone INDEXED BY ix_milestone_goal_id
                         WHERE goal_id = :g
               UNION ALL SELECT MAX(updated_at) FROM action INDEXED BY ix_action_goal_id
                         WHERE goal_id = :g
               UNION ALL SELECT MAX(updated_at) FROM advice INDEXED BY ix_advice_goal_id
                         WHERE goal_id = :g
               UNION ALL SELECT MAX(updated_at) FROM topic INDEXED BY ix_topic_goal_id
                         WHERE goal_id = :g
               UNION ALL SELECT MAX(updated_at) FROM win INDEXED BY ix_win_goal_id
                         WHERE goal_id = :g
               UNION ALL SELECT MAX(updated_at) FROM feedback INDEXED BY ix_feedback_goal_id
                         WHERE goal_id = :g
               UNION ALL SELECT MAX(updated_at) FROM resource INDEXED BY ix_resource_goal_id
                         WHERE goal_id = :g)""",
        {"g": goal["id"]},
    )["t"]
    goal["last_activity"] = local_day(latest).isoformat()
    return goal


def review_facts(conn: sqlite3.Connection, start: date, end: date, week_start: int = 0) -> Row:
    """Everything the weekly review needs for the period [start, end]."""
    today = clock.today()
    span = {"start": start.isoformat(), "end": end.isoformat()}
    low, high = _day_bounds(start, end)
    goals = []
    for goal in list_goals(conn, achieved_since=start.isoformat()):
        counts = fetch_one(
            conn,
            "SELECT SUM(done_on < :start) AS done_before FROM milestone WHERE goal_id = :goal",
            {**span, "goal": goal["id"]},
        )
        goal["milestones_done_before"] = counts["done_before"] or 0
        goals.append(goal)
    return {
        "period": span,
        "today": today.isoformat(),
        "actions_done": list_actions(conn, "done_between", period=span),
        "actions_overdue": list_actions(conn, "overdue"),
        "actions_due_next": list_actions(
            conn,
            "due_between",
            period={"start": today.isoformat(), "end": (today + timedelta(days=7)).isoformat()},
        ),
        "milestones_done": fetch_all(
            conn,
            """SELECT ms.id, ms.title, ms.goal_id, g.title AS goal, ms.done_on
               FROM milestone ms JOIN goal g ON g.id = ms.goal_id
               WHERE ms.done_on BETWEEN :start AND :end ORDER BY ms.done_on, ms.id""",
            span,
        ),
        "goals": goals,
        "meetings": [
            {**m, "held_at": iso_moment(m["held_at"])}
            for m in fetch_all(
                conn,
                """SELECT m.id, mn.name AS mentor, m.held_at FROM meeting m
                   JOIN mentor mn ON mn.id = m.mentor_id
                   WHERE m.held_at >= ? AND m.held_at < ? ORDER BY m.held_at""",
                (low, high),
            )
        ],
        "advice_received": fetch_all(
            conn,
            f"SELECT * FROM ({ADVICE_SELECT}) x WHERE x.given_on BETWEEN :start AND :end "
            "ORDER BY x.given_on, x.id",
            span,
        ),
        "advice_applied": fetch_all(
            conn,
            f"SELECT * FROM ({ADVICE_SELECT}) x WHERE x.status = 'applied' "
            "AND x.status_on BETWEEN :start AND :end ORDER BY x.status_on, x.id",
            span,
        ),
        "wins": fetch_all(
            conn,
            "SELECT id, text, won_on, goal_id, milestone_id FROM win WHERE won_on BETWEEN :start AND :end "
            "ORDER BY won_on, id",
            span,
        ),
        **_loop_in_period(conn, span),
        "mentors": [
            mentor_summary(conn, m)
            for m in fetch_all(conn, "SELECT * FROM mentor WHERE ended_on IS NULL ORDER BY name")
        ],
        "streak_weeks": done_streak(conn, min(end, today), week_start),
        "reflection": fetch_one(
            conn,
            "SELECT id, period_start, period_end, text, updated_at FROM reflection "
            "WHERE period_end <= ? ORDER BY period_end DESC, id DESC LIMIT 1",
            (end.isoformat(),),
        ),
        "activity": pictures.activity(conn, start, end),
    }


def _loop_in_period(conn: sqlite3.Connection, span: dict[str, str]) -> Row:
    """Feedback, contributions, resources finished, introductions met and check-ins in a period."""
    return {
        "feedback": fetch_all(
            conn,
            """SELECT f.id, f.text, f.direction, mn.name AS mentor, f.kind, f.given_on AS "on",
                      f.goal_id, f.acted_on, f.acted_note
               FROM feedback f JOIN mentor mn ON mn.id = f.mentor_id
               WHERE f.given_on BETWEEN :start AND :end ORDER BY f.given_on, f.id""",
            span,
        ),
        "gave": fetch_all(
            conn,
            """SELECT c.id, c.text, mn.name AS mentor, c.kind, c.given_on AS "on"
               FROM contribution c JOIN mentor mn ON mn.id = c.mentor_id
               WHERE c.given_on BETWEEN :start AND :end ORDER BY c.given_on, c.id""",
            span,
        ),
        "resources_done": fetch_all(
            conn,
            f"""SELECT r.id, r.title, r.kind,
                       (SELECT name FROM mentor WHERE id = {RESOURCE_MENTOR}) AS mentor,
                       r.takeaway, r.done_on
                FROM resource r {RESOURCE_JOINS}
                WHERE r.status = 'done' AND r.done_on BETWEEN :start AND :end
                ORDER BY r.done_on, r.id""",
            span,
        ),
        "intros_met": fetch_all(
            conn,
            """SELECT i.id, i.person, mn.name AS mentor, i.met_on, i.met_note
               FROM introduction i JOIN mentor mn ON mn.id = i.mentor_id
               WHERE i.met_on BETWEEN :start AND :end ORDER BY i.met_on, i.id""",
            span,
        ),
        "checkins": fetch_all(
            conn,
            """SELECT c.id, mn.name AS mentor, c.checked_on AS "on", c.rating, c.working, c.change
               FROM checkin c JOIN mentor mn ON mn.id = c.mentor_id
               WHERE c.checked_on BETWEEN :start AND :end ORDER BY c.checked_on, c.id""",
            span,
        ),
    }


# each an index range (the date column, or status + date): a week costs seven index probes
PROGRESS_IN_WEEK = """SELECT
    EXISTS(SELECT 1 FROM action WHERE status = 'done' AND done_on BETWEEN :a AND :b)
 OR EXISTS(SELECT 1 FROM milestone WHERE done_on BETWEEN :a AND :b)
 OR EXISTS(SELECT 1 FROM win WHERE won_on BETWEEN :a AND :b)
 OR EXISTS(SELECT 1 FROM advice WHERE status = 'applied' AND status_on BETWEEN :a AND :b)
 OR EXISTS(SELECT 1 FROM resource WHERE status = 'done' AND done_on BETWEEN :a AND :b) AS x"""
# introductions met and feedback acted on have no index on that day: asked only for a week the
# indexed kinds left empty (the week that ends the streak, or one only these carry)
UNINDEXED_PROGRESS = """SELECT
    EXISTS(SELECT 1 FROM introduction WHERE met_on BETWEEN :a AND :b)
 OR EXISTS(SELECT 1 FROM feedback WHERE acted_on BETWEEN :a AND :b) AS x"""


def done_streak(conn: sqlite3.Connection, today: date, week_start: int = 0, cap: int = 520) -> int:
    """Consecutive weeks with progress — an action done, a milestone reached or a win, advice
    applied, a resource finished, an introduction met, feedback acted on — up to `today`; the
    week in progress counts once it has some."""
    start = today - timedelta(days=(today.weekday() - week_start) % 7)
    streak = 0
    for index in range(cap):
        first = start - timedelta(weeks=index)
        week = {"a": first.isoformat(), "b": min(first + timedelta(days=6), today).isoformat()}
        hit = any(
            (row := fetch_one(conn, sql, week)) and row["x"]
            for sql in (PROGRESS_IN_WEEK, UNINDEXED_PROGRESS)
        )
        if hit:
            streak += 1
        elif index > 0:
            break
    return streak


def status_facts(conn: sqlite3.Connection, week_start: int = 0) -> Row:
    """Next meetings, overdue and this week's actions, active goals."""
    from mentorlog.core.dates import end_of_week

    today = clock.today()
    counts = fetch_one(
        conn,
        "SELECT (SELECT COUNT(*) FROM mentor) AS mentors, (SELECT COUNT(*) FROM goal) AS goals",
    )
    return {
        "today": today.isoformat(),
        "empty": counts["mentors"] == 0 and counts["goals"] == 0,
        "mentors": [
            mentor_summary(conn, m)
            for m in fetch_all(conn, "SELECT * FROM mentor WHERE ended_on IS NULL ORDER BY name")
        ],
        "actions_overdue": list_actions(conn, "overdue"),
        "actions_due_this_week": list_actions(
            conn,
            "due_between",
            period={"start": today.isoformat(), "end": end_of_week(today, week_start).isoformat()},
        ),
        "goals": list_goals(conn),
        "resources_in_progress": fetch_all(
            conn,
            f"""SELECT r.id, r.title,
                       (SELECT name FROM mentor WHERE id = {RESOURCE_MENTOR}) AS mentor
                FROM resource r {RESOURCE_JOINS}
                WHERE r.status = 'started' ORDER BY r.id""",
        ),
        "introductions_pending": fetch_all(
            conn,
            """SELECT i.id, i.person, mn.name AS mentor, i.introduced_on, i.met_on, i.thanked_on
               FROM introduction i JOIN mentor mn ON mn.id = i.mentor_id
               WHERE i.met_on IS NULL OR i.thanked_on IS NULL
               ORDER BY i.met_on IS NOT NULL DESC, i.introduced_on, i.id""",
        ),
        "activity": pictures.activity(conn, *status_window(today, week_start)),
    }


def closing_summary(conn: sqlite3.Connection, mentor_id: int) -> Row:
    """The whole mentorship with one mentor, for `mentor end`: what it brought, what is still open.

    Only what is linked to this mentor counts (directly or through a meeting, advice or goal);
    items linked to no mentor belong to no single mentorship.
    """
    mentor = get_record(conn, "mentor", mentor_id)
    m = {"mentor": mentor_id}
    return {
        "mentor": {
            "name": mentor["name"],
            "started_on": mentorship_start(conn, mentor),
            "ended_on": mentor["ended_on"],
        },
        "meetings": fetch_one(
            conn, "SELECT COUNT(*) AS n FROM meeting WHERE mentor_id = :mentor", m
        )["n"],
        "goals_achieved": fetch_all(
            conn,
            """SELECT id, title, measure, achieved_on FROM goal
               WHERE mentor_id = :mentor AND status = 'achieved' ORDER BY achieved_on, id""",
            m,
        ),
        "advice_applied": fetch_all(
            conn,
            f"""SELECT ad.id, ad.text, ad.outcome FROM advice ad {ADVICE_JOINS}
                WHERE ad.status = 'applied' AND {_mentors("advice")}
                ORDER BY ad.status_on, ad.id""",
            m,
        ),
        "actions_done": fetch_all(
            conn,
            f"""SELECT a.id, a.text, a.done_on, a.result FROM action a {ACTION_JOINS}
                WHERE a.status = 'done' AND {_mentors("action")} ORDER BY a.done_on, a.id""",
            m,
        ),
        "wins": fetch_all(
            conn,
            f"""SELECT w.id, w.text, w.won_on FROM win w LEFT JOIN goal g ON g.id = w.goal_id
                WHERE {_mentors("win")} ORDER BY w.won_on, w.id""",
            m,
        ),
        "feedback_received": fetch_all(
            conn,
            """SELECT id, text, kind, given_on AS "on", acted_on, acted_note FROM feedback
               WHERE mentor_id = :mentor AND direction = 'received' ORDER BY given_on, id""",
            m,
        ),
        "gave": fetch_all(
            conn,
            """SELECT id, text, kind, given_on AS "on" FROM contribution
               WHERE mentor_id = :mentor ORDER BY given_on, id""",
            m,
        ),
        "open_actions": fetch_all(
            conn,
            f"""SELECT a.id, a.text FROM action a {ACTION_JOINS}
                WHERE a.status = 'open' AND {_mentors("action")}
                ORDER BY a.due_date IS NULL, a.due_date, a.id""",
            m,
        ),
    }
