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
    """Each month's name over the first week column holding its first day (and the first
    column's month), where it fits in `room` and does not run into the previous name."""
    labels = []
    for index, start in enumerate(weeks):
        days = [start + timedelta(days=i) for i in range(7)]
        days = [d for d in days if first <= d <= last]
        starts = [d for d in days if d.day == 1]
        if starts or (index == 0 and days):
            labels.append((index * cell, (starts[0] if starts else days[0]).month, bool(starts)))
    return place_months(labels, room)


def place_months(labels: list[tuple[int, int, bool]], room: int) -> str:
    """Month names at their columns ((column, month, whether the month begins there)), each
    where it fits and clear of the one before; a first name for the end of a month gives way
    to the next month's when they would touch."""
    if len(labels) > 1 and not labels[0][2] and labels[1][0] < labels[0][0] + 4:
        labels = labels[1:]
    row = [" "] * room
    free = 0
    for at, month, _ in labels:
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
    if not drawn:
        return []
    what = "[dim](meetings, actions done, wins, milestones)[/dim]"
    short = legend(g, short=True)
    if len(_plain(short)) + 1 + len(_plain(what)) <= width:
        return [*drawn, f"{short} {what}"]
    return [*drawn, short, what] if len(_plain(what)) <= width else [*drawn, short]


def _plain(markup: str) -> str:
    from mentorlog.render.screen import parse

    return parse(markup)[0]


# ------------------------------------------------------------------ goals


def _spark_mark(week: Row, g: Glyphs) -> str:
    total, done = week["total"], week["milestones_done"]
    fraction = done / total if total else 0.0
    return g.spark[round(fraction * (len(g.spark) - 1))]


def recent_spark(weeks: list[Row], count: int = 8, g: Glyphs = UNICODE) -> str:
    """The last `count` weeks of a goal, one mark a week (padded on the left when younger);
    blank for a goal with no milestones (nothing to count)."""
    shown = weeks[-count:]
    if not shown or not shown[-1]["total"]:
        return " " * count
    return " " * (count - len(shown)) + "".join(_spark_mark(w, g) for w in shown)


