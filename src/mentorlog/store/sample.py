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
                    goal_id=goal, milestone_id=ms, mentor_id=goal_mentor[goal])  # fmt: skip
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
    return path
