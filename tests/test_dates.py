"""The DATE, DATETIME and CADENCE readers: tables of valid and invalid input, plus properties."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorlog.cli.common import parse_id
from mentorlog.core.cadence import Cadence, meeting_health, parse_cadence
from mentorlog.core.dates import (
    FIRST_DAY,
    LAST_DAY,
    extract_due,
    parse_date,
    parse_datetime,
    shift,
)
from mentorlog.errors import UsageProblem

TODAY = date(2026, 11, 22)  # Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-1-5", date(2026, 1, 5)),
        ("Dec 1", date(2026, 12, 1)),
        ("1 Dec 2026", date(2026, 12, 1)),
        ("December 1, 2027", date(2027, 12, 1)),
        ("today", TODAY),
        ("Today", TODAY),
        ("tomorrow", date(2026, 11, 23)),
        ("yesterday", date(2026, 11, 21)),
        ("+3d", date(2026, 11, 25)),
        ("-1w", date(2026, 11, 15)),
        ("+2w", date(2026, 12, 6)),
        ("+1m", date(2026, 12, 22)),
        ("+1y", date(2027, 11, 22)),
        ("in 3 days", date(2026, 11, 25)),
        ("in 1 month", date(2026, 12, 22)),
        ("3 weeks ago", date(2026, 11, 1)),
        ("2 days ago", date(2026, 11, 20)),
        ("fri", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("sun", date(2026, 11, 29)),  # the next Sunday, never today
        ("last fri", date(2026, 11, 20)),
        ("last sun", date(2026, 11, 15)),
        ("next mon", date(2026, 11, 23)),
        ("next week", date(2026, 11, 29)),
        ("next month", date(2026, 12, 22)),
        ("eow", date(2026, 11, 22)),
        ("eom", date(2026, 11, 30)),
        ("eoq", date(2026, 12, 31)),
    ],
)
def test_valid_dates(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "fooday",
        "2024-02-30",
        "2026-13-01",
        "12",
        "Dec",
        "Dec 2026",
        "+3x",
        "in days",
        "last",
        "next",
        "ago",
        "3 weeks later",
        "32 Dec",
        "today 15:30",
        "+99999y",
        "\x00",
        "next fortnight",
    ],
)
def test_invalid_dates_name_input_and_forms(text):
    with pytest.raises(UsageProblem) as excinfo:
        parse_date(text, TODAY)
    assert repr(text) in excinfo.value.message
    assert "+3d" in excinfo.value.message


def test_eow_follows_week_start():
    assert parse_date("eow", date(2026, 11, 23), week_start=0) == date(2026, 11, 29)
    assert parse_date("eow", date(2026, 11, 23), week_start=6) == date(2026, 11, 28)


def test_month_arithmetic_clamps():
    assert shift(date(2026, 1, 31), 1, "m") == date(2026, 2, 28)
    assert shift(date(2024, 2, 29), 1, "y") == date(2025, 2, 28)


NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday 15:30", datetime(2026, 11, 21, 15, 30, tzinfo=UTC)),
        ("2026-11-20 14:00", datetime(2026, 11, 20, 14, 0, tzinfo=UTC)),
        ("2026-11-20T14:00", datetime(2026, 11, 20, 14, 0, tzinfo=UTC)),
        ("last fri 9am", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        ("fri 3:15pm", datetime(2026, 11, 27, 15, 15, tzinfo=UTC)),
        ("15:30", datetime(2026, 11, 22, 15, 30, tzinfo=UTC)),
        ("now", NOW),
        ("today", NOW),
        ("yesterday", datetime(2026, 11, 21, 12, 0, tzinfo=UTC)),
    ],
)
def test_valid_datetimes(text, expected):
    assert parse_datetime(text, NOW) == expected


@pytest.mark.parametrize(
    "text", ["yesterday 25:00", "today 13pm", "2026-11-20 14:61", "soon 10:00", ""]
)
def test_invalid_datetimes(text):
    with pytest.raises(UsageProblem):
        parse_datetime(text, NOW)


@given(st.integers(min_value=-5000, max_value=5000), st.sampled_from(["d", "w", "m"]))
def test_signed_offsets_match_shift(amount, unit):
    sign = "+" if amount >= 0 else "-"
    expected = shift(TODAY, amount, unit)
    if FIRST_DAY <= expected <= LAST_DAY:
        assert parse_date(f"{sign}{abs(amount)}{unit}", TODAY) == expected
    else:  # a day no view could add a cadence to, or print in four digits
        with pytest.raises(UsageProblem, match="outside the days a journal keeps"):
            parse_date(f"{sign}{abs(amount)}{unit}", TODAY)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_iso_dates_round_trip(day):
    assert parse_date(day.isoformat(), TODAY) == day


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_usage_problem(text):
    try:
        result = parse_date(text, TODAY)
    except UsageProblem as exc:
        assert "can't read" in exc.message
    else:
        assert isinstance(result, date)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.sampled_from(list(range(7))),
)
def test_weekday_names_land_within_a_week_ahead(day, weekday):
    name = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][weekday]
    result = parse_date(name, day)
    assert result.weekday() == weekday and 1 <= (result - day).days <= 7
    last = parse_date(f"last {name}", day)
    assert last.weekday() == weekday and 1 <= (day - last).days <= 7


@pytest.mark.parametrize(
    ("text", "spec", "label"),
    [
        ("weekly", "1w", "weekly"),
        ("biweekly", "2w", "biweekly"),
        ("Fortnightly", "2w", "biweekly"),
        ("monthly", "1m", "monthly"),
        ("quarterly", "3m", "quarterly"),
        ("every 3 weeks", "3w", "every 3 weeks"),
        ("every 10 days", "10d", "every 10 days"),
        ("every 2 months", "2m", "every 2 months"),
        ("10d", "10d", "every 10 days"),
        ("6w", "6w", "every 6 weeks"),
        ("2m", "2m", "every 2 months"),
        ("every week", "1w", "weekly"),
    ],
)
def test_valid_cadences(text, spec, label):
    cadence = parse_cadence(text)
    assert (cadence.spec, cadence.label) == (spec, label)
    assert parse_cadence(cadence.spec) == cadence


@pytest.mark.parametrize(
    "text", ["", "sometimes", "0d", "every 0 weeks", "5y", "-1w", "every", "1000d"]
)
def test_invalid_cadences(text):
    with pytest.raises(UsageProblem) as excinfo:
        parse_cadence(text)
    assert "biweekly" in excinfo.value.message


@given(st.text(max_size=30))
def test_any_text_is_a_cadence_or_a_usage_problem(text):
    with contextlib.suppress(UsageProblem):
        assert parse_cadence(text).count >= 1


@pytest.mark.parametrize(
    ("last", "planned", "today", "status", "next_due"),
    [
        (None, None, TODAY, "no-meetings", None),
        (TODAY - timedelta(days=2), None, TODAY, "on-track", TODAY + timedelta(days=12)),
        (TODAY - timedelta(days=12), None, TODAY, "due-soon", TODAY + timedelta(days=2)),
        (TODAY - timedelta(days=14), None, TODAY, "due-soon", TODAY),
        (TODAY - timedelta(days=15), None, TODAY, "overdue", TODAY - timedelta(days=1)),
        (TODAY - timedelta(days=29), None, TODAY, "lapsed", TODAY - timedelta(days=15)),
        (
            TODAY - timedelta(days=20),
            TODAY + timedelta(days=5),
            TODAY,
            "on-track",
            TODAY + timedelta(days=5),
        ),
    ],
)
def test_meeting_health(last, planned, today, status, next_due):
    health = meeting_health(Cadence(2, "w"), last, planned, today)
    assert (health.status, health.next_due) == (status, next_due)


def test_extract_due_from_action_text():
    assert extract_due("Draft proposal due:+2w", TODAY) == ("Draft proposal", date(2026, 12, 6))
    assert extract_due("due:fri call Sam", TODAY) == ("call Sam", date(2026, 11, 27))
    assert extract_due("no date here", TODAY) == ("no date here", None)
    with pytest.raises(UsageProblem):
        extract_due("x due:fri due:sat", TODAY)
    with pytest.raises(UsageProblem):
        extract_due("x due:whenever", TODAY)


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("#12", 12), (" #3 ", 3)])
def test_ids(text, value):
    assert parse_id(text) == value


@pytest.mark.parametrize("text", ["", "#", "abc", "1.5", "-3", "٣", "9" * 30])
def test_bad_ids(text):
    with pytest.raises(UsageProblem):
        parse_id(text)


def test_noon_for_a_bare_past_day():
    assert parse_datetime("2026-11-01", NOW).time() == time(12, 0)


def test_days_in_month_agrees_with_calendar():
    import calendar

    from mentorlog.core.dates import days_in_month

    for year in (1, 1900, 2000, 2024, 2026, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)
