"""prep, review and status through three months of a mentorship, on a frozen clock."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import pytest
import time_machine

from support import Cli


def at(traveller, day: str, hour: int = 9) -> None:
    traveller.move_to(datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC))


@pytest.fixture
def months():
    with time_machine.travel(datetime(2026, 8, 3, 9, tzinfo=UTC), tick=False) as traveller:
        yield Cli(), traveller


def prep(cli, *args):
    return json.loads(cli("prep", *args, "--json").stdout)


def texts(items, key="text"):
    return [item[key] for item in items]


def test_empty_journal_gets_a_first_run_message(cli):
    status = cli.json("status")
    assert status["empty"] is True and status["mentors"] == []
    assert "Welcome to mentorlog" in cli("status").stdout
    assert "mentor add" in cli().stdout
    assert "no active mentor" in cli.fails("prep", code=1)


def test_three_months_of_mentorship(months):
    cli, clock = months
    # --- Aug 3 (Mon): two mentors with different cadences, goals, an action linked only through a goal
    cli("mentor", "add", "Alex Chen", "--cadence", "biweekly", "--focus", "architecture")
    cli("mentor", "add", "Priya Natarajan", "--cadence", "monthly")
    cli("goal", "add", "Ship search v2", "--mentor", "alex", "--measure", "p95 under 200ms",
        "--by", "2026-10-30", "--milestone", "Prototype", "--milestone", "Beta", "--milestone", "Launch")  # fmt: skip
    cli("goal", "add", "Public speaking")
    cli(
        "goal",
        "add",
        "Promotion",
        "--mentor",
        "priya",
        "--by",
        "2027-03-01",
        "--measure",
        "new title",
    )
    cli("action", "add", "Benchmark current search due:+5d", "--goal", "1")
    cli("ask", "How do I estimate?", "--mentor", "alex")
    cli("ask", "Any book tips?")

    alex = prep(cli, "alex")
    assert alex["mentor"]["status"] == "no-meetings" and alex["mentor"]["last_met"] is None
    assert alex["since"] == "2026-08-03"
    assert texts(alex["open_actions"]) == ["Benchmark current search"]  # through its goal
    assert texts(alex["goals"], "title") == ["Ship search v2", "Public speaking"]
    assert alex["goals"][0]["flags"] == []
    assert alex["goals"][0]["next_milestone"]["title"] == "Prototype"
    assert alex["goals"][1]["flags"] == ["no-milestones", "no-measure", "no-target"]
    assert texts(alex["questions"]) == ["How do I estimate?", "Any book tips?"]
    # this prep is for the first meeting: no "you haven't met" nag about it
    assert not any("haven't met" in s for s in alex["suggestions"])
    assert any("Break goal #2" in s for s in alex["suggestions"])
    assert any("Make goal #2 SMART" in s for s in alex["suggestions"])
    priya = prep(cli, "priya")
    assert priya["open_actions"] == []  # Alex's action is not Priya's
    assert texts(priya["goals"], "title") == ["Promotion", "Public speaking"]
    assert texts(priya["questions"]) == ["Any book tips?"]

    # --- Aug 5: first meeting with Alex
    at(clock, "2026-08-05", 15)
    cli("log", "alex", "--notes", "Kick-off", "--discussed", "1", "--advice", "Estimate in ranges",
        "--action", "Write an estimate doc due:+7d")  # fmt: skip
    # --- Aug 9 (Sun): work gets done
    at(clock, "2026-08-09", 18)
    cli("action", "done", "1", "--result", "p95 is 450ms today")
    cli("milestone", "done", "1")

    at(clock, "2026-08-11")
    alex = prep(cli)  # Priya has never met: she is due soonest, so name Alex
    assert alex["mentor"]["name"] == "Priya Natarajan"
    alex = prep(cli, "alex")
    assert alex["mentor"]["status"] == "on-track" and alex["mentor"]["last_met"] == "2026-08-05"
    assert alex["mentor"]["next_due"] == "2026-08-19" and alex["mentor"]["days_since_last"] == 6
    assert alex["since"] == "2026-08-05"
    report = alex["report_back"]
    assert [(a["text"], a["result"]) for a in report["actions_done"]] == [
        ("Benchmark current search", "p95 is 450ms today")
    ]
    assert texts(report["milestones_done"], "title") == ["Prototype"]
    assert texts(report["wins"]) == ["Reached milestone: Prototype"]
    assert any(s.startswith("Celebrate: you reached 'Prototype'") for s in alex["suggestions"])
    assert alex["goals"][0]["progress"] == pytest.approx(1 / 3, abs=1e-4)
    assert alex["goals"][0]["next_milestone"]["title"] == "Beta"
    assert texts(alex["questions"]) == ["Any book tips?"]  # the discussed one is gone
    assert texts(alex["pending_advice"]) == ["Estimate in ranges"]
    assert texts(alex["open_actions"]) == ["Write an estimate doc"]

    # --- Aug 13: the weekly review and a reflection
    at(clock, "2026-08-13")
    cli("action", "done", "2", "--result", "estimate doc shared")
    review = cli.json("review")
    assert review["period"] == {"start": "2026-08-07", "end": "2026-08-13"}
    assert texts(review["actions_done"]) == ["Benchmark current search", "Write an estimate doc"]
    assert texts(review["milestones_done"], "title") == ["Prototype"]
    search = review["goals"][0]
    assert search["title"] == "Ship search v2"
    assert search["progress_delta"] == pytest.approx(1 / 3, abs=1e-4)
    assert review["meetings"] == []  # Aug 5 is before the period
    assert review["advice_received"] == []
    assert review["streak_weeks"] == 2  # week of Aug 3 and this week
    assert review["reflection"] is None
    assert [m["name"] for m in review["mentors"]] == ["Alex Chen", "Priya Natarajan"]
    cli("review", "--reflect", "Good first fortnight")
    assert cli.json("review")["reflection"]["text"] == "Good first fortnight"
    assert cli.json("review", "--since", "2026-08-01")["meetings"][0]["mentor"] == "Alex Chen"

    # --- Aug 20: Alex is overdue; the meeting on the 18th is logged late
    at(clock, "2026-08-20")
    status = cli.json("status")
    assert [(m["name"], m["status"]) for m in status["mentors"]] == [
        ("Alex Chen", "overdue"), ("Priya Natarajan", "no-meetings")
    ]  # fmt: skip
    assert any("was due 2026-08-19" in s for s in prep(cli, "alex")["suggestions"])
    cli("log", "alex", "--on", "2026-08-18 16:00", "--notes", "Late entry")
    alex = prep(cli, "alex")
    assert alex["mentor"]["last_met"] == "2026-08-18" and alex["mentor"]["status"] == "on-track"
    assert alex["since"] == "2026-08-18"
    assert alex["report_back"]["actions_done"] == []  # reported at the meeting on the 18th
    review = cli.json("review")
    assert [m["held_at"] for m in review["meetings"]] == ["2026-08-18T16:00:00.000000Z"]
    assert review["reflection"]["text"] == "Good first fortnight"  # last week's, shown again

    # --- Aug 25: the unlinked goal has stalled; Priya finally met
    at(clock, "2026-08-25")
    assert "stalled" in prep(cli, "priya")["goals"][1]["flags"]
    cli("log", "priya", "--on", "yesterday 10:00", "--notes", "Rubric talk")
    assert cli.json("mentor", "show", "priya")["next_due"] == "2026-09-24"

    # --- Sep 10: advice older than 30 days with no report; Alex overdue, then lapsed
    at(clock, "2026-09-10")
    alex = prep(cli, "alex")
    assert alex["mentor"]["status"] == "overdue"
    assert any("Report back on advice #1" in s for s in alex["suggestions"])
    at(clock, "2026-09-16")
    assert prep(cli, "alex")["mentor"]["status"] == "lapsed"
    assert any("29 days since you met Alex" in s for s in prep(cli, "alex")["suggestions"])

    # --- Oct 20: a goal due soon, an overdue milestone, then the goal achieved
    at(clock, "2026-10-20")
    cli("milestone", "add", "1", "Load test", "--due", "2026-10-15")
    flags = prep(cli, "alex")["goals"][0]["flags"]
    assert "due-soon" in flags and "overdue-milestone" in flags
    cli("log", "alex", "--notes", "Launch prep")
    for milestone in ("2", "3", "4"):
        cli("milestone", "done", milestone)
    cli("goal", "done", "1")
    alex = prep(cli, "alex")
    assert texts(alex["goals"], "title") == ["Public speaking"]  # achieved goals leave the agenda
    assert any("Every goal with Alex Chen is achieved" in s for s in alex["suggestions"])
    review = cli.json("review")
    search = next(g for g in review["goals"] if g["id"] == 1)
    assert search["status"] == "achieved" and search["progress"] == 1.0
    assert search["progress_delta"] == pytest.approx(
        0.75
    )  # 1 of 4 milestones done before the period
    assert "Achieved goal: Ship search v2" in texts(review["wins"])

    # --- Nov 2: Priya's mentorship concludes and leaves the defaults
    at(clock, "2026-11-02")
    cli("mentor", "end", "priya", "--note", "Promotion case ready")
    assert [m["name"] for m in cli.json("status")["mentors"]] == ["Alex Chen"]
    assert [m["name"] for m in cli.json("review")["mentors"]] == ["Alex Chen"]
    assert prep(cli)["mentor"]["name"] == "Alex Chen"
    assert prep(cli, "priya")["mentor"]["name"] == "Priya Natarajan"  # still reachable by name


def test_prep_markdown_is_an_email_ready_agenda(journal, tmp_path):
    cli = journal
    markdown = cli("prep", "alex", "--format", "markdown").stdout
    assert markdown.startswith("# Meeting prep: Alex Chen")
    assert (
        "## Open commitments" in markdown
        and "- [ ] Draft the RFC (due 2026-11-20, overdue)" in markdown
    )
    assert "1. How do I push back on scope?" in markdown
    assert "Suggestions" not in markdown and "[bold]" not in markdown
    target = tmp_path / "agenda.md"
    cli("prep", "alex", "-o", str(target))
    assert target.read_text() == markdown
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_log_template_reuses_the_prep_agenda(journal):
    from mentorlog.core.template import build_template
    from mentorlog.store.db import read_connection
    from mentorlog.store.queries import mentor_agenda

    cli = journal
    agenda = prep(cli, "alex")
    with read_connection(cli_db()) as conn:
        template = build_template(
            "Alex Chen", datetime(2026, 11, 22, 10, tzinfo=UTC), mentor_agenda(conn, 1)
        )
    for action in agenda["open_actions"]:
        assert f"#{action['id']} {action['text']}" in template
    for question in agenda["questions"]:
        assert f"#{question['id']} {question['text']}" in template


def cli_db():
    from mentorlog.paths import db_path

    return db_path()


def test_review_options(journal):
    cli = journal
    assert cli.json("review", "--week")["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    assert cli.json("review", "--month")["period"] == {"start": "2026-10-23", "end": "2026-11-22"}
    assert cli.json("review", "--since", "2026-11-01")["period"]["start"] == "2026-11-01"
    cli.fails("review", "--week", "--month", code=2)
    cli.fails("review", "--since", "tomorrow", code=2)
    cli.fails("review", "--reflect", "", code=2)


# ------------------------------------------------------------------ human layout


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_prep_text_layout(journal):
    out = _lines(journal("prep", "alex").stdout)
    assert out[:3] == [
        "Prep for Alex Chen — system design",
        "biweekly · last met never · next due not planned · no-meetings",
        "",
    ]
    headings = [line for line in out if line and not line.startswith(" ")]
    assert headings[2:] == ["Report back (since 2026-09-01)", "Open commitments", "Goals", "Questions",
                            "Advice still pending", "Suggestions"]  # fmt: skip
    assert "  ! #1 Draft the RFC — overdue, due 2026-11-20" in out
    assert any(line.startswith("  #1 Lead a design review  ░░░░░░░░░░   0% 0/2") for line in out)


def test_status_fits_a_terminal(journal):
    out = _lines(journal("status").stdout)
    assert len(out) <= 24
    assert out[0] == "mentorlog · 2026-11-22"
    assert "  Alex Chen: no-meetings" in out


@pytest.mark.parametrize(
    "command", [["status"], ["prep", "alex"], ["review"], ["action", "list"], ["goal", "list"]]
)
def test_narrow_terminal_and_no_color(journal, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "60")
    result = journal(*command)
    assert all(len(line) <= 60 for line in result.stdout.splitlines()), result.stdout
    assert "\x1b[" not in result.stdout
    ids = {"#1", "#2"} if command[0] != "status" else {"#1"}
    assert all(i in result.stdout for i in ids)


def test_demo_builds_and_shows_the_three_views(cli, tmp_path):
    target = tmp_path / "demo.db"
    result = cli("demo", "--db", str(target))
    for marker in (
        "$ mentorlog status",
        "$ mentorlog prep",
        "$ mentorlog review",
        "Report back",
        "Suggestions",
    ):
        assert marker in result.stdout
    assert target.exists()
    data = json.loads(cli("--db", str(target), "prep", "alex", "--json").stdout)
    assert data["mentor"]["status"] == "due-soon" and data["report_back"]["actions_done"]
    assert cli.json("--db", str(target), "review")["streak_weeks"] >= 3
    cli.fails("demo", "--db", str(target), code=2)  # never overwrites a journal


def test_wins(journal):
    cli = journal
    cli("win", "add", "Gave my first talk", "--goal", "1")
    cli("milestone", "done", "1")
    wins = cli.json("win", "list")
    assert texts(wins) == ["Reached milestone: Shadow a review", "Gave my first talk"]
    assert wins[1]["mentor_id"] == 1
    cli.fails("win", "add", "", code=2)
    cli.fails("win", "add", "x", "--goal", "99", code=1)


def test_reflection_through_the_editor(journal, tmp_path, monkeypatch):
    script = tmp_path / "reflect.py"
    script.write_text(
        "import sys\nopen(sys.argv[1], 'a').write('Shipped the RFC; next: ask sooner.')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert "Saved your reflection" in journal("review", "--edit").stdout
    assert journal.json("review")["reflection"]["text"] == "Shipped the RFC; next: ask sooner."
    monkeypatch.setenv("EDITOR", "true")  # --edit opens the saved reflection: kept as it was
    assert "unchanged; nothing to save" in journal("review", "--edit").stdout  # a no-op: exit 0
    monkeypatch.setenv("EDITOR", "'unbalanced")
    assert "could not start the editor" in journal.fails("review", "--edit")
