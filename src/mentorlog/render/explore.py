"""search, timeline and brag for people: plain lines when piped, Rich (imported only here) on a
terminal, and the brag document in Markdown."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

MATCH_STYLE = "bold yellow"  # on a terminal; NO_COLOR keeps the bold


def _day(on: str | None) -> str:
    """A day in config's date_format; a moment (meetings) in local time, to the minute."""
    if not on:
        return ""
    if len(on) <= 10:
        from mentorlog.config import format_day

        return format_day(on)
    from mentorlog.render.records import moment

    return moment(on)


def _on_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


def _write(lines: list[str]) -> None:
    """Plain lines to a pipe or file: no Rich to import, no styling to strip."""
    import sys

    from mentorlog.render.output import safe

    sys.stdout.write(safe("\n".join(lines)) + "\n")
    sys.stdout.flush()


def print_rows(rows: list[Row]) -> None:
    """A JSON list of flat rows, one row per line: the C encoder does each row (an indented dump
    runs json's pure-Python encoder, the larger part of a long timeline's time)."""
    import json
    import sys

    from mentorlog.core.controls import json_escaped

    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # one, not one a row
    body = json_escaped(",\n".join("  " + encode(row) for row in rows))
    sys.stdout.write(f"[\n{body}\n]\n" if rows else "[]\n")
    sys.stdout.flush()


def highlighted(snippet: str):
    """A snippet as Rich Text, each match styled; user text is never read as markup."""
    from rich.text import Text

    from mentorlog.core.snippets import MARK_CLOSE, MARK_OPEN
    from mentorlog.render.output import safe

    text = Text()  # split on the marks first: safe() would show them as \x02 and \x03
    for index, part in enumerate(snippet.split(MARK_OPEN)):
        if index == 0:
            text.append(safe(part.replace(MARK_CLOSE, "")))
            continue
        match, _, rest = part.partition(MARK_CLOSE)
        text.append(safe(match), style=MATCH_STYLE)
        text.append(safe(rest.replace(MARK_CLOSE, "")))
    return text


def _search_heading(r: Row) -> str:
    return "  ".join(
        part for part in (f"{r['kind']} #{r['id']}", _day(r["on"]), r["mentor"]) if part
    )


def search_results(rows: list[Row]) -> None:
    """Best match first, two lines each: what and when, then the match in context (highlighted on a
    terminal, plain text when piped). No match prints nothing; the exit status is 0 either way."""
    if not rows:
        return
    if not _on_terminal():
        from mentorlog.core.snippets import plain

        _write([line for r in rows for line in (_search_heading(r), f"  {plain(r['snippet'])}")])
        return
    from rich.text import Text

    from mentorlog.render.output import console, safe

    out = Text()
    for r in rows:
        out.append(safe(_search_heading(r)) + "\n", style="bold")
        out.append("  ")
        out.append_text(highlighted(r["snippet"]))
        out.append("\n")
    console().print(out, end="")


def _timeline_line(r: Row) -> str:
    line = f"{_day(r['on']):<16}  {r['kind']:<14}  #{r['id']:<5} {r['text']}"
    return line + (f" ({r['mentor']})" if r["mentor"] else "")


def timeline_lines(rows: list[Row], start: str, end: str) -> None:
    """One line per event, oldest first; on a terminal each line is cut to its width."""
    if not rows:
        from mentorlog.render.output import say

        say(f"Nothing recorded between {start} and {end}. Widen it: mentorlog timeline --since -1y")
        return
    lines = [_timeline_line(r) for r in rows]
    if not _on_terminal():
        _write(lines)
        return
    from rich.text import Text

    from mentorlog.render.output import console, safe

    console().print(Text(safe("\n".join(lines))), no_wrap=True, overflow="ellipsis", crop=True)


# ------------------------------------------------------------------ brag

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
HEADINGS = {
    "wins": "Wins",
    "milestones_done": "Milestones reached",
    "goals_achieved": "Goals achieved",
    "praise": "Praise received",
    "advice_outcomes": "Advice applied, and what came of it",
    "actions_with_results": "Actions done, and their results",
}


HIGHLIGHTS = ("goals_achieved", "praise")  # led with, before the monthly detail


def _flat(text: str | None) -> str:
    """User text on a line of the brag document: one line, escaped (render/md.py), so it can't
    change the document's structure."""
    from mentorlog.render.md import inline

    return inline(text or "")


def _brag_line(section: str, r: Row) -> str:
    if section == "milestones_done":
        line = f"{_flat(r['title'])} (goal: {_flat(r['goal'])})"
    elif section == "goals_achieved":
        line = _flat(r["title"]) + (f" — measure: {_flat(r['measure'])}" if r["measure"] else "")
    elif section == "praise":
        line = f"“{_flat(r['text'])}”" + (f" — {_flat(r['mentor'])}" if r["mentor"] else "")
    elif section == "advice_outcomes":
        line = f"{_flat(r['text'])} → {_flat(r['outcome'])}"
    elif section == "actions_with_results":
        line = f"{_flat(r['text'])} → {_flat(r['result'])}"
    else:
        line = _flat(r["text"])
    return f"- {r['on']}: {line}"


def brag_markdown(data: Row, mentor: str | None = None) -> str:
    """One section per month, newest month first; inside it each kind of achievement, newest first."""
    sections = [name for name in HEADINGS if name in data]

    period = data["period"]
    from mentorlog.render.md import heading

    title = "# Brag document" + (f": work with {heading(mentor)}" if mentor else "")
    lines = [title, "", f"{period['start']} → {period['end']}", ""]
    highlights = [name for name in HIGHLIGHTS if data.get(name)]
    if highlights:  # what a manager should read first: goals achieved and praise, the whole period
        lines += ["## Highlights", ""]
        for section in highlights:
            lines += [f"### {HEADINGS[section]}", ""]
            lines += [_brag_line(section, r) for r in data[section]]
            lines.append("")
    months: dict[str, dict[str, list[Row]]] = {}
    for section in sections:
        if section in HIGHLIGHTS:
            continue
        for row in data[section]:
            months.setdefault(row["on"][:7], {}).setdefault(section, []).append(row)
    if not months and not highlights:
        lines.append(
            "Nothing to show for this period yet: record wins (`mentorlog win add`), finish "
            "milestones, apply advice with an outcome, and note results when actions are done."
        )
    for month in sorted(months, reverse=True):
        year, number = month.split("-")
        lines += [f"## {MONTHS[int(number) - 1]} {year}", ""]
        for section in sections:
            rows = months[month].get(section)
            if rows:
                lines += [f"### {HEADINGS[section]}", ""]
                lines += [_brag_line(section, r) for r in rows]
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
