"""The report's charts as inline SVG, built from the same numbers as --json (core/pictures.py).

A small builder of our own rather than a library: the report draws two charts of rects, lines
and text, and the SVG libraries on the package index either pull in a drawing stack
(matplotlib, cairo) or are one more dependency for what `tag()` below does. Every attribute
value and every text node passes through `xml.sax.saxutils`-style escaping here, so user text
(a goal's title) can't open a tag; tests/test_report.py parses each chart as XML.

Sizes are in a viewBox and the <svg> scales to its column (width 100%), so a chart is never cut
by the page when printed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mentorlog.core.pictures import KINDS, day_total, week_start_of

Row = dict[str, Any]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CELL, GAP = 11, 2  # a day's square and the space between squares
LEFT, TOP = 30, 16  # room for the weekday and month labels
NAMES = {
    "meetings": ("meeting", "meetings"),
    "actions_done": ("action done", "actions done"),
    "wins": ("win", "wins"),
    "milestones_done": ("milestone", "milestones"),
}


def escape(text: Any) -> str:
    """Text for an XML text node or a double-quoted attribute."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def tag(name: str, children: str | list[str] = "", /, **attrs: Any) -> str:
    """<name a="v" …>children</name>; attribute names use _ for - (stroke_width), a trailing _
    for a Python keyword (class_); None values are left out. Children are SVG already built
    here; text is passed through text()."""
    parts = [name]
    for key, value in attrs.items():
        if value is None:
            continue
        parts.append(f'{key.rstrip("_").replace("_", "-")}="{escape(value)}"')
    inner = "".join(children) if isinstance(children, list) else children
    head = " ".join(parts)
    return f"<{head}>{inner}</{name}>" if inner else f"<{head}/>"


def text(value: Any) -> str:
    return escape(value)


def _count(day: Row) -> str:
    said = [f"{day[k]} {NAMES[k][0] if day[k] == 1 else NAMES[k][1]}" for k in KINDS if day[k]]
    return f"{day['day']}: " + (", ".join(said) if said else "nothing recorded")


def calendar(activity: list[Row], week_start: int = 0, label: str = "Activity") -> str:
    """Weeks across, days down, a square a day shaded by how much happened (class l0 … l4);
    each square's <title> says what. Days outside the period are not drawn."""
    if not activity:
        return ""
    first = date.fromisoformat(activity[0]["day"])
    last = date.fromisoformat(activity[-1]["day"])
    origin = week_start_of(first, week_start)
    weeks = (week_start_of(last, week_start) - origin).days // 7 + 1
    step = CELL + GAP
    width, height = LEFT + weeks * step, TOP + 7 * step
    shapes = []
    for row in range(7):
        if row % 2 == 0:
            weekday = (week_start + row) % 7
            shapes.append(
                tag("text", text(DAYS[weekday]), x=0, y=TOP + row * step + CELL - 1, class_="label")
            )
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    for day in activity:
        on = date.fromisoformat(day["day"])
        column = (week_start_of(on, week_start) - origin).days // 7
        row = (on.weekday() - week_start) % 7
        x, y = LEFT + column * step, TOP + row * step
        level = min(day_total(day), 4)
        shapes.append(
            tag(
                "rect",
                tag("title", text(_count(day))),
                x=x,
                y=y,
                width=CELL,
                height=CELL,
                rx=2,
                class_=f"l{level}",
                data_day=day["day"],
            )
        )
        # a month's name over the week of its first day; the first month's too when its
        # name has room before the next one's
        if on.day == 1 or (on == first and (following - first).days >= 21):
            shapes.append(tag("text", text(MONTHS[on.month - 1]), x=x, y=TOP - 5, class_="label"))
    return tag(
        "svg",
        [tag("title", text(label)), *shapes],
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width="100%",
        role="img",
        class_="calendar",
        style=f"max-width:{width * 2}px",
    )


def progress(weeks: list[Row], target: str | None = None, label: str = "Progress") -> str:
    """Milestones done by week (a filled step line) under the milestones known (dashed), from
    the week the goal began to its target date (a marked line) or its last week."""
    if not weeks:
        return ""
    first = date.fromisoformat(weeks[0]["week"])
    last = date.fromisoformat(weeks[-1]["week"])
    due = date.fromisoformat(target) if target else None
    span_end = max(last + timedelta(days=7), (due + timedelta(days=1)) if due else last)
    days = max((span_end - first).days, 7)
    top = max(max(w["total"] for w in weeks), 1)
    width, height, pad, left = 600, 120, 16, 28

    def x(day: date) -> float:
        return round(left + (day - first).days / days * (width - left - pad), 1)

    def y(value: int) -> float:
        return round(height - pad - value / top * (height - 2 * pad), 1)

    done, known = [], []
    for week in weeks:
        start = date.fromisoformat(week["week"])
        for at in (start, start + timedelta(days=7)):
            done.append(f"{x(at)},{y(week['milestones_done'])}")
            known.append(f"{x(at)},{y(week['total'])}")
    area = [f"{x(first)},{y(0)}", *done, f"{x(last + timedelta(days=7))},{y(0)}"]
    shapes = [
        tag("title", text(label)),
        tag("line", x1=left, y1=y(0), x2=width - pad, y2=y(0), class_="axis"),
        tag("text", text(top), x=0, y=y(top) + 4, class_="label"),
        tag("text", "0", x=0, y=y(0) + 4, class_="label"),
        tag("polygon", points=" ".join(area), class_="done-area"),
        tag("polyline", points=" ".join(done), class_="done"),
        tag("polyline", points=" ".join(known), class_="known"),
        tag("text", text(weeks[0]["week"]), x=left, y=height - 2, class_="label"),
    ]
    if due:
        shapes += [
            tag("line", x1=x(due), y1=pad - 4, x2=x(due), y2=y(0), class_="target"),
            tag(
                "text",
                text(f"target {due.isoformat()}"),
                x=x(due) - 4,
                y=pad - 6,
                class_="label",
                text_anchor="end",
            ),
        ]
    return tag(
        "svg",
        shapes,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width="100%",
        role="img",
        class_="progress",
    )


def legend() -> str:
    """The calendar's key: five squares, none to 4 or more a day."""
    step = CELL + GAP
    squares = [
        tag("rect", x=40 + i * step, y=2, width=CELL, height=CELL, rx=2, class_=f"l{i}")
        for i in range(5)
    ]
    return tag(
        "svg",
        [
            tag("text", "none", x=0, y=12, class_="label"),
            *squares,
            tag("text", "4+ a day", x=40 + 5 * step + 4, y=12, class_="label"),
        ],
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {40 + 5 * step + 60} 16",
        width=f"{(40 + 5 * step + 60)}",
        role="img",
        class_="legend",
    )
