"""prep, review and status as terminal text (Rich) and as Markdown to send ahead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from mentorlog.render import md
from mentorlog.render.output import plural
from mentorlog.render.records import bar, day, when
from mentorlog.render.screen import Screen

Data = dict[str, Any]
FIRST_RUN = """Welcome to mentorlog — your journal is empty.

  1. Add a mentor:     mentorlog mentor add "Alex Chen" --focus "system design" --cadence biweekly
  2. Set a goal:       mentorlog goal add "Lead a design review" --by eoq --measure "one review led"
  3. Queue a question: mentorlog ask "How do I push back on scope?"
  4. Before meeting:   mentorlog prep
  5. After meeting:    mentorlog log

Try it on sample data first: mentorlog demo"""


def _e(value: Any) -> str:
    from mentorlog.render.output import safe
    from mentorlog.render.screen import escape

    return escape(safe(str(value))) if value is not None else ""


def _ago(days: int | None) -> str:
    if days is None:
        return "never"
    return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"


def _section(out, title: str, lines: list[str], empty: str | None = None) -> None:
    """A heading and its items; long items wrap under their own text, not under the margin."""
    if not lines and empty is None:
        return
    out.print()
    out.print(f"[bold]{title}[/bold]")
    for line in lines or [f"[dim]{empty}[/dim]"]:
        out.print(line, indent=2)


class Part(NamedTuple):
    """One kind of item in a section: where its rows are in the view and how one reads.

    `text` gives Rich markup (user text escaped with _e); `markdown` plain Markdown without the
    list marker, or None when the item never leaves the machine. Both work from the view data.
    """

    rows: Callable[[Data], list[Data]]
    text: Callable[[Data, Data], str]
    markdown: Callable[[Data, Data], str] | None = None


class Section(NamedTuple):
    """A heading and its parts, drawn by both the terminal and the Markdown renderer.

    Titles are str.format templates over the view data; `markdown_title` None keeps the section
    on the terminal only (suggestions, check-in ratings: private). `empty` is shown on the
    terminal when there is nothing (None: the section is left out).
    """

    title: str
    markdown_title: str | None
    parts: tuple[Part, ...]
    empty: str | None = None
    markdown_list: str = "bullets"  # or "numbered", or "plain" (paragraphs)
    capped: bool = True  # False: a section of one item (last time, the check-in, the reflection)

    @property
    def key(self) -> str:
        """The section's name for `--section` (`Report back (since …)` → report-back)."""
        return self.title.split(" (")[0].lower().replace(" ", "-")


class View(NamedTuple):
    """How much of a view to show: `limit` items per section (None: all), `more` the command
    that lists one section in full (`{key}` is replaced by the section's key), `only` one
    section's key (then in full), `charts` what the pictures need besides the view's data
    (None: --no-chart, `charts = false`, or one section asked for)."""

    limit: int | None = None
    more: str | None = None
    only: str | None = None
    budget: int | None = None  # lines the whole view may take; sections give up items to fit
    charts: Data | None = None  # draw the pictures: {week_start, goal_weeks}; None leaves them out


ALL = View()
SCREEN_LINES = 60  # prep and review fit this many lines unless --all (issue 19)


def _cut(section: Section, items: list, view: View) -> tuple[list, int]:
    """The items shown and how many were left out."""
    if view.only or view.limit is None or not section.capped or len(items) <= view.limit:
        return items, 0
    return items[: view.limit], len(items) - view.limit


def _chosen(sections: tuple[Section, ...], view: View) -> tuple[Section, ...]:
    if view.only is None:
        return sections
    return tuple(s for s in sections if s.key == view.only)


def section_keys(sections: tuple[Section, ...]) -> list[str]:
    return [s.key for s in sections]


def _at(*path: str, keep: Callable[[Data], bool] | None = None) -> Callable[[Data], list[Data]]:
    """The rows at a key path of the view (a single object or null becomes zero or one row)."""

    def rows(data: Data) -> list[Data]:
        value: Any = data
        for key in path:
            value = value[key]
        items = value if isinstance(value, list) else [] if value is None else [value]
        return [item for item in items if keep is None or keep(item)]

    return rows


def _then(value: Any, arrow: str = " → ", escape: Callable[[Any], str] = _e) -> str:
    """' → value' when there is one (an action's result, advice's outcome...); `escape` is
    Rich's (the default) or md.text for Markdown."""
    if not value:
        return ""
    return f"{arrow}{escape(value)}"


def _md_then(value: Any) -> str:
    return _then(value, " — ", md.text)


