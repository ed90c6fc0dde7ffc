"""`export --format markdown`: the whole journal as one document to read or print.

Mentors, goals with their milestones, then meetings in date order with the advice, actions and
questions recorded there; then what belongs to no meeting and the other record kinds, in short
sections. Headings nest strictly (#, ##, ###, ####) and user text never changes the structure
(render/md.py): one-line fields are flattened and escaped, free text (meeting notes, reflections)
is quoted line by line, escaped.
"""

from __future__ import annotations

import re
from typing import Any

from mentorlog.core import clock
from mentorlog.render import md

Row = dict[str, Any]
_flat = md.inline  # one line of user text, escaped: runs of whitespace become single spaces
_quote = md.quote  # free text (Markdown of its own) as a quote that can't change the document


_AUTOLINK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*")


def _url(url: str) -> str:
    """An absolute URL as a CommonMark autolink; anything else as escaped text (inside `<...>`
    it could end the autolink early and start HTML)."""
    return f"<{url}>" if _AUTOLINK.fullmatch(url) else _flat(url)


def _moment(value: str) -> str:
    return clock.to_local(clock.parse_stored(value)).strftime("%Y-%m-%d %H:%M")


def _join(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p)


class _Doc:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def heading(self, level: int, text: str) -> None:
        """`text` is the document's own, with any user text in it passed through md.heading."""
        self.lines += ["#" * level + " " + text, ""]

    def items(self, items: list[str]) -> None:
        if items:
            self.lines += [*items, ""]

    def field(self, items: list[str], name: str, value: Any) -> None:
        if value not in (None, ""):
            items.append(f"- {name}: {_flat(value)}")


def _advice_line(advice: Row, mentors: dict[int, str]) -> list[str]:
    head = _join(
        advice["status"],
        mentors.get(advice["mentor_id"]),
        advice["given_on"] and f"given {advice['given_on']}",
    )
    lines = [f"- #{advice['id']} {_flat(advice['text'])} ({head})"]
    if advice["why"]:
        lines.append(f"  - Why: {_flat(advice['why'])}")
    if advice["outcome"]:
        lines.append(f"  - Outcome: {_flat(advice['outcome'])}")
    return lines


def _action_line(action: Row) -> str:
    box = {"done": "[x]", "open": "[ ]"}.get(action["status"], "[-]")
    details = _join(
        action["due_date"] and f"due {action['due_date']}",
        action["status"] == "done" and action["done_on"] and f"done {action['done_on']}",
        action["status"] == "dropped" and "dropped",
    )
    line = f"- {box} #{action['id']} {_flat(action['text'])}" + (f" — {details}" if details else "")
    return line + (f" → {_flat(action['result'])}" if action["result"] else "")


