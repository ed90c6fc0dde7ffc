"""The numbers behind the pictures: activity per day, milestones by week, meetings on a time line.

Pure: the store counts, these functions lay the counts out (every day of a period, every week of a
goal) and judge them (on pace or behind, late against the cadence). The terminal's characters
(render/charts.py), the report's SVG (render/svg.py) and --json all read what these return.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

Row = dict[str, Any]

KINDS = ("meetings", "actions_done", "wins", "milestones_done")  # the counts of a day, in order
STRIP_DAYS = 7  # a period this long or shorter is drawn as a week strip, longer as a calendar
STATUS_WEEKS = 13  # the dashboard's calendar: a quarter
CADENCE_MONTHS = 6  # the cadence strip's window


def each_day(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def week_start_of(day: date, week_start: int = 0) -> date:
    """The first day of the week holding `day` (weeks start on `week_start`, Monday = 0)."""
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def activity(start: date, end: date, counts: dict[str, dict[str, int]]) -> list[Row]:
    """Every day of [start, end] with its counts: {day, meetings, actions_done, wins,
    milestones_done}; `counts` maps each kind to {iso day: n} (days with nothing left out)."""
    out = []
    for day in each_day(start, end):
        key = day.isoformat()
        out.append({"day": key, **{kind: counts.get(kind, {}).get(key, 0) for kind in KINDS}})
    return out


def day_total(day: Row) -> int:
    return sum(day[kind] for kind in KINDS)


def status_window(today: date, week_start: int = 0) -> tuple[date, date]:
    """The dashboard calendar's days: the 13 weeks ending with this one, up to today."""
    first = week_start_of(today, week_start) - timedelta(weeks=STATUS_WEEKS - 1)
    return first, today


# ------------------------------------------------------------------ goals


def goal_span(goal: Row, milestones: Iterable[Row], today: date) -> tuple[date, date]:
    """From the day the goal began (its creation, or an earlier milestone done) to today, or to
    the day it was achieved."""
    done = [date.fromisoformat(m["done_on"]) for m in milestones if m["done_on"]]
    begin = min([goal["began"], *done])
    end = today
    if goal.get("status") == "achieved" and goal.get("achieved_on"):
        end = max([date.fromisoformat(goal["achieved_on"]), *done])
    end = min(max(end, begin), max(today, begin))
    return begin, end


def progress_by_week(
    goal: Row, milestones: list[Row], today: date, week_start: int = 0
) -> list[Row]:
    """Milestones done by the end of each week since the goal began: [{week, milestones_done,
    total}], `week` its first day. `total` counts the milestones that existed by then (made, or
    done, by the week's end), so adding milestones later shows as the total rising."""
    begin, end = goal_span(goal, milestones, today)
    done = sorted(date.fromisoformat(m["done_on"]) for m in milestones if m["done_on"])
    known = sorted(
        min(m["created"], date.fromisoformat(m["done_on"])) if m["done_on"] else m["created"]
        for m in milestones
    )
    out = []
    week = week_start_of(begin, week_start)
    while week <= end:
        last = min(week + timedelta(days=6), end)
        out.append(
            {
                "week": week.isoformat(),
                "milestones_done": sum(1 for d in done if d <= last),
                "total": sum(1 for d in known if d <= last),
            }
        )
        week += timedelta(weeks=1)
    return out


def pace(weeks: list[Row], target: str | None, today: date, status: str = "active") -> str | None:
    """'on pace', 'behind', 'done' or None (no target date, or nothing to judge): the rate of
    milestones done per week so far, carried on to the target date, against the total."""
    if not weeks:
        return None
    last = weeks[-1]
    total, done = last["total"], last["milestones_done"]
    if status == "achieved" or (total and done >= total):
        return "done"
    if not target or not total or status != "active":
        return None
    due = date.fromisoformat(target)
    if due < today:
        return "behind"
    elapsed = max(len(weeks), 1)
    left = (due - today).days / 7
    return "on pace" if done + done / elapsed * left >= total else "behind"


# ------------------------------------------------------------------ cadence


def cadence_window(today: date) -> tuple[date, date]:
    from mentorlog.core.dates import shift

    return shift(today, -CADENCE_MONTHS, "m") + timedelta(days=1), today


def late_days(
    met: list[date], met_before: date | None, cadence: Any, start: date, end: date
) -> set[date]:
    """The days of [start, end] past the cadence: after a meeting's next due day and before the
    next meeting (or today). `cadence` is core.cadence.Cadence; `met` sorted, in the window."""
    late: set[date] = set()
    previous = met_before
    for following in [*met, None]:
        if previous is not None:
            due = cadence.after(previous)
            stop = following - timedelta(days=1) if following else end
            late.update(d for d in each_day(max(due + timedelta(days=1), start), stop))
        previous = following if following is not None else previous
    return late
