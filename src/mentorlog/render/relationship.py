"""Tables, detail panels and messages for feedback, gave, resources, introductions and check-ins.

Rich loads only inside the renderers (through render.records), never for --json.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mentorlog.render.records import _fields, _table, day, e, ref, show_table

Row = dict[str, Any]


def count(n: int, noun: str) -> str:
    """'1 resource', '2 resources' (render.output.plural)."""
    from mentorlog.render.output import plural

    return plural(n, noun)


def listed(records: Iterable[Row], label: str) -> str:
    """'#3 Title, #4 Other title'."""
    return ", ".join(f"#{r['id']} {r[label]}" for r in records)


def _stars(rating: int) -> str:
    return "★" * rating + "☆" * (5 - rating) + f" {rating}/5"


# ---------------------------------------------------------------- feedback


def _direction(r: Row) -> str:
    return f"from {r['mentor']}" if r["direction"] == "received" else f"to {r['mentor']}"


def feedback_table(rows: list[Row]) -> None:
    table = _table("ID", "Date", "Feedback", "Who", "Kind", "Acted on")
    for r in rows:
        text = e(r["text"]) + (f"\n[dim]→ {e(r['acted_note'])}[/dim]" if r["acted_note"] else "")
        table.add_row(
            ref(r["id"]), day(r["on"]), text, e(_direction(r)), r["kind"] or "", day(r["acted_on"])
        )
    show_table(
        table,
        'No feedback here. Record some: mentorlog feedback add "Great demo" --from alex --kind praise',
    )


def feedback_detail(r: Row) -> None:
    acted = r["direction"] == "received" and r["kind"] == "constructive"
    console_print(
        _fields(
            f"Feedback #{r['id']}",
            [
                ("Feedback", r["text"]),
                ("Direction", _direction(r)),
                ("Kind", r["kind"] or "uncategorised"),
                ("Date", day(r["on"])),
                ("Goal", ref(r["goal_id"])),
                ("Acted on", day(r["acted_on"]) or ("not yet" if acted else None)),
                ("What changed", r["acted_note"]),
            ],
        )
    )


# ---------------------------------------------------------------- gave


def gave_table(rows: list[Row]) -> None:
    table = _table("ID", "Date", "What you gave", "Mentor", "Kind")
    for r in rows:
        table.add_row(ref(r["id"]), day(r["on"]), e(r["text"]), e(r["mentor"]), r["kind"])
    show_table(
        table,
        'Nothing given back yet. Record it: mentorlog gave add "Sent the article on X" --mentor alex',
    )


def gave_detail(r: Row) -> None:
    console_print(
        _fields(
            f"Contribution #{r['id']}",
            [
                ("Gave", r["text"]),
                ("Mentor", r["mentor"]),
                ("Kind", r["kind"]),
                ("Date", day(r["on"])),
            ],
        )
    )


# ---------------------------------------------------------------- resources


def resources_table(rows: list[Row]) -> None:
    table = _table("ID", "Title", "Kind", "Status", "Mentor", "Goal", "Done")
    for r in rows:
        title = e(r["title"])
        if r["url"]:
            title += f"\n[dim]{e(r['url'])}[/dim]"
        if r["takeaway"]:
            title += f"\n[dim]→ {e(r['takeaway'])}[/dim]"
        table.add_row(
            ref(r["id"]),
            title,
            r["kind"],
            r["status"],
            e(r["mentor"]),
            ref(r["goal_id"]),
            day(r["done_on"]),
        )
    show_table(
        table,
        "No resources here (done and dropped ones show with --all). Add one: "
        'mentorlog resource add "Designing Data-Intensive Applications" --kind book --mentor alex',
    )


def resource_detail(r: Row) -> None:
    console_print(
        _fields(
            f"Resource #{r['id']}",
            [
                ("Title", r["title"]),
                ("URL", r["url"]),
                ("Kind", r["kind"]),
                ("Status", r["status"]),
                ("Mentor", r["mentor"]),
                ("Goal", ref(r["goal_id"])),
                ("Advice", ref(r["advice_id"])),
                ("Done on", day(r["done_on"])),
                ("Takeaway", r["takeaway"]),
            ],
        )
    )


# ---------------------------------------------------------------- introductions


def intros_table(rows: list[Row]) -> None:
    table = _table("ID", "Person", "By", "Date", "Met", "Thanked")
    for r in rows:
        person = e(r["person"]) + (f"\n[dim]{e(r['context'])}[/dim]" if r["context"] else "")
        table.add_row(
            ref(r["id"]),
            person,
            e(r["mentor"]),
            day(r["introduced_on"]),
            day(r["met_on"]) or "not yet",
            day(r["thanked_on"]) or "not yet",
        )
    show_table(
        table,
        'No introductions here. Record one: mentorlog intro add "Jordan Lee" --by alex '
        '--context "staff engineer, ran the migration"',
    )


def intro_detail(r: Row) -> None:
    console_print(
        _fields(
            f"Introduction #{r['id']}",
            [
                ("Person", r["person"]),
                ("By", r["mentor"]),
                ("Context", r["context"]),
                ("Introduced on", day(r["introduced_on"])),
                ("Met on", day(r["met_on"]) or "not yet"),
                ("How it went", r["met_note"]),
                ("Thanked on", day(r["thanked_on"]) or "not yet"),
            ],
        )
    )


# ---------------------------------------------------------------- check-ins


def checkins_table(rows: list[Row]) -> None:
    table = _table("ID", "Date", "Mentor", "Rating", "Working", "To change")
    for r in rows:
        table.add_row(
            ref(r["id"]),
            day(r["on"]),
            e(r["mentor"]),
            _stars(r["rating"]),
            e(r["working"]),
            e(r["change"]),
        )
    show_table(
        table,
        'No check-ins yet. Rate the relationship: mentorlog checkin add alex --rating 4 --change "more async"',
    )


def checkin_detail(r: Row) -> None:
    console_print(
        _fields(
            f"Check-in #{r['id']}",
            [
                ("Mentor", r["mentor"]),
                ("Date", day(r["on"])),
                ("Rating", _stars(r["rating"])),
                ("Working", r["working"]),
                ("To change", r["change"]),
            ],
        )
    )


def console_print(renderable: Any) -> None:
    from mentorlog.render.output import console

    console().print(renderable)
