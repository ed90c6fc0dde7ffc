"""The numbers behind the pictures, on a journal built here: activity per day (review, status),
milestones done by week (goal show) and the days met (mentor show), each checked against the
records that made it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentorlog.core import pictures
from mentorlog.core.cadence import parse_cadence
from support import PICTURE_STEPS as STEPS


@pytest.fixture
def built(cli, private_env):
    for step in STEPS:
        cli(*step)
    return cli


def _nonzero(activity):
    return {
        a["day"]: {k: v for k, v in a.items() if k != "day" and v}
        for a in activity
        if any(a[k] for k in pictures.KINDS)
    }


def test_review_activity_has_every_day_and_its_counts(built):
    data = built.json("review", "--since", "2026-11-01")
    days = [a["day"] for a in data["activity"]]
    assert days == [(date(2026, 11, 1) + timedelta(days=i)).isoformat() for i in range(22)]
    assert list(data)[-1] == "activity"  # after every documented key
    assert _nonzero(data["activity"]) == {
        "2026-11-02": {"meetings": 2},
        "2026-11-03": {"actions_done": 2},
        "2026-11-04": {"milestones_done": 1},  # its own win is the milestone, not counted twice
        "2026-11-10": {"actions_done": 1, "wins": 1},
        "2026-11-17": {"milestones_done": 1},
        "2026-11-20": {"meetings": 2},
    }
    # the same numbers the review's lists hold
    totals = {k: sum(a[k] for a in data["activity"]) for k in pictures.KINDS}
    assert totals["meetings"] == len(data["meetings"])
    assert totals["actions_done"] == len(data["actions_done"])
    assert totals["milestones_done"] == len(data["milestones_done"])
    assert totals["wins"] == len([w for w in data["wins"] if not w["milestone_id"]])


def test_review_activity_follows_the_data(built):
    before = built.json("review")["activity"]
    built("win", "add", "Another", "--on", "2026-11-21")
    after = built.json("review")["activity"]
    assert [a["day"] for a in before] == [a["day"] for a in after]
    assert next(a for a in after if a["day"] == "2026-11-21")["wins"] == 1
    assert next(a for a in before if a["day"] == "2026-11-21")["wins"] == 0


def test_status_activity_is_the_last_thirteen_weeks(built):
    activity = built.json("status")["activity"]
    assert activity[0]["day"] == "2026-08-24"  # a Monday, 12 weeks before this week's
    assert activity[-1]["day"] == "2026-11-22"  # today; nothing after it
    assert len(activity) == 13 * 7
    assert _nonzero(activity)["2026-11-10"] == {"actions_done": 1, "wins": 1}


def test_status_activity_starts_on_the_configured_week_start(built):
    built("config", "set", "week_start", "sunday")
    activity = built.json("status")["activity"]
    assert date.fromisoformat(activity[0]["day"]).weekday() == 6
    assert date.fromisoformat(activity[0]["day"]) == date(2026, 11, 22) - timedelta(weeks=12)


def test_goal_progress_by_week(built):
    goal = built.json("goal", "show", "1")
    weeks = goal["progress_by_week"]
    assert list(goal)[-1] == "progress_by_week"
    # the goal began today (its created_at), but its milestones were done earlier: the series
    # starts on the week of the first one done
    assert weeks[0]["week"] == "2026-11-02"
    assert weeks == [
        {"week": "2026-11-02", "milestones_done": 1, "total": 1},
        {"week": "2026-11-09", "milestones_done": 1, "total": 1},
        {"week": "2026-11-16", "milestones_done": 2, "total": 4},
    ]
    built("milestone", "done", "3")
    assert built.json("goal", "show", "1")["progress_by_week"][-1]["milestones_done"] == 3


def test_mentor_meetings_on_are_the_days_met_in_six_months(built):
    alex = built.json("mentor", "show", "alex")
    assert alex["meetings_on"] == ["2026-11-02", "2026-11-20"]  # April is out, one day once
    assert built.json("mentor", "show", "sam")["meetings_on"] == ["2026-11-20"]


def test_activity_for_one_mentor(built):
    from mentorlog.paths import db_path
    from mentorlog.store.db import read_connection
    from mentorlog.store.pictures import activity

    with read_connection(db_path()) as conn:
        sam = _nonzero(activity(conn, date(2026, 11, 1), date(2026, 11, 22), 2))
        alex = _nonzero(activity(conn, date(2026, 11, 1), date(2026, 11, 22), 1))
    assert sam == {"2026-11-03": {"actions_done": 1}, "2026-11-20": {"meetings": 1}}
    assert alex["2026-11-04"] == {"milestones_done": 1}  # through its goal
    assert alex["2026-11-02"] == {"meetings": 2}
    assert "2026-11-10" not in alex  # action C and the win belong to no mentor


def test_pace():
    weeks = [{"week": "2026-11-02", "milestones_done": 1, "total": 4}] * 4
    today = date(2026, 11, 22)
    assert pictures.pace(weeks, "2027-06-30", today) == "on pace"  # 1 a month, 7 months left
    assert pictures.pace(weeks, "2026-12-06", today) == "behind"
    assert pictures.pace(weeks, "2026-11-01", today) == "behind"  # the target has passed
    assert pictures.pace(weeks, None, today) is None
    done = [{"week": "2026-11-02", "milestones_done": 4, "total": 4}]
    assert pictures.pace(done, "2026-12-06", today) == "done"


def test_late_days_are_past_the_cadence():
    weekly = parse_cadence("weekly")
    met = [date(2026, 11, 2), date(2026, 11, 20)]
    late = pictures.late_days(met, None, weekly, date(2026, 11, 1), date(2026, 11, 22))
    assert min(late) == date(2026, 11, 10) and max(late) == date(2026, 11, 19)
    assert len(late) == 10  # due the 9th: the 10th to the 19th were past it; the 22nd is not
    before = pictures.late_days([], date(2026, 10, 1), weekly, date(2026, 11, 1), date(2026, 11, 3))
    assert before == {date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3)}
