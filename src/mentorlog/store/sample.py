"""A realistic sample journal, dated relative to today, for `mentorlog demo` and the docs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from mentorlog.core import clock
from mentorlog.store import rows
from mentorlog.store.db import open_store, write_connection

ALEX_NOTES = [
    "Intro call. Alex leads platform architecture; agreed to meet every two weeks on technical leadership.",
    "Walked through the last design review I attended. Alex: reviews fail when the *decision* is unclear, "
    "not the design. Suggested keeping a decision log.",
    "Shadowed the payments review together. Discussed how to ask questions that unblock rather than judge.",
    "Talked about writing: a design doc template with explicit non-goals. I'll draft one.",
    "Reviewed my template draft. Good structure; tighten the alternatives section.",
    "Template shipped to my team. Discussed how to co-lead the next review with Jordan.",
    "Prepared for co-leading: agenda, timebox, who decides. Alex suggested 45-minute reviews.",
]
PRIYA_NOTES = [
    "First meeting. Priya has managed promotions for years; we'll meet monthly on career growth.",
    "The promo rubric: scope, impact, influence. My gap is influence beyond my team.",
    "Evidence doc structure: one page per rubric area, links to artefacts. Find a sponsor outside the team.",
]


def build_sample(path: Path) -> Path:
    """Write the sample journal into a new file at `path` in one transaction."""
    open_store(path)
    today = clock.today()

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    def moment(offset: int, hour: int = 15) -> datetime:
        return datetime.combine(day(offset), time(hour, 0)).astimezone().astimezone(UTC)

    with write_connection(path) as conn:

        def add(table: str, offset: int, updated: datetime | None = None, **values: Any) -> int:
            """Insert a row written `offset` days from today (updated then too, unless `updated`)."""
            created = moment(offset, 18)
            values.update(created_at=created, updated_at=updated or created)
            return rows.insert(conn, table, values)

        alex = add("mentor", -100, name="Alex Chen", focus="system design & technical leadership",
                   cadence="2w", contact="alex@example.org", started_on=day(-100))  # fmt: skip
        priya = add(
            "mentor", -96, name="Priya Natarajan", focus="career growth", cadence="1m",
            started_on=day(-96),
        )  # fmt: skip
        goal_mentor: dict[int, int | None] = {}

        def auto_win_uuid(table: str, record_id: int) -> str:
            """The uuid `milestone done` / `goal done` would give the record's win."""
            parent = conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (record_id,))
            return rows.auto_win_uuid(parent.fetchone()[0])

        def add_goal(offset: int, mentor_id: int | None = None, **values: Any) -> int:
            goal_id = add("goal", offset, mentor_id=mentor_id, **values)
            goal_mentor[goal_id] = mentor_id
            return goal_id

        review = add_goal(-98, alex, title="Lead a design review end to end",
                          why="Technical leadership is my next step",
                          measure="one review led with sign-off from the architects",
                          target_date=day(40))  # fmt: skip
        promo = add_goal(-95, priya, title="Get promoted to senior engineer",
                         measure="promotion in the spring cycle", target_date=day(150),
                         horizon="long")  # fmt: skip
        talk = add_goal(-60, title="Give an internal tech talk")
        milestones = [
            (review, "Shadow two design reviews", day(-75), day(-70)),
            (review, "Write a design doc template", day(-35), day(-30)),
            (review, "Co-lead a review with Jordan", day(5), None),
            (review, "Lead a review alone", day(35), None),
            (promo, "Understand the promotion rubric", day(-60), day(-62)),
            (promo, "Write the evidence doc", day(-5), day(-3)),
            (promo, "Find a sponsor outside the team", day(30), None),
        ]
        for position, (goal, title, due, done) in enumerate(milestones, 1):
            done_at = moment((done - today).days, 19) if done else None
            ms = add("milestone", -90, done_at, goal_id=goal, title=title, due_date=due,
                     done_on=done, position=position)  # fmt: skip
            if done:
                add("win", (done - today).days, text=f"Reached milestone: {title}", won_on=done,
                    goal_id=goal, milestone_id=ms, mentor_id=goal_mentor[goal],
                    source="milestone", uuid=auto_win_uuid("milestone", ms))  # fmt: skip
        meetings: dict[tuple[str, int], tuple[int, datetime]] = {}
        for index, notes in enumerate(ALEX_NOTES):
            offset = -98 + 14 * index
            held = moment(offset)
            meetings[("alex", index)] = (
                add("meeting", offset, mentor_id=alex, held_at=held, minutes=45, notes=notes,
                    mode="video" if index % 3 else "in-person"),
                held,
            )  # fmt: skip
        for index, notes in enumerate(PRIYA_NOTES):
            offset = -95 + 30 * index
            held = moment(offset, 11)
            meetings[("priya", index)] = (
                add("meeting", offset, mentor_id=priya, held_at=held, minutes=30, notes=notes,
                    mode="call"),
                held,
            )  # fmt: skip
        advice = [
            ("Keep a decision log before writing the design doc", "reviews stall on unclear decisions",
             alex, ("alex", 1), review, "applied", -40, "the next review took one round instead of three"),
            ("Timebox reviews to 45 minutes", "long reviews drift into redesign", alex, ("alex", 6), review,
             "trying", -10, None),
            ("Ask your manager for the rubric in writing", None, priya, ("priya", 1), promo, "applied", -60,
             "got the rubric; two gaps identified"),
            ("Find a sponsor outside your team", "influence needs someone to vouch for you", priya,
             ("priya", 2), promo, "new", None, None),
        ]  # fmt: skip
        for text, why, mentor, meeting_key, goal, status, status_offset, outcome in advice:
            meeting, held = meetings[meeting_key]
            given = clock.to_local(held).date()
            changed = moment(status_offset, 19) if status_offset is not None else None
            add("advice", (given - today).days, changed, text=text, why=why, mentor_id=mentor,
                meeting_id=meeting, goal_id=goal, given_on=given, status=status, outcome=outcome,
                status_on=day(status_offset) if status_offset is not None else None)  # fmt: skip
        done_actions = [
            (
                "Read the last three design docs",
                -90,
                "noted what made the good one good",
                alex,
                review,
            ),
            (
                "Shadow the payments review",
                -72,
                "wrote down 12 questions the architects asked",
                alex,
                review,
            ),
            (
                "Start a decision log for the search project",
                -50,
                "used in two reviews",
                alex,
                review,
            ),
            ("Ask my manager for the written rubric", -62, "got it the same week", priya, promo),
            ("Draft the design doc template", -33, "first draft reviewed by Alex", alex, review),
            ("Send the template to the team", -25, "3 teams adopted it", alex, review),
            (
                "Gather incident write-ups for the evidence doc",
                -18,
                "found 5 with my name on them",
                priya,
                promo,
            ),
            ("Write the evidence doc", -3, "two pages; shared with my manager", priya, promo),
            (
                "Watch two recorded architecture reviews",
                -9,
                "half the time went to re-arguing decisions",
                alex,
                review,
            ),
            (
                "Agree the co-lead split with Jordan",
                -6,
                "I run the agenda, Jordan the deep dive",
                alex,
                review,
            ),
            ("Book a slot for the tech talk", -1, "December 10, 20 minutes", None, talk),
        ]
        for text, offset, result, mentor, goal in done_actions:
            add("action", offset - 5, moment(offset, 19), text=text, status="done",
                done_on=day(offset), result=result, due_date=day(offset + 1), mentor_id=mentor,
                goal_id=goal)  # fmt: skip
        open_actions = [
            ("Send the co-led review agenda to the architects", -2, alex, review),
            ("Ask Sam whether she would sponsor me", 10, priya, promo),
            ("Outline the tech talk", 12, None, talk),
            ("Try the 45-minute timebox in the team sync", 4, alex, review),
        ]
        for text, due, mentor, goal in open_actions:
            add("action", -12, text=text, due_date=day(due), mentor_id=mentor, goal_id=goal)
        add("topic", -5, text="How do I handle a reviewer who blocks without giving reasons?",
            mentor_id=alex)  # fmt: skip
        add("topic", -20, text="What does 'scope' mean at senior level here?", mentor_id=priya)
        add("topic", -8, text="Which talks or books changed how you work?")
        add("win", -9, text="Gave a lightning talk at the team meeting", won_on=day(-9))
        add("reflection", -7, period_start=day(-13), period_end=day(-7),
            text="The template landing felt good. I keep postponing the sponsor "
                 "question — it's fear, not time.")  # fmt: skip
        retro = add_goal(-99, alex, title="Run a blameless incident review",
                         measure="retro doc accepted by the on-call team", target_date=day(-45),
                         status="achieved", achieved_on=day(-50))  # fmt: skip
        add("win", -50, text="Achieved goal: Run a blameless incident review", won_on=day(-50),
            goal_id=retro, mentor_id=alex, source="goal",
            uuid=auto_win_uuid("goal", retro))  # fmt: skip
        _rest_of_the_loop(add, day, moment, alex, priya, review, promo)
    return path


