"""`export --format ics`: next meetings and due actions for a calendar, through `icalendar`.

Each active mentor's next meeting (as prep and status compute it: the planned date from the last
meeting, else last meeting + cadence; even when it is past) is an all-day VEVENT, and every open
action with a due date an all-day VTODO. UIDs come from the records' UUIDs, so importing a newer
export into a calendar updates these entries instead of adding copies. `icalendar` is imported here
only, when this format is asked for.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from mentorlog.core import clock
from mentorlog.store.queries import active_mentors, fetch_all, mentor_summary

PRODID = "-//mentorlog//mentorlog journal//EN"


def meeting_uid(mentor_uuid: str) -> str:
    """One UID per mentorship: the next meeting moves, the calendar entry with it."""
    return f"next-meeting-{mentor_uuid}@mentorlog"


def action_uid(action_uuid: str) -> str:
    return f"action-{action_uuid}@mentorlog"


def _line(text: str) -> str:
    return " ".join(str(text).split())


def export_ics(conn: sqlite3.Connection) -> str:
    import shlex

    from icalendar import Calendar, Event, Todo

    stamp = clock.utcnow().replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "mentorlog")

    for mentor in active_mentors(conn):
        summary = mentor_summary(conn, mentor)
        if not summary["next_due"]:
            continue  # no meeting yet and none planned: nothing to put in a calendar
        day = date.fromisoformat(summary["next_due"])
        event = Event()
        event.add("uid", meeting_uid(mentor["uuid"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"Mentoring: meet {_line(mentor['name'])}")
        details = [f"Cadence: {summary['cadence']} ({summary['status']})"]
        if mentor["focus"]:
            details.insert(0, f"Focus: {_line(mentor['focus'])}")
        details.append(f"Prepare with: mentorlog prep {shlex.quote(_line(mentor['name']))}")
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")  # a due date, not a booked slot
        calendar.add_component(event)

    actions = fetch_all(
        conn,
        "SELECT id, uuid, text, due_date FROM action "
        "WHERE status = 'open' AND due_date IS NOT NULL ORDER BY due_date, id",
    )
    for action in actions:
        todo = Todo()
        todo.add("uid", action_uid(action["uuid"]))
        todo.add("dtstamp", stamp)
        todo.add("due", date.fromisoformat(action["due_date"]))
        todo.add("summary", _line(action["text"]))
        todo.add("status", "NEEDS-ACTION")
        todo.add(
            "description",
            f"mentorlog action #{action['id']}; when it is done: mentorlog action done {action['id']}",
        )
        calendar.add_component(todo)
    return calendar.to_ical().decode("utf-8")
