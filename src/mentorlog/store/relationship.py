"""The rest of the loop: feedback, what you gave back, resources, introductions and check-ins.

Writes (each one BEGIN IMMEDIATE transaction, as in store/writes.py) and the list/show queries for
these five record kinds, on plain sqlite3. A state change given several ids changes all of them in
the one transaction, or none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from mentorlog.core.fields import valid_rating
from mentorlog.core.rules import RESOURCE_TRANSITIONS, not_in_future
from mentorlog.errors import ConflictError, NotFoundError, UsageProblem
from mentorlog.store import queries, rows
from mentorlog.store.db import write_connection
from mentorlog.store.rows import Record
from mentorlog.store.writes import _need_text, _optional_text

Row = dict[str, Any]

# table: (what the user calls one, the command that lists their ids)
NOUNS = {
    "feedback": ("feedback", "feedback list"),
    "contribution": ("contribution", "gave list"),
    "resource": ("resource", "resource list --all"),
    "introduction": ("introduction", "intro list"),
    "checkin": ("check-in", "checkin list"),
}


def _get(conn: sqlite3.Connection, table: str, record_id: int) -> Record:
    """One row by id, or NotFoundError naming the command that lists valid ids."""
    row = None
    if 0 < record_id < 2**63:
        row = queries.fetch_one(conn, f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    if row is None:
        noun, lister = NOUNS[table]
        raise NotFoundError(f"no {noun} #{record_id}; see 'mentorlog {lister}' for ids")
    return rows.decode(table, row)


def _mentor(conn: sqlite3.Connection, name: str) -> Row:
    """Any mentor, ended ones included: feedback, thanks and check-ins can come after the end."""
    return queries.resolve_mentor(conn, name)


def _not_before(day: date, earliest: date | None, message: str) -> None:
    if earliest is not None and day < earliest:
        raise ConflictError(message)


def _unique(ids: Iterable[int]) -> list[int]:
    """The ids in the order given, each once (`done 3 3` means #3)."""
    return list(dict.fromkeys(ids))


def _each(
    path: Path, table: str, ids: Iterable[int], change: Callable[[sqlite3.Connection, Record], Any]
) -> list[Record]:
    """Apply one state change to every id in one transaction: all of them land, or none does."""
    ids = _unique(ids)
    if not ids:
        raise UsageProblem("give at least one id")
    changed = []
    with write_connection(path) as conn:
        for record_id in ids:
            record = _get(conn, table, record_id)
            values = change(conn, record)
            rows.update(conn, table, record.id, values)
            changed.append(rows.load(conn, table, record.id))
    return changed


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> Record:
    return rows.load(conn, table, rows.insert(conn, table, values))


def _edited(values: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    """The cleaned values of an edit: at least one; required text stays non-empty, other text
    may be emptied to clear it."""
    if not values:
        raise UsageProblem("nothing to change; pass at least one option (see --help)")
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = _need_text(value, key) if key in required else _optional_text(value, key)
        cleaned[key] = value
    return cleaned


def _check_links(conn: sqlite3.Connection, **links: int | None) -> None:
    for table, record_id in links.items():
        if record_id is not None:
            queries.get_record(conn, table, record_id)


# ---------------------------------------------------------------- feedback


def add_feedback(
    path: Path,
    text: str,
    mentor: str,
    direction: str,
    kind: str | None = None,
    on: date | None = None,
    goal_id: int | None = None,
) -> tuple[Record, str]:
    """Feedback received from (direction 'received') or given to ('given') a mentor."""
    text = _need_text(text, "feedback")
    day = not_in_future(on, "--on")
    with write_connection(path) as conn:
        found = _mentor(conn, mentor)
        _check_links(conn, goal=goal_id)
        feedback = _insert(
            conn,
            "feedback",
            {
                "text": text,
                "direction": direction,
                "kind": kind,
                "given_on": day,
                "mentor_id": found["id"],
                "goal_id": goal_id,
            },
        )
    return feedback, found["name"]


def _can_act(feedback: Record) -> None:
    """Received feedback is acted on unless it is praise (uncategorised counts as constructive:
    feedback from a meeting before kinds were kept has none)."""
    if feedback.direction != "received":
        raise ConflictError(
            f"feedback #{feedback.id} is feedback you gave; only feedback received is acted on"
        )
    if feedback.kind == "praise":
        raise ConflictError(
            f"feedback #{feedback.id} is praise; only constructive feedback is acted on "
            f"('mentorlog feedback edit {feedback.id} --kind constructive' if it is)"
        )


def act_on_feedback(
    path: Path, ids: Iterable[int], note: str | None = None, on: date | None = None
) -> list[Record]:
    note = _optional_text(note, "note")
    day = not_in_future(on, "--on")

    def act(conn: sqlite3.Connection, feedback: Record) -> dict[str, Any]:
        _can_act(feedback)
        if feedback.acted_on:
            raise ConflictError(
                f"feedback #{feedback.id} was already acted on ({feedback.acted_on}); "
                f"'mentorlog feedback reopen {feedback.id}' undoes that"
            )
        _not_before(
            day,
            feedback.given_on,
            f"feedback #{feedback.id} is from {feedback.given_on}; you can't act on it before that",
        )
        return {"acted_on": day, "acted_note": note}

    return _each(path, "feedback", ids, act)


def reopen_feedback(path: Path, ids: Iterable[int]) -> list[Record]:
    def reopen(conn: sqlite3.Connection, feedback: Record) -> dict[str, Any]:
        if not feedback.acted_on:
            raise ConflictError(f"feedback #{feedback.id} has not been acted on; nothing to reopen")
        return {"acted_on": None, "acted_note": None}

    return _each(path, "feedback", ids, reopen)


def edit_feedback(path: Path, feedback_id: int, changes: dict[str, Any]) -> Record:
    """Change text, kind, date, goal, or who it is from/to (`mentor` with `direction`)."""
    with write_connection(path) as conn:
        feedback = _get(conn, "feedback", feedback_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor(conn, changes.pop("mentor"))["id"]
        if "given_on" in changes:
            not_in_future(changes["given_on"], "--on")
        _check_links(conn, goal=changes.get("goal_id"))
        values = _edited(changes, ("text",))
        after = Record({**feedback, **values})
        if after.acted_note and not after.acted_on:
            raise ConflictError(
                f"feedback #{feedback.id} has not been acted on; "
                f"'mentorlog feedback act {feedback.id} --note ...' records what changed"
            )
        if after.acted_on:
            try:
                _can_act(after)
            except ConflictError:
                raise ConflictError(
                    f"feedback #{feedback.id} was acted on; to change its kind or direction, "
                    f"'mentorlog feedback reopen {feedback.id}' first"
                ) from None
        rows.update(conn, "feedback", feedback.id, values)
        feedback = rows.load(conn, "feedback", feedback.id)
    return feedback


def _tail(alias: str, mentor_id: str | None = None) -> str:
    """What every list row and show of these kinds ends with, as the other kinds' rows have it."""
    return (
        f"{alias}.uuid, {mentor_id or alias + '.mentor_id'} AS mentor_id, "
        f"{alias}.created_at, {alias}.updated_at"
    )


def _rows(found: list[Row]) -> list[Row]:
    for row in found:
        for key in ("created_at", "updated_at"):
            row[key] = queries.iso_moment(row[key])
    return found


# `on` is the documented key (DESIGN "The rest of the loop"); the column's own name (given_on,
# checked_on) comes too, as advice and the other kinds name their dates.
FEEDBACK_SELECT = f"""
    SELECT f.id, f.text, f.direction, mn.name AS mentor, f.kind, f.given_on AS "on",
           f.goal_id, f.acted_on, f.acted_note, f.given_on, {_tail("f")}
    FROM feedback f JOIN mentor mn ON mn.id = f.mentor_id
"""


def list_feedback(
    conn: sqlite3.Connection,
    mentor_id: int | None = None,
    direction: str | None = None,
    kind: str | None = None,
    pending: bool = False,
) -> list[Row]:
    """Newest first; `pending`: received constructive feedback not yet acted on."""
    clauses: list[str] = []
    params: list[Any] = []
    if mentor_id is not None:
        clauses.append("f.mentor_id = ?")
        params.append(mentor_id)
    if direction:
        clauses.append("f.direction = ?")
        params.append(direction)
    if kind:
        clauses.append("f.kind = ?")
        params.append(kind)
    if pending:
        clauses.append(
            "f.direction = 'received' AND f.kind = 'constructive' AND f.acted_on IS NULL"
        )
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return _rows(
        queries.fetch_all(
            conn, f"{FEEDBACK_SELECT} {where} ORDER BY f.given_on DESC, f.id DESC", params
        )
    )


def _detail(conn: sqlite3.Connection, table: str, select: str, alias: str, record_id: int) -> Row:
    """One record in the shape its list's rows have (`show --json` and `list --json` agree)."""
    _get(conn, table, record_id)
    return _rows([queries.fetch_one(conn, f"{select} WHERE {alias}.id = ?", (record_id,))])[0]


def feedback_detail(conn: sqlite3.Connection, feedback_id: int) -> Row:
    return _detail(conn, "feedback", FEEDBACK_SELECT, "f", feedback_id)


# ---------------------------------------------------------------- what you gave back


def add_contribution(
    path: Path, text: str, mentor: str, kind: str = "other", on: date | None = None
) -> tuple[Record, str]:
    text = _need_text(text, "contribution")
    day = not_in_future(on, "--on")
    with write_connection(path) as conn:
        found = _mentor(conn, mentor)
        contribution = _insert(
            conn,
            "contribution",
            {"text": text, "kind": kind, "given_on": day, "mentor_id": found["id"]},
        )
    return contribution, found["name"]


def edit_contribution(path: Path, contribution_id: int, changes: dict[str, Any]) -> Record:
    with write_connection(path) as conn:
        contribution = _get(conn, "contribution", contribution_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor(conn, changes.pop("mentor"))["id"]
        if "given_on" in changes:
            not_in_future(changes["given_on"], "--on")
        rows.update(conn, "contribution", contribution.id, _edited(changes, ("text",)))
        contribution = rows.load(conn, "contribution", contribution.id)
    return contribution


CONTRIBUTION_SELECT = f"""
    SELECT c.id, c.text, mn.name AS mentor, c.kind, c.given_on AS "on", c.given_on, {_tail("c")}
    FROM contribution c JOIN mentor mn ON mn.id = c.mentor_id
"""


def list_contributions(conn: sqlite3.Connection, mentor_id: int | None = None) -> list[Row]:
    where, params = ("WHERE c.mentor_id = ?", (mentor_id,)) if mentor_id is not None else ("", ())
    return _rows(
        queries.fetch_all(
            conn, f"{CONTRIBUTION_SELECT} {where} ORDER BY c.given_on DESC, c.id DESC", params
        )
    )


def contribution_detail(conn: sqlite3.Connection, contribution_id: int) -> Row:
    return _detail(conn, "contribution", CONTRIBUTION_SELECT, "c", contribution_id)


# ---------------------------------------------------------------- resources

RESOURCE_OPEN = ("queued", "started")


def add_resource(
    path: Path,
    title: str,
    url: str | None = None,
    kind: str = "other",
    mentor: str | None = None,
    goal_id: int | None = None,
    advice_id: int | None = None,
) -> Record:
    title = _need_text(title, "resource title")
    url = _optional_text(url, "url")
    with write_connection(path) as conn:
        mentor_id = _mentor(conn, mentor)["id"] if mentor is not None else None
        _check_links(conn, goal=goal_id, advice=advice_id)
        resource = _insert(
            conn,
            "resource",
            {
                "title": title,
                "url": url,
                "kind": kind,
                "mentor_id": mentor_id,
                "goal_id": goal_id,
                "advice_id": advice_id,
            },
        )
    return resource


def set_resource_status(
    path: Path,
    ids: Iterable[int],
    status: str,
    takeaway: str | None = None,
    on: date | None = None,
) -> list[Record]:
    """Start, finish, drop or requeue resources; finishing sets done_on (and the takeaway)."""
    takeaway = _optional_text(takeaway, "takeaway")
    day = not_in_future(on, "--on") if status == "done" else None

    def move(conn: sqlite3.Connection, resource: Record) -> dict[str, Any]:
        if resource.status not in RESOURCE_TRANSITIONS[status]:
            hint = (
                f"; 'mentorlog resource reopen {resource.id}' puts it back in the queue"
                if resource.status in ("done", "dropped")
                else ""
            )
            raise ConflictError(
                f"resource #{resource.id} is already {resource.status}"
                if resource.status == status
                else f"resource #{resource.id} is {resource.status}; it can't become {status}{hint}"
            )
        values: dict[str, Any] = {"status": status, "done_on": day}
        if takeaway is not None:
            values["takeaway"] = takeaway
        return values

    return _each(path, "resource", ids, move)


def edit_resource(path: Path, resource_id: int, changes: dict[str, Any]) -> Record:
    with write_connection(path) as conn:
        resource = _get(conn, "resource", resource_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor(conn, changes.pop("mentor"))["id"]
        _check_links(conn, goal=changes.get("goal_id"), advice=changes.get("advice_id"))
        rows.update(conn, "resource", resource.id, _edited(changes, ("title",)))
        resource = rows.load(conn, "resource", resource.id)
    return resource


# A resource belongs to its mentor, else to the mentor of its advice or goal.
RESOURCE_MENTOR = "COALESCE(r.mentor_id, ad.mentor_id, g.mentor_id)"
RESOURCE_SELECT = f"""
    SELECT r.id, r.title, r.url, r.kind, r.status,
           (SELECT name FROM mentor WHERE id = {RESOURCE_MENTOR}) AS mentor,
           r.goal_id, r.advice_id, r.takeaway, r.done_on, {_tail("r", RESOURCE_MENTOR)}
    FROM resource r
    LEFT JOIN advice ad ON ad.id = r.advice_id
    LEFT JOIN goal g ON g.id = r.goal_id
"""


def list_resources(
    conn: sqlite3.Connection, statuses: Iterable[str] | None = None, mentor_id: int | None = None
) -> list[Row]:
    """Started, then queued, then done (latest first), then dropped; `statuses` None means all."""
    clauses: list[str] = []
    params: list[Any] = []
    if statuses is not None:
        wanted = list(statuses)
        clauses.append(f"r.status IN ({', '.join('?' for _ in wanted)})")
        params += wanted
    if mentor_id is not None:
        clauses.append(f"{RESOURCE_MENTOR} = ?")
        params.append(mentor_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = """ORDER BY CASE r.status WHEN 'started' THEN 0 WHEN 'queued' THEN 1
                                      WHEN 'done' THEN 2 ELSE 3 END,
                        r.done_on DESC, r.id"""
    return _rows(queries.fetch_all(conn, f"{RESOURCE_SELECT} {where} {order}", params))


def resource_detail(conn: sqlite3.Connection, resource_id: int) -> Row:
    """`mentor_id` is whose it is (as `mentor`): its own link, else its advice's or goal's."""
    return _detail(conn, "resource", RESOURCE_SELECT, "r", resource_id)


# ---------------------------------------------------------------- introductions


def add_introduction(
    path: Path,
    person: str,
    mentor: str,
    context: str | None = None,
    on: date | None = None,
) -> tuple[Record, str]:
    person = _need_text(person, "person")
    context = _optional_text(context, "context")
    day = not_in_future(on, "--on")
    with write_connection(path) as conn:
        found = _mentor(conn, mentor)
        intro = _insert(
            conn,
            "introduction",
            {"person": person, "context": context, "introduced_on": day, "mentor_id": found["id"]},
        )
    return intro, found["name"]


def meet_introductions(
    path: Path, ids: Iterable[int], on: date | None = None, note: str | None = None
) -> list[Record]:
    note = _optional_text(note, "note")
    day = not_in_future(on, "--on")

    def meet(conn: sqlite3.Connection, intro: Record) -> dict[str, Any]:
        if intro.met_on:
            raise ConflictError(
                f"you already met {intro.person} (introduction #{intro.id}) on {intro.met_on}"
            )
        _not_before(
            day,
            intro.introduced_on,
            f"introduction #{intro.id} was on {intro.introduced_on}; you can't have met "
            f"{intro.person} through it before that",
        )
        return {"met_on": day, "met_note": note}

    return _each(path, "introduction", ids, meet)


def thank_for_introductions(path: Path, ids: Iterable[int], on: date | None = None) -> list[Record]:
    """Thanking before meeting is fine: some say thanks as soon as the introduction is made."""
    day = not_in_future(on, "--on")

    def thank(conn: sqlite3.Connection, intro: Record) -> dict[str, Any]:
        if intro.thanked_on:
            raise ConflictError(
                f"introduction #{intro.id} ({intro.person}) was already thanked for on "
                f"{intro.thanked_on}"
            )
        _not_before(
            day,
            intro.introduced_on,
            f"introduction #{intro.id} was on {intro.introduced_on}; you can't have thanked "
            "for it before that",
        )
        return {"thanked_on": day}

    return _each(path, "introduction", ids, thank)


def reopen_introductions(path: Path, ids: Iterable[int]) -> list[Record]:
    """Undo `met` and `thanked` (a wrong id, a meeting that fell through): pending again."""

    def reopen(conn: sqlite3.Connection, intro: Record) -> dict[str, Any]:
        if not (intro.met_on or intro.thanked_on):
            raise ConflictError(
                f"introduction #{intro.id} ({intro.person}) is neither met nor thanked; nothing to reopen"
            )
        return {"met_on": None, "met_note": None, "thanked_on": None}

    return _each(path, "introduction", ids, reopen)


def edit_introduction(path: Path, intro_id: int, changes: dict[str, Any]) -> Record:
    with write_connection(path) as conn:
        intro = _get(conn, "introduction", intro_id)
        if "mentor" in changes:
            changes["mentor_id"] = _mentor(conn, changes.pop("mentor"))["id"]
        if "introduced_on" in changes:
            day = not_in_future(changes["introduced_on"], "--on")
            for column in ("met_on", "thanked_on"):
                _not_before(
                    intro[column] or day,
                    day,
                    f"introduction #{intro.id} has {column.replace('_', ' ')} "
                    f"{intro[column]}; it can't have been made after that",
                )
        rows.update(conn, "introduction", intro.id, _edited(changes, ("person",)))
        intro = rows.load(conn, "introduction", intro.id)
    return intro


INTRO_SELECT = f"""
    SELECT i.id, i.person, mn.name AS mentor, i.context, i.introduced_on, i.met_on, i.met_note,
           i.thanked_on, {_tail("i")}
    FROM introduction i JOIN mentor mn ON mn.id = i.mentor_id
"""


def list_introductions(
    conn: sqlite3.Connection, mentor_id: int | None = None, pending: bool = False
) -> list[Row]:
    """Newest first; `pending`: not met yet, or not thanked for yet."""
    clauses: list[str] = []
    params: list[Any] = []
    if mentor_id is not None:
        clauses.append("i.mentor_id = ?")
        params.append(mentor_id)
    if pending:
        clauses.append("(i.met_on IS NULL OR i.thanked_on IS NULL)")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return _rows(
        queries.fetch_all(
            conn, f"{INTRO_SELECT} {where} ORDER BY i.introduced_on DESC, i.id DESC", params
        )
    )


def introduction_detail(conn: sqlite3.Connection, intro_id: int) -> Row:
    return _detail(conn, "introduction", INTRO_SELECT, "i", intro_id)


# ---------------------------------------------------------------- check-ins


def add_checkin(
    path: Path,
    mentor: str,
    rating: int | None,
    working: str | None = None,
    change: str | None = None,
    on: date | None = None,
) -> tuple[Record, str]:
    values = {
        "rating": valid_rating(rating),
        "working": _optional_text(working, "what works"),
        "change": _optional_text(change, "what to change"),
        "checked_on": not_in_future(on, "--on"),
    }
    with write_connection(path) as conn:
        found = _mentor(conn, mentor)
        checkin = _insert(conn, "checkin", {**values, "mentor_id": found["id"]})
    return checkin, found["name"]


def edit_checkin(path: Path, checkin_id: int, changes: dict[str, Any]) -> Record:
    if "rating" in changes:
        valid_rating(changes["rating"])
    if "checked_on" in changes:
        not_in_future(changes["checked_on"], "--on")
    with write_connection(path) as conn:
        checkin = _get(conn, "checkin", checkin_id)
        rows.update(conn, "checkin", checkin.id, _edited(changes, ()))
        checkin = rows.load(conn, "checkin", checkin.id)
    return checkin


CHECKIN_SELECT = f"""
    SELECT c.id, mn.name AS mentor, c.checked_on AS "on", c.rating, c.working, c.change,
           c.checked_on, {_tail("c")}
    FROM checkin c JOIN mentor mn ON mn.id = c.mentor_id
"""


def list_checkins(conn: sqlite3.Connection, mentor_id: int | None = None) -> list[Row]:
    where, params = ("WHERE c.mentor_id = ?", (mentor_id,)) if mentor_id is not None else ("", ())
    return _rows(
        queries.fetch_all(
            conn, f"{CHECKIN_SELECT} {where} ORDER BY c.checked_on DESC, c.id DESC", params
        )
    )


def checkin_detail(conn: sqlite3.Connection, checkin_id: int) -> Row:
    return _detail(conn, "checkin", CHECKIN_SELECT, "c", checkin_id)