T = md.text  # user text in a Markdown item: escaped, its lines kept


def _not_milestone(win: Data) -> bool:
    return win.get("milestone_id") is None  # milestones show in their own part


def render_text(
    out, sections: tuple[Section, ...], data: Data, view: View = ALL, used: int = 0
) -> None:
    """The sections, each cut to view.limit items; with view.budget, cut further (one item at a
    time from the section taking most lines, never below one) so the whole view, with the `used`
    lines already printed above, fits the budget."""
    chosen = _chosen(sections, view)
    texts = [
        [part.text(item, data) for part in section.parts for item in part.rows(data)]
        for section in chosen
    ]
    limits = [
        len(items)
        if view.only or view.limit is None or not s.capped
        else min(view.limit, len(items))
        for s, items in zip(chosen, texts, strict=True)
    ]
    if view.budget and not view.only:
        limits = _fit_budget(out, chosen, texts, limits, view.budget - used, view.more)
    for section, items, limit in zip(chosen, texts, limits, strict=True):
        lines, left = items[:limit], len(items) - limit
        if left:
            command = f" — {view.more.format(key=section.key)}" if view.more else ""
            lines.append(f"[dim]… and {left} more{_e(command)}[/dim]")
        if lines or section.empty is not None:
            _section(out, section.title.format(**data), lines, section.empty)


def _fit_budget(
    out, sections, texts, limits: list[int], budget: int, command: str | None
) -> list[int]:
    from mentorlog.render.screen import height

    width = max(out.width - 2, 1)
    heights = [[height(t, width) for t in items] for items in texts]
    more = [
        height(f"… and {len(t)} more — {_e(command.format(key=s.key)) if command else ''}", width)
        for s, t in zip(sections, texts, strict=True)
    ]

    def cost(i: int) -> int:
        if not texts[i]:
            return 0 if sections[i].empty is None else 3
        cut = limits[i] < len(texts[i])
        return 2 + sum(heights[i][: limits[i]]) + (more[i] if cut else 0)

    while sum(cost(i) for i in range(len(sections))) > budget:
        shrinkable = [i for i, s in enumerate(sections) if s.capped and limits[i] > 1]
        if not shrinkable:
            break
        index = max(shrinkable, key=lambda i: (sum(heights[i][: limits[i]]), i))
        limits[index] -= 1
    return limits


def render_markdown(sections: tuple[Section, ...], data: Data, view: View = ALL) -> list[str]:
    lines: list[str] = []
    for section in _chosen(sections, view):
        if section.markdown_title is None:
            continue
        rows = [
            (part, item)
            for part in section.parts
            if part.markdown is not None
            for item in part.rows(data)
        ]
        rows, left = _cut(section, rows, view)
        items = [part.markdown(item, data) for part, item in rows]
        if left:
            items.append(f"… and {left} more")
        if items:
            marks = {"numbered": "{}. ", "plain": ""}.get(section.markdown_list, "- ")
            listed = [
                ln for i, item in enumerate(items, 1) for ln in md.block(item, marks.format(i))
            ]
            lines += [f"## {section.markdown_title.format(**data)}", "", *listed, ""]
    return lines


def _action_line(a: Data, today: date | None = None) -> str:
    if a.get("overdue"):
        return f"[red]! #{a['id']} {_e(a['text'])} — overdue, due {day(a['due'])}[/red]"
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
            f"    next: {_e(nxt['title'])}" + (f" (due {day(nxt['due'])})" if nxt["due"] else "")
        )
    if g["flags"]:
        details = dict(g.get("flag_details") or {})
        if nxt and details.get("due-soon") == (
            f"milestone #{nxt['id']} '{nxt['title']}' due {nxt['due']}"
        ):
            del details["due-soon"]  # the `next:` line above already says what and when
        flags = [f"{flag}: {_e(details[flag])}" if flag in details else flag for flag in g["flags"]]
        parts.append(f"    [yellow]{' · '.join(flags)}[/yellow]")
    return "\n  ".join(parts)


def _goal_markdown(g: Data, _: Data) -> str:
    nxt = g["next_milestone"]
    line = (
        f"**{T(g['title'])}** — {round(g['progress'] * 100)}% "
        f"({g['milestones_done']}/{g['milestones_total']} milestones)"
    )
    if nxt:
        line += f"; next: {T(nxt['title'])}" + (f" (due {nxt['due']})" if nxt["due"] else "")
    return line


def _intro_text(i: Data, view: Data) -> str:
    state = (
        f"[yellow]not met yet[/yellow] (introduced {day(i['introduced_on'])})"
        if i["met_on"] is None
        else f"met {day(i['met_on'])}, [yellow]not thanked yet[/yellow]"
    )
    return f"#{i['id']} {_e(i['person'])} — {state}"


