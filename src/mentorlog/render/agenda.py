"""prep, review and status as terminal text (Rich) and as Markdown to send ahead."""

from __future__ import annotations

from datetime import date
from typing import Any

from mentorlog.render.output import console
from mentorlog.render.views import bar, when

Data = dict[str, Any]
FIRST_RUN = """Welcome to mentorlog — your journal is empty.

  1. Add a mentor:     mentorlog mentor add "Alex Chen" --focus "system design" --cadence biweekly
  2. Set a goal:       mentorlog goal add "Lead a design review" --by eoq --measure "one review led"
  3. Queue a question: mentorlog ask "How do I push back on scope?"
  4. Before meeting:   mentorlog prep
  5. After meeting:    mentorlog log

Try it on sample data first: mentorlog demo"""


def _e(value: Any) -> str:
    from rich.markup import escape

    return escape(str(value)) if value is not None else ""


def _ago(days: int | None) -> str:
    if days is None:
        return "never"
    return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"


def _section(out, title: str, lines: list[str], empty: str | None = None) -> None:
    """A heading and its items; long items wrap under their own text, not under the margin."""
    from rich.table import Table

    if not lines and empty is None:
        return
    out.print()
    out.print(f"[bold]{title}[/bold]")
    grid = Table.grid(padding=(0, 0))
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines or [f"[dim]{empty}[/dim]"]:
        grid.add_row("", line)
    out.print(grid)


def report_lines(report: Data) -> list[str]:
    lines = [
        f"✓ Milestone: {_e(m['title'])} [dim](goal #{m['goal_id']})[/dim]"
        for m in report["milestones_done"]
    ]
    lines += [
        f"✓ #{a['id']} {_e(a['text'])}" + (f" → {_e(a['result'])}" if a["result"] else "")
        for a in report["actions_done"]
    ]
    lines += [
        f"✓ Applied advice #{a['id']} {_e(a['text'])}"
        + (f" → {_e(a['outcome'])}" if a["outcome"] else "")
        for a in report["advice_applied"]
    ]
    lines += [
        f"★ {_e(w['text'])}"
        for w in report["wins"]
        if not w["text"].startswith("Reached milestone")
    ]
    lines += [f"✓ Read {_e(r['title'])}" for r in report["resources_done"]]
    return lines


def _action_line(a: Data, today: date | None = None) -> str:
    if a.get("overdue"):
        return f"[red]! #{a['id']} {_e(a['text'])} — overdue, due {a['due']}[/red]"
    return f"· #{a['id']} {_e(a['text'])}" + (
        f" [dim]— due {when(a['due'], today)}[/dim]" if a["due"] else ""
    )


def _goal_line(g: Data) -> str:
    nxt = g["next_milestone"]
    parts = [
        f"#{g['id']} {_e(g['title'])}  {bar(g['progress'])} {g['milestones_done']}/{g['milestones_total']}"
    ]
    if nxt:
        parts.append(
            f"    next: {_e(nxt['title'])}" + (f" (due {nxt['due']})" if nxt["due"] else "")
        )
    if g["flags"]:
        parts.append(f"    [yellow]{' · '.join(g['flags'])}[/yellow]")
    return "\n  ".join(parts)


def prep_text(data: Data) -> None:
    out = console()
    m = data["mentor"]
    out.print(
        f"[bold]Prep for {_e(m['name'])}[/bold]" + (f" — {_e(m['focus'])}" if m["focus"] else "")
    )
    due = when(m["next_due"]) if m["next_due"] else "not planned"
    out.print(
        f"{m['cadence']} · last met {_ago(m['days_since_last'])} · next due {due} · [bold]{m['status']}[/bold]"
    )
    _section(
        out,
        f"Report back (since {data['since']})",
        report_lines(data["report_back"]),
        "nothing new yet",
    )
    _section(out, "Open commitments", [_action_line(a) for a in data["open_actions"]], "none open")
    _section(out, "Goals", [_goal_line(g) for g in data["goals"]], "no active goals")
    _section(
        out,
        "Questions",
        [f"? #{q['id']} {_e(q['text'])}" for q in data["questions"]],
        "none queued",
    )
    _section(
        out,
        "Advice still pending",
        [f"#{a['id']} {_e(a['text'])} ({a['status']})" for a in data["pending_advice"]],
    )
    _section(out, "Suggestions", [f"→ {_e(s)}" for s in data["suggestions"]])


