"""Recording a mentorship through the CLI, asserting on --json output and exit codes."""

from __future__ import annotations

from mentorlog.store.db import HEAD


def test_first_run_lists_are_helpful_not_empty_tables(cli):
    result = cli("action", "list")
    assert "No actions here" in result.stdout and "mentorlog action add" in result.stdout
    assert cli.json("action", "list") == []


def test_mentors(journal):
    cli = journal
    mentors = cli.json("mentor", "list")
    assert [m["name"] for m in mentors] == ["Alex Chen", "Sam Rivera"]
    alex, sam = mentors
    assert (
        alex["cadence"] == "biweekly"
        and alex["status"] == "no-meetings"
        and alex["last_met"] is None
    )
    assert sam["last_met"] == "2026-11-15" and sam["next_due"] == "2026-12-13"
    assert sam["status"] == "on-track" and sam["days_since_last"] == 7
    shown = cli.json("mentor", "show", "sa")
    assert (
        shown["counts"]["meetings"] == 1 and shown["recent_meetings"][0]["notes"] == "Career chat"
    )
    cli("mentor", "edit", "alex", "--cadence", "weekly", "--contact", "alex@example.org")
    assert cli.json("mentor", "show", "ALEX")["cadence"] == "weekly"
    cli("mentor", "end", "sam", "--note", "Goals reached")
    assert [m["name"] for m in cli.json("mentor", "list")] == ["Alex Chen"]
    ended = cli.json("mentor", "list", "--all")[1]
    assert ended["status"] == "ended" and ended["closing_note"] == "Goals reached"


def test_single_active_mentor_may_be_omitted(cli):
    cli("mentor", "add", "Alex")
    cli("log", "--notes", "first chat")
    assert cli.json("meeting", "list")[0]["mentor"] == "Alex"


def test_log_without_mentor_never_guesses_between_several(journal):
    cli = journal
    # two active mentors, no meeting planned today: a guess could misfile the record
    line = cli.fails("log", "--notes", "who?", code=2)
    assert "Alex Chen, Sam Rivera" in line and "mentorlog log alex" in line
    assert len(cli.json("meeting", "list")) == 1


def test_goals_and_milestones(journal):
    cli = journal
    result = cli("goal", "add", "Speak at a meetup")
    assert "not SMART yet" in result.stderr and "--measure" in result.stderr
    goals = cli.json("goal", "list")
    assert [g["title"] for g in goals] == [
        "Lead a design review",
        "Get promoted",
        "Speak at a meetup",
    ]
    review = goals[0]
    assert (review["milestones_total"], review["milestones_done"], review["progress"]) == (
        2,
        0,
        0.0,
    )
    assert review["mentor"] == "Alex Chen"
    cli("milestone", "add", "1", "Lead one alone", "--due", "+3w")
    result = cli("milestone", "done", "#1", "--note", "went well")
    assert "Milestone #1 reached" in result.stdout
    detail = cli.json("goal", "show", "1")
    assert [m["title"] for m in detail["milestones"]] == [
        "Shadow a review",
        "Co-lead one",
        "Lead one alone",
    ]
    assert detail["milestones"][0]["done_on"] == "2026-11-22"
    assert detail["progress"] == round(1 / 3, 4)
    assert [a["text"] for a in detail["actions"]] == ["Draft the RFC"]
    cli("milestone", "edit", "3", "--title", "Lead one review alone")
    assert cli.json("milestone", "list", "1")[2]["title"] == "Lead one review alone"
    cli("goal", "edit", "2", "--measure", "title change", "--by", "2027-06-30", "--mentor", "sam")
    assert cli.json("goal", "show", "2")["mentor"] == "Sam Rivera"
    assert "achieved" in cli("goal", "done", "2").stdout
    assert cli.json("goal", "show", "2")["progress"] == 1.0
    cli("goal", "pause", "3")
    cli("goal", "resume", "3")
    cli("goal", "drop", "3", "--reason", "not now")
    assert [g["id"] for g in cli.json("goal", "list")] == [1]
    assert {g["status"] for g in cli.json("goal", "list", "--all")} == {
        "active",
        "achieved",
        "dropped",
    }
    assert [g["id"] for g in cli.json("goal", "list", "--mentor", "alex")] == [1]


def test_actions(journal):
    cli = journal
    open_ = cli.json("action", "list")
    assert [a["text"] for a in open_] == [
        "Draft the RFC",
        "Read DDIA chapter 1",
        "Ask about promo criteria",
    ]
    assert open_[0]["overdue"] is True and open_[0]["due"] == "2026-11-20"
    assert [a["id"] for a in cli.json("action", "list", "--overdue")] == [1]
    # linked through its goal to Alex; through its meeting to Sam
    assert [a["text"] for a in cli.json("action", "list", "--mentor", "alex")] == ["Draft the RFC"]
    assert open_[0]["mentor"] == "Alex Chen" and open_[2]["mentor"] == "Sam Rivera"
    cli("action", "done", "1", "--result", "RFC approved", "--on", "yesterday")
    done = cli.json("action", "list", "--done")
    assert done[0]["result"] == "RFC approved" and done[0]["done_on"] == "2026-11-21"
    cli("action", "drop", "2", "--reason", "read something better")
    assert cli.json("action", "show", "2")["status"] == "dropped"
    cli("action", "add", "Book a review slot", "--milestone", "2", "--done")
    added = cli.json("action", "show", "4")
    assert added["goal_id"] == 1 and added["status"] == "done"
    cli("action", "edit", "3", "--due", "2026-12-24", "--text", "Ask about the promotion rubric")
    assert cli.json("action", "show", "3")["due"] == "2026-12-24"
    assert len(cli.json("action", "list", "--all")) == 4
    assert [a["id"] for a in cli.json("action", "list", "--goal", "1")] == []