def _rest_of_the_loop(add, day, moment, alex: int, priya: int, review: int, promo: int) -> None:
    """Feedback both ways, what was given back, resources in every state, introductions, a check-in."""
    feedback = [
        # text, direction, kind, offset, mentor, goal, acted (offset, note)
        ("Your design doc template is the clearest I've seen this year", "received", "praise", -42,
         alex, review, None),
        ("You explain the how before the why; lead with the decision", "received", "constructive",
         -56, alex, review, (-30, "decision first in every doc and review since")),
        ("Your status updates are too long for a director to read", "received", "constructive",
         -35, priya, promo, None),
        ("Stop apologising before disagreeing in reviews", "received", "constructive", -5, alex,
         review, None),
        ("The rubric walkthrough was the most useful hour of my quarter", "given", "praise", -64,
         priya, None, None),
        ("Thanks for the decision log idea: it made the search review", "given", None, -5, alex,
         None, None),
    ]  # fmt: skip
    for text, direction, kind, offset, mentor, goal, acted in feedback:
        add("feedback", offset, moment(acted[0], 19) if acted else None, text=text,
            direction=direction, kind=kind, given_on=day(offset), mentor_id=mentor, goal_id=goal,
            acted_on=day(acted[0]) if acted else None,
            acted_note=acted[1] if acted else None)  # fmt: skip
    contributions = [
        (
            "Sent Alex the incident write-up on cache stampedes she asked about",
            "insight",
            -20,
            alex,
        ),
        ("Introduced Priya to our platform team's hiring lead", "intro", -45, priya),
        ("Thank-you note after the rubric session", "thanks", -3, priya),
    ]
    for text, kind, offset, mentor in contributions:
        add("contribution", offset, text=text, kind=kind, given_on=day(offset), mentor_id=mentor)
    resources = [
        # title, kind, status, mentor, goal, url, done (offset, takeaway)
        ("The Staff Engineer's Path", "book", "done", alex, review, None,
         (-5, "reviews are about decisions, not designs")),
        ("Designing Data-Intensive Applications", "book", "started", alex, review, None, None),
        ("How to write a promotion packet", "article", "queued", priya, promo,
         "https://example.org/promo-packet", None),
        ("Leading effective meetings (course)", "course", "dropped", None, None, None, None),
        ("Architecture review anti-patterns", "talk", "queued", None, None, None, None),
    ]  # fmt: skip
    for title, kind, status, mentor, goal, url, done in resources:
        add("resource", -60, moment(done[0], 20) if done else None, title=title, kind=kind,
            status=status, mentor_id=mentor, goal_id=goal, url=url,
            done_on=day(done[0]) if done else None,
            takeaway=done[1] if done else None)  # fmt: skip
    introductions = [
        # person, context, introduced, met (offset, note), thanked, mentor
        ("Sam Okafor", "staff engineer who runs the architecture guild", -70,
         (-60, "agreed to sponsor me next cycle"), -58, priya),
        ("Maya Brooks", "led the payments re-architecture", -30, (-4, "walked me through her review checklist"),
         None, alex),
        ("Lee Park", "director in the platform org", -25, None, None, priya),
    ]  # fmt: skip
    for person, context, offset, met, thanked, mentor in introductions:
        changed = moment(thanked if thanked else met[0], 19) if met else None
        add("introduction", offset, changed, person=person, context=context,
            introduced_on=day(offset), met_on=day(met[0]) if met else None,
            met_note=met[1] if met else None, thanked_on=day(thanked) if thanked else None,
            mentor_id=mentor)  # fmt: skip
    add("checkin", -2, rating=4, working="concrete, honest feedback; always ends with a next step",
        change="meet in person once a quarter", checked_on=day(-2), mentor_id=alex)  # fmt: skip
