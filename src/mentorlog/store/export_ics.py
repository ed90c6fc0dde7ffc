"""`export --format ics`: next meetings and due actions for a calendar, through `icalendar`.

Each mentor's next meeting (as prep and status compute it: the planned date from the last meeting,
else last meeting + cadence; even when it is past) is an all-day VEVENT, and every action with a due
date an all-day VTODO. UIDs come from the records' UUIDs, so importing a newer export into a calendar
updates these entries instead of adding copies.

A change is a change, not a disappearance: a calendar keeps whatever an earlier import gave it, so
an action done or dropped stays, as STATUS:COMPLETED or CANCELLED (for CLOSED_KEPT_DAYS of the
journal's time after it was closed), and an ended mentorship's next meeting stays as
STATUS:CANCELLED (on the day it was due when the mentorship ended).

SEQUENCE and DTSTAMP come from the records, never from the clock, so the same journal always gives
the same bytes and an entry's revision grows with each change without a new column: DTSTAMP is when
the entry's records last changed (RFC 5545: without METHOD, "the date and time that the information
[...] was last revised"), and SEQUENCE the whole seconds from the entry's creation to that moment.
Every write stamps `updated_at`, so each change of an action (done, dropped, edited, due moved)
raises its SEQUENCE; a next meeting's entry follows its mentor's row and that mentor's meetings (a
meeting logged or edited, a planned date, a cadence changed, the mentorship ended).

An empty journal still writes a valid calendar: RFC 5545 wants at least one component, so a calendar
with nothing dated carries a UTC VTIMEZONE, which no calendar shows. `icalendar` is imported here
only, when this format is asked for.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta

from mentorlog.core import clock
from mentorlog.core.cadence import stored_cadence
from mentorlog.store.queries import fetch_all, local_day

PRODID = "-//mentorlog//mentorlog journal//EN"
# A done or dropped action stays in the file this long after it was closed, counted in the journal's
# own time (up to the latest change to any dated action), not the clock's: long enough for any
# calendar that imports now and then to see the change, and the same bytes whenever it is exported.
# Keeping every closed action forever made a 20k-action journal a 10 s export and a calendar of
# thousands of finished to-dos; once a calendar holds COMPLETED, an entry leaving the file is harmless.
CLOSED_KEPT_DAYS = 180
TODO_STATUS = {"open": "NEEDS-ACTION", "done": "COMPLETED", "dropped": "CANCELLED"}


def meeting_uid(mentor_uuid: str) -> str:
    """One UID per mentorship: the next meeting moves, the calendar entry with it."""
    return f"next-meeting-{mentor_uuid}@mentorlog"


def action_uid(action_uuid: str) -> str:
    return f"action-{action_uuid}@mentorlog"


def _line(text: str) -> str:
    return " ".join(str(text).split())


def revision(created: str, revised: str) -> tuple[int, datetime]:
    """(SEQUENCE, DTSTAMP) of an entry created at `created` and last changed at `revised` (stored
    UTC moments): whole seconds between them, never negative, and the later moment to the second."""
    born = clock.parse_stored(created) or datetime(1970, 1, 1, tzinfo=UTC)
    last = max(born, clock.parse_stored(revised) or born).replace(microsecond=0)
    return int((last - born.replace(microsecond=0)).total_seconds()), last


def _mentors(conn: sqlite3.Connection) -> list[dict]:
    """Every mentor with its last meeting and the last change to it or to any of its meetings."""
    return fetch_all(
        conn,
        """SELECT m.id, m.uuid, m.name, m.focus, m.cadence, m.ended_on, m.created_at,
                  MAX(m.updated_at, COALESCE(
                      (SELECT MAX(updated_at) FROM meeting WHERE mentor_id = m.id), '')
                  ) AS revised,
                  l.held_at, l.next_date
           FROM mentor m
           LEFT JOIN meeting l ON l.id = (
               SELECT id FROM meeting WHERE mentor_id = m.id ORDER BY held_at DESC, id DESC LIMIT 1)
           ORDER BY m.id""",
    )


def next_meeting_day(mentor: dict) -> date | None:
    """The day the next meeting is (or, for an ended mentorship, was) due: the planned date from
    the last meeting, else the last meeting + cadence; None with no meeting and no plan."""
    if mentor["next_date"]:
        return date.fromisoformat(mentor["next_date"])
    last_met = local_day(mentor["held_at"])
    return stored_cadence(mentor["cadence"], mentor["name"]).after(last_met) if last_met else None


def _empty_marker():
    """The component an empty calendar carries: a UTC time zone, shown by no calendar."""
    from icalendar import Timezone, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", "UTC")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(0))
    standard.add("tzoffsetto", timedelta(0))
    standard.add("tzname", "UTC")
    zone.add_component(standard)
    return zone


def export_ics(conn: sqlite3.Connection) -> str:
    import shlex

    from icalendar import Calendar, Event, Todo

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "mentorlog")

    for mentor in _mentors(conn):
        day = next_meeting_day(mentor)
        if day is None:
            continue  # no meeting yet and none planned: nothing was ever put in a calendar
        sequence, stamp = revision(mentor["created_at"], mentor["revised"])
        name = _line(mentor["name"])
        event = Event()
        event.add("uid", meeting_uid(mentor["uuid"]))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"Mentoring: meet {name}")
        details = [f"Cadence: {stored_cadence(mentor['cadence'], mentor['name']).label}"]
        if mentor["focus"]:
            details.insert(0, f"Focus: {_line(mentor['focus'])}")
        if mentor["ended_on"]:
            event.add("status", "CANCELLED")
            details.append(f"The mentorship ended on {mentor['ended_on']}.")
        else:
            event.add("status", "CONFIRMED")
            details.append(f"Prepare with: mentorlog prep {shlex.quote(name)}")
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")  # a due date, not a booked slot
        calendar.add_component(event)

    actions = fetch_all(
        conn,
        """SELECT id, uuid, text, due_date, status, done_on, created_at, updated_at FROM action
           WHERE due_date IS NOT NULL AND (status = 'open' OR updated_at >= datetime(
               (SELECT MAX(updated_at) FROM action WHERE due_date IS NOT NULL), :kept))
           ORDER BY due_date, id""",
        {"kept": f"-{CLOSED_KEPT_DAYS} days"},
    )
    for action in actions:
        sequence, stamp = revision(action["created_at"], action["updated_at"])
        todo = Todo()
        todo.add("uid", action_uid(action["uuid"]))
        todo.add("dtstamp", stamp)
        todo.add("sequence", sequence)
        todo.add("due", date.fromisoformat(action["due_date"]))
        todo.add("summary", _line(action["text"]))
        todo.add("status", TODO_STATUS.get(action["status"], "NEEDS-ACTION"))
        if action["status"] == "done":
            todo.add("percent-complete", 100)
            if action["done_on"]:  # the day it was done, from its start in local time
                done = datetime.combine(date.fromisoformat(action["done_on"]), time())
                todo.add("completed", clock.to_utc(done).astimezone(UTC))
        number = action["id"]
        todo.add(
            "description",
            f"mentorlog action #{number}; when it is done: mentorlog action done {number}"
            if action["status"] == "open"
            else f"mentorlog action #{number} ({action['status']})",
        )
        calendar.add_component(todo)
    if not calendar.subcomponents:
        calendar.add_component(_empty_marker())
    return calendar.to_ical().decode("utf-8")