def test_advice_lifecycle(journal):
    cli = journal
    assert [a["text"] for a in cli.json("advice", "list")] == [
        "Find a sponsor",
        "Write the decision log first",
    ]
    cli("advice", "try", "1")
    cli("advice", "apply", "1", "--outcome", "review took one round")
    cli("advice", "skip", "2", "--reason", "no sponsor culture here")
    shown = cli.json("advice", "show", "1")
    assert shown["status"] == "applied" and shown["outcome"] == "review took one round"
    assert shown["status_on"] == "2026-11-22"
    assert [a["id"] for a in cli.json("advice", "list", "--status", "applied")] == [1]
    assert cli.json("advice", "list", "--status", "pending") == []
    cli("advice", "add", "Pair on the next design", "--meeting", "1", "--goal", "1")
    assert cli.json("advice", "show", "3")["mentor"] == "Sam Rivera"  # through its meeting


def test_questions_and_meetings(journal):
    cli = journal
    cli("ask", "What should I read next?")
    queued = cli.json("agenda", "list", "alex")
    assert [q["text"] for q in queued] == [
        "How do I push back on scope?",
        "What should I read next?",
    ]
    assert [q["id"] for q in cli.json("agenda", "list", "sam")] == [
        2
    ]  # unlinked shows for everyone
    cli(
        "log",
        "alex",
        "--on",
        "yesterday 15:30",
        "--notes",
        "Scope talk",
        "--discussed",
        "1",
        "--advice",
        "Say no with a trade-off",
        "--action",
        "Write a scope memo due:+1w",
        "--next",
        "+2w",
        "--mode",
        "call",
        "--minutes",
        "40",
    )
    meeting = cli.json("meeting", "show", "2")
    assert meeting["mentor"] == "Alex Chen" and meeting["held_at"] == "2026-11-21T15:30:00.000000Z"
    assert (
        meeting["mode"] == "call"
        and meeting["minutes"] == 40
        and meeting["next_date"] == "2026-12-05"  # +2w from the meeting's day, not today
    )
    assert [a["text"] for a in meeting["advice"]] == ["Say no with a trade-off"]
    assert [(a["text"], a["due"]) for a in meeting["actions"]] == [
        ("Write a scope memo", "2026-11-28")
    ]
    assert meeting["discussed"] == [{"id": 1, "text": "How do I push back on scope?"}]
    assert [q["id"] for q in cli.json("agenda", "list")] == [2]
    cli("agenda", "drop", "2")
    assert cli.json("agenda", "list") == []
    cli("meeting", "edit", "2", "--minutes", "45", "--notes", "Scope talk, longer")
    assert cli.json("meeting", "show", "2")["notes"] == "Scope talk, longer"
    assert [m["id"] for m in cli.json("meeting", "list", "alex")] == [2]
    alex = cli.json("mentor", "show", "alex")
    assert alex["last_met"] == "2026-11-21" and alex["next_due"] == "2026-12-05"


def test_log_reads_notes_from_stdin(journal):
    cli = journal
    cli("log", "alex", input="Notes piped in\nsecond line\n")
    assert cli.json("meeting", "show", "2")["notes"] == "Notes piped in\nsecond line"
    cli("log", "alex", "--notes", "-", "--advice", "x", input="dash notes")
    assert cli.json("meeting", "show", "3")["notes"] == "dash notes"


def test_db_path_and_check(cli, db_file, tmp_path):
    assert cli("db", "path").stdout.strip() == str(db_file)
    other = tmp_path / "other.db"
    assert cli("--db", str(other), "db", "path").stdout.strip() == str(other)
    cli("mentor", "add", "Alex")
    assert "ok" in cli("db", "check").stdout
    assert f"schema {HEAD}" in cli("db", "migrate").stdout
    cli("--db", str(other), "mentor", "add", "Only here")
    assert [m["name"] for m in cli.json("--db", str(other), "mentor", "list")] == ["Only here"]


def test_db_env_override(cli, tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("MENTORLOG_DB", str(target))
    cli("mentor", "add", "Env")
    assert target.exists()


def test_version_and_bare_command(cli):
    assert cli("--version").stdout.startswith("mentorlog ")
    assert "Welcome to mentorlog" in cli().stdout  # bare command: the status dashboard
