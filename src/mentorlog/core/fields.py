"""What each field of a record may hold: one set of rules for the commands as they write, for
every field of an import file, and for `db check` over a journal already written.

The commands call the rules one by one (`need_text`, `optional_text`, `valid_rating`...; a day
that already happened is core.rules.not_in_future, a cadence core.cadence.parse_cadence, a
status one of core.vocab's); `FIELDS` lists, per record kind, the rule of every column, and
`check_record` applies them all to one record as an export file carries it (`stored_problems`
to one as the journal holds it). Pure: no store, no I/O.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mentorlog.core import clock, vocab
from mentorlog.core.dates import kept_day
from mentorlog.core.rules import MEETING_GRACE_MINUTES, not_in_future
from mentorlog.errors import UsageProblem

# Record ids a journal keeps. The search index keys a row by kind * 2**40 + id (migration 0003),
# so an id must stay far below 2**40, or the ids handed out after it reach the next kind's range
# and every later write of that kind collides. Import gives an id above this a new one (as it
# does an id already taken); `db check` reports one. 2**40 - MAX_ID leaves ~10**12 ids of room.
MAX_ID = 2**31 - 1
MINUTES = (1, 1440)  # how long a meeting took: a minute to a day
RATING = (1, 5)  # a check-in's rating

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# '2026-11-20T14:00:00.000000Z' (exports since version 2), '...+00:00' (earlier ones), and the
# stored '2026-11-20 14:00:00.000000' (UTC) that version 1 carried; never ISO week or basic forms.
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?")
_STORED_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


# ---------------------------------------------------------------- the rules, one by one


def valid_text(text: str, what: str) -> str:
    """Text SQLite can store and every terminal can show: no NUL bytes, no lone surrogates."""
    if "\x00" in text:
        raise UsageProblem(f"the {what} contains a NUL byte; remove it")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageProblem(f"the {what} contains bytes that are not valid UTF-8 text") from None
    return text


def need_text(text: str | None, what: str) -> str:
    """Text that must say something, stripped."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise UsageProblem(f"the {what} is empty; give some text")
    return valid_text(cleaned, what)


def optional_text(text: str | None, what: str) -> str | None:
    """Text that may be left out: blank means none."""
    return need_text(text, what) if text is not None and text.strip() else None


def in_range(number: int, bounds: tuple[int, int], what: str) -> int:
    low, high = bounds
    if not low <= number <= high:
        raise UsageProblem(f"{what} {number} is out of range; give {low} to {high}")
    return number


def valid_rating(rating: int | None) -> int:
    if rating is None:
        raise UsageProblem("rate the relationship with --rating 1-5 (5: it works very well)")
    return in_range(rating, RATING, "--rating")


