"""The dashboard `mentorlog` prints with no command."""

from __future__ import annotations

from typing import Any

Facts = dict[str, Any]


def build_status(facts: Facts) -> Facts:
    """Next meetings, overdue and this week's actions, active goals, resources being read and
    introductions to follow up; `empty` on a new journal."""
    return {
        "today": facts["today"],
        "empty": facts["empty"],
        "mentors": [
            {
                "id": m["id"],
                "name": m["name"],
                "status": m["status"],
                "last_met": m["last_met"],
                "next_due": m["next_due"],
                "days_since_last": m["days_since_last"],
            }
            for m in facts["mentors"]
        ],
        "actions_overdue": [
            {"id": a["id"], "text": a["text"], "due": a["due"]} for a in facts["actions_overdue"]
        ],
        "actions_due_this_week": [
            {"id": a["id"], "text": a["text"], "due": a["due"]}
            for a in facts["actions_due_this_week"]
        ],
        "goals": [
            {
                "id": g["id"],
                "title": g["title"],
                "target": g["target_date"],
                "progress": g["progress"],
                "milestones_done": g["milestones_done"],
                "milestones_total": g["milestones_total"],
            }
            for g in facts["goals"]
        ],
        "resources_in_progress": facts["resources_in_progress"],
        "introductions_pending": facts["introductions_pending"],
        "activity": facts["activity"],  # the 13 weeks the calendar shows (after DESIGN's keys)
    }
