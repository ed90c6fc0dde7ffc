"""The prep agenda: what to bring to the next meeting with one mentor (DESIGN, 'The views')."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mentorlog.core.suggestions import suggest

Facts = dict[str, Any]
GOAL_DUE_SOON_DAYS = 14
STALLED_DAYS = 21
MENTOR_KEYS = (
    "id",
    "name",
    "focus",
    "cadence",
    "last_met",
    "days_since_last",
    "next_due",
    "status",
)


def goal_flags(goal: Facts, today: date) -> list[str]:
    """overdue-milestone, due-soon, stalled, no-milestones, no-measure, no-target."""
    flags = []
    open_milestones = [m for m in goal["milestones"] if not m["done_on"]]
    soon = (today + timedelta(days=GOAL_DUE_SOON_DAYS)).isoformat()
    now = today.isoformat()
    if any(m["due_date"] and m["due_date"] < now for m in open_milestones):
        flags.append("overdue-milestone")
    dates = [goal["target_date"], *(m["due_date"] for m in open_milestones)]
    if any(d and now <= d <= soon for d in dates):
        flags.append("due-soon")
    if goal["last_activity"] < (today - timedelta(days=STALLED_DAYS)).isoformat():
        flags.append("stalled")
    if not goal["milestones"]:
        flags.append("no-milestones")
    if not goal["measure"]:
        flags.append("no-measure")
    if not goal["target_date"]:
        flags.append("no-target")
    return flags


def flag_details(goal: Facts, today: date) -> dict[str, str]:
    """What each flag is about, in words: the milestone that is overdue, what is due soon, how
    long it has been quiet."""
    details = {}
    open_milestones = [m for m in goal["milestones"] if not m["done_on"]]
    now = today.isoformat()
    soon = (today + timedelta(days=GOAL_DUE_SOON_DAYS)).isoformat()
    late = [m for m in open_milestones if m["due_date"] and m["due_date"] < now]
    if late:
        details["overdue-milestone"] = "; ".join(
            f"milestone #{m['id']} '{m['title']}' was due {m['due_date']}" for m in late
        )
    due = [
        f"milestone #{m['id']} '{m['title']}' due {m['due_date']}"
        for m in open_milestones
        if m["due_date"] and now <= m["due_date"] <= soon
    ]
    if goal["target_date"] and now <= goal["target_date"] <= soon:
        due.insert(0, f"target {goal['target_date']}")
    if due:
        details["due-soon"] = "; ".join(due)
    if goal["last_activity"] < (today - timedelta(days=STALLED_DAYS)).isoformat():
        quiet = (today - date.fromisoformat(goal["last_activity"])).days
        details["stalled"] = f"nothing linked to it changed in {quiet} days"
    return details


def _last_time(last: Facts | None) -> Facts | None:
    """The previous meeting in brief: its notes, what the mentor advised and said, what you took on."""
    if last is None:
        return None
    return {
        "meeting_id": last["meeting_id"],
        "on": last["on"],
        "notes": last["notes"],
        "advice": [{"id": a["id"], "text": a["text"]} for a in last["advice"]],
        "feedback": [
            {"id": f["id"], "text": f["text"], "kind": f["kind"]} for f in last["feedback"]
        ],
        "actions": [
            {"id": a["id"], "text": a["text"], "status": a["status"]} for a in last["actions"]
        ],
    }


def _goal(goal: Facts, today: date) -> Facts:
    upcoming = next((m for m in goal["milestones"] if not m["done_on"]), None)
    return {
        "id": goal["id"],
        "title": goal["title"],
        "target": goal["target_date"],
        "progress": goal["progress"],
        "milestones_done": goal["milestones_done"],
        "milestones_total": goal["milestones_total"],
        "next_milestone": (
            {"id": upcoming["id"], "title": upcoming["title"], "due": upcoming["due_date"]}
            if upcoming
            else None
        ),
        "flags": goal_flags(goal, today),
        "flag_details": flag_details(goal, today),
    }


def totals(view: Facts, skip: tuple[str, ...] = ()) -> Facts:
    """How many items each list of a view holds (nested like the view), so a script knows what
    the capped terminal view left out."""
    counted: Facts = {}
    for key, value in view.items():
        if key in skip:
            continue
        if isinstance(value, list):
            counted[key] = len(value)
        elif isinstance(value, dict) and value and all(isinstance(v, list) for v in value.values()):
            counted[key] = {k: len(v) for k, v in value.items()}
    return counted


def _newest_first(rows: list[Facts], day: str) -> list[Facts]:
    return sorted(rows, key=lambda r: (r.get(day) or "", r["id"]), reverse=True)


def _commitment_order(action: Facts) -> tuple:
    """Overdue first, then this mentor's before general, then the soonest due (undated last)."""
    return (not action["overdue"], action.get("mentor_id") is None, action["due"] is None,
            action["due"] or "", action["id"])  # fmt: skip


