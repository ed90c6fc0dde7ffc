"""Dates as people say them (issue 18, items 4 and 9): `2 weeks`, `every other week`,
`due:next tuesday`, `due:nov 10`; `next tuesday` is the Tuesday of next week; a month and day
without a year in a field about the future mean the next one, an explicit past day warns; the
errors suggest the nearest form; `review --until`; the same action twice in a minute."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorlog.core.cadence import parse_cadence
from mentorlog.core.dates import WEEKDAYS, end_of_week, extract_due, parse_date
from mentorlog.errors import UsageProblem

SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("2 weeks", SUNDAY, date(2026, 12, 6)),
        ("3 days", SUNDAY, date(2026, 11, 25)),
        ("in two weeks", SUNDAY, date(2026, 12, 6)),
        ("a week ago", SUNDAY, date(2026, 11, 15)),
        ("in a couple of days", SUNDAY, date(2026, 11, 24)),
        ("nov 10th", SUNDAY, date(2026, 11, 10)),
        ("December 1st, 2027", SUNDAY, date(2027, 12, 1)),
        ("next tuesday", MONDAY, date(2026, 12, 1)),  # not tomorrow
        ("next tue", date(2026, 11, 24), date(2026, 12, 1)),  # on a Tuesday: in 7 days
        ("next fri", date(2026, 11, 28), date(2026, 12, 4)),  # on a Saturday: next week's Friday
        ("next mon", SUNDAY, MONDAY),  # a week ends on Sunday: tomorrow is next week
        ("tue", MONDAY, date(2026, 11, 24)),  # the bare weekday is still the next one
        ("this tue", MONDAY, date(2026, 11, 24)),
    ],
)
def test_dates_people_say(text, today, expected):
    assert parse_date(text, today) == expected


def test_next_weekday_follows_the_configured_week_start():
    # weeks starting on Sunday: on Saturday the 28th, next week begins on the 29th
    assert parse_date("next mon", date(2026, 11, 28), week_start=6) == date(2026, 11, 30)
    assert parse_date("next sun", date(2026, 11, 28), week_start=6) == date(2026, 11, 29)


@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.sampled_from(sorted(WEEKDAYS)))
def test_next_weekday_is_in_next_week(today, name):
    day = parse_date(f"next {name}", today)
    assert day.weekday() == WEEKDAYS[name]
    assert end_of_week(today) < day <= end_of_week(today) + timedelta(days=7)


@pytest.mark.parametrize(
    ("text", "spec"),
    [("every other week", "2w"), ("2 weeks", "2w"), ("every two weeks", "2w"),
     ("every other month", "2m"), ("every fortnight", "2w"), ("3 months", "3m")],
)  # fmt: skip
def test_cadences_people_say(text, spec):
    assert parse_cadence(text).spec == spec


@pytest.mark.parametrize(
    ("text", "guess"),
    [("next tusday", "next tuesday"), ("tomorow", "tomorrow"), ("in 2 wekes", "in 2 weeks"),
     ("the 10th of never", None), ("every blue moon", None)],
)  # fmt: skip
def test_errors_suggest_the_nearest_form_that_reads(text, guess):
    with pytest.raises(UsageProblem) as excinfo:
        parse_date(text, SUNDAY)
    message = str(excinfo.value)
    assert repr(text) in message and "use one of:" in message
    if guess:
        assert f"did you mean {guess!r}?" in message
        parse_date(guess, SUNDAY)  # what it suggests reads
    else:
        assert "did you mean" not in message


def test_cadence_error_suggests_the_nearest_name():
    with pytest.raises(UsageProblem, match="did you mean 'fortnightly'"):
        parse_cadence("fortnighly")


@pytest.mark.parametrize(
    ("text", "rest", "due"),
    [
        ("Draft due:next tuesday", "Draft", date(2026, 12, 1)),
        ("Draft due:next_tuesday the RFC", "Draft the RFC", date(2026, 12, 1)),
        ("Email Bo due:nov 10", "Email Bo", date(2027, 11, 10)),  # November 10 has passed
        ("Prep due:dec 1 2026 talk slides", "Prep talk slides", date(2026, 12, 1)),
        ("Call due:fri about budget", "Call about budget", date(2026, 11, 27)),
        ("Read due:+1w 2 chapters", "Read 2 chapters", date(2026, 11, 30)),
    ],
)
def test_inline_due_dates_of_several_words(text, rest, due):
    assert extract_due(text, MONDAY) == (rest, due)


def test_inline_due_that_does_not_read_names_it():
    with pytest.raises(UsageProblem, match="'blorp'"):
        extract_due("Do due:blorp soon", MONDAY)


def test_month_day_without_a_year_is_the_next_one_only_for_future_fields():
    november = date(2026, 11, 22)
    assert parse_date("jan 31", november, future=True) == date(2027, 1, 31)
    assert parse_date("jan 31", november) == date(2026, 1, 31)  # --on, --since: this year's
    assert parse_date("dec 1", november, future=True) == date(2026, 12, 1)
    assert parse_date("nov 22", november, future=True) == november  # today stays today
    assert parse_date("jan 31 2026", november, future=True) == date(2026, 1, 31)  # said so


# ---------------------------------------------------------------- through the commands


def test_goal_target_in_november_for_jan_31_is_next_january(journal):
    out = journal("goal", "edit", "1", "--by", "jan 31")
    assert "in the past" not in out.stderr
    goal = journal.json("goal", "show", "1")
    assert goal["target_date"] == "2027-01-31"


@pytest.mark.parametrize(
    "args",
    [
        ("goal", "edit", "1", "--by", "2026-01-31"),
        ("goal", "add", "Ship", "--by", "last fri"),
        ("milestone", "add", "1", "Draft", "--due", "yesterday"),
        ("action", "add", "Call Bo", "--due", "-1w"),
        ("action", "add", "Call Cy due:2026-11-01"),
        ("action", "edit", "1", "--due", "3 days ago"),
    ],
)
def test_an_explicit_past_day_for_a_future_field_warns_and_is_kept(journal, args):
    out = journal(*args)
    warnings = [line for line in out.stderr.splitlines() if "is in the past" in line]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: "), out.stderr


def test_future_days_do_not_warn(journal):
    for args in [
        ("goal", "edit", "1", "--by", "+3m"),
        ("milestone", "add", "1", "Draft", "--due", "nov 30"),
        ("action", "add", "Call Bo due:next tuesday"),
        ("action", "add", "Call Cy", "--due", "today"),
    ]:
        assert "in the past" not in journal(*args).stderr, args
    # frozen on Sunday the 22nd: next week starts tomorrow, its Tuesday is the 24th
    assert any(a["due"] == "2026-11-24" for a in journal.json("action", "list"))


def test_review_until_reviews_last_week_on_monday(journal, clock):
    clock.move_to("2026-11-23 09:00Z")  # a Monday
    data = journal.json("review", "--week", "--until", "last sun")
    assert data["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    data = journal.json("review", "--until", "2026-11-20")
    assert data["period"] == {"start": "2026-11-14", "end": "2026-11-20"}
    data = journal.json("review", "--since", "2026-11-01", "--until", "2026-11-15")
    assert data["period"] == {"start": "2026-11-01", "end": "2026-11-15"}
    assert journal.json("review", "--week")["period"]["start"] == "2026-11-23"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("review", "--until", "tomorrow"), "--until 2026-11-23 is in the future"),
        (("review", "--since", "2026-11-20", "--until", "2026-11-10"), "is after --until"),
    ],
)
def test_review_until_refuses_what_cannot_be_a_period(journal, args, needle):
    assert needle in journal.fails(*args, code=2)


def test_same_action_twice_within_a_minute_needs_force(journal, clock):
    journal("action", "add", "Book the room")
    line = journal.fails("action", "add", "Book the room")
    assert "#4" in line and "less than a minute ago" in line and "--force" in line
    assert journal("action", "add", "Book the room", "--force").stdout.startswith("Added action #5")
    journal("action", "add", "Book the hall")  # other text is not a repeat
    clock.shift(61)
    journal("action", "add", "Book the room")  # a minute later it is a new commitment
    texts = [a["text"] for a in journal.json("action", "list")]
    assert texts.count("Book the room") == 3


def test_repeat_check_reads_a_fixed_number_of_rows():
    import inspect

    from mentorlog.store import writes

    source = inspect.getsource(writes._repeated_action)
    assert "LIMIT" in source and "ORDER BY id DESC" in source


def test_refused_repeat_writes_nothing(journal):
    journal("action", "add", "Book the room")
    before = journal.json("action", "list")
    journal.fails("action", "add", "Book the room")
    assert journal.json("action", "list") == before
