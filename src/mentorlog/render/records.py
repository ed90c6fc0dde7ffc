"""Rich tables and detail panels for the record lists and shows."""

from __future__ import annotations

from typing import Any

from mentorlog.config import format_day
from mentorlog.core import clock
from mentorlog.render.days import day, when
from mentorlog.render.output import console, safe

Row = dict[str, Any]


def ref(record_id: int | None) -> str:
    return f"#{record_id}" if record_id is not None else ""


def moment(iso: str | None) -> str:
    """A stored moment in local time, minutes precision."""
    if not iso:
        return ""
    from datetime import datetime

    local = clock.to_local(datetime.fromisoformat(iso))
    return f"{format_day(local.date())} {local:%H:%M}"


def bar(progress: float, width: int = 10) -> str:
    filled = round(progress * width)
    return "█" * filled + "░" * (width - filled) + f" {round(progress * 100):>3}%"


# Columns that always fit on one line: ids, dates, statuses.
_KEEP_WHOLE = (
    "Last 6 months",
    "8 weeks",
    "Due",
    "Due / done",
    "Next due",
    "Last met",
    "Date",
    "When",
    "Status",
    "Target",
    "Done",
    "Rating",
)
# Columns given up first when the terminal is too narrow for every column, in this order.
_DROP_WHEN_NARROW = ("Last 6 months", "8 weeks", "Goal", "Mtg", "Mode", "Cadence", "Focus",
                     "Mentor", "Last met", "Target")  # fmt: skip
_TEXT_MIN = 16  # a text column narrower than this breaks words


def _table(*columns: str, title: str | None = None):
    """A light table (a rule under the header, no frame) as gh and Taskwarrior print lists."""
    from mentorlog.render.table import LightTable

    table = LightTable(title=title)
    for name in columns:
        if name in ("ID", "Goal", "Mtg"):
            table.add_column(name, no_wrap=True, justify="right", min_width=3)
        elif name in _KEEP_WHOLE:
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name)  # folded onto more lines; min_width: set by fit()
    return table


def fit(table, width: int):
    """Give up low-priority columns until the rest fit `width` without squeezing words."""
    from mentorlog.render.table import natural_width

    needed = {}
    for column in table.columns:
        longest = max(natural_width(column), column.min_width)
        needed[id(column)] = longest if column.no_wrap else min(longest, _TEXT_MIN)
        column.min_width = needed[id(column)]

    def need() -> int:
        return sum(needed[id(c)] + 3 for c in table.columns)  # padding and the separator

    def drop(column) -> None:
        table.columns[:] = [c for c in table.columns if c is not column]

    for name in _DROP_WHEN_NARROW:
        if need() <= width:
            return table
        for column in [c for c in table.columns if c.header == name]:
            drop(column)
    # Still too wide: give up columns from the right, keeping the id, the record's own text
    # (the first column after the id) and its status.
    for column in reversed(table.columns[2:]):
        if need() <= width:
            break
        if column.header != "Status":
            drop(column)
    return table


def show_table(table, empty_hint: str) -> None:
    from mentorlog.render.table import print_table

    out = console()
    if table.row_count == 0:
        out.print(empty_hint, markup=False)
        return
    print_table(fit(table, out.width), out)


def e(text: Any) -> str:
    """User text shown as typed: Rich markup in it is escaped (Rich loads only for human output)."""
    from rich.markup import escape

    return escape(safe(str(text))) if text is not None else ""


def mentors_table(rows: list[Row]) -> None:
    strips = all("meetings_on" in r for r in rows)  # the pictures are on
    extra = ("Last 6 months",) if strips and rows else ()
    table = _table("ID", "Name", "Focus", "Cadence", "Last met", "Next due", "Status", *extra)
    if extra:
        from mentorlog.render import charts

        g, today = charts.glyphs(), clock.today()
    for r in rows:
        table.add_row(
            ref(r["id"]),
            e(r["name"]),
            e(r["focus"]),
            r["cadence"],
            day(r["last_met"]) or "never",
            when(r["next_due"]),
            r["status"],
            *((charts.list_strip(r, today, g),) if extra else ()),
        )
    show_table(
        table, 'No mentors yet. Add one: mentorlog mentor add "Alex Chen" --cadence biweekly'
    )


def goals_table(rows: list[Row]) -> None:
    weeks = all("progress_by_week" in r for r in rows)  # the pictures are on
    extra = ("8 weeks",) if weeks and rows else ()
    table = _table("ID", "Title", "Mentor", "Target", "Progress", *extra, "Status")
    if extra:
        from mentorlog.render import charts

        g = charts.glyphs()
    for r in rows:
        table.add_row(
            ref(r["id"]),
            e(r["title"]),
            e(r["mentor"]),
            day(r["target_date"]),
            f"{bar(r['progress'])} {r['milestones_done']}/{r['milestones_total']}",
            *((charts.recent_spark(r["progress_by_week"], 8, g),) if extra else ()),
            r["status"],
        )
    show_table(table, 'No goals yet. Add one: mentorlog goal add "Ship the billing API" --by eoq')


