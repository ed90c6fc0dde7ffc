"""Every list, show and view has a human rendering that shows what its JSON holds.

Built on the demo's sample journal (two mentors, three months, every record kind); the clock is
frozen, so each run renders the same journal the same way.
"""

from __future__ import annotations

import os
import shutil

import pytest
import typer

from mentorlog.cli.app import app
from support import build_sample_journal

TEXT_KEYS = ("name", "title", "text", "person", "summary", "what", "notes", "working", "mentor")


def _leaves():
    root = typer.main.get_command(app)
    for name, group in sorted(root.commands.items()):
        if hasattr(group, "commands") and "list" in group.commands:
            for sub in sorted(group.commands):
                if sub in ("list", "show"):
                    yield name, sub


LEAVES = list(_leaves())


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory):
    return build_sample_journal(tmp_path_factory.mktemp("sample"))


@pytest.fixture
def sample(cli, private_env, sample_template):
    private_env.mkdir(mode=0o700, exist_ok=True)
    shutil.copyfile(sample_template, private_env / "journal.db")
    os.chmod(private_env / "journal.db", 0o600)
    return cli


def _flat(text: str) -> str:
    return " ".join(text.split())


def _words(record: dict) -> str:
    for key in TEXT_KEYS:
        if isinstance(record.get(key), str) and record[key].strip():
            return " ".join(record[key].split()[:3])
    raise AssertionError(f"no text field in {sorted(record)}")


@pytest.mark.parametrize(("group", "sub"), LEAVES, ids=[" ".join(leaf) for leaf in LEAVES])
def test_human_output_shows_what_json_holds(sample, group, sub):
    items = sample.json(group, "list")
    assert items, f"the sample journal has no {group}"
    if sub == "list":
        human = _flat(sample(group, "list").stdout)
        for record in items[:3]:
            assert f"#{record['id']}" in human, (record, human)
            assert _words(record) in human, (record, human)
    else:
        record = items[0]
        key = record["name"] if group == "mentor" else str(record["id"])  # mentors go by name
        human = _flat(sample(group, "show", key).stdout)
        assert f"#{record['id']}" in human
        assert _words(record) in human, (record, human)


def test_status_human_shows_mentors_actions_and_goals(sample):
    data = sample.json("status")
    human = _flat(sample("status").stdout)
    for mentor in data["mentors"]:
        assert mentor["name"] in human
    for goal in data["goals"][:2]:
        assert _words(goal) in human


@pytest.mark.parametrize("mentor", ["alex", "priya"])
def test_prep_human_and_markdown_show_each_section_of_the_json(sample, mentor):
    data = sample.json("prep", mentor)
    human = _flat(sample("prep", mentor).stdout)
    markdown = _flat(sample("prep", mentor, "--format", "markdown").stdout)
    assert data["mentor"]["name"] in human and data["mentor"]["name"] in markdown
    for key in ("open_actions", "questions", "pending_advice", "goals"):
        for item in data.get(key, [])[:2]:
            words = _words(item)
            assert words in human, (key, words)
            assert words in markdown, (key, words)
    for suggestion in data.get("suggestions", [])[:2]:
        text = suggestion["text"] if isinstance(suggestion, dict) else suggestion
        assert " ".join(text.split()[:3]) in human


def test_review_human_shows_the_weeks_records(sample):
    data = sample.json("review", "--month")
    human = _flat(sample("review", "--month").stdout)
    shown = 0
    for key, value in data.items():
        if key == "wins":  # a milestone's win is shown as the milestone reached
            value = [w for w in value if not w.get("milestone_id")]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            try:
                words = _words(value[0])
            except AssertionError:
                continue
            assert words in human, (key, words)
            shown += 1
    assert shown >= 3


def test_timeline_search_and_brag_human(sample):
    events = sample.json("timeline")
    human = _flat(sample("timeline").stdout)
    for event in events[-3:]:
        assert f"#{event['id']}" in human
    hits = sample.json("search", "design")
    human = _flat(sample("search", "design").stdout)
    assert hits and all(f"#{h['id']}" in human for h in hits[:3])
    brag = sample("brag").stdout
    assert brag.startswith("#") and "Wins" in brag


@pytest.mark.parametrize("width", [60, 120])
def test_show_titles_use_the_whole_width(sample, monkeypatch, width):
    """A record's title is one line when it fits the terminal, not wrapped to its fields' width."""
    monkeypatch.setenv("COLUMNS", str(width))
    advice = sample.json("advice", "show", "1")
    first = sample("advice", "show", "1").stdout.splitlines()[0]
    title = f"Advice #1: {advice['text']}"
    assert title.startswith(first) and (first == title or len(first) > width - 12), first
