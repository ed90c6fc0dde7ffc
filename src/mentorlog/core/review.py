"""The weekly review: what the period held, how goals moved, and prompts to reflect on."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mentorlog.core.dates import shift

Facts = dict[str, Any]


def review_period(
    today: date,
    week: bool = False,
    month: bool = False,
    since: date | None = None,
    week_start: int = 0,
    until: date | None = None,
) -> tuple[date, date]:
    """Default: the 7 days ending today; --week: this week so far; --month: 1 month back; --since.

    `until` moves the end back (`--week --until 'last sun'` is last week, reviewed on Monday): each
    period then ends on that day instead of today."""
    end = until or today
    if since is not None:
        return since, end
    if week:
        return end - timedelta(days=(end.weekday() - week_start) % 7), end
    if month:
        return shift(end, -1, "m") + timedelta(days=1), end
    return end - timedelta(days=6), end


def _progress_delta(goal: Facts) -> float:
    total = goal["milestones_total"]
    before = goal["milestones_done_before"] / total if total else 0.0
    return round(goal["progress"] - before, 4)


PROGRESS = (
    "actions_done", "milestones_done", "wins", "advice_applied", "resources_done", "intros_met",
)  # fmt: skip


def made_progress(facts: Facts) -> bool:
    """Progress is any of: an action done, a milestone reached, a win (goals achieved make one),
    advice applied, a resource finished, an introduction met, feedback acted on."""
    acted = any(
        f.get("acted_on") and facts["period"]["start"] <= f["acted_on"] <= facts["period"]["end"]
        for f in facts["feedback"]
    )
    return acted or any(facts[key] for key in PROGRESS)


def prompts(facts: Facts) -> list[str]:
    """Reflection questions drawn from what the period held."""
    questions = []
    if facts["milestones_done"] or facts["wins"]:
        first = (facts["milestones_done"] or facts["wins"])[0]
        questions.append(
            f"What made '{first.get('title') or first.get('text')}' possible, and how do you repeat it?"
        )
    if facts["actions_overdue"]:
        questions.append(
            f"What is in the way of '{facts['actions_overdue'][0]['text']}'? Do it, reschedule it or drop it."
        )
    constructive = [
        f for f in facts["feedback"] if f["direction"] == "received" and f["kind"] == "constructive"
    ]
    if constructive:
        questions.append(f"What will you change after hearing '{constructive[0]['text']}'?")
    untried = [a for a in facts["advice_received"] if a.get("status", "new") == "new"]
    if untried:  # advice already tried, applied or skipped is past "which first"
        questions.append(f"Which advice will you try first: '{untried[0]['text']}'?")
    if not made_progress(facts):
        questions.append("Nothing moved this period: what one small step would restart momentum?")
    elif not facts["actions_done"]:
        questions.append("Progress came without an action done: which next action keeps it going?")
    questions += [
        "What did you learn this week that you want to tell a mentor about?",
        "What do you want to ask at your next meeting?",
    ]
    return questions


def build_review(facts: Facts) -> Facts:
    """The review in the documented JSON shape, with `totals` (items per list) after it."""
    from mentorlog.core.prep import totals

    view = _build_review(facts)
    view["totals"] = totals(view, skip=("period", "reflection", "prompts"))
    view["activity"] = facts["activity"]  # every day of the period (after DESIGN's keys)
    return view


def _build_review(facts: Facts) -> Facts:
    return {
        "period": facts["period"],
        "actions_done": [
            {"id": a["id"], "text": a["text"], "done_on": a["done_on"], "result": a["result"]}
            for a in facts["actions_done"]
        ],
        "actions_overdue": [
            {"id": a["id"], "text": a["text"], "due": a["due"]} for a in facts["actions_overdue"]
        ],
        "actions_due_next": [
            {"id": a["id"], "text": a["text"], "due": a["due"]} for a in facts["actions_due_next"]
        ],
        "milestones_done": facts["milestones_done"],
        "goals": [
            {
                "id": g["id"],
                "title": g["title"],
                "status": g["status"],
                "progress": g["progress"],
                "progress_delta": _progress_delta(g),
            }
            for g in facts["goals"]
        ],
        "meetings": facts["meetings"],
        "advice_received": [
            {"id": a["id"], "text": a["text"], "mentor": a["mentor"], "given_on": a["given_on"]}
            for a in facts["advice_received"]
        ],
        "advice_applied": [
            {
                "id": a["id"],
                "text": a["text"],
                "outcome": a["outcome"],
                "applied_on": a["status_on"],
            }
            for a in facts["advice_applied"]
        ],
        "wins": facts["wins"],
        "feedback": facts["feedback"],
        "gave": facts["gave"],
        "resources_done": facts["resources_done"],
        "intros_met": facts["intros_met"],
        "checkins": facts["checkins"],
        "mentors": [
            {
                "name": m["name"],
                "status": m["status"],
                "next_due": m["next_due"],
                "days_since_last": m["days_since_last"],
            }
            for m in facts["mentors"]
        ],
        "streak_weeks": facts["streak_weeks"],
        "reflection": facts["reflection"]
        and {
            "period": {
                "start": facts["reflection"]["period_start"],
                "end": facts["reflection"]["period_end"],
            },
            "text": facts["reflection"]["text"],
        },
        "prompts": prompts(facts),
    }
