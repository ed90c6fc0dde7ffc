"""win.source (migration 0004): a goal's or milestone's win is known by where it came from and by
uuid5 of its milestone or goal, never by its text (DESIGN "Sync across devices")."""

from __future__ import annotations

import json
import shutil
import uuid

import pytest

from mentorlog.store import rows


@pytest.mark.parametrize(
    "parent", ["2564ba0b-d909-4cd8-ac22-7461e6cc1e97", "00000000-0000-4000-8000-000000000000"]
)
def test_uuid5_is_the_standard_one(parent):
    assert rows.uuid5(parent, "win") == str(uuid.uuid5(uuid.UUID(parent), "win"))
    assert rows.auto_win_uuid(parent) == str(uuid.uuid5(uuid.UUID(parent), "win"))


def _records(cli, kind: str) -> list[dict]:
    return json.loads(cli("export").stdout)["records"][kind]


def test_the_same_milestone_done_on_two_copies_makes_the_same_win(journal, db_file, tmp_path):
    """Two devices holding one journal complete the same milestone: one win, not two."""
    other = tmp_path / "other.db"
    shutil.copyfile(db_file, other)
    journal("milestone", "done", "1")
    journal("--db", str(other), "milestone", "done", "1", "--on", "yesterday")
    journal("goal", "done", "2")
    journal("--db", str(other), "goal", "done", "2")
    here = {w["text"]: (w["uuid"], w["source"]) for w in _records(journal, "win")}
    there = {
        w["text"]: (w["uuid"], w["source"])
        for w in json.loads(journal("--db", str(other), "export").stdout)["records"]["win"]
    }
    assert here == there
    ms, goal = (_records(journal, k)[i]["uuid"] for k, i in (("milestone", 0), ("goal", 1)))
    assert here["Reached milestone: Shadow a review"] == (rows.auto_win_uuid(ms), "milestone")
    assert here["Achieved goal: Get promoted"] == (rows.auto_win_uuid(goal), "goal")


def test_reopen_finds_the_win_by_its_source_not_its_text(journal):
    journal("milestone", "done", "1")
    journal("goal", "done", "2")
    journal("win", "edit", "1", "--text", "Shadowed my first review!")
    journal("win", "edit", "2", "--text", "Promoted, finally")
    journal("milestone", "reopen", "1")
    journal("goal", "reopen", "2")
    assert _records(journal, "win") == []
    journal("milestone", "done", "1")  # again: the same uuid comes back, no clash
    assert [w["source"] for w in _records(journal, "win")] == ["milestone"]


def test_a_win_typed_like_a_goals_win_is_still_the_users(journal):
    """Text alone no longer hides a win: one typed by hand on an achieved goal shows in brag."""
    journal("goal", "done", "2")
    journal("win", "add", "Achieved goal: told my manager first", "--goal", "2")
    brag = journal("brag").stdout
    assert "Achieved goal: told my manager first" in brag
    assert "Achieved goal: Get promoted" not in brag  # the goal's own win is its achieved line
    timeline = [r["text"] for r in journal.json("timeline")]
    assert "Achieved goal: told my manager first" in timeline
    assert "Achieved goal: Get promoted" not in timeline


def test_an_export_from_before_source_imports_with_its_source(journal, tmp_path, monkeypatch):
    journal("milestone", "done", "1")
    journal("goal", "done", "2")
    journal("win", "add", "Achieved goal: by hand, goal not achieved", "--goal", "1")
    journal("win", "add", "Gave a talk")
    data = json.loads(journal("export").stdout)
    expected = {w["text"]: w["source"] for w in data["records"]["win"]}
    assert sorted(expected.values()) == ["goal", "manual", "manual", "milestone"]
    data["schema"] = "0003"
    for win in data["records"]["win"]:
        del win["source"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("MENTORLOG_DB", str(tmp_path / "fresh.db"))
    journal("import", str(old))
    assert {w["text"]: w["source"] for w in _records(journal, "win")} == expected


def test_source_is_checked_on_import(journal, tmp_path, monkeypatch):
    journal("win", "add", "Gave a talk")
    data = json.loads(journal("export").stdout)
    data["records"]["win"][0]["source"] = "typed"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("MENTORLOG_DB", str(tmp_path / "fresh.db"))
    assert "win.source 'typed' is not one of manual, milestone, goal" in journal.fails(
        "import", str(bad)
    )