def _intro_markdown(i: Data, view: Data) -> str:
    if i["met_on"] is None:
        return f"{T(i['person'])} (introduced {i['introduced_on']}): not met yet"
    return f"Thank you for introducing me to {T(i['person'])}: we met on {i['met_on']}."


NOTES_LINES = 3  # "last time" shows the previous meeting's notes in this many lines
NOTES_WIDTH = 100


def _notes_excerpt(notes: str | None) -> list[str]:
    lines = [ln.strip() for ln in (notes or "").splitlines() if ln.strip()]
    shown = [ln if len(ln) <= NOTES_WIDTH else ln[: NOTES_WIDTH - 1] + "…" for ln in lines]
    if len(shown) > NOTES_LINES:
        shown = shown[:NOTES_LINES]
        shown[-1] += " …"
    return shown


def _last(key: str) -> Callable[[Data], list[Data]]:
    def rows(data: Data) -> list[Data]:
        last = data.get("last_time")
        if not last:
            return []
        return [last] if key == "" else last[key]

    return rows


def _last_notes_text(t: Data, _: Data) -> str:
    head = f"[dim]meeting #{t['meeting_id']} on {day(t['on'])}[/dim]"
    return "\n".join([head, *(_e(ln) for ln in _notes_excerpt(t["notes"]))])


def _auto_goal_win(win: Data, data: Data) -> bool:
    achieved = {g["id"] for g in data["report_back"].get("goals_achieved", [])}
    return win.get("goal_id") in achieved and win.get("source") == "goal"


def _wins(data: Data) -> list[Data]:
    """Wins that aren't already said by a milestone or goal line above them."""
    return [
        w for w in data["report_back"]["wins"] if _not_milestone(w) and not _auto_goal_win(w, data)
    ]


def _advice_applied(data: Data) -> list[Data]:
    """Advice applied, with advice applied together (one outcome) on one line."""
    groups: list[Data] = []
    for item in data["report_back"]["advice_applied"]:
        if groups and item["outcome"] and groups[-1]["outcome"] == item["outcome"]:
            groups[-1]["items"].append(item)
        else:
            groups.append({"outcome": item["outcome"], "items": [item]})
    return groups


def _advice_group_text(g: Data, _: Data) -> str:
    what = "; ".join(f"#{a['id']} {_e(a['text'])}" for a in g["items"])
    return f"✓ Applied advice {what}{_then(g['outcome'])}"


def _advice_group_markdown(g: Data, _: Data) -> str:
    what = ", ".join(f'"{T(a["text"])}"' for a in g["items"])
    return f"Applied your advice {what}{_md_then(g['outcome'])}"


def _feedback_pending_text(f: Data, data: Data) -> str:
    kind = f["kind"] or "not categorised"
    return f"#{f['id']} {_e(f['text'])} [dim]({kind}, {day(f['given_on'])})[/dim]"