def iso_day(value: str, what: str) -> date:
    """A day as mentorlog writes it, YYYY-MM-DD, and nothing else (no '20200101', no week dates),
    in the range of days a journal keeps (core.dates.kept_day, as the commands' parse_date)."""
    if not _DAY.fullmatch(value):
        raise UsageProblem(f"{what} {value!r} is not a day written YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"{what} {value!r} is not a day of the calendar") from None
    return kept_day(day, value, what)


def iso_moment(value: str, what: str) -> datetime:
    """A moment in any form an export has carried (naive means UTC), as an aware UTC datetime."""
    if not _MOMENT.fullmatch(value):
        raise UsageProblem(
            f"{what} {value!r} is not a moment written like 2026-11-20T14:00:00.000000Z"
        )
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageProblem(f"{what} {value!r} is not a moment of the calendar") from None
    try:
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:
        raise UsageProblem(f"{what} {value!r} is not a moment of the calendar") from None
    kept_day(moment.date(), value, what)
    return moment


def latest_today() -> date:
    """The latest calendar day anywhere now (UTC+14): a record made abroad, or on a machine in
    another time zone, may already be dated today there."""
    return (clock.utcnow() + timedelta(hours=14)).date()


def meeting_has_happened(held_at: datetime, what: str) -> datetime:
    """Not later than now plus the grace `log` allows (core.rules.meeting_not_in_future)."""
    now = clock.utcnow()
    if held_at > now + timedelta(minutes=MEETING_GRACE_MINUTES):
        raise UsageProblem(
            f"{what} {clock.moment_text(held_at)} is in the future; a meeting is recorded once "
            "it has happened"
        )
    return held_at


# ---------------------------------------------------------------- every field of every kind


class Rule:
    """How one column is checked: `kind` (text, note, body, day, moment, choice, int, cadence,
    uuid), whether it may be missing or null, and the kind's detail (choices, bounds)."""

    __slots__ = ("detail", "kind", "past", "required")

    def __init__(self, kind: str, required: bool = False, detail: Any = None, past: bool = False):
        self.kind, self.required, self.detail, self.past = kind, required, detail, past

    def check(self, value: Any, what: str, today: date) -> Any:
        """The value as the journal keeps it (days and moments typed), or a UsageProblem."""
        if value is None:
            if self.required:
                raise UsageProblem(f"{what} is missing; it is required")
            return None
        kind = self.kind
        if kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise UsageProblem(f"{what} {_shown(value)} is not a whole number")
            return in_range(value, self.detail, what)
        if not isinstance(value, str):
            raise UsageProblem(f"{what} {_shown(value)} is not text")
        if kind == "text":
            if not value.strip():
                raise UsageProblem(f"{what} is empty; it needs some text")
            return valid_text(value, what)
        if kind in ("note", "body"):
            return valid_text(value, what)
        if kind == "day":
            day = iso_day(value, what)
            return not_in_future(day, what, today) if self.past else day
        if kind == "moment":
            moment = iso_moment(value, what)
            return meeting_has_happened(moment, what) if self.past else moment
        if kind == "choice":
            if value not in self.detail:
                raise UsageProblem(f"{what} {value!r} is not one of {', '.join(self.detail)}")
            return value
        if kind == "cadence":
            from mentorlog.core.cadence import parse_cadence

            try:
                return parse_cadence(value).spec
            except UsageProblem as exc:
                raise UsageProblem(f"{what}: {exc.message}") from None
        if kind == "uuid":
            if not _UUID.fullmatch(value):
                raise UsageProblem(f"{what} {value!r} is not a UUID (lowercase, 36 characters)")
            return value
        raise AssertionError(kind)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_T, _N = Rule("text", True), Rule("note")
_DAY_OPT, _PAST, _PAST_REQ = Rule("day"), Rule("day", past=True), Rule("day", True, past=True)
_COMMON = {"uuid": Rule("uuid", True), "created_at": Rule("moment"), "updated_at": Rule("moment")}


def _choice(values: tuple[str, ...], required: bool = True) -> Rule:
    return Rule("choice", required, values)


# table -> column -> rule; links (`*_id`) travel as UUIDs and are checked where they resolve.
FIELDS: dict[str, dict[str, Rule]] = {
    "mentor": {"name": _T, "focus": _N, "cadence": Rule("cadence", True), "contact": _N,
               "started_on": _PAST_REQ, "ended_on": _PAST, "closing_note": _N},
    "goal": {"title": _T, "why": _N, "measure": _N, "target_date": _DAY_OPT,
             "horizon": _choice(vocab.HORIZONS), "status": _choice(vocab.GOAL_STATUSES),
             "status_note": _N, "achieved_on": _PAST},
    "milestone": {"title": _T, "due_date": _DAY_OPT, "done_on": _PAST, "note": _N,
                  "position": Rule("int", True, (0, MAX_ID))},
    "meeting": {"held_at": Rule("moment", True, past=True), "minutes": Rule("int", False, MINUTES),
                "mode": _choice(vocab.MEETING_MODES), "notes": Rule("body", True),
                "next_date": _DAY_OPT},
    "topic": {"text": _T, "status": _choice(vocab.TOPIC_STATUSES)},
    "advice": {"text": _T, "why": _N, "status": _choice(vocab.ADVICE_STATUSES), "outcome": _N,
               "given_on": _PAST_REQ, "status_on": _PAST},
    "action": {"text": _T, "due_date": _DAY_OPT, "status": _choice(vocab.ACTION_STATUSES),
               "result": _N, "done_on": _PAST},
    "win": {"text": _T, "won_on": _PAST_REQ, "source": _choice(vocab.WIN_SOURCES)},
    "reflection": {"period_start": Rule("day", True), "period_end": Rule("day", True), "text": _T},
    "feedback": {"text": _T, "direction": _choice(vocab.FEEDBACK_DIRECTIONS),
                 "kind": _choice(vocab.FEEDBACK_KINDS, required=False), "given_on": _PAST_REQ,
                 "acted_on": _PAST, "acted_note": _N},
    "contribution": {"text": _T, "kind": _choice(vocab.CONTRIBUTION_KINDS),
                     "given_on": _PAST_REQ},
    "resource": {"title": _T, "url": _N, "kind": _choice(vocab.RESOURCE_KINDS),
                 "status": _choice(vocab.RESOURCE_STATUSES), "takeaway": _N, "done_on": _PAST},
    "introduction": {"person": _T, "context": _N, "introduced_on": _PAST_REQ, "met_on": _PAST,
                     "met_note": _N, "thanked_on": _PAST},
    "checkin": {"rating": Rule("int", True, RATING), "working": _N, "change": _N,
                "checked_on": _PAST_REQ},
    # a sync conflict arriving from another device (DESIGN "Sync across devices")
    "sync_conflict": {"kind": _choice(vocab.CONFLICT_KINDS), "record_kind": _T,
                      "record_uuid": Rule("uuid", True), "field": _N, "kept": _N, "lost": _N,
                      "kept_device": _N, "lost_device": _N,
                      "status": _choice(vocab.CONFLICT_STATUSES), "resolved_at": Rule("moment"),
                      "resolution": _choice(vocab.CONFLICT_KEEPS, required=False)},
}  # fmt: skip

# (later, earlier): a day that can't come before another of the same record, as the commands
# refuse it (`mentor end`, `advice apply --on`, `feedback act`, `intro met/thanked`...).
ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "mentor": (("ended_on", "started_on"),),
    "advice": (("status_on", "given_on"),),
    "reflection": (("period_end", "period_start"),),
    "feedback": (("acted_on", "given_on"),),
    "introduction": (("met_on", "introduced_on"), ("thanked_on", "introduced_on")),
}


