"""Reading the dates people type (`fri`, `+2w`, `in 3 days`, `Dec 1`) relative to one clock."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from mentorlog.core import clock
from mentorlog.errors import UsageProblem

DATE_FORMS = (
    "2026-12-01, Dec 1, 1 Dec 2026, today, tomorrow, yesterday, +3d, -1w, +1m, in 3 days, "
    "2 weeks, 3 weeks ago, fri, next tue, last fri, next week, next month, eow, eom, eoq"
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
_BARE = rf"^(\d{{1,4}})\s+({_UNIT})$"
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


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2,
}  # fmt: skip
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
KEYWORDS = (
    "today", "tomorrow", "yesterday", "now", "next", "last", "this", "in", "ago", "week", "weeks",
    "month", "months", "day", "days", "year", "years", "eow", "eom", "eoq", "every", "other",
)  # fmt: skip


def _numbers_as_digits(text: str) -> str:
    """`in two weeks`, `a week ago`, `a couple of days`: number words before a unit as digits."""
    text = re.sub(r"\b(?:a )?couple of\b", "2", text)
    text = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text)  # `nov 10th`, `1st dec`
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in NUMBER_WORDS and following in UNITS:
            out.append(str(NUMBER_WORDS[word]))
        else:
            out.append(word)
    return " ".join(out)


def nearest_form(text: str, parse) -> str | None:
    """The input with each unknown word replaced by the closest known one (`next tusday` ->
    `next tuesday`, `tomorow` -> `tomorrow`), when that reads; None when nothing close does."""
    import difflib

    vocabulary = [*WEEKDAYS, *MONTHS, *KEYWORDS, *UNITS]
    words = " ".join(text.strip().lower().split()).split(" ")
    changed = False
    for index, word in enumerate(words):
        bare = word.strip(",.")
        if not bare.isalpha() or bare in vocabulary:
            continue
        close = difflib.get_close_matches(bare, vocabulary, n=1, cutoff=0.7)
        if close:
            words[index], changed = close[0], True
    if not changed:
        return None
    guess = " ".join(words)
    try:
        parse(guess)
    except UsageProblem:
        return None
    return guess


def _bad(text: str, forms: str, what: str, parse=None) -> UsageProblem:
    guess = nearest_form(text, parse) if parse and text.strip() else None
    hint = f"did you mean {guess!r}? " if guess else ""
    return UsageProblem(f"can't read {text!r} as a {what}; {hint}use one of: {forms}")


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


def parse_date(
    text: str, today: date | None = None, week_start: int = 0, future: bool = False
) -> date:
    """A calendar day from any DATE form in DESIGN.md, relative to `today` (the clock's by default).

    `future` is for fields about what is to come (a due date, a target, the next meeting): a
    month and day without a year (`jan 31`, `nov 10`) then mean the next one, not this year's."""
    today = today or clock.today()
    raw = text
    text = _numbers_as_digits(" ".join(text.strip().lower().split()))
    if not text or "\x00" in text:
        raise _bad(raw, DATE_FORMS, "date")
    try:
        result = _parse_day(text, today, week_start)
        if (
            future
            and result is not None
            and result < today
            and re.search(MONTH_WORDS, text)
            and not re.search(r"\d{4}", text)
        ):
            result = shift(result, 1, "y")
    except (ValueError, OverflowError):
        result = None
    if result is None:
        raise _bad(raw, DATE_FORMS, "date", lambda t: parse_date(t, today, week_start))
    return kept_day(result, raw.strip())


def past_warning(day: date, today: date | None = None, what: str = "") -> str | None:
    """The stderr line for a past day given to a field about the future, or None."""
    today = today or clock.today()
    if day >= today:
        return None
    days = (today - day).days
    ago = "yesterday" if days == 1 else f"{days} days ago"
    what = f"{what} " if what else ""
    return f"Warning: {what}{day.isoformat()} is in the past ({ago}); kept as given."


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
    if m := re.match(_BARE, text):  # `2 weeks`, `3 days`: from today, as `in 2 weeks`
        return shift(today, int(m[1]), UNITS[m[2]])
    words = text.split(" ")
    if len(words) == 1 and text in WEEKDAYS:
        ahead = (WEEKDAYS[text] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in WEEKDAYS:
        target = WEEKDAYS[words[1]]
        if words[0] == "last":
            return today - timedelta(days=(today.weekday() - target) % 7 or 7)
        if (
            words[0] == "next"
        ):  # as people say it: that day of next week (Monday's "next tue" is in 8 days)
            next_week = end_of_week(today, week_start) + timedelta(days=1)
            return next_week + timedelta(days=(target - next_week.weekday()) % 7)
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
        raise _bad(
            raw, DATETIME_FORMS, "date and time", lambda t: parse_datetime(t, now, week_start)
        ) from None
    if clock_time is None:
        clock_time = now.time().replace(microsecond=0) if day == now.date() else time(12, 0)
    return datetime.combine(day, clock_time, tzinfo=now.tzinfo)


_DUE = r"(?:^|\s)due:(\S*)"
DUE_WORDS = (
    4  # `due:next tuesday`, `due:nov 10`, `due:dec 1 2027`: a due date may run on a few words
)


def extract_due(
    text: str, today: date | None = None, week_start: int = 0
) -> tuple[str, date | None]:
    """Split Taskwarrior-style `due:SPEC` out of an action's text: ('Draft proposal', date).

    The date may be several words (`due:next tuesday`, `due:nov 10`; `due:next_tuesday` too): the
    longest run of up to four words after `due:` that reads as a date, so the rest stays text.
    A month and day without a year mean the next one, as for every due date."""
    if len(re.findall(_DUE, text)) > 1:
        raise UsageProblem(f"more than one due: in {text!r}; give one due date per action")
    if not re.search(_DUE, text):
        return text.strip(), None
    words = text.split()
    at = next(i for i, word in enumerate(words) if word.startswith("due:"))
    first = words[at][4:].replace("_", " ")
    for count in range(min(DUE_WORDS, len(words) - at), 0, -1):
        spec = " ".join([first, *words[at + 1 : at + count]])
        try:
            due = parse_date(spec, today, week_start, future=True)
        except UsageProblem:
            if count == 1:
                raise
            continue
        return " ".join(words[:at] + words[at + count :]), due
    raise AssertionError("unreachable")  # count == 1 either returns or raises
