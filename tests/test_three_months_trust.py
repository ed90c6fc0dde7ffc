"""Three months with three mentors, as a mentee would live them (issue 18, done-when): a meeting
filed under the wrong mentor is moved, feedback from meetings reaches prep until acted on, work
linked to a goal keeps it moving, and every view says each thing once — no workaround needed."""

from __future__ import annotations

import json


def test_three_months_three_mentors(cli, clock):
    def j(*args):
        return json.loads(cli(*args, "--json").stdout)

    clock.move_to("2026-09-01 09:00Z")  # a Tuesday
    cli("mentor", "add", "Alex Chen", "--cadence", "every other week", "--focus", "design")
    cli("mentor", "add", "Sam Rivera", "--cadence", "monthly", "--focus", "career")
    cli("mentor", "add", "Priya Das", "--cadence", "monthly", "--focus", "speaking")
    cli(
        "goal",
        "add",
        "Lead a design review",
        "--mentor",
        "alex",
        "--by",
        "dec 15",
        "--measure",
        "one review led",
        "--milestone",
        "Shadow one",
        "--milestone",
        "Co-lead one",
    )
    cli("goal", "add", "Give a talk", "--mentor", "priya", "--by", "nov 30", "--measure", "20 min")
    assert j("goal", "show", "1")["target_date"] == "2026-12-15"

    # week 1: with three mentors and nothing planned, log asks for a name instead of guessing
    assert "3 active mentors" in cli.fails("log", "--notes", "kick-off", code=2)
    cli("log", "alex", "--notes", "Kick-off: how reviews run here", "--goal", "1",
        "--advice", "Write the decision log first", "--action", "Read two old reviews due:next fri",
        "--feedback", "Your questions were sharp but long", "--next", "2 weeks")  # fmt: skip
    meeting = j("meeting", "show", "1")
    assert meeting["next_date"] == "2026-09-15"
    assert [a["due"] for a in meeting["actions"]] == ["2026-09-11"]  # Friday of next week

    # week 2: a meeting with Sam logged by mistake under Priya, then moved with what it brought
    clock.move_to("2026-09-08 17:00Z")
    cli("log", "priya", "--notes", "Promo criteria walk-through", "--advice", "Find a sponsor",
        "--action", "Ask my manager for the rubric due:+1w", "--feedback", "Say what you want")  # fmt: skip
    out = cli("meeting", "edit", "2", "--mentor", "sam").stdout
    assert out.startswith("Moved meeting #2 to Sam Rivera with ")
    assert j("prep", "priya")["last_time"] is None
    sam = j("prep", "sam")
    assert sam["last_time"]["notes"] == "Promo criteria walk-through"
    assert [f["text"] for f in sam["feedback_pending"]] == ["Say what you want"]

    # week 3: the planned meeting with Alex is picked without a name, and said
    clock.move_to("2026-09-15 16:00Z")
    cli("action", "done", "1", "--result", "both spent half the time re-arguing")
    cli("milestone", "done", "1")
    out = cli("log", "--notes", "Debrief on the old reviews", "--goal", "1",
              "--advice", "Timebox to 45 minutes", "--next", "+2w")  # fmt: skip
    assert "Logging with Alex Chen (the meeting planned for 2026-09-15)." in out.stderr

    # a month later, the feedback from the first meeting is still waiting, and prep says so once
    clock.move_to("2026-10-20 09:00Z")
    alex = j("prep", "alex")
    assert [f["text"] for f in alex["feedback_pending"]] == ["Your questions were sharp but long"]
    assert sum(s.startswith("Act on feedback #1") for s in alex["suggestions"]) == 1
    cli("feedback", "act", "1", "--note", "one question, then listen")
    cli("advice", "apply", "1", "2", "--outcome", "reviews end on time")
    text = cli("prep", "alex").stdout
    assert text.count("reviews end on time") == 1
    assert "stalled" in alex["goals"][0]["flags"]  # a month without linked work...
    assert "stalled" not in j("prep", "alex")["goals"][0]["flags"]  # ...advice applied moves it

    # the talk goal moves to Sam when Priya's mentorship ends
    clock.move_to("2026-11-02 09:00Z")
    out = cli("mentor", "end", "priya", "--goals-to", "sam")
    assert "Goal #2 moved to Sam Rivera." in out.stderr
    assert j("goal", "show", "2")["mentor"] == "Sam Rivera"

    # the end of the quarter: the review shows progress, timeline and brag say things once
    clock.move_to("2026-11-24 09:00Z")
    cli("milestone", "done", "2", "--on", "2026-11-20")
    cli("goal", "done", "1", "--on", "2026-11-21")
    cli("feedback", "add", "Great review facilitation", "--from", "alex", "--kind", "praise")
    week = j("review", "--week", "--until", "last sun")
    assert week["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    assert week["streak_weeks"] >= 1 and not any("Nothing" in p for p in week["prompts"])
    line = [r for r in j("timeline", "--since", "2026-11-20") if "Co-lead one" in r["text"]]
    assert len(line) == 1
    brag = cli("brag").stdout
    assert brag.splitlines()[2] == "2026-09-01 → 2026-11-24"
    assert brag.index("## Highlights") < brag.index("## November 2026")
    assert "Achieved goal:" not in brag  # the goal's automatic win is its Goals achieved line
    assert brag.count("Great review facilitation") == 1
    prep = j("prep", "alex")
    assert prep["report_back"]["goals_achieved"][0]["title"] == "Lead a design review"
    cheers = [s for s in prep["suggestions"] if s.startswith("Celebrate")]
    assert len(cheers) == 1
