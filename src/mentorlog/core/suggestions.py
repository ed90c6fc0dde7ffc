"""Suggestions for a prep agenda: each is a small rule over the facts, registered with @rule.

Adding one is a function of a few lines: take the prep facts and today, return zero or more
sentences. Rules run in the order they are defined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

Facts = dict[str, Any]
Rule = Callable[[Facts, date], Iterable[str]]
RULES: list[Rule] = []

STALE_ADVICE_DAYS = 30


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


def suggest(facts: Facts, today: date) -> list[str]:
    return [text for check in RULES for text in check(facts, today)]


@rule
def meeting_cadence(facts: Facts, today: date) -> Iterable[str]:
    mentor = facts["mentor"]
    name, status = mentor["name"], mentor["status"]
    if status == "no-meetings":
        yield f"You haven't met {name} yet: schedule a first meeting."
    elif status == "lapsed":
        yield (
            f"It has been {mentor['days_since_last']} days since you met {name} "
            f"({mentor['cadence']}): reach out and get the next meeting in the calendar."
        )
    elif status == "overdue":
        yield f"Your meeting with {name} was due {mentor['next_due']}: schedule it."


@rule
def celebrate_milestones(facts: Facts, today: date) -> Iterable[str]:
    for milestone in facts["milestones_done"]:
        yield f"Celebrate: you reached '{milestone['title']}' since you last met — lead with it."


@rule
def goals_need_shape(facts: Facts, today: date) -> Iterable[str]:
    for goal in facts["goals"]:
        if not goal["milestones"]:
            yield (
                f"Break goal #{goal['id']} '{goal['title']}' into milestones "
                f"(mentorlog milestone add {goal['id']} ...); ask {facts['mentor']['name']} what the steps are."
            )
        missing = [
            label
            for label, value in (
                ("a measure", goal["measure"]),
                ("a target date", goal["target_date"]),
            )
            if not value
        ]
        if missing:
            yield (
                f"Make goal #{goal['id']} SMART: add {' and '.join(missing)} "
                f"(mentorlog goal edit {goal['id']} --measure ... --by ...)."
            )


@rule
def stale_advice(facts: Facts, today: date) -> Iterable[str]:
    cutoff = (today - timedelta(days=STALE_ADVICE_DAYS)).isoformat()
    for advice in facts["pending_advice"]:
        if advice["given_on"] < cutoff:
            age = (today - date.fromisoformat(advice["given_on"])).days
            yield (
                f"Report back on advice #{advice['id']} '{advice['text']}' ({age} days old): "
                "apply it with an outcome, or skip it and say why."
            )


@rule
def all_goals_achieved(facts: Facts, today: date) -> Iterable[str]:
    statuses = facts["goal_statuses"]
    if statuses.get("achieved") and not statuses.get("active") and not statuses.get("paused"):
        name = facts["mentor"]["name"]
        yield (
            f"Every goal with {name} is achieved: set new goals together, or conclude the "
            f"mentorship gracefully (mentorlog mentor end '{name}')."
        )