def _by(rows: list[Row], key: str) -> dict[Any, list[Row]]:
    """Rows grouped by one column, each group in the rows' order: one pass, so the document costs
    time in proportion to the journal (scanning every action for every meeting did not)."""
    groups: dict[Any, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def export_markdown(data: dict[str, list[Row]]) -> str:
    """The document, from store.contents.journal_contents (the renderer reads no database)."""
    doc = _Doc()
    doc.heading(1, "mentorlog journal")
    doc.lines += [f"Exported {clock.today().isoformat()}.", ""]

    mentor_rows = data["mentor"]
    mentors = {m["id"]: _flat(m["name"]) for m in mentor_rows}
    titled = {m["id"]: md.heading(m["name"]) for m in mentor_rows}  # in a heading
    goals = data["goal"]

    if mentor_rows:
        doc.heading(2, "Mentors")
    for mentor in mentor_rows:
        summary = mentor["summary"]
        doc.heading(3, titled[mentor["id"]])
        items: list[str] = []
        doc.field(items, "Focus", mentor["focus"])
        cadence = _join(
            summary["cadence"],
            summary["next_due"] and f"next due {summary['next_due']}",
            summary["status"],
        )
        doc.field(items, "Cadence", cadence)
        doc.field(items, "Contact", mentor["contact"])
        doc.field(items, "Since", mentor["started_on"])
        doc.field(items, "Last met", summary["last_met"])
        doc.field(items, "Ended", mentor["ended_on"])
        doc.field(items, "Closing note", mentor["closing_note"])
        doc.items(items)

    if goals:
        doc.heading(2, "Goals")
    milestones = _by(data["milestone"], "goal_id")
    for goal in goals:
        doc.heading(3, f"#{goal['id']} {md.heading(goal['title'])}")
        items = []
        doc.field(
            items,
            "Status",
            _join(
                goal["status"],
                goal["horizon"] and f"{goal['horizon']} term",
                goal["status_note"] and _flat(goal["status_note"]),
            ),
        )
        doc.field(items, "Mentor", mentors.get(goal["mentor_id"]))
        doc.field(items, "Why", goal["why"])
        doc.field(items, "Measure", goal["measure"])
        doc.field(items, "Target", goal["target_date"])
        doc.field(items, "Achieved", goal["achieved_on"])
        doc.items(items)
        steps = milestones.get(goal["id"], [])
        if steps:
            doc.heading(4, "Milestones")
            doc.items(
                [
                    f"- {'[x]' if m['done_on'] else '[ ]'} {_flat(m['title'])}"
                    + (f" — done {m['done_on']}" if m["done_on"] else "")
                    + (f" — due {m['due_date']}" if m["due_date"] and not m["done_on"] else "")
                    + (f" ({_flat(m['note'])})" if m["note"] else "")
                    for m in steps
                ]
            )

    advice = _by(data["advice"], "meeting_id")
    actions = _by(data["action"], "meeting_id")
    topics = _by(data["topic"], "meeting_id")
    meetings = data["meeting"]
    if meetings:
        doc.heading(2, "Meetings")
    for meeting in meetings:
        doc.heading(3, f"{_moment(meeting['held_at'])} — {titled.get(meeting['mentor_id'], '?')}")
        doc.items(
            [
                "- "
                + _join(
                    f"Meeting #{meeting['id']}",
                    meeting["mode"] and _flat(meeting["mode"]),
                    meeting["minutes"] and f"{meeting['minutes']} minutes",
                    meeting["next_date"] and f"next planned {meeting['next_date']}",
                )
            ]
        )
        if meeting["notes"]:
            doc.lines += _quote(meeting["notes"])
        for title, lines in (
            (
                "Advice",
                [ln for a in advice.get(meeting["id"], []) for ln in _advice_line(a, mentors)],
            ),
            ("Actions", [_action_line(a) for a in actions.get(meeting["id"], [])]),
            (
                "Questions covered",
                [f"- #{t['id']} {_flat(t['text'])}" for t in topics.get(meeting["id"], [])],
            ),
        ):
            if lines:
                doc.heading(4, title)
                doc.items(lines)

    def section(title: str, lines: list[str]) -> None:
        if lines:
            doc.heading(2, title)
            doc.items(lines)

    section(
        "Advice outside meetings",
        [ln for a in advice.get(None, []) for ln in _advice_line(a, mentors)],
    )
    section("Actions outside meetings", [_action_line(a) for a in actions.get(None, [])])
    section(
        "Questions",
        [
            f"- #{t['id']} {_flat(t['text'])} ({_join(t['status'], mentors.get(t['mentor_id']))})"
            for t in topics.get(None, [])
        ],
    )
    section(
        "Wins",
        [f"- {w['won_on']} {_flat(w['text'])}" for w in data["win"]],
    )
    section(
        "Feedback",
        [
            f"- {f['given_on']} "
            + ("from " if f["direction"] == "received" else "to ")
            + f"{mentors.get(f['mentor_id'], '?')}: {_flat(f['text'])}"
            + (f" ({_flat(f['kind'])})" if f["kind"] else "")
            + (f" — acted on {f['acted_on']}" if f["acted_on"] else "")
            + (f": {_flat(f['acted_note'])}" if f["acted_note"] else "")
            for f in data["feedback"]
        ],
    )
    section(
        "Gave back",
        [
            f"- {c['given_on']} to {mentors.get(c['mentor_id'], '?')}: {_flat(c['text'])} ({c['kind']})"
            for c in data["contribution"]
        ],
    )
    section(
        "Resources",
        [
            f"- {md.guard(_flat(r['title']))} "
            f"({_join(r['kind'], r['status'], mentors.get(r['mentor_id']))})"
            + (f" {_url(r['url'])}" if r["url"] else "")
            + (f" — {_flat(r['takeaway'])}" if r["takeaway"] else "")
            for r in data["resource"]
        ],
    )
    section(
        "Introductions",
        [
            f"- {md.guard(_flat(i['person']))}, introduced by {mentors.get(i['mentor_id'], '?')}"
            + (f" on {i['introduced_on']}" if i["introduced_on"] else "")
            + (f" ({_flat(i['context'])})" if i["context"] else "")
            + (f"; met {i['met_on']}" if i["met_on"] else "; not met yet")
            + (f": {_flat(i['met_note'])}" if i["met_note"] else "")
            + (f"; thanked {i['thanked_on']}" if i["thanked_on"] else "")
            for i in data["introduction"]
        ],
    )
    section(
        "Check-ins",
        [
            f"- {c['checked_on']} {mentors.get(c['mentor_id'], '?')}: {c['rating']}/5"
            + (f"; works: {_flat(c['working'])}" if c["working"] else "")
            + (f"; change: {_flat(c['change'])}" if c["change"] else "")
            for c in data["checkin"]
        ],
    )
    reflections = data["reflection"]
    if reflections:
        doc.heading(2, "Reflections")
    for reflection in reflections:
        doc.heading(3, f"{reflection['period_start']} → {reflection['period_end']}")
        doc.lines += _quote(reflection["text"])
    if not (mentor_rows or goals):
        doc.lines += ["Nothing recorded yet: start with `mentorlog mentor add NAME`.", ""]
    return "\n".join(doc.lines).rstrip("\n") + "\n"
