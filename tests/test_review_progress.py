"""The weekly review counts progress, not only actions done (issue 18, item 5): a week with a
milestone reached, advice applied and an introduction met is a streak week, and its prompts
don't say nothing got done."""

from __future__ import annotations


def _good_week_without_actions(journal):
    journal("milestone", "done", "1", "--on", "2026-11-20")
    journal("advice", "apply", "1", "--outcome", "decisions got faster", "--on", "2026-11-19")
    journal("intro", "add", "Jo Park", "--by", "sam", "--on", "2026-11-10")
    journal("intro", "met", "1", "--on", "2026-11-21")


def test_a_good_week_without_actions_done_is_a_streak_week(journal):
    _good_week_without_actions(journal)
    data = journal.json("review")
    assert data["actions_done"] == []
    assert data["streak_weeks"] == 1
    assert not any("Nothing" in p for p in data["prompts"])
    assert any("without an action done" in p for p in data["prompts"])
    text = journal("review").stdout
    assert "streak: 1 week with progress" in text
    assert "0 weeks" not in text and "Nothing" not in text


def test_each_kind_of_progress_counts_for_the_streak(journal, clock):
    for args in [
        ("win", "add", "Gave the talk", "--on", "2026-11-20"),
        ("resource", "add", "DDIA"),
        ("resource", "done", "1", "--on", "2026-11-13", "--takeaway", "logs"),
        ("feedback", "add", "Slow down", "--from", "alex", "--kind", "constructive",
         "--on", "2026-10-01"),
        ("feedback", "act", "1", "--on", "2026-11-05", "--note", "paused more"),
    ]:  # fmt: skip
        journal(*args)
    # weeks (Mon-Sun): 16-22 win, 9-15 resource, 2-8 feedback acted on: three in a row
    assert journal.json("review")["streak_weeks"] == 3


def test_an_empty_week_still_says_so(journal, clock):
    clock.move_to("2027-03-01 10:00Z")
    data = journal.json("review")
    assert data["streak_weeks"] == 0
    assert any(p.startswith("Nothing moved this period") for p in data["prompts"])


def test_streak_counts_back_from_until(journal):
    _good_week_without_actions(journal)
    assert journal.json("review", "--until", "2026-11-15")["streak_weeks"] == 0