def check_record(
    table: str,
    values: dict[str, Any],
    defaults: tuple[str, ...] = (),
    today: date | None = None,
    past: bool = True,
) -> dict[str, Any]:
    """Every field of one record as an export carries it (days and moments as ISO text), checked
    by the rules the commands use: the values typed as the journal keeps them. A field missing
    from `values` is left to the journal's default when it is in `defaults`; a required one is
    refused. Days that already happened may be today anywhere on Earth (latest_today).
    `past=False` skips "not in the future" (a record synced from a device whose clock runs
    ahead was checked there; `db check` skips it too).

    Raises UsageProblem naming `table.column` and what is wrong."""
    today = today or latest_today()
    checked: dict[str, Any] = {}
    for column, rule in FIELDS[table].items():
        what = f"{table}.{column}"
        if column not in values:
            if column in defaults or column in _COMMON:
                continue
            if rule.required:
                raise UsageProblem(f"{what} is missing; it is required")
            continue
        if not past and rule.past:
            rule = Rule(rule.kind, rule.required, rule.detail)
        checked[column] = rule.check(values[column], what, today)
    for column, rule in _COMMON.items():
        if column in values:
            checked[column] = rule.check(values[column], f"{table}.{column}", today)
    for later, earlier in ORDER.get(table, ()):
        if checked.get(later) and checked.get(earlier) and checked[later] < checked[earlier]:
            raise UsageProblem(
                f"{table}.{later} {checked[later]} is before its {earlier} {checked[earlier]}"
            )
    return checked


def stored_problems(table: str, row: dict[str, Any]) -> list[str]:
    """What is wrong with one row as the journal holds it (days 'YYYY-MM-DD', moments
    'YYYY-MM-DD HH:MM:SS.ffffff' UTC, as text): the rules above, less "not in the future"
    (a clock may have moved), plus the id range. For `db check`."""
    problems = []
    record_id = row.get("id")
    if isinstance(record_id, int) and not 0 < record_id <= MAX_ID:
        problems.append(f"id {record_id} is out of range (1 to {MAX_ID})")
    far = date.max
    typed: dict[str, Any] = {}
    for column, rule in FIELDS[table].items():
        if column not in row:
            continue
        value = row[column]
        what = column
        try:
            if rule.kind == "moment" and value is not None:
                if not isinstance(value, str) or not _STORED_MOMENT.fullmatch(value):
                    raise UsageProblem(f"{what} {_shown(value)} is not a stored moment")
                typed[column] = iso_moment(value, what)
            elif rule.kind == "day" and value is not None:
                typed[column] = Rule("day", rule.required).check(value, what, far)
            else:
                typed[column] = Rule(rule.kind, rule.required, rule.detail).check(value, what, far)
        except UsageProblem as exc:
            problems.append(exc.message)
    for later, earlier in ORDER.get(table, ()):
        if typed.get(later) and typed.get(earlier) and typed[later] < typed[earlier]:
            problems.append(f"{later} {typed[later]} is before its {earlier} {typed[earlier]}")
    return problems
