"""Pictures made of characters: the activity calendar and week strip, goal sparklines, the
cadence strip. Each function takes the numbers --json prints (core/pictures.py) and a width, and
returns lines of Rich markup that never exceed that width: a picture shrinks (narrower cells,
fewer weeks) or is left out, it never wraps. Shading is in the characters themselves, so a
picture reads the same with NO_COLOR and piped; colour only adds to it. A stream that can't
write the block characters (LANG=C, PYTHONIOENCODING=ascii) gets ASCII ones.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from mentorlog.core.pictures import day_total, week_start_of

Row = dict[str, Any]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LABEL = 4  # "Mon " before a calendar row


class Glyphs(NamedTuple):
    shades: tuple[str, ...]  # nothing, 1, 2, 3, 4 or more things on a day
    spark: tuple[str, ...]  # 0 … 100 % of a goal's milestones done
    future: str  # a week still to come, up to the target date
    target: str  # the target date's week
    meeting: str
    on_time: str  # a day within the cadence
    late: str  # a day past the cadence with no meeting yet
    arrow: str


UNICODE = Glyphs(("·", "░", "▒", "▓", "█"), tuple("▁▂▃▄▅▆▇█"), "·", "┃", "●", "─", "┄", "→")
ASCII = Glyphs((".", "-", "+", "*", "#"), tuple("_.-=+*#@"), ".", "|", "o", "-", ".", "->")
SHADE_STYLES = ("dim", "green", "green", "bold green", "bold green")


def glyphs(stream: Any = None) -> Glyphs:
    """Block characters when the stream can write them (a stream with no encoding, as a
    StringIO, holds any text), else ASCII."""
    import sys

    encoding = getattr(stream or sys.stdout, "encoding", None)
    if not encoding:
        return UNICODE
    try:
        "".join((*UNICODE.shades, *UNICODE.spark, *UNICODE[2:])).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII
    return UNICODE


def _level(total: int) -> int:
    return min(total, 4)


def shade(total: int, g: Glyphs = UNICODE) -> str:
    level = _level(total)
    return f"[{SHADE_STYLES[level]}]{g.shades[level]}[/]"


def legend(g: Glyphs = UNICODE, short: bool = False) -> str:
    """What the shades mean; `short` for a heading line."""
    marks = " ".join(shade(n, g) for n in range(5))
    if short:
        return f"[dim]none[/dim] {marks} [dim]4+ a day[/dim]"
    return f"[dim]none[/dim] {marks} [dim]4+ a day (meetings, actions done, wins, milestones)[/dim]"


def summary(activity: list[Row]) -> str:
    """'3 meetings · 5 actions done · 1 win · 2 milestones' over the days shown."""
    from mentorlog.render.output import plural

    sums = {k: sum(d[k] for d in activity) for k in ("meetings", "actions_done", "wins")}
    milestones = sum(d["milestones_done"] for d in activity)
    parts = [
        plural(sums["meetings"], "meeting"),
        f"{sums['actions_done']} action{'s' if sums['actions_done'] != 1 else ''} done",
        plural(sums["wins"], "win"),
        plural(milestones, "milestone"),
    ]
    return " · ".join(parts)


def week_strip(activity: list[Row], width: int, g: Glyphs = UNICODE) -> list[str]:
    """A period of up to a week: each day's name over its shade, 4 cells a day."""
    cell = 4 if len(activity) * 4 <= width else 2 if len(activity) * 2 <= width else 0
    if not cell:
        return []
    names, marks = [], []
    for day in activity:
        name = DAYS[date.fromisoformat(day["day"]).weekday()][: cell - 1]
        names.append(name.ljust(cell))
        marks.append(" " * ((cell - 1) // 2) + shade(day_total(day), g) + " " * (cell // 2))
    return ["".join(names).rstrip(), "".join(marks).rstrip()]


def calendar(
    activity: list[Row], width: int, week_start: int = 0, g: Glyphs = UNICODE
) -> list[str]:
    """Weeks across, days down: a month row, then one row a weekday. A day is a square of two
    characters when the weeks fit, else one character (with or without a space after it); when
    even that is too wide the oldest weeks are left out (the last line says so); nothing at all
    when fewer than four weeks would fit."""
    if not activity:
        return []
    first = date.fromisoformat(activity[0]["day"])
    last = date.fromisoformat(activity[-1]["day"])
    by_day = {d["day"]: d for d in activity}
    weeks = []
    week = week_start_of(first, week_start)
    while week <= last:
        weeks.append(week)
        week += timedelta(weeks=1)
    room = width - LABEL
    cell = next((c for c in (3, 2, 1) if len(weeks) * c <= room), 1)
    shown = weeks[-room:] if len(weeks) > room else weeks
    if room < 4 or len(shown) < min(4, len(weeks)):
        return []
    lines = [" " * LABEL + month_row(shown, cell, first, last, room)]
    for row in range(7):
        weekday = (week_start + row) % 7
        cells = []
        for start in shown:
            day = start + timedelta(days=(weekday - start.weekday()) % 7)
            found = by_day.get(day.isoformat())
            if found is None:
                cells.append(" " * cell)
                continue
            level = _level(day_total(found))
            mark = g.shades[level] * (2 if cell == 3 else 1)
            cells.append(f"[{SHADE_STYLES[level]}]{mark}[/]" + " " * (cell - len(mark)))
        lines.append(f"[dim]{DAYS[weekday]}[/dim] " + "".join(cells).rstrip())
    if len(shown) < len(weeks):
        for note in (f"(the last {len(shown)} of {len(weeks)} weeks)", f"(last {len(shown)})"):
            if len(note) <= width:
                lines.append(f"[dim]{note}[/dim]")
                break
    return lines


def month_row(weeks: list[date], cell: int, first: date, last: date, room: int) -> str:
    """Each month's name over the first week column holding its first day (or over the first
    column), where it fits in `room` and does not run into the previous name."""
    row = [" "] * room
    free = 0
    for index, start in enumerate(weeks):
        days = [start + timedelta(days=i) for i in range(7)]
        days = [d for d in days if first <= d <= last]
        if not days:
            continue
        starts = [d for d in days if d.day == 1]
        if index and not starts:
            continue
        month = (starts[0] if starts else days[0]).month
        at = index * cell
        if at < free or at + 3 > room:
            continue
        row[at : at + 3] = MONTHS[month - 1]
        free = at + 4
    return "".join(row).rstrip()


def activity_block(
    activity: list[Row], width: int, week_start: int = 0, g: Glyphs = UNICODE
) -> list[str]:
    """The week strip for a period of up to 7 days, the calendar for a longer one, then the
    legend; [] when the picture does not fit `width`."""
    from mentorlog.core.pictures import STRIP_DAYS

    if len(activity) <= STRIP_DAYS:
        drawn = week_strip(activity, width, g)
    else:
        drawn = calendar(activity, width, week_start, g)
    return [*drawn, legend(g)] if drawn else []
