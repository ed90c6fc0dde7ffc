"""The Markdown template `log` opens in the editor, pre-filled from the agenda, and its parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mentorlog.core.dates import extract_due, parse_date, parse_datetime
from mentorlog.core.fields import MINUTES
from mentorlog.core.vocab import MEETING_MODES
from mentorlog.errors import UsageProblem

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TICK = re.compile(r"^-\s*\[([ xX])\]\s*#(\d+)\b")
_RESULT = re.compile(r"(?:→|->)\s*(.*)$")  # `- [x] #12 Draft the RFC → shipped it`
_BULLET = re.compile(r"^[-*]\s+(?!\[[ xX]\])(.*)$")


def build_template(
    mentor: str,
    when: datetime,
    agenda: dict[str, list[dict[str, Any]]],
    given: dict[str, Any] | None = None,
) -> str:
    """A template to fill in: tick what was covered; add advice, feedback, actions, resources and
    introductions; set the next date.

    `given` pre-fills it with what `log -e` got on the command line: `mode`, `minutes`, `notes`,
    `next` (as typed), and lists `advice`, `actions` (as typed, `due:` included), `discussed` (ids,
    ticked), `feedback`, `resources`, `intros`.
    """
    given = given or {}

    def items(key: str) -> str:
        return "".join(f"- {text}\n" for text in given.get(key) or ())

    covered = set(given.get("discussed") or ())
    actions = "\n".join(
        f"- [ ] #{a['id']} {a['text']}" + (f" (due {a['due']})" if a.get("due") else "")
        for a in agenda.get("open_actions", [])
    )
    queued = agenda.get("questions", [])
    questions = "\n".join(
        f"- [{'x' if q['id'] in covered else ' '}] #{q['id']} {q['text']}" for q in queued
    )
    others = sorted(covered - {q["id"] for q in queued})
    if others:  # covered questions the agenda doesn't list (another mentor's, say): ticked by id
        questions = "\n".join([questions, *(f"- [x] #{i}" for i in others)]).strip("\n")
    pending = "\n".join(
        f"- #{p['id']} {p['text']} ({p['status']})" for p in agenda.get("pending_advice", [])
    )
    notes = (given.get("notes") or "").strip()
    minutes = given.get("minutes")
    goal = given.get("goal")
    goals = agenda.get("goals", [])
    goal_hint = (
        "\n<!-- Goal: the one this meeting was about (its advice and actions link to it): "
        + ", ".join(f"#{g['id']} {g['title']}" for g in goals)
        + " -->"
        if goals
        else ""
    )
    nothing = "Empty the file" if any(given.values()) else "Leave it untouched"
    return f"""# Meeting with {mentor}
<!-- Fill in what you need, save and close. {nothing} to record nothing.
     Text between these comment marks is ignored. -->

When: {when.strftime("%Y-%m-%d %H:%M")}
Mode: {given.get("mode") or "video"}
Minutes:{f" {minutes}" if minutes else ""}
Goal:{f" #{goal}" if goal else ""}{goal_hint}

## Notes
{notes + chr(10) if notes else ""}

## Advice
<!-- One piece of advice per line: "- Write the decision log first" -->
{items("advice")}
## Feedback
<!-- Feedback you received, one per line: "- Your updates bury the decision" (taken as
     constructive, to act on); praise starts with "praise:": "- praise: the demo was clear" -->
{items("feedback")}{"".join(f"- praise: {p}" + chr(10) for p in given.get("praise") or ())}
## Actions
<!-- New commitments, one per line: "- Draft the RFC due:+2w" (relative dates count from When).
     Tick an open one to mark it done, with what came of it: "- [x] #12 ... → shipped it" -->
{items("actions")}{actions}

## Questions covered
<!-- Tick the questions you discussed. -->
{questions}

## Resources
<!-- Books, articles, talks... recommended, one title per line: "- The Staff Engineer's Path" -->
{items("resources")}
## Introductions
<!-- People you were introduced to, one per line: "- Dana Lee" -->
{items("intros")}
## Pending advice
<!-- For reference only: advice you are still trying. -->
{pending}