def build_prep(facts: Facts, today: date) -> Facts:
    """The agenda in the documented JSON shape; renderers turn it into text or Markdown.

    Every list holds every item, the ones that matter most first: overdue before due, newer
    before older, linked to this mentor before general; `totals` counts each list."""
    view = _build_prep(facts, today)
    view["totals"] = totals(view, skip=("mentor", "last_time", "last_checkin"))
    return view


def _build_prep(facts: Facts, today: date) -> Facts:
    return {
        "mentor": {key: facts["mentor"][key] for key in MENTOR_KEYS},
        "since": facts["since"],
        "report_back": {
            "milestones_done": _newest_first(facts["milestones_done"], "done_on"),
            "actions_done": _newest_first(facts["actions_done"], "done_on"),
            "advice_applied": _newest_first(facts["advice_applied"], "status_on"),
            "wins": _newest_first(facts["wins"], "won_on"),
            "resources_done": [
                {"id": r["id"], "title": r["title"], "takeaway": r["takeaway"]}
                for r in _newest_first(facts["resources_done"], "done_on")
            ],
            "feedback_acted": [
                {"id": f["id"], "text": f["text"], "note": f["note"]}
                for f in _newest_first(facts["feedback_acted"], "acted_on")
            ],
            "intros_met": [
                {"id": i["id"], "person": i["person"], "met_on": i["met_on"]}
                for i in _newest_first(facts["intros_met"], "met_on")
            ],
            # beyond DESIGN's keys (added after them, so the documented order holds):
            "goals_achieved": [
                {"id": g["id"], "title": g["title"], "achieved_on": g["achieved_on"]}
                for g in facts["goals_achieved"]
            ],
        },
        "open_actions": [
            {"id": a["id"], "text": a["text"], "due": a["due"], "overdue": a["overdue"]}
            for a in sorted(facts["open_actions"], key=_commitment_order)
        ],
        "goals": [_goal(g, today) for g in facts["goals"]],
        "questions": [{"id": q["id"], "text": q["text"]} for q in facts["questions"]],
        "pending_advice": [
            {"id": a["id"], "text": a["text"], "status": a["status"]}
            for a in facts["pending_advice"]
        ],
        "resources": [
            {"id": r["id"], "title": r["title"], "status": r["status"]} for r in facts["resources"]
        ],
        "introductions": [
            {key: i[key] for key in ("id", "person", "introduced_on", "met_on", "thanked_on")}
            for i in facts["introductions"]
        ],
        "last_checkin": facts["last_checkin"]
        and {"on": facts["last_checkin"]["checked_on"], "rating": facts["last_checkin"]["rating"]},
        "suggestions": suggest(facts, today),
        # beyond DESIGN's keys: the previous meeting in brief, and feedback still to act on
        "last_time": _last_time(facts.get("last_time")),
        "feedback_pending": [
            {"id": f["id"], "text": f["text"], "kind": f["kind"], "given_on": f["given_on"]}
            for f in facts["feedback_to_act_on"]
        ],
    }