PREP_SECTIONS = (
    Section(
        "Last time",
        "Last time",
        (
            Part(_last(""), _last_notes_text),
            Part(
                _last("advice"),
                lambda a, d: f"{_e(d['mentor']['name'])} advised: #{a['id']} {_e(a['text'])}",
                lambda a, _: f"You advised: {T(a['text'])}",
            ),
            Part(
                _last("feedback"),
                lambda f, d: f"{_e(d['mentor']['name'])} said: #{f['id']} {_e(f['text'])}",
                lambda f, _: f"You said: {T(f['text'])}",
            ),
        ),
        capped=False,
    ),
    Section(
        "Report back (since {since})",
        "Since we last met",
        (
            Part(
                _at("report_back", "goals_achieved"),
                lambda g, _: f"★ Achieved goal #{g['id']} {_e(g['title'])}",
                lambda g, _: f"Achieved my goal **{T(g['title'])}**",
            ),
            Part(
                _at("report_back", "milestones_done"),
                lambda m, _: f"✓ Milestone: {_e(m['title'])} [dim](goal #{m['goal_id']})[/dim]",
                lambda m, _: f"Reached milestone **{T(m['title'])}** ({T(m['goal'])})",
            ),
            Part(
                _at("report_back", "actions_done"),
                lambda a, _: f"✓ #{a['id']} {_e(a['text'])}{_then(a['result'])}",
                lambda a, _: f"Done: {T(a['text'])}{_md_then(a['result'])}",
            ),
            Part(_advice_applied, _advice_group_text, _advice_group_markdown),
            Part(
                _wins,
                lambda w, _: f"★ {_e(w['text'])}",
                lambda w, _: T(w["text"]),
            ),
            Part(
                _at("report_back", "resources_done"),
                lambda r, _: f"✓ Finished #{r['id']} {_e(r['title'])}{_then(r['takeaway'])}",
                lambda r, _: f"Finished *{T(r['title'])}*{_md_then(r['takeaway'])}",
            ),
            Part(
                _at("report_back", "feedback_acted"),
                lambda f, _: f"✓ Acted on feedback #{f['id']} '{_e(f['text'])}'{_then(f['note'])}",
                lambda f, _: f'Acted on your feedback "{T(f["text"])}"{_md_then(f["note"])}',
            ),
            Part(
                _at("report_back", "intros_met"),
                lambda i, _: f"✓ Met {_e(i['person'])} (intro #{i['id']}, {day(i['met_on'])})",
                lambda i, _: f"Met {T(i['person'])} on {i['met_on']}",
            ),
        ),
        "nothing new yet",
    ),
    Section(
        "Open commitments",
        "Open commitments",
        (
            Part(
                _at("open_actions"),
                lambda a, _: _action_line(a),
                lambda a, _: (
                    f"[ ] {T(a['text'])}"
                    + (
                        f" (due {a['due']}{', overdue' if a['overdue'] else ''})"
                        if a["due"]
                        else ""
                    )
                ),
            ),
        ),
        "none open",
    ),
    Section(
        "Goals",
        "Goals",
        (Part(_at("goals"), lambda g, _: _goal_line(g), _goal_markdown),),
        "no active goals",
    ),
    Section(
        "Questions",
        "Questions",
        (
            Part(
                _at("questions"),
                lambda q, _: f"? #{q['id']} {_e(q['text'])}",
                lambda q, _: T(q["text"]),
            ),
        ),
        "none queued",
        markdown_list="numbered",
    ),
    Section(
        "Feedback to act on",
        "Feedback I'm working on",
        (
            Part(
                _at("feedback_pending"),
                _feedback_pending_text,
                lambda f, _: T(f["text"]),
            ),
        ),
    ),
    Section(
        "Advice still pending",
        "Advice I'm still working on",
        (
            Part(
                _at("pending_advice"),
                lambda a, _: f"#{a['id']} {_e(a['text'])} ({a['status']})",
                lambda a, _: f"{T(a['text'])} ({a['status']})",
            ),
        ),
    ),
    Section(
        "Resources",
        "Reading and learning",
        (
            Part(
                _at("resources"),
                lambda r, _: f"#{r['id']} {_e(r['title'])} ({r['status']})",
                lambda r, _: f"*{T(r['title'])}* ({r['status']})",
            ),
        ),
    ),
    Section(
        "Introductions",
        "Introductions",
        (Part(_at("introductions"), _intro_text, _intro_markdown),),
    ),
    Section(
        "Last check-in",
        None,
        (
            Part(
                _at("last_checkin"), lambda c, _: f"{c['on']}: rated the mentorship {c['rating']}/5"
            ),
        ),
        capped=False,
    ),
    Section("Suggestions", None, (Part(_at("suggestions"), lambda s, _: f"→ {_e(s)}"),)),
)


def prep_text(data: Data, view: View = ALL) -> None:
    out = Screen()
    m = data["mentor"]
    out.print(
        f"[bold]Prep for {_e(m['name'])}[/bold]" + (f" — {_e(m['focus'])}" if m["focus"] else "")
    )
    due = when(m["next_due"]) if m["next_due"] else "not planned"
    next_part = "" if m["status"] == "ended" else f" · next due {due}"
    out.print(
        f"{m['cadence']} · last met {_ago(m['days_since_last'])}{next_part} · [bold]{m['status']}[/bold]"
    )
    render_text(out, PREP_SECTIONS, data, view, used=len(out.lines))
    out.close()


def prep_markdown(data: Data, view: View = ALL) -> str:
    """An agenda to paste into an email; suggestions and check-ins stay private and are left out."""
    m = data["mentor"]
    lines = [f"# Meeting prep: {md.heading(m['name'])}", ""]
    facts = [f"**Cadence:** {m['cadence']}", f"**Last met:** {m['last_met'] or 'not yet'}"]
    if m["focus"]:
        facts.insert(0, f"**Focus:** {md.inline(m['focus'])}")
    lines += [" · ".join(facts), "", *render_markdown(PREP_SECTIONS, data, view)]
    return "\n".join(lines).rstrip() + "\n"