def prep_markdown(data: Data) -> str:
    """An agenda to paste into an email; suggestions stay private and are left out."""
    m = data["mentor"]
    lines = [f"# Meeting prep: {m['name']}", ""]
    facts = [f"**Cadence:** {m['cadence']}", f"**Last met:** {m['last_met'] or 'not yet'}"]
    if m["focus"]:
        facts.insert(0, f"**Focus:** {m['focus']}")
    lines += [" · ".join(facts), ""]
    report = data["report_back"]
    since = [
        f"- Reached milestone **{x['title']}** ({x['goal']})" for x in report["milestones_done"]
    ]
    since += [
        f"- Done: {a['text']}" + (f" — {a['result']}" if a["result"] else "")
        for a in report["actions_done"]
    ]
    since += [
        f'- Applied your advice "{a["text"]}"' + (f" — {a['outcome']}" if a["outcome"] else "")
        for a in report["advice_applied"]
    ]
    since += [
        f"- {w['text']}" for w in report["wins"] if not w["text"].startswith("Reached milestone")
    ]
    since += [f"- Finished {r['title']}" for r in report["resources_done"]]
    blocks = [
        ("Since we last met", since),
        (
            "Open commitments",
            [
                f"- [ ] {a['text']}"
                + (f" (due {a['due']}{', overdue' if a['overdue'] else ''})" if a["due"] else "")
                for a in data["open_actions"]
            ],
        ),
        (
            "Goals",
            [
                f"- **{g['title']}** — {round(g['progress'] * 100)}% ({g['milestones_done']}/{g['milestones_total']} milestones)"
                + (f"; next: {g['next_milestone']['title']}" if g["next_milestone"] else "")
                + (
                    f" (due {g['next_milestone']['due']})"
                    if g["next_milestone"] and g["next_milestone"]["due"]
                    else ""
                )
                for g in data["goals"]
            ],
        ),
        ("Questions", [f"{i}. {q['text']}" for i, q in enumerate(data["questions"], 1)]),
        (
            "Advice I'm still working on",
            [f"- {a['text']} ({a['status']})" for a in data["pending_advice"]],
        ),
    ]
    for title, items in blocks:
        if items:
            lines += [f"## {title}", "", *items, ""]
    return "\n".join(lines).rstrip() + "\n"


def review_text(data: Data) -> None:
    out = console()
    period = data["period"]
    out.print(
        f"[bold]Review {period['start']} → {period['end']}[/bold]  ·  streak: {data['streak_weeks']} week(s) with an action done"
    )
    _section(
        out,
        f"Done ({len(data['actions_done'])})",
        [
            f"✓ #{a['id']} {_e(a['text'])}" + (f" → {_e(a['result'])}" if a["result"] else "")
            for a in data["actions_done"]
        ],
        "no actions done",
    )
    _section(
        out,
        "Overdue",
        [
            f"[red]! #{a['id']} {_e(a['text'])} (due {a['due']})[/red]"
            for a in data["actions_overdue"]
        ],
    )
    _section(
        out,
        "Due in the next 7 days",
        [f"· #{a['id']} {_e(a['text'])} (due {a['due']})" for a in data["actions_due_next"]],
    )
    _section(
        out,
        "Milestones reached",
        [f"✓ {_e(m['title'])} [dim]({_e(m['goal'])})[/dim]" for m in data["milestones_done"]],
    )
    _section(
        out,
        "Goals",
        [
            f"#{g['id']} {_e(g['title'])}  {bar(g['progress'])}"
            + (
                f"  [green]+{round(g['progress_delta'] * 100)}%[/green]"
                if g["progress_delta"] > 0
                else ""
            )
            + ("  [bold]achieved[/bold]" if g["status"] == "achieved" else "")
            for g in data["goals"]
        ],
    )
    _section(
        out, "Meetings", [f"{m['held_at'][:10]} with {_e(m['mentor'])}" for m in data["meetings"]]
    )
    _section(
        out,
        "Advice received",
        [
            f"#{a['id']} {_e(a['text'])} [dim]({_e(a['mentor'])})[/dim]"
            for a in data["advice_received"]
        ],
    )
    _section(
        out,
        "Advice applied",
        [
            f"#{a['id']} {_e(a['text'])}" + (f" → {_e(a['outcome'])}" if a["outcome"] else "")
            for a in data["advice_applied"]
        ],
    )
    _section(out, "Wins", [f"★ {_e(w['text'])}" for w in data["wins"] if w["milestone_id"] is None])
    _section(
        out,
        "Mentors",
        [
            f"{_e(m['name'])}: {m['status']}"
            + (f", next due {m['next_due']}" if m["next_due"] else "")
            for m in data["mentors"]
        ],
    )
    if data["reflection"]:
        r = data["reflection"]
        _section(
            out, f"Reflection ({r['period']['start']} → {r['period']['end']})", [_e(r["text"])]
        )
    _section(out, "To reflect on", [f"- {_e(p)}" for p in data["prompts"]])


