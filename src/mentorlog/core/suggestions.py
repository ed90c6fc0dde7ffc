"""Suggestions for a prep agenda: each is a small rule over the facts, registered with @rule.

Adding one is a function of a few lines: take the prep facts and today, return zero or more
sentences, each naming the person, goal, advice, feedback or introduction to act on. Rules run in
the order they are defined; DESIGN.md ('The views') lists them with when they fire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

Facts = dict[str, Any]
Rule = Callable[[Facts, date], Iterable[str]]
RULES: list[Rule] = []

STALE_ADVICE_DAYS = 30  # advice new/trying for longer than this: report back on it
FEEDBACK_AFTER_MEETINGS = 3  # no feedback received since the third-last meeting: ask for some
RELATIONSHIP_AGE_DAYS = 90  # give back and check in only once the mentorship is this old
GIVE_BACK_DAYS = 90  # nothing given back for this long: give something
CHECKIN_DAYS = 180  # no check-in for this long: check in on the relationship
INTRO_FOLLOW_UP_DAYS = 14  # an introduction not met after this long: reach out
ACT_ON_FEEDBACK_DAYS = 30  # constructive feedback not acted on after this long


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


def suggest(facts: Facts, today: date) -> list[str]:
    return [text for check in RULES for text in check(facts, today)]


def _days(since: str | date, today: date) -> int:
    day = date.fromisoformat(since) if isinstance(since, str) else since
    return (today - day).days


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _active(facts: Facts) -> bool:
    return not facts["mentor"]["ended_on"]


@rule
def meet(facts: Facts, today: date) -> Iterable[str]:
    """The meeting is overdue or lapsed: say by how many days."""
    mentor = facts["mentor"]
    name, status = mentor["name"], mentor["status"]
    # no meetings yet: this prep is for the first one, so there is nothing to nag about
    if status in ("overdue", "lapsed"):
        late = _plural(_days(mentor["next_due"], today), "day")
        if status == "lapsed":
            yield (
                f"It has been {mentor['days_since_last']} days since you met {name} "
                f"({mentor['cadence']}; {late} past due): reach out and get the next meeting "
                "in the calendar."
            )
        else:
            yield f"Your meeting with {name} was due {mentor['next_due']} ({late} overdue): schedule it."


@rule
def celebrate(facts: Facts, today: date) -> Iterable[str]:
    """A milestone reached or a goal achieved since the last meeting: one line per goal."""
    achieved = {goal["id"]: goal for goal in facts["goals_achieved"]}
    reached: dict[int, list[Facts]] = {}
    for milestone in facts["milestones_done"]:
        reached.setdefault(milestone["goal_id"], []).append(milestone)
    for goal in facts["goals_achieved"]:
        yield (
            f"Celebrate: you achieved goal #{goal['id']} '{goal['title']}' since you last met — "
            f"lead with it and thank {facts['mentor']['name']} for their part."
        )
    for goal_id, milestones in reached.items():
        if goal_id in achieved:
            continue
        titles = ", ".join(f"'{m['title']}'" for m in milestones)
        yield (
            f"Celebrate: you reached {titles} on goal #{goal_id} '{milestones[0]['goal']}' "
            "since you last met — lead with it."
        )


@rule
def act_on_feedback(facts: Facts, today: date) -> Iterable[str]:
    """Constructive feedback from this mentor not acted on after 30 days."""
    name = facts["mentor"]["name"]
    for item in facts["feedback_to_act_on"]:
        age = _days(item["given_on"], today)
        if age > ACT_ON_FEEDBACK_DAYS:
            yield (
                f"Act on feedback #{item['id']} from {name} ({age} days ago): '{item['text']}' — "
                f"then record what changed (mentorlog feedback act {item['id']} --note ...)."
            )


@rule
def advice_follow_up(facts: Facts, today: date) -> Iterable[str]:
    """Advice still new or trying after 30 days."""
    for advice in facts["pending_advice"]:
        age = _days(advice["given_on"], today)
        if age > STALE_ADVICE_DAYS:
            yield (
                f"Report back on advice #{advice['id']} '{advice['text']}' ({age} days old): "
                "apply it with an outcome, or skip it and say why."
            )


@rule
def intro_follow_up(facts: Facts, today: date) -> Iterable[str]:
    """An introduction not met after 14 days, or met and not thanked."""
    name = facts["mentor"]["name"]
    for intro in facts["introductions"]:
        person = intro["person"]
        if intro["met_on"] is None:
            age = _days(intro["introduced_on"], today)
            if age > INTRO_FOLLOW_UP_DAYS:
                yield (
                    f"Intro #{intro['id']}: reach out to {person} — {name} introduced you "
                    f"{age} days ago (then mentorlog intro met {intro['id']})."
                )
        elif intro["thanked_on"] is None:
            yield (
                f"Intro #{intro['id']}: thank {name} for introducing {person} — you met on "
                f"{intro['met_on']} (then mentorlog intro thanked {intro['id']})."
            )


@rule
def smart_goals(facts: Facts, today: date) -> Iterable[str]:
    """A goal without milestones, a measure or a target date."""
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
                f"Make goal #{goal['id']} SMART: add {' and '.join(missing)} to '{goal['title']}' "
                f"(mentorlog goal edit {goal['id']} --measure ... --by ...)."
            )


@rule
def ask_for_feedback(facts: Facts, today: date) -> Iterable[str]:
    """3+ meetings and no feedback received since the third-last one."""
    third_last, last = facts["third_last_meeting"], facts["last_feedback_received"]
    if not _active(facts) or third_last is None or (last is not None and last >= third_last):
        return
    name = facts["mentor"]["name"]
    heard = f"no feedback since {last}" if last else "no feedback recorded yet"
    yield (
        f"Ask {name} for feedback: {facts['meetings_total']} meetings and {heard} — "
        f"what would they have you do differently? (mentorlog feedback add ... --from '{name}')"
    )


@rule
def give_back(facts: Facts, today: date) -> Iterable[str]:
    """A mentorship 90+ days old with nothing given back in 90 days."""
    mentor, last = facts["mentor"], facts["last_gave"]
    if _days(mentor["started_on"], today) < RELATIONSHIP_AGE_DAYS:
        return
    if last is not None and _days(last, today) < GIVE_BACK_DAYS:
        return
    name = mentor["name"]
    when = f"last on {last}" if last else "nothing recorded yet"
    yield (
        f"Give something back to {name} ({when}): an insight, an introduction, a thank-you "
        f"(mentorlog gave add ... --mentor '{name}')."
    )


@rule
def check_in(facts: Facts, today: date) -> Iterable[str]:
    """A mentorship 90+ days old with no check-in in 180 days, or never."""
    mentor, last = facts["mentor"], facts["last_checkin"]
    if not _active(facts) or _days(mentor["started_on"], today) < RELATIONSHIP_AGE_DAYS:
        return
    if last is not None and _days(last["checked_on"], today) < CHECKIN_DAYS:
        return
    name = mentor["name"]
    when = f"last on {last['checked_on']}" if last else "never so far"
    yield (
        f"Check in on how the mentorship with {name} is going ({when}): what works, what to change "
        f"(mentorlog checkin add '{name}' --rating 1-5)."
    )


@rule
def new_goals_or_conclude(facts: Facts, today: date) -> Iterable[str]:
    """Every goal linked to this mentor is achieved or dropped."""
    statuses = facts["goal_statuses"]
    if not _active(facts) or not statuses or statuses.keys() - {"achieved", "dropped"}:
        return
    name = facts["mentor"]["name"]
    done = "achieved" if statuses.keys() == {"achieved"} else "achieved or dropped"
    yield (
        f"Every goal with {name} is {done}: set new goals together, or conclude the "
        f"mentorship gracefully (mentorlog mentor end '{name}')."
    )