def _feedback_text(f: Data, _: Data) -> str:
    way = f"from {_e(f['mentor'])}" if f["direction"] == "received" else f"to {_e(f['mentor'])}"
    kind = f", {f['kind']}" if f["kind"] else ""
    return f"#{f['id']} {_e(f['text'])} [dim]({way}{kind})[/dim]"


def _feedback_markdown(f: Data, _: Data) -> str:
    way = f"from {T(f['mentor'])}" if f["direction"] == "received" else f"to {T(f['mentor'])}"
    return f"{T(f['text'])} ({way}{', ' + T(f['kind']) if f['kind'] else ''})"


def _checkin_line(c: Data, _: Data, escape: Callable[[Any], str] = _e) -> str:
    notes = [f"works: {escape(c['working'])}" if c["working"] else "",
             f"change: {escape(c['change'])}" if c["change"] else ""]  # fmt: skip
    detail = "; ".join(n for n in notes if n)
    return f"{escape(c['mentor'])} {c['rating']}/5 on {day(c['on'])}" + (
        f" — {detail}" if detail else ""
    )


REVIEW_SECTIONS = (
    Section(
        "Done ({actions_done_count})",
        "Done",
        (
            Part(
                _at("actions_done"),
                lambda a, _: f"✓ #{a['id']} {_e(a['text'])}{_then(a['result'])}",
                lambda a, _: f"{T(a['text'])}{_md_then(a['result'])}",
            ),
        ),
        "no actions done",
    ),
    Section(
        "Overdue",
        "Overdue",
        (
            Part(
                _at("actions_overdue"),
                lambda a, _: f"[red]! #{a['id']} {_e(a['text'])} (due {day(a['due'])})[/red]",
                lambda a, _: f"{T(a['text'])} (due {a['due']})",
            ),
        ),
    ),
    Section(
        "Due in the next 7 days",
        "Coming up",
        (
            Part(
                _at("actions_due_next"),
                lambda a, _: f"· #{a['id']} {_e(a['text'])} (due {day(a['due'])})",
                lambda a, _: f"{T(a['text'])} (due {a['due']})",
            ),
        ),
    ),
    Section(
        "Milestones reached",
        "Milestones reached",
        (
            Part(
                _at("milestones_done"),
                lambda m, _: f"✓ {_e(m['title'])} [dim]({_e(m['goal'])})[/dim]",
                lambda m, _: f"{T(m['title'])} ({T(m['goal'])})",
            ),
        ),
    ),
    Section(
        "Goals",
        "Goals",
        (
            Part(
                _at("goals"),
                lambda g, view: _with_spark(
                    f"#{g['id']} {_e(g['title'])}  {bar(g['progress'])}"
                    + (
                        f"  [green]+{round(g['progress_delta'] * 100)}%[/green]"
                        if g["progress_delta"] > 0
                        else ""
                    )
                    + ("  [bold]achieved[/bold]" if g["status"] == "achieved" else ""),
                    g["id"],
                    view.get("_pictures"),
                ),
                lambda g, _: (
                    f"{T(g['title'])}: {round(g['progress'] * 100)}% "
                    f"({g['progress_delta'] * 100:+.0f}%)"
                ),
            ),
        ),
    ),
    Section(
        "Meetings",
        "Meetings",
        (
            Part(
                _at("meetings"),
                lambda m, _: f"{m['held_at'][:10]} with {_e(m['mentor'])}",
                lambda m, _: f"{m['held_at'][:10]} with {T(m['mentor'])}",
            ),
        ),
    ),
    Section(
        "Advice received",
        "Advice received",
        (
            Part(
                _at("advice_received"),
                lambda a, _: f"#{a['id']} {_e(a['text'])} [dim]({_e(a['mentor'])})[/dim]",
                lambda a, _: f"{T(a['text'])} ({T(a['mentor'])})" if a["mentor"] else T(a["text"]),
            ),
        ),
    ),
    Section(
        "Advice applied",
        "Advice applied",
        (
            Part(
                _at("advice_applied"),
                lambda a, _: f"#{a['id']} {_e(a['text'])}{_then(a['outcome'])}",
                lambda a, _: f"{T(a['text'])}{_md_then(a['outcome'])}",
            ),
        ),
    ),
    Section(
        "Wins",
        "Wins",
        (
            Part(
                _at("wins", keep=_not_milestone),
                lambda w, _: f"★ {_e(w['text'])}",
                lambda w, _: T(w["text"]),
            ),
        ),
    ),
    Section("Feedback", "Feedback", (Part(_at("feedback"), _feedback_text, _feedback_markdown),)),
    Section(
        "Gave back",
        "Gave back",
        (
            Part(
                _at("gave"),
                lambda c, _: (
                    f"#{c['id']} {_e(c['text'])} [dim](to {_e(c['mentor'])}, {c['kind']})[/dim]"
                ),
                lambda c, _: f"{T(c['text'])} (to {T(c['mentor'])}, {c['kind']})",
            ),
        ),
    ),
    Section(
        "Resources finished",
        "Resources finished",
        (
            Part(
                _at("resources_done"),
                lambda r, _: f"✓ #{r['id']} {_e(r['title'])}{_then(r['takeaway'])}",
                lambda r, _: f"*{T(r['title'])}*{_md_then(r['takeaway'])}",
            ),
        ),
    ),
    Section(
        "Introductions met",
        "Introductions met",
        (
            Part(
                _at("intros_met"),
                lambda i, _: (
                    f"#{i['id']} {_e(i['person'])} [dim](via {_e(i['mentor'])}, {day(i['met_on'])})[/dim]"
                ),
                lambda i, _: f"{T(i['person'])} (via {T(i['mentor'])}, {i['met_on']})",
            ),
        ),
    ),
    Section(
        "Check-ins",
        "Check-ins",
        (
            Part(
                _at("checkins"),
                _checkin_line,
                lambda c, v: _checkin_line(c, v, escape=T),
            ),
        ),
    ),
    Section(
        "Mentors",
        None,
        (
            Part(
                _at("mentors"),
                lambda m, _: (
                    f"{_e(m['name'])}: {m['status']}"
                    + (f", next due {m['next_due']}" if m["next_due"] else "")
                ),
            ),
        ),
    ),
    Section(
        "Reflection ({reflection[period][start]} → {reflection[period][end]})",
        "Reflection",
        (
            Part(
                _at("reflection"),
                lambda r, _: _e(r["text"]),
                lambda r, _: md.text(r["text"], blank_lines=True),
            ),
        ),
        markdown_list="plain",
        capped=False,
    ),
    Section(
        "To reflect on", None, (Part(_at("prompts"), lambda p, _: f"- {_e(p)}"),), capped=False
    ),
)