def review_markdown(data: Data) -> str:
    period = data["period"]
    lines = [
        f"# Weekly review {period['start']} → {period['end']}",
        "",
        f"Streak: {data['streak_weeks']} week(s)",
        "",
    ]
    blocks = [
        (
            "Done",
            [
                f"- {a['text']}" + (f" — {a['result']}" if a["result"] else "")
                for a in data["actions_done"]
            ],
        ),
        ("Overdue", [f"- {a['text']} (due {a['due']})" for a in data["actions_overdue"]]),
        ("Coming up", [f"- {a['text']} (due {a['due']})" for a in data["actions_due_next"]]),
        ("Milestones reached", [f"- {m['title']} ({m['goal']})" for m in data["milestones_done"]]),
        (
            "Goals",
            [
                f"- {g['title']}: {round(g['progress'] * 100)}% ({g['progress_delta'] * 100:+.0f}%)"
                for g in data["goals"]
            ],
        ),
        ("Meetings", [f"- {m['held_at'][:10]} with {m['mentor']}" for m in data["meetings"]]),
        (
            "Advice applied",
            [
                f"- {a['text']}" + (f" — {a['outcome']}" if a["outcome"] else "")
                for a in data["advice_applied"]
            ],
        ),
        ("Wins", [f"- {w['text']}" for w in data["wins"]]),
        ("Reflection", [data["reflection"]["text"]] if data["reflection"] else []),
    ]
    for title, items in blocks:
        if items:
            lines += [f"## {title}", "", *items, ""]
    return "\n".join(lines).rstrip() + "\n"


def _limited(items: list[str], limit: int) -> list[str]:
    return items[:limit] + (
        [f"[dim]… and {len(items) - limit} more[/dim]"] if len(items) > limit else []
    )


def status_text(data: Data) -> None:
    """The dashboard; it fits 24 lines by showing at most a few items per section."""
    out = console()
    if data["empty"]:
        out.print(_e(FIRST_RUN))
        return
    mentors = [
        f"{_e(m['name'])}: [bold]{m['status']}[/bold]"
        + (f" · next {when(m['next_due'])}" if m["next_due"] else "")
        + (f" · last met {_ago(m['days_since_last'])}" if m["last_met"] else "")
        for m in data["mentors"]
    ]
    out.print(f"[bold]mentorlog[/bold] · {data['today']}")
    _section(out, "Meetings", _limited(mentors, 4), "no active mentors")
    _section(
        out,
        "Overdue",
        _limited([_action_line({**a, "overdue": True}) for a in data["actions_overdue"]], 4),
    )
    _section(
        out, "Due this week", _limited([_action_line(a) for a in data["actions_due_this_week"]], 4)
    )
    goals = [
        f"#{g['id']} {_e(g['title'])}  {bar(g['progress'])} {g['milestones_done']}/{g['milestones_total']}"
        for g in data["goals"]
    ]
    _section(out, "Goals", _limited(goals, 4), "no active goals")