def milestones_table(rows: list[Row]) -> None:
    table = _table("ID", "Goal", "Milestone", "Due", "Done")
    for r in rows:
        table.add_row(
            ref(r["id"]),
            ref(r["goal_id"]),
            e(r["title"]),
            when(r["due_date"]) if not r["done_on"] else day(r["due_date"]),
            day(r["done_on"]),
        )
    show_table(
        table, 'No milestones. Add one: mentorlog milestone add GOAL_ID "First draft" --due +2w'
    )


def actions_table(rows: list[Row]) -> None:
    """Open actions show when they are due, done ones when they were done; overdue rows are red."""
    kinds = {r["status"] == "open" for r in rows}
    header = "Due" if kinds == {True} else "Done" if kinds == {False} else "Due / done"
    table = _table("ID", "Action", header, "Status", "Mentor", "Goal")
    for r in rows:
        if r["status"] == "open":
            shown = when(r["due"])
        else:
            shown = day(r["done_on"]) if header == "Done" else f"{r['status']} {day(r['done_on'])}"
        text = ((r["text"], None), *(((f"→ {r['result']}", "dim"),) if r["result"] else ()))
        status = "overdue" if r["overdue"] else r["status"]
        table.add_row(
            ref(r["id"]),
            text,
            shown.strip(),
            status,
            e(r["mentor"]),
            ref(r["goal_id"]),
            style="red" if r["overdue"] else None,
        )
    show_table(table, 'No actions here. Add one: mentorlog action add "Draft proposal due:+2w"')


def advice_table(rows: list[Row]) -> None:
    table = _table("ID", "Advice", "Mentor", "Date", "Status")
    for r in rows:
        text = e(r["text"]) + (f"\n[dim]→ {e(r['outcome'])}[/dim]" if r["outcome"] else "")
        table.add_row(ref(r["id"]), text, e(r["mentor"]), day(r["given_on"]), r["status"])
    show_table(
        table,
        'No advice recorded. Add some: mentorlog advice add "Write design docs first" --mentor alex',
    )


def topics_table(rows: list[Row]) -> None:
    table = _table("ID", "Question", "Mentor", "Goal")
    for r in rows:
        table.add_row(ref(r["id"]), e(r["text"]), e(r["mentor"] or "any"), ref(r["goal_id"]))
    show_table(
        table, 'No questions queued. Queue one: mentorlog ask "How do I get more visibility?"'
    )


def meetings_table(rows: list[Row]) -> None:
    table = _table("ID", "When", "Mentor", "Mode", "Notes")
    for r in rows:
        first = (r["notes"] or "").strip().splitlines()
        table.add_row(
            ref(r["id"]),
            moment(r["held_at"]),
            e(r["mentor"]),
            r["mode"],
            e(first[0][:80] if first else ""),
        )
    show_table(table, 'No meetings logged. After your next one: mentorlog log MENTOR --notes "..."')