def review_text(data: Data, view: View = ALL) -> None:
    out = Screen()
    period = data["period"]
    out.print(
        f"[bold]Review {period['start']} → {period['end']}[/bold]  ·  streak: "
        f"{plural(data['streak_weeks'], 'week')} with progress"
    )
    pictures = None
    if view.charts is not None and view.only is None:
        _activity(out, data["activity"], view.charts)
        pictures = _spark_room(view.charts, out)
    shown = {**data, "actions_done_count": len(data["actions_done"]), "_pictures": pictures}
    render_text(out, REVIEW_SECTIONS, shown, view, used=len(out.lines))
    out.close()


SPARK_WEEKS = 8  # a goal's line in review and status: the last 8 weeks


def _spark_room(charts: Data, out: Screen) -> Data:
    """What a goal line needs to end with its sparkline: the weeks, the glyphs, the width."""
    from mentorlog.render.charts import glyphs

    return {**charts, "width": out.width - 2, "glyphs": glyphs(out.stream)}


def _with_spark(line: str, goal_id: int, pictures: Data | None) -> str:
    """The goal's line and, when it still fits on one line, its last 8 weeks as a sparkline."""
    if not pictures or goal_id not in pictures.get("goal_weeks", {}):
        return line
    from mentorlog.render.charts import recent_spark
    from mentorlog.render.screen import height

    spark = recent_spark(pictures["goal_weeks"][goal_id], SPARK_WEEKS, pictures["glyphs"]).lstrip()
    if not spark:
        return line
    longer = f"{line}  [cyan]{spark}[/cyan]"
    return longer if height(longer, pictures["width"]) == 1 else line


def _activity(out: Screen, activity: list[Data], charts: Data) -> None:
    """The period's activity: a week strip or a calendar, under a heading with its totals."""
    from mentorlog.render import charts as draw

    lines = draw.activity_block(
        activity, out.width - 2, charts.get("week_start", 0), draw.glyphs(out.stream)
    )
    if lines:
        out.print()
        out.print(f"[bold]Activity[/bold]  [dim]{draw.summary(activity)}[/dim]")
        for line in lines:
            out.print(line, indent=2)


STATUS_CHART_WIDTH = 60  # the dashboard's calendar needs this many columns


