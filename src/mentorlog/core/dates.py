"""Reading the dates people type (`fri`, `+2w`, `in 3 days`, `Dec 1`) relative to one clock."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from mentorlog.core import clock
from mentorlog.errors import UsageProblem

DATE_FORMS = (
    "2026-12-01, Dec 1, 1 Dec 2026, today, tomorrow, yesterday, +3d, -1w, +1m, in 3 days, "
    "3 weeks ago, fri, last fri, next week, next month, eow, eom, eoq"
)
DATETIME_FORMS = (
    DATE_FORMS + ", optionally followed by a time: 'yesterday 15:30', '2026-11-20 14:00'"
)

WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
# Patterns stay strings: re compiles (and caches) one on first use, so a command that parses no
# date pays for none of them (compiling all at import cost ~5 ms of every start-up).
MONTH_WORDS = r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
UNITS = {
    "d": "d",
    "day": "d",
    "days": "d",
    "w": "w",
    "wk": "w",
    "wks": "w",
    "week": "w",
    "weeks": "w",
    "m": "m",
    "mo": "m",
    "month": "m",
    "months": "m",
    "y": "y",
    "yr": "y",
    "year": "y",
    "years": "y",
}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_SIGNED = rf"^([+-])\s*(\d{{1,4}})\s*({_UNIT})$"
_IN = rf"^in\s+(\d{{1,4}})\s*({_UNIT})$"
_AGO = rf"^(\d{{1,4}})\s*({_UNIT})\s+ago$"
_ISO = r"^(\d{4})-(\d{1,2})-(\d{1,2})$"
_TIME = r"(?i)^(.*?)(?:\s+|T|^)(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm)?$"


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange's day count, without importing calendar (and locale) at start-up."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def shift(day: date, amount: int, unit: str) -> date:
    """Move a day by N days/weeks/months/years; months clamp to the month's last day."""
    if unit == "d":
        return day + timedelta(days=amount)
    if unit == "w":
        return day + timedelta(weeks=amount)
    months = amount * (12 if unit == "y" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    month += 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def end_of_week(day: date, week_start: int = 0) -> date:
    """The last day of the week containing `day` (weeks start on `week_start`, Monday = 0)."""
    last = (week_start - 1) % 7
    return day + timedelta(days=(last - day.weekday()) % 7)


def _bad(text: str, forms: str, what: str) -> UsageProblem:
    return UsageProblem(f"can't read {text!r} as a {what}; use one of: {forms}")


# The days a journal keeps: far enough either way for any mentorship, near enough that every
# view can still add a cadence or a day to one (9999-12-31 + 1 day is an OverflowError) and
# print its year in four digits. Commands and import refuse a day outside (core/fields.py).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


class OutOfRange(UsageProblem):
    """A day that reads well but lies outside FIRST_DAY..LAST_DAY."""


def kept_day(day: date, shown: str, what: str = "date") -> date:
    """`day` (read from `shown`) when it lies in FIRST_DAY..LAST_DAY, else a usage error."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutOfRange(
            f"{what} {shown!r} is {day}, outside the days a journal keeps "
            f"({FIRST_DAY.year} to {LAST_DAY.year})"
            if shown != day.isoformat()
            else f"{what} {shown} is outside the days a journal keeps "
            f"({FIRST_DAY.year} to {LAST_DAY.year})"
        )
    return day


def parse_date(text: str, today: date | None = None, week_start: int = 0) -> date:
    """A calendar day from any DATE form in DESIGN.md, relative to `today` (the clock's by default)."""
    today = today or clock.today()
    raw = text
    text = " ".join(text.strip().lower().split())
    if not text or "\x00" in text:
        raise _bad(raw, DATE_FORMS, "date")
    try:
        result = _parse_day(text, today, week_start)
    except (ValueError, OverflowError):
        result = None
    if result is None:
        raise _bad(raw, DATE_FORMS, "date")
    return kept_day(result, raw.strip())


def _parse_day(text: str, today: date, week_start: int) -> date | None:
    simple = {
        "today": today,
        "now": today,
        "tomorrow": today + timedelta(days=1),
        "yesterday": today - timedelta(days=1),
        "next week": shift(today, 1, "w"),
        "next month": shift(today, 1, "m"),
        "eow": end_of_week(today, week_start),
        "eom": date(today.year, today.month, days_in_month(today.year, today.month)),
    }
    if text in simple:
        return simple[text]
    if text == "eoq":
        last_month = ((today.month - 1) // 3 + 1) * 3
        return date(today.year, last_month, days_in_month(today.year, last_month))
    if m := re.match(_SIGNED, text):
        sign = -1 if m[1] == "-" else 1
        return shift(today, sign * int(m[2]), UNITS[m[3]])
    if m := re.match(_IN, text):
        return shift(today, int(m[1]), UNITS[m[2]])
    if m := re.match(_AGO, text):
        return shift(today, -int(m[1]), UNITS[m[2]])
    words = text.split(" ")
    if len(words) == 1 and text in WEEKDAYS:
        ahead = (WEEKDAYS[text] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in WEEKDAYS:
        target = WEEKDAYS[words[1]]
        if words[0] == "last":
            return today - timedelta(days=(today.weekday() - target) % 7 or 7)
        return today + timedelta(days=(target - today.weekday()) % 7 or 7)
    if m := re.match(_ISO, text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if (
        re.search(MONTH_WORDS, text)
        and re.search(r"\d", text)
        and re.fullmatch(r"[a-z0-9 ,.]+", text)
    ):
        return _parse_month_name(text, today)
    return None


def _parse_month_name(text: str, today: date) -> date | None:
    """`Dec 1`, `1 Dec 2026`, `December 1, 2026`: one day number, an optional 4-digit year."""
    from dateutil import parser as dateutil_parser

    numbers = re.findall(r"\d+", text)
    days = [n for n in numbers if len(n) <= 2]
    years = [n for n in numbers if len(n) == 4]
    if len(days) != 1 or len(years) > 1 or len(days) + len(years) != len(numbers):
        return None
    default = datetime(today.year, today.month, 1)
    try:
        parsed = dateutil_parser.parse(text, default=default, fuzzy=False)
    except (ValueError, OverflowError, dateutil_parser.ParserError):
        return None
    if parsed.day != int(days[0]) or (years and parsed.year != int(years[0])):
        return None
    return parsed.date()


def parse_datetime(text: str, now: datetime | None = None, week_start: int = 0) -> datetime:
    """A moment from a DATE with an optional time; aware, in local time. A bare day means noon."""
    now = now or clock.local_now()
    raw = text
    text = " ".join(text.strip().split())
    if not text or "\x00" in text:
        raise _bad(raw, DATETIME_FORMS, "date and time")
    if text.lower() == "now":
        return now
    day_part, clock_time = text, None
    m = re.match(_TIME, text)
    if m and (m[3] is not None or m[5] is not None) and m[1] != "":
        day_part = m[1]
        hour, minute, second = int(m[2]), int(m[3] or 0), int(m[4] or 0)
        if m[5]:
            if not 1 <= hour <= 12:
                raise _bad(raw, DATETIME_FORMS, "date and time")
            hour = hour % 12 + (12 if m[5].lower() == "pm" else 0)
        try:
            clock_time = time(hour, minute, second)
        except ValueError:
            raise _bad(raw, DATETIME_FORMS, "date and time") from None
    elif m and (m[3] is not None or m[5] is not None):
        return parse_datetime(f"today {text}", now, week_start)
    try:
        day = parse_date(day_part, now.date(), week_start)
    except OutOfRange:
        raise
    except UsageProblem:
        raise _bad(raw, DATETIME_FORMS, "date and time") from None
    if clock_time is None:
        clock_time = now.time().replace(microsecond=0) if day == now.date() else time(12, 0)
    return datetime.combine(day, clock_time, tzinfo=now.tzinfo)


_DUE = r"(?:^|\s)due:(\S+)"


def extract_due(
    text: str, today: date | None = None, week_start: int = 0
) -> tuple[str, date | None]:
    """Split Taskwarrior-style `due:SPEC` out of an action's text: ('Draft proposal', date)."""
    matches = re.findall(_DUE, text)
    if not matches:
        return text.strip(), None
    if len(matches) > 1:
        raise UsageProblem(f"more than one due: in {text!r}; give one due date per action")
    due = parse_date(matches[0].replace("_", " "), today, week_start)
    return " ".join(re.sub(_DUE, " ", text).split()), due
