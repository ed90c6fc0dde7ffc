"""Rich tables and detail panels for the record lists and shows."""

from __future__ import annotations

from datetime import date
from typing import Any

from mentorlog.core import clock
from mentorlog.render.output import console

Row = dict[str, Any]


def ref(record_id: int | None) -> str:
    return f"#{record_id}" if record_id is not None else ""


def when(day: str | None, today: date | None = None) -> str:
    """'2026-11-27 (in 5d)': the date and how far it is."""
    if not day:
        return ""
    today = today or clock.today()
    delta = (date.fromisoformat(day) - today).days
    rel = "today" if delta == 0 else f"in {delta}d" if delta > 0 else f"{-delta}d ago"
    return f"{day} ({rel})"


def moment(iso: str | None) -> str:
    """A stored moment in local time, minutes precision."""
    if not iso:
        return ""
    from datetime import datetime

    return clock.to_local(datetime.fromisoformat(iso)).strftime("%Y-%m-%d %H:%M")


def bar(progress: float, width: int = 10) -> str:
    filled = round(progress * width)
    return "█" * filled + "░" * (width - filled) + f" {round(progress * 100):>3}%"


def _table(*columns: str, title: str | None = None):
    from rich.table import Table

    table = Table(title=title, title_justify="left", header_style="bold", expand=False)
    for name in columns:
        if name in ("ID", "Goal", "Mtg"):
            table.add_column(name, no_wrap=True, justify="right", min_width=3)
        elif name in ("Due", "Next due", "Last met", "Date", "When", "Status", "Target", "Done"):
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name, overflow="fold")
    return table


def show_table(table, empty_hint: str) -> None:
    out = console()
    if table.row_count == 0:
        out.print(empty_hint, markup=False)
        return
    out.print(table)


def e(text: Any) -> str:
    """User text shown as typed: Rich markup in it is escaped (Rich loads only for human output)."""
    from rich.markup import escape

    return escape(str(text)) if text is not None else ""


def mentors_table(rows: list[Row]) -> None:
    table = _table("ID", "Name", "Focus", "Cadence", "Last met", "Next due", "Status")
    for r in rows:
        table.add_row(
            ref(r["id"]),
            e(r["name"]),
            e(r["focus"]),
            r["cadence"],
            r["last_met"] or "never",
            when(r["next_due"]),
            r["status"],
        )
    show_table(
        table, 'No mentors yet. Add one: mentorlog mentor add "Alex Chen" --cadence biweekly'
    )


def goals_table(rows: list[Row]) -> None:
    table = _table("ID", "Title", "Mentor", "Target", "Progress", "Status")
    for r in rows:
        table.add_row(
            ref(r["id"]),
            e(r["title"]),
            e(r["mentor"]),
            r["target_date"] or "",
            f"{bar(r['progress'])} {r['milestones_done']}/{r['milestones_total']}",
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
            when(r["due_date"]) if not r["done_on"] else (r["due_date"] or ""),
            r["done_on"] or "",
        )
    show_table(
        table, 'No milestones. Add one: mentorlog milestone add GOAL_ID "First draft" --due +2w'
    )


def actions_table(rows: list[Row]) -> None:
    table = _table("ID", "Action", "Due", "Status", "Mentor", "Goal")
    for r in rows:
        status = "overdue" if r["overdue"] else r["status"]
        due = when(r["due"]) if r["status"] == "open" else (r["done_on"] or r["due"] or "")
        styled = f"[red]{status}[/red]" if r["overdue"] else status
        text = e(r["text"]) + (f"\n[dim]→ {e(r['result'])}[/dim]" if r["result"] else "")
        table.add_row(ref(r["id"]), text, due, styled, e(r["mentor"]), ref(r["goal_id"]))
    show_table(table, 'No actions here. Add one: mentorlog action add "Draft proposal due:+2w"')


def advice_table(rows: list[Row]) -> None:
    table = _table("ID", "Advice", "Mentor", "Date", "Status")
    for r in rows:
        text = e(r["text"]) + (f"\n[dim]→ {e(r['outcome'])}[/dim]" if r["outcome"] else "")
        table.add_row(ref(r["id"]), text, e(r["mentor"]), r["given_on"], r["status"])
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
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.title = title
    grid.title_justify = "left"
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        if value not in (None, ""):
            grid.add_row(label, e(value))
    return grid


def mentor_detail(r: Row) -> None:
    out = console()
    out.print(
        _fields(
            f"Mentor #{r['id']}: {e(r['name'])}",
            [
                ("Focus", r["focus"]),
                ("Cadence", r["cadence"]),
                ("Contact", r["contact"]),
                ("Since", r["started_on"]),
                ("Ended", r["ended_on"]),
                ("Closing note", r["closing_note"]),
                ("Last met", r["last_met"] or "never"),
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
                ("Achieved", r["achieved_on"]),
                (
                    "Progress",
                    f"{bar(r['progress'])} ({r['milestones_done']}/{r['milestones_total']} milestones)",
                ),
            ],
        )
    )
    for rows, render in (
        (r["milestones"], milestones_table),
        (r["actions"], actions_table),
        (r["advice"], advice_table),
    ):
        if rows:
            out.print()
            render(rows)


def action_detail(r: Row) -> None:
    console().print(
        _fields(
            f"Action #{r['id']}: {e(r['text'])}",
            [
                ("Status", "overdue" if r["overdue"] else r["status"]),
                ("Due", when(r["due"])),
                ("Done on", r["done_on"]),
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
                ("Given on", r["given_on"]),
                ("Status", r["status"]),
                ("Since", r["status_on"]),
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
        out.print(Markdown(r["notes"]))
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
        table.add_row(ref(r["id"]), r["won_on"], e(r["text"]), ref(r["goal_id"]))
    show_table(table, 'No wins yet. Record one: mentorlog win add "Gave my first tech talk"')