## Next meeting
<!-- A date (2026-12-05, +2w, fri; relative dates count from When); empty: your cadence decides. -->
{given.get("next") or ""}
"""


@dataclass
class FilledTemplate:
    held_at: datetime
    mode: str
    minutes: int | None
    notes: str
    advice: list[str] = field(default_factory=list)
    actions: list[tuple[str, date | None]] = field(default_factory=list)
    done_actions: list[int] = field(default_factory=list)
    discussed: list[int] = field(default_factory=list)
    next_date: date | None = None
    feedback: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    intros: list[str] = field(default_factory=list)
    done_results: dict[int, str] = field(default_factory=dict)  # `- [x] #12 ... → result`
    goal_id: int | None = None  # `Goal: #3` in the header
    praise: list[str] = field(default_factory=list)  # `- praise: ...` in Feedback


SECTIONS = frozenset(
    (
        "notes",
        "advice",
        "feedback",
        "actions",
        "questions covered",
        "resources",
        "introductions",
        "pending advice",
        "next meeting",
    )
)


def _sections(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The header lines and each section's lines. A heading that is not one of the template's
    (`## Decisions` inside the notes) stays text of the section it is in, never dropped."""
    header: list[str] = []
    sections: dict[str, list[str]] = {}
    current = header
    for line in text.splitlines():
        name = line[3:].strip().lower() if line.startswith("## ") else None
        if name in SECTIONS:
            current = sections.setdefault(name, [])
        elif current is not header or not line.startswith("# "):
            current.append(line)
    return header, sections


def parse_template(text: str, now: datetime | None = None, week_start: int = 0) -> FilledTemplate:
    """Read a filled-in template; a line that can't be read is an error naming it. Relative
    dates in it count from the meeting's day, with weeks starting on `week_start`."""
    header, sections = _sections(_COMMENT.sub("", text))
    fields = {}
    for line in header:
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    held_at = parse_datetime(fields.get("when") or "now", now, week_start)
    mode = (fields.get("mode") or "video").lower()
    if mode not in MEETING_MODES:
        raise UsageProblem(f"Mode: {mode!r} is not one of {', '.join(MEETING_MODES)}")
    minutes_text = fields.get("minutes") or ""
    low, high = MINUTES
    if minutes_text and not (minutes_text.isdigit() and low <= int(minutes_text) <= high):
        raise UsageProblem(f"Minutes: {minutes_text!r} is not a number of minutes")
    goal_text = (fields.get("goal") or "").lstrip("#").strip()
    goal_id = None
    if goal_text:
        first = goal_text.split()[0].lstrip("#")
        if not (first.isascii() and first.isdigit()):
            raise UsageProblem(
                f"Goal: {goal_text!r} is not a goal id; write it as '#3' or leave it empty"
            )
        goal_id = int(first)
    filled = FilledTemplate(
        held_at=held_at,
        mode=mode,
        minutes=int(minutes_text) if minutes_text else None,
        notes="\n".join(sections.get("notes", [])).strip(),
        goal_id=goal_id,
    )
    for key, items in (
        ("advice", filled.advice),
        ("feedback", filled.feedback),
        ("resources", filled.resources),
        ("introductions", filled.intros),
    ):
        items.extend(_unbullet(line) for line in _items(sections.get(key, [])))
    praised = [f for f in filled.feedback if f.lower().startswith("praise:")]
    filled.feedback = [f for f in filled.feedback if f not in praised]
    filled.praise = [f.partition(":")[2].strip() for f in praised]
    for line in _items(sections.get("actions", [])):
        if m := _TICK.match(line):
            if m[1].lower() == "x":
                filled.done_actions.append(int(m[2]))
                if (r := _RESULT.search(line, m.end())) and r[1].strip():
                    filled.done_results[int(m[2])] = r[1].strip()
        else:
            filled.actions.append(extract_due(_unbullet(line), held_at.date(), week_start))
    for line in _items(sections.get("questions covered", [])):
        if (m := _TICK.match(line)) and m[1].lower() == "x":
            filled.discussed.append(int(m[2]))
    next_lines = _items(sections.get("next meeting", []))
    if next_lines:
        filled.next_date = parse_date(
            next_lines[0].lstrip("-* ").strip(), held_at.date(), week_start
        )
    return filled


def _unbullet(line: str) -> str:
    m = _BULLET.match(line)
    return (m[1] if m else line).strip()


def _items(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip() and line.strip() not in ("-", "*")]
