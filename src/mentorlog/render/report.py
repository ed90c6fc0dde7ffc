"""`mentorlog report --html`: the period as one self-contained HTML page to send.

Jinja2 renders templates/report.html.j2 with autoescape on, so every piece of user text is
escaped by the template engine rather than by string concatenation; the charts are SVG built by
render/svg.py (which escapes what it writes) and are the only values marked safe. Jinja2 is
imported here only, so no other command pays for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

Row = dict[str, Any]
SECTIONS = (
    ("goals_achieved", "Goals achieved"),
    ("praise", "Praise received"),
    ("milestones_done", "Milestones reached"),
    ("wins", "Wins"),
    ("advice_outcomes", "Advice applied, and what came of it"),
    ("actions_with_results", "Actions done, and their results"),
)
PACE_CLASS = {"on pace": "on", "behind": "behind", "done": "done"}


def _clean(value: Any) -> Any:
    """Every string through the output edge's sanitiser (control characters shown, not sent)."""
    from mentorlog.render.output import safe

    if isinstance(value, str):
        return safe(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _item(section: str, row: Row) -> Row:
    if section == "milestones_done":
        return {"on": row["on"], "text": row["title"], "detail": f"goal: {row['goal']}"}
    if section == "goals_achieved":
        return {"on": row["on"], "text": row["title"], "detail": row["measure"]}
    if section == "praise":
        return {"on": row["on"], "text": f"“{row['text']}”", "detail": row["mentor"]}
    if section == "advice_outcomes":
        return {"on": row["on"], "text": row["text"], "detail": row["outcome"]}
    if section == "actions_with_results":
        return {"on": row["on"], "text": row["text"], "detail": row["result"]}
    return {"on": row["on"], "text": row["text"], "detail": None}


def title_of(data: Row) -> str:
    """The page's title, also its first heading's line: 'Mentorship report 2026-06-01 → …'."""
    period = data["period"]
    who = f" with {data['mentor']}" if data.get("mentor") else ""
    return f"Mentorship report{who} {period['start']} → {period['end']}"


def render_html(data: Row) -> str:
    """The whole page."""
    import jinja2
    from markupsafe import Markup

    from mentorlog import __version__
    from mentorlog.core.pictures import KINDS, pace
    from mentorlog.render import svg

    data = _clean(data)
    end = date.fromisoformat(data["period"]["end"])
    sums = {k: sum(day[k] for day in data["activity"]) for k in KINDS}
    brag = data["brag"]
    numbers = [
        (sums["meetings"], "meetings"),
        (len(data["mentors"]), "mentors met"),
        (sums["actions_done"], "actions done"),
        (sums["milestones_done"], "milestones reached"),
        (len(brag["goals_achieved"]), "goals achieved"),
        (len(brag["wins"]), "wins"),
    ]
    goals = []
    for goal in data["goals"]:
        weeks = goal["progress_by_week"]
        last = weeks[-1] if weeks else {"milestones_done": 0, "total": 0}
        verdict = pace(weeks, goal["target_date"], end, goal["status"])
        target = goal["target_date"] if goal["status"] == "active" else None
        chart = svg.progress(weeks, target, f"Milestones done by week: {goal['title']}")
        goals.append(
            {
                "title": goal["title"],
                "status": goal["status"],
                "target": goal["target_date"],
                "done": last["milestones_done"],
                "total": last["total"],
                "pace": verdict,
                "pace_class": PACE_CLASS.get(verdict or "", ""),
                "chart": Markup(chart) if last["total"] else None,
            }
        )
    sections = [
        {"heading": heading, "rows": [_item(key, row) for row in brag[key]]}
        for key, heading in SECTIONS
        if brag.get(key)
    ]
    who = f" with {data['mentor']}" if data.get("mentor") else ""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mentorlog", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    template = env.get_template("report.html.j2")
    return template.render(
        title=title_of(data),
        heading=f"Mentorship report{who}",
        period_text=f"{data['period']['start']} → {data['period']['end']}",
        numbers=numbers,
        calendar=Markup(
            svg.calendar(data["activity"], data.get("week_start", 0), "Activity by day")
        ),
        legend=Markup(svg.legend()),
        goals=goals,
        mentors=data["mentors"],
        sections=sections,
        version=__version__,
        made_on=data["today"],
    )