def _status_calendar(data: Data, width: int, charts: Data | None, stream: Any) -> list[str]:
    """The dashboard's 13-week calendar in 8 lines: a heading with the month names on it, then
    a row a weekday with the legend beside the first five; [] when the terminal is narrower
    than 60 columns or the pictures are off."""
    if charts is None or width < STATUS_CHART_WIDTH or not data.get("activity"):
        return []
    from mentorlog.render import charts as draw
    from mentorlog.render.screen import parse

    g = draw.glyphs(stream)
    lines = draw.calendar(data["activity"], width - 2, charts.get("week_start", 0), g)
    if len(lines) != 8:  # the weeks did not fit whole
        return []
    heading = "Activity"
    offset = 2 + draw.LABEL  # where the grid's first column is on the screen
    months = lines[0][draw.LABEL :]
    top = list(heading.ljust(offset + len(months)))
    first = next((i for i, c in enumerate(months) if c != " "), len(months))
    gap = len(heading) + 1 - offset  # the first grid column clear of the heading
    for i, c in enumerate(months):
        if i >= gap:
            top[offset + i] = c
    if first < gap and months[gap : gap + 4].strip() == "":  # the first name moves right
        top[offset + gap : offset + gap + 3] = months[first : first + 3]
    head = "".join(top).rstrip()
    rows = [line for line in lines[1:]]
    grid = max(len(parse(line)[0]) for line in rows)
    if 2 + grid + 2 + len("█ 4+ a day") <= width:
        for n in range(5):
            pad = " " * (grid - len(parse(rows[n])[0]))
            label = "none" if n == 0 else str(n) if n < 4 else "4+ a day"
            rows[n] += f"{pad}  {draw.shade(n, g)} [dim]{label}[/dim]"
    return [f"[bold]{heading}[/bold]{head[len(heading) :]}", *rows]


def review_markdown(data: Data, view: View = ALL) -> str:
    period = data["period"]
    lines = [
        f"# Weekly review {period['start']} → {period['end']}",
        "",
        f"Streak: {plural(data['streak_weeks'], 'week')} with progress",
        "",
        *render_markdown(REVIEW_SECTIONS, data, view),
    ]
    return "\n".join(lines).rstrip() + "\n"


STATUS_LINES = 24  # the dashboard fits a classic terminal


def _fit(sections: list[tuple[str, list[str], str | None]], budget: int, width: int) -> list[int]:
    """How many items each section shows (at most 4) so that all of them fit `budget` lines.

    A section costs a blank line, its heading, its items as they wrap at this width and a
    '… and N more' line when cut; sections give up items one at a time until everything fits.
    """
    from mentorlog.render.screen import height

    heights = [[height(line, max(width - 2, 1)) for line in items] for _, items, _ in sections]
    limits = [min(4, len(items)) for _, items, _ in sections]

    def cost(index: int) -> int:
        _, items, empty = sections[index]
        if not items:
            return 0 if empty is None else 3
        return 2 + sum(heights[index][: limits[index]]) + (limits[index] < len(items))

    while sum(cost(i) for i in range(len(sections))) > budget:
        # the first section (the meetings) keeps one item and gives up items last; the others
        # may shrink to just their count, the one taking most lines first
        shrinkable = [i for i in range(len(sections)) if limits[i] > (1 if i == 0 else 0)]
        if not shrinkable:
            break
        index = max(shrinkable, key=lambda i: (i > 0, sum(heights[i][: limits[i]]), i))
        limits[index] -= 1
    return limits


def _limited(items: list[str], limit: int, command: str = "") -> list[str]:
    rest = len(items) - limit
    if rest <= 0:
        return items
    tail = f" — {_e(command)}" if command else ""
    return [
        *items[:limit],
        f"[dim]… and {rest} more{tail}[/dim]" if limit else f"[dim]… {rest} items{tail}[/dim]",
    ]


def _pending_intro(i: Data) -> str:
    state = "not met yet" if i["met_on"] is None else f"met {i['met_on']}, not thanked yet"
    return f"intro #{i['id']} {_e(i['person'])} [dim](via {_e(i['mentor'])})[/dim]: {state}"