def _fields(title: str, pairs: list[tuple[str, Any]]):
    """A record's title on its own line (the terminal's width, not the grid's), then its fields."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        if value not in (None, ""):
            grid.add_row(label, e(value))
    return Group(Text.from_markup(title, style="bold"), grid)


def mentor_detail(r: Row) -> None:
    out = console()
    out.print(
        _fields(
            f"Mentor #{r['id']}: {e(r['name'])}",
            [
                ("Focus", r["focus"]),
                ("Cadence", r["cadence"]),
                ("Contact", r["contact"]),
                ("Since", day(r["started_on"])),
                ("Ended", day(r["ended_on"])),
                ("Closing note", r["closing_note"]),
                ("Last met", day(r["last_met"]) or "never"),
                ("Next due", when(r["next_due"])),
                ("Status", r["status"]),
                ("Meetings", r["counts"]["meetings"]),
                ("Active goals", r["counts"]["active_goals"]),
                ("Advice", r["counts"]["advice"]),
                ("Queued questions", r["counts"]["queued_questions"]),
                (
                    "Last check-in",
                    f"{r['last_checkin']['rating']}/5 on {r['last_checkin']['on']}"
                    if r.get("last_checkin")
                    else None,
                ),
            ],
        )
    )
    if "meetings_on" in r:
        from mentorlog.render import charts

        lines = charts.cadence_lines(r, out.width, clock.today(), charts.glyphs())
        if lines:
            out.print()
            for line in lines:
                out.print(line)
    if r["recent_meetings"]:
        out.print()
        meetings_table(r["recent_meetings"])


def goal_detail(r: Row) -> None:
    out = console()
    out.print(
        _fields(
            f"Goal #{r['id']}: {e(r['title'])}",
            [
                ("Why", r["why"]),
                ("Measure", r["measure"]),
                ("Target", when(r["target_date"])),
                ("Horizon", r["horizon"]),
                ("Mentor", r["mentor"]),
                ("Status", r["status"]),
                ("Note", r["status_note"]),
                ("Achieved", day(r["achieved_on"])),
                (
                    "Progress",
                    f"{bar(r['progress'])} ({r['milestones_done']}/{r['milestones_total']} milestones)",
                ),
            ],
        )
    )
    if r.get("progress_by_week"):
        from mentorlog.render import charts

        lines = charts.goal_progress_lines(
            r, r["progress_by_week"], out.width, clock.today(), charts.glyphs()
        )
        if lines:
            out.print()
            for line in lines:
                out.print(line)
    for rows, render in (
        (r["milestones"], milestones_table),
        (r["actions"], actions_table),
        (r["advice"], advice_table),
    ):
        if rows:
            out.print()
            render(rows)
    linked = [
        ("Meetings", [f"#{m['id']} {day(m['held_at'][:10])} with {e(m['mentor'])}" for m in r.get("meetings", [])]),
        ("Questions", [f"#{q['id']} {e(q['text'])} ({q['status']})" for q in r.get("questions", [])]),
        ("Wins", [f"#{w['id']} {e(w['text'])} ({day(w['won_on'])})" for w in r.get("wins", [])]),
        ("Feedback", [f"#{f['id']} {e(f['text'])} ({f['direction']}, {day(f['given_on'])})" for f in r.get("feedback", [])]),
        ("Resources", [f"#{x['id']} {e(x['title'])} ({x['status']})" for x in r.get("resources", [])]),
    ]  # fmt: skip
    for title, lines in linked:
        if lines:
            out.print()
            out.print(f"[bold]{title}[/bold]")
            for line in lines:
                out.print(f"  {line}")


def action_detail(r: Row) -> None:
    console().print(
        _fields(
            f"Action #{r['id']}: {e(r['text'])}",
            [
                ("Status", "overdue" if r["overdue"] else r["status"]),
                # a closed action was due, it isn't "due in 7d": its day, and when it was done
                ("Due", when(r["due"]) if r["status"] == "open" else day(r["due"])),
                ("Done on", day(r["done_on"])),
                ("Result", r["result"]),
                ("Mentor", r["mentor"]),
                ("Goal", ref(r["goal_id"])),
                ("Milestone", ref(r["milestone_id"])),
                ("Advice", ref(r["advice_id"])),
                ("Meeting", ref(r["meeting_id"])),
            ],
        )
    )


def advice_detail(r: Row) -> None:
    out = console()
    out.print(
        _fields(
            f"Advice #{r['id']}: {e(r['text'])}",
            [
                ("Why", r["why"]),
                ("Mentor", r["mentor"]),
                ("Given on", day(r["given_on"])),
                ("Status", r["status"]),
                ("Since", day(r["status_on"])),
                ("Outcome", r["outcome"]),
                ("Goal", ref(r["goal_id"])),
                ("Meeting", ref(r["meeting_id"])),
            ],
        )
    )
    if r["actions"]:
        out.print()
        actions_table(r["actions"])


def meeting_detail(r: Row) -> None:
    from rich.markdown import Markdown

    out = console()
    out.print(
        _fields(
            f"Meeting #{r['id']} with {e(r['mentor'])}",
            [
                ("When", moment(r["held_at"])),
                ("Mode", r["mode"]),
                ("Minutes", r["minutes"]),
                ("Next meeting", r["next_date"]),
            ],
        )
    )
    if r["notes"]:
        out.print()
        out.print(Markdown(safe(r["notes"])))
    for rows, render in ((r["advice"], advice_table), (r["actions"], actions_table)):
        if rows:
            out.print()
            render(rows)
    if r["discussed"]:
        out.print()
        out.print(
            "Questions covered: " + ", ".join(f"#{t['id']} {e(t['text'])}" for t in r["discussed"])
        )


def wins_table(rows: list[Row]) -> None:
    table = _table("ID", "Date", "Win", "Goal")
    for r in rows:
        table.add_row(ref(r["id"]), day(r["won_on"]), e(r["text"]), ref(r["goal_id"]))
    show_table(table, 'No wins yet. Record one: mentorlog win add "Gave my first tech talk"')