def goal_spark(
    weeks: list[Row], width: int, target: str | None = None, g: Glyphs = UNICODE
) -> tuple[str, int]:
    """Milestones done by week since the goal began, then the weeks still to go up to the
    target date (its week marked), in at most `width` characters: ('▁▃▃▅·····┃', weeks a
    mark). Several weeks share a mark (the last of them) when there are more than fit; ('', 0)
    when fewer than 4 characters are left."""
    if width < 4 or not weeks:
        return "", 0
    first = date.fromisoformat(weeks[0]["week"])
    last = date.fromisoformat(weeks[-1]["week"])
    ahead = 0
    if target:
        due = week_start_of(date.fromisoformat(target), first.weekday())
        ahead = max((due - last).days // 7, 0)
    count = len(weeks) + ahead
    per = -(-count // width)  # weeks a mark, rounded up
    marks = []
    for start in range(0, count, per):
        group = range(start, min(start + per, count))
        past = [i for i in group if i < len(weeks)]
        if target and ahead and count - 1 in group:
            marks.append(f"[bold]{g.target}[/bold]")
        elif past:
            marks.append(_spark_mark(weeks[past[-1]], g))
        else:
            marks.append(f"[dim]{g.future}[/dim]")
    return "".join(marks), per


def goal_progress_lines(
    goal: Row, weeks: list[Row], width: int, today: date, g: Glyphs = UNICODE
) -> list[str]:
    """`goal show`'s picture: a heading, the sparkline with the count and the verdict on it,
    what the marks mean."""
    from mentorlog.core.pictures import pace
    from mentorlog.render.days import day, when

    if not any(w["total"] for w in weeks):
        return []  # no milestones: nothing to draw
    last = weeks[-1]
    verdict = pace(weeks, goal.get("target_date"), today, goal.get("status", "active"))
    tail = f"  {last['milestones_done']}/{last['total']}" + (f" · {verdict}" if verdict else "")
    target = goal.get("target_date") if goal.get("status") == "active" else None
    spark, per = goal_spark(weeks, width - 2 - len(tail), target, g)
    if not spark:
        return []
    style = {"behind": "yellow", "on pace": "green", "done": "green"}.get(verdict or "", "")
    shown_tail = f"[{style}]{tail}[/{style}]" if style else tail
    every = "a mark a week" if per == 1 else f"a mark every {per} weeks"
    lines = [
        *heading("Progress by week", f"[dim]since {day(weeks[0]['week'])}, {every}[/dim]", width),
        f"  {spark}{shown_tail}",
    ]
    if target and g.target in spark:
        marks = f"{g.target} target {when(target, today)}"
        more = f"{marks}, {g.future} weeks to go"
        lines.append(f"  [dim]{more if len(more) + 2 <= width else marks}[/dim]")
    return lines


def heading(title: str, note: str, width: int) -> list[str]:
    """A picture's title with its note (plain text, markup allowed) beside it, or under it
    when the two don't fit one line."""
    from mentorlog.render.screen import parse

    if len(title) + 2 + len(parse(note)[0]) <= width:
        return [f"[bold]{title}[/bold]  {note}"]
    return [f"[bold]{title}[/bold]", f"  {note}"]


# ------------------------------------------------------------------ cadence


def cadence_strip(
    meetings_on: list[str],
    met_before: str | None,
    cadence: Any,
    window: tuple[date, date],
    started_on: str | None,
    width: int,
    g: Glyphs = UNICODE,
    ended_on: str | None = None,
) -> tuple[str, int]:
    """The window as a time line in at most `width` characters: a meeting's mark, the line
    while within the cadence, a dotted line past it, blank before the mentorship began and
    after it ended; (markup, days a character), or ('', 0) when fewer than 6 characters are
    left."""
    from mentorlog.core.pictures import each_day, late_days

    start, end = window
    days = (end - start).days + 1
    if width < 6:
        return "", 0
    per = -(-days // width)
    met = [date.fromisoformat(d) for d in meetings_on]
    before = date.fromisoformat(met_before) if met_before else None
    late = late_days(met, before, cadence, start, end)
    began = date.fromisoformat(started_on) if started_on else start
    ended = date.fromisoformat(ended_on) if ended_on else None
    marks = []
    cell = start
    while cell <= end:
        stop = min(cell + timedelta(days=per - 1), end)
        span = list(each_day(cell, stop))
        if any(d in met for d in span):
            marks.append(f"[bold]{g.meeting}[/bold]")
        elif stop < began or (ended is not None and cell > ended):
            marks.append(" ")
        elif stop in late:
            marks.append(f"[yellow]{g.late}[/yellow]")
        else:
            marks.append(g.on_time)
        cell = stop + timedelta(days=1)
    return "".join(marks), per


def strip_months(window: tuple[date, date], per: int, length: int) -> str:
    """Month names under a cadence strip, each under the character holding its first day."""
    start, _ = window
    labels = []
    for index in range(length):
        first = start + timedelta(days=index * per)
        starts = [d for d in (first + timedelta(days=i) for i in range(per)) if d.day == 1]
        if starts or index == 0:
            labels.append((index, (starts[0] if starts else first).month, bool(starts)))
    return place_months(labels, length)


def cadence_lines(mentor: Row, width: int, today: date, g: Glyphs = UNICODE) -> list[str]:
    """`mentor show`'s picture: the last six months with the next due day at the end, the
    month names under it, what the marks mean."""
    from mentorlog.core.cadence import parse_cadence
    from mentorlog.core.pictures import cadence_window
    from mentorlog.render.days import when

    window = cadence_window(today)
    if mentor.get("ended_on"):
        tail = f" ended {mentor['ended_on']}"
    elif mentor.get("next_due"):
        tail = f" {g.arrow} due {when(mentor['next_due'], today)}"
    else:
        tail = ""
    strip, per = cadence_strip(
        mentor.get("meetings_on") or [],
        mentor.get("met_before"),
        parse_cadence(mentor["cadence"]),
        window,
        mentor.get("started_on"),
        min(width - 2 - len(tail), 92),
        g,
        mentor.get("ended_on"),
    )
    if not strip:
        return []
    from mentorlog.render.screen import parse

    length = len(parse(strip)[0])
    late = "[yellow]" + g.late + "[/yellow]"
    key = f"[dim]{g.meeting} met  {g.on_time} on cadence[/dim]  {late}[dim] past due[/dim]"
    return [
        *heading("Meetings, last 6 months", key, width),
        f"  {strip}{tail}",
        f"  [dim]{strip_months(window, per, length)}[/dim]",
    ]


def list_strip(mentor: Row, today: date, g: Glyphs = UNICODE, cells: int = 26) -> str:
    """The six months as `cells` characters for `mentor list` (about a week a character)."""
    from mentorlog.core.cadence import parse_cadence
    from mentorlog.core.pictures import cadence_window
    from mentorlog.render.screen import parse

    strip, _ = cadence_strip(
        mentor.get("meetings_on") or [],
        mentor.get("met_before"),
        parse_cadence(mentor["cadence"]),
        cadence_window(today),
        mentor.get("started_on"),
        cells,
        g,
        mentor.get("ended_on"),
    )
    return parse(strip)[0]