def status_text(
    data: Data,
    everything: bool = False,
    more: str = "mentorlog status --all",
    charts: Data | None = None,
) -> None:
    """The dashboard; it fits 24 lines, showing fewer items per section when there are many
    (each cut section says how many more, and `mentorlog status --all` shows them). With
    `charts`, the last 13 weeks' calendar ends it when the terminal is 60 columns or wider."""
    out = Screen()
    if data["empty"]:
        out.print(_e(FIRST_RUN))
        out.close()
        return
    mentors = [
        f"{_e(m['name'])}: [bold]{m['status']}[/bold]"
        + (f" · next {when(m['next_due'])}" if m["next_due"] else "")
        + (f" · last met {_ago(m['days_since_last'])}" if m["last_met"] else "")
        for m in data["mentors"]
    ]
    pictures = _spark_room(charts, out) if charts is not None else None
    goals = [
        _with_spark(
            f"#{g['id']} {_e(g['title'])}  {bar(g['progress'])} {g['milestones_done']}/{g['milestones_total']}",
            g["id"],
            pictures,
        )
        for g in data["goals"]
    ]
    loop = [
        f"reading #{r['id']} {_e(r['title'])}"
        + (f" [dim]({_e(r['mentor'])})[/dim]" if r["mentor"] else "")
        for r in data["resources_in_progress"]
    ] + [_pending_intro(i) for i in data["introductions_pending"]]
    sections = [
        ("Meetings", mentors, "no active mentors"),
        ("Overdue", [_action_line({**a, "overdue": True}) for a in data["actions_overdue"]], None),
        ("Due this week", [_action_line(a) for a in data["actions_due_this_week"]], None),
        ("Goals", goals, "no active goals"),
        ("Reading and introductions", loop, None),
    ]
    out.print(f"[bold]mentorlog[/bold] · {data['today']}")
    calendar = _status_calendar(data, out.width, charts, out.stream)
    if everything:
        limits = [len(items) for _, items, _ in sections]
    else:
        limits = _fit(sections, STATUS_LINES - 1, out.width)
        drawn = 1 + len(calendar)  # a blank line, then the picture
        if calendar and (out.rows or 0) < STATUS_LINES + drawn:
            # 24 lines hold the calendar too only when every section keeps an item or more;
            # the items come first (a taller terminal has room for both)
            squeezed = _fit(sections, STATUS_LINES - 1 - drawn, out.width)
            kept = all(
                limit >= min(1, len(items))
                for limit, (_, items, _) in zip(squeezed, sections, strict=True)
            )
            limits, calendar = (squeezed, calendar) if kept else (limits, [])
    for (title, items, empty), limit in zip(sections, limits, strict=True):
        _section(out, title, _limited(items, limit, more), empty)
    if calendar:
        out.print()
        out.print(calendar[0])
        for line in calendar[1:]:
            out.print(line, indent=2)
    out.close()


def closing_text(data: Data) -> None:
    """`mentor end`: what the mentorship brought, for a proper thank-you, and what is still open."""
    out = Screen()
    m = data["mentor"]
    out.print(
        f"[bold]Concluded the mentorship with {_e(m['name'])}[/bold] "
        f"({m['started_on']} → {m['ended_on']}) · {plural(data['meetings'], 'meeting')}"
    )
    render_text(out, CLOSING_SECTIONS, {**data, "actions_done_count": len(data["actions_done"])})
    out.print()
    out.print("Consider a thank-you note: tell them what changed because of them.")
    out.close()


CLOSING_SECTIONS = (
    Section(
        "Goals achieved",
        None,
        (
            Part(
                _at("goals_achieved"),
                lambda g, _: f"★ #{g['id']} {_e(g['title'])} ({day(g['achieved_on'])})",
            ),
        ),
    ),
    Section(
        "Advice you applied",
        None,
        (
            Part(
                _at("advice_applied"),
                lambda a, _: f"✓ #{a['id']} {_e(a['text'])}{_then(a['outcome'])}",
            ),
        ),
    ),
    Section(
        "Actions done ({actions_done_count})",
        None,
        (
            Part(
                _at("actions_done"),
                lambda a, _: f"✓ #{a['id']} {_e(a['text'])}{_then(a['result'])}",
            ),
        ),
    ),
    Section(
        "Wins", None, (Part(_at("wins"), lambda w, _: f"★ {_e(w['text'])} ({day(w['won_on'])})"),)
    ),
    Section(
        "Feedback received",
        None,
        (
            Part(
                _at("feedback_received"),
                lambda f, _: f"#{f['id']} {_e(f['text'])} ({day(f['on'])})",
            ),
        ),
    ),
    Section(
        "What you gave back",
        None,
        (
            Part(
                _at("gave"),
                lambda c, _: f"#{c['id']} {_e(c['text'])} ({c['kind']}, {day(c['on'])})",
            ),
        ),
    ),
    Section(
        "Still open: finish, drop or move them",
        None,
        (Part(_at("open_actions"), lambda a, _: f"[yellow]· #{a['id']} {_e(a['text'])}[/yellow]"),),
    ),
)
