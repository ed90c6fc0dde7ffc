"""search, timeline and brag on the small journal (conftest), on a frozen clock (2026-11-22)."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorlog.store import brag as brag_store
from mentorlog.store import search as search_store
from mentorlog.store import timeline as timeline_store

STAMP = "2026-11-01 09:00:00.000000"


def insert(db, table: str, **values) -> int:
    """A record written straight into the journal (the FTS triggers index it like any write)."""
    values = {"uuid": str(uuid.uuid4()), "created_at": STAMP, "updated_at": STAMP, **values}
    conn = sqlite3.connect(db)
    try:
        with conn:
            cur = conn.execute(
                f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
        return cur.lastrowid
    finally:
        conn.close()


def found(cli, *args) -> list[tuple[str, int]]:
    return [(r["kind"], r["id"]) for r in cli.json("search", *args)]


# ------------------------------------------------------------------ the query builder


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("deleg", '"deleg"*'),
        ("Deleg scope", '"Deleg"* "scope"*'),
        ('"push back" hard', '"push back" "hard"*'),
        ('say "no thanks', '"say"* "no thanks"'),  # an unclosed quote runs to the end
        ("NEAR(a b) AND x:y OR NOT", '"NEAR(a" "b)" "AND"* "x:y" "OR" "NOT"*'),
        ("decision-log (draft)", '"decision-log"* "(draft)"*'),  # the last token is the prefix
        ("a*b ^c", '"a*b" "^c"'),  # under three letters: whole words only
        ("? -- ( ) *", None),
        ('""', None),
        ("a\x00b\udcff", '"a" "b"'),
    ],
)
def test_user_text_becomes_quoted_terms(text, query):
    # groups are joined with an explicit AND (FTS5 reads "NEAR" before "(" as NEAR(...))
    assert search_store.fts_query(text) == (
        query.replace('" "', '" AND "').replace('* "', '* AND "') if query else None
    )


def test_a_quoted_near_before_an_alternative_is_no_syntax_error(notes):
    """Hypothesis found `"NEAR"deleg`: FTS5 took the quoted NEAR and the OR group as NEAR(...)."""
    assert notes("search", "--json", '"NEAR"deleg').exit_code == 0


def test_kind_codes_are_the_migrations():
    import importlib.util
    from pathlib import Path

    import mentorlog.store.migrations.versions as versions

    source = next(Path(versions.__path__[0]).glob("0003_*.py"))
    spec = importlib.util.spec_from_file_location("m0003", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {k: v[0] for k, v in module.SEARCH_KINDS.items()} == search_store.KIND_CODES


def test_kind_vocabularies_agree():
    from mentorlog.cli.explore import SearchKind, TimelineKind

    assert [k.value for k in SearchKind] == list(search_store.KIND_CODES)
    assert [k.value for k in TimelineKind] == list(timeline_store.KINDS)


# ------------------------------------------------------------------ search


@pytest.fixture
def notes(journal, db_file):
    """A meeting with notes, advice with a why and outcome, and a reflection."""
    journal("log", "alex", "--on", "2026-11-18 16:00", "--notes",
            "Talked about delegation.\nHe said: push back on scope, kindly.")  # fmt: skip
    journal("advice", "apply", "1", "--outcome", "Reviews went faster with the log")
    insert(db_file, "reflection", period_start="2026-11-09", period_end="2026-11-15",
           text="Delegating more; scope creep is back")  # fmt: skip
    return journal


def test_words_match_by_prefix_and_stem(notes):
    assert ("meeting", 2) in found(notes, "deleg")
    assert ("meeting", 2) in found(notes, "delegating")  # the ending goes: delegat*
    assert ("reflection", 1) in found(notes, "delegation")
    assert found(notes, "DELEG", "--kind", "meeting") == [("meeting", 2)]  # case-insensitive


def test_a_typed_prefix_never_misses(notes):
    """Any beginning of a word finds it (a stemming tokenizer lost `delegat`: its stem is `deleg`)."""
    for typed in ("delega", "delegat", "delegatio", "delegation", "delegations", "Delegating"):
        assert ("meeting", 2) in found(notes, typed), typed
    assert ("reflection", 1) in found(notes, "delegates")  # delegat*: "Delegating"


def test_a_common_word_still_shows_the_best_of_each_kind(journal, db_file):
    """Many actions mentioning a word must not hide the goal that is all about it."""
    conn = sqlite3.connect(db_file)
    conn.executemany(
        "INSERT INTO action (uuid, created_at, updated_at, text, status) VALUES (?, ?, ?, ?, 'open')",
        [(str(uuid.uuid4()), STAMP, STAMP, f"budget line {i} for the quarter") for i in range(300)],
    )
    conn.commit()
    conn.close()
    journal("goal", "add", "Own the budget: budget review, budget sign-off")
    hits = found(journal, "budget")
    assert len(hits) == 50 and hits[0][0] == "goal", hits[:3]


def test_search_follows_a_goal_to_its_new_mentor(journal):
    journal("goal", "add", "Zebra goal", "--mentor", "alex", "--milestone", "Zebra milestone")
    goal = json.loads(journal("goal", "list", "--json").stdout)[-1]["id"]
    journal("action", "add", "Zebra action", "--goal", str(goal))
    journal("goal", "edit", str(goal), "--mentor", "sam")
    assert {k for k, _ in found(journal, "zebra", "--mentor", "sam")} == {
        "goal",
        "milestone",
        "action",
    }
    assert found(journal, "zebra", "--mentor", "alex") == []


def test_a_phrase_matches_as_written(notes):
    assert set(found(notes, '"push back"')) == {("meeting", 2), ("question", 1)}
    assert found(notes, '"back push"') == []
    assert ("reflection", 1) in found(notes, "back scope")  # words: any order


def test_punctuation_is_taken_literally(notes):
    assert found(notes, "scope,") == found(notes, "scope")
    assert found(notes, "NEAR(scope") == found(notes, "NEAR scope") == []  # NEAR is a word here
    assert found(notes, "body:scope")  == []  # fmt: skip
    assert ("advice", 1) in found(notes, "decision-log")


def test_rows_and_filters(notes):
    rows = notes.json("search", "scope")
    assert {tuple(r) for r in rows} == {("kind", "id", "on", "mentor", "snippet")}
    meeting = next(r for r in rows if r["kind"] == "meeting")
    assert meeting["on"] == "2026-11-18T16:00:00.000000Z" and meeting["mentor"] == "Alex Chen"
    assert "scope" in meeting["snippet"] and "\x02" not in meeting["snippet"]
    assert next(r for r in rows if r["kind"] == "reflection")["mentor"] is None
    assert found(notes, "scope", "--kind", "reflection") == [("reflection", 1)]
    both = found(notes, "scope", "-k", "reflection", "-k", "question")
    assert set(both) == {("reflection", 1), ("question", 1)}
    assert found(notes, "scope", "--mentor", "alex") == [("question", 1), ("meeting", 2)] or set(
        found(notes, "scope", "--mentor", "alex")
    ) == {("question", 1), ("meeting", 2)}
    assert found(notes, "scope", "--mentor", "sam") == []
    # a question's day is the day it was asked (today); a meeting's, its UTC moment
    assert set(found(notes, "scope", "--since", "2026-11-18")) == {("meeting", 2), ("question", 1)}
    assert found(notes, "scope", "--since", "2026-11-19", "-k", "meeting") == []
    assert ("advice", 1) in found(notes, "faster")  # the outcome is indexed with the advice


def test_best_match_first(journal, db_file):
    for text in ("budget talk, then a long list of other topics entirely", "budget budget budget"):
        insert(db_file, "win", text=text, won_on="2026-11-10")
    assert [r["id"] for r in journal.json("search", "budget")] == [2, 1]


def test_no_match_prints_nothing_and_empty_query_is_a_usage_error(notes):
    result = notes("search", "zebra")
    assert result.stdout == "" and result.stderr == ""
    assert notes("search", "zebra", "--json").stdout.strip() == "[]"
    assert notes("search", "?!").stdout == ""
    assert "empty" in notes.fails("search", "   ", code=2)
    assert notes("search", "scope", "--kind", "meetings", code=2).exit_code == 2
    assert "no mentor" in notes.fails("search", "scope", "--mentor", "zed")


def test_human_output_shows_the_match(notes):
    out = notes("search", "deleg").stdout
    assert "#2" in out and "meeting" in out and "delegation" in out and "\x02" not in out


def test_matches_are_highlighted_on_a_terminal():
    from mentorlog.render.explore import MATCH_STYLE, highlighted

    text = highlighted("…the \x02deleg\x03ation of \x02[bold]x\x03 and a stray \x03")
    assert text.plain == "…the delegation of [bold]x and a stray "
    assert [text.plain[s.start : s.end] for s in text.spans if s.style == MATCH_STYLE] == [
        "deleg",
        "[bold]x",
    ]


def test_index_follows_edits_and_deletes(journal):
    journal("action", "done", "1", "--result", "went splendidly")
    assert ("action", 1) in found(journal, "splendid")
    journal("action", "delete", "1", "--yes")
    assert found(journal, "splendid") == []


WORDS = st.sampled_from(['"', "*", "NEAR", "NEAR(", "AND", "OR", "NOT", "(", ")", ":", "body:",
                         "^", "-", "+", "\x00", "'", "\\", "{", "}", "deleg", "scope", "é", "ß"])  # fmt: skip
QUERIES = st.lists(st.one_of(WORDS, st.text(max_size=8)), min_size=1, max_size=8).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=QUERIES)
def test_no_query_ever_fails(notes, text):
    result = notes("search", "--json", "--", text, code=None)
    if text.strip():
        assert result.exit_code == 0, (text, result.stderr)
        assert isinstance(json.loads(result.stdout), list)
    else:
        assert result.exit_code == 2


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(), kinds=st.lists(st.sampled_from(list(search_store.KIND_CODES)), max_size=3))
def test_no_text_ever_reaches_fts5_as_syntax(journal, db_file, text, kinds):
    conn = sqlite3.connect(db_file)
    try:
        rows = search_store.search(conn, text, kinds, mentor_id=1)
    finally:
        conn.close()
    assert len(rows) <= search_store.LIMIT


# ------------------------------------------------------------------ timeline


def test_timeline_oldest_first_keeping_each_records_precision(journal):
    journal("action", "done", "3", "--on", "2026-11-15", "--result", "asked")
    rows = journal.json("timeline")
    assert {tuple(r) for r in rows} == {("on", "kind", "id", "text", "mentor")}
    assert [(r["kind"], r["id"], r["on"]) for r in rows] == [
        ("advice", 1, "2026-11-01"),
        ("advice", 2, "2026-11-15"),  # a day counts as its start: before that day's meeting
        ("action_done", 3, "2026-11-15"),
        ("meeting", 1, "2026-11-15T14:00:00.000000Z"),
    ]
    assert (
        rows[2]["text"] == "Ask about promo criteria → asked" and rows[2]["mentor"] == "Sam Rivera"
    )
    assert rows[3]["text"] == "Career chat" and rows[3]["mentor"] == "Sam Rivera"


def test_timeline_period_kinds_and_mentor(journal, db_file):
    insert(db_file, "win", text="Old win", won_on="2026-08-01")  # more than 90 days ago
    insert(
        db_file, "checkin", rating=4, working="Clear\nnotes", checked_on="2026-11-20", mentor_id=1
    )
    insert(
        db_file,
        "reflection",
        period_start="2026-11-09",
        period_end="2026-11-15",
        text="Line one\nline two",
    )
    assert "Old win" not in [r["text"] for r in journal.json("timeline")]
    old = journal.json("timeline", "--since", "2026-07-01", "--until", "2026-08-31")
    assert [(r["kind"], r["text"]) for r in old] == [("win", "Old win")]
    kinds = journal.json("timeline", "--kind", "checkin", "-k", "reflection")
    assert [(r["kind"], r["text"]) for r in kinds] == [
        ("reflection", "Line one"),
        ("checkin", "rated 4/5; working: Clear notes"),
    ]
    alex = journal.json("timeline", "--mentor", "alex")
    assert {(r["kind"], r["id"]) for r in alex} == {("advice", 1), ("checkin", 1)}
    journal("action", "done", "1")  # linked to Alex only through its goal
    assert ("action_done", 1) in {
        (r["kind"], r["id"]) for r in journal.json("timeline", "-m", "alex")
    }
    assert journal.json("timeline", "--since", "2026-11-21", "--kind", "meeting") == []
    assert "after it ends" in journal.fails(
        "timeline", "--since", "2026-11-20", "--until", "2026-11-01", code=2
    )
    assert "Nothing recorded" in journal("timeline", "--until", "2026-01-01").stdout
    assert journal("timeline", "--kind", "nope", code=2).exit_code == 2


def test_timeline_human_output(journal):
    out = journal("timeline").stdout
    assert "2026-11-15 14:00" in out and "Career chat" in out and "#1" in out


# ------------------------------------------------------------------ brag

SECRETS = ("CONSTRUCTIVE-canary", "GIVEN-canary", "UNCATEGORISED-canary", "NOTES-canary",
           "MILESTONE-NOTE-canary", "WHY-canary")  # fmt: skip


@pytest.fixture
def bragging(journal, db_file):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "Private NOTES-canary here")
    journal("goal", "edit", "1", "--why", "WHY-canary", code=None)
    journal("milestone", "done", "1", "--on", "2026-10-05", "--note", "MILESTONE-NOTE-canary")
    journal("advice", "apply", "1", "--outcome", "Reviews took one round")  # today
    journal("advice", "apply", "2")  # no outcome: nothing to show
    journal("action", "done", "1", "--on", "2026-11-12", "--result", "RFC approved")
    journal("action", "done", "2", "--on", "2026-11-12")  # no result: nothing to show
    journal("win", "add", "Gave the team talk", "--on", "2026-09-30")
    for text, direction, kind in (("Great talk!", "received", "praise"),
                                  ("CONSTRUCTIVE-canary", "received", "constructive"),
                                  ("GIVEN-canary", "given", "praise"),
                                  ("UNCATEGORISED-canary", "received", None)):  # fmt: skip
        insert(
            db_file,
            "feedback",
            text=text,
            direction=direction,
            kind=kind,
            given_on="2026-11-05",
            mentor_id=1,
        )
    insert(db_file, "goal", title="Speak at a meetup", measure="one talk given", status="achieved",
           achieved_on="2026-10-20", mentor_id=2, horizon="short")  # fmt: skip
    return journal


def test_brag_json_keys_and_contents(bragging):
    data = bragging.json("brag")
    assert list(data) == ["period", "wins", "milestones_done", "goals_achieved", "praise",
                          "advice_outcomes", "actions_with_results"]  # fmt: skip
    # six months back, but not before the journal's first record (Alex, since 2026-09-01)
    assert data["period"] == {"start": "2026-09-01", "end": "2026-11-22"}
    assert [w["text"] for w in data["wins"]] == [
        "Gave the team talk"
    ]  # the milestone's own win: once
    assert [(m["title"], m["goal"]) for m in data["milestones_done"]] == [
        ("Shadow a review", "Lead a design review")
    ]
    assert [(g["title"], g["measure"]) for g in data["goals_achieved"]] == [
        ("Speak at a meetup", "one talk given")
    ]
    assert [(p["text"], p["mentor"]) for p in data["praise"]] == [("Great talk!", "Alex Chen")]
    assert [(a["id"], a["outcome"]) for a in data["advice_outcomes"]] == [
        (1, "Reviews took one round")
    ]
    assert [(a["id"], a["result"]) for a in data["actions_with_results"]] == [(1, "RFC approved")]
    assert bragging.json("brag", "--since", "2026-11-06")["praise"] == []
    alex = bragging.json("brag", "--mentor", "alex")
    assert alex["goals_achieved"] == [] and [a["id"] for a in alex["actions_with_results"]] == [1]


def test_brag_never_shows_what_is_private(bragging, tmp_path):
    outputs = [bragging("brag").stdout, bragging("brag", "--format", "json").stdout,
               bragging("brag", "--since", "2020-01-01", "--mentor", "alex").stdout]  # fmt: skip
    bragging("brag", "--json", "-o", str(tmp_path / "b.json"))
    bragging("brag", "-o", str(tmp_path / "b.md"))
    outputs += [(tmp_path / "b.json").read_text(), (tmp_path / "b.md").read_text()]
    for text in outputs:
        assert "Great talk!" in text
        for secret in SECRETS:
            assert secret not in text


def test_brag_markdown_by_month_newest_first(bragging):
    out = bragging("brag").stdout
    months = [line for line in out.splitlines() if line.startswith("## ")]
    assert months == ["## Highlights", "## November 2026", "## October 2026", "## September 2026"]
    assert "2026-09-01 → 2026-11-22" in out  # from the journal's first record
    highlights = out.split("## Highlights")[1].split("## November")[0]
    assert highlights.index("### Goals achieved") < highlights.index("### Praise received")
    assert "Speak at a meetup — measure: one talk given" in highlights
    november = out.split("## November 2026")[1].split("## October")[0]
    assert "### Praise received" not in november  # said once, in the highlights
    assert "- 2026-11-12: Draft the RFC → RFC approved" in november
    assert "Nothing to show" in bragging("brag", "--until", "2026-01-01").stdout


def test_brag_file_is_private_and_never_overwrites(bragging, db_file, tmp_path):
    target = tmp_path / "brag.md"
    assert bragging("brag", "-o", str(target)).stdout.startswith("Wrote ")
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert "already exists" in bragging.fails("brag", "-o", str(target))
    bragging("brag", "--json", "-o", str(target), "--force")
    assert json.loads(target.read_text())["praise"]
    before = db_file.read_bytes()
    assert "your journal" in bragging.fails("brag", "-o", str(db_file), "--force")
    assert db_file.read_bytes() == before
    assert "folder" in bragging.fails("brag", "-o", str(tmp_path))


# ------------------------------------------------------------------ flat at 100k


def _plan(conn, sql: str, params) -> str:
    return "\n".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_queries_are_bounded_by_an_index(journal, db_file):
    """The FTS index for search (walked by rowid, no sort of all matches), a date index per kind
    for timeline and brag: nothing scans a whole record table."""
    conn = sqlite3.connect(db_file)
    try:
        clauses, params = search_store._filters(1, ("2026-11-01", STAMP))
        bounds = search_store._kind_range("meeting")
        plan = _plan(conn, search_store.ranking_sql(clauses), {"q": '"x"*', **params, **bounds})
        assert "VIRTUAL TABLE INDEX" in plan and "TEMP B-TREE" not in plan, plan
        low = bounds["low"] + 1
        plan = _plan(
            conn,
            search_store.snippet_sql([low, low + 2]),
            {"q": '"x"*', "low": low, "high": low + 2},
        )
        assert "VIRTUAL TABLE INDEX" in plan and "TEMP B-TREE" not in plan, plan
        days = {
            "start": "2026-09-01",
            "end": "2026-11-22",
            "low": STAMP,
            "high": STAMP,
            "mentor": 1,
        }
        sqls = [
            timeline_store.timeline_sql(k, m) for k in timeline_store.KINDS for m in (False, True)
        ]
        sqls += [brag_store.brag_sql(s, m) for s in brag_store.SECTIONS for m in (False, True)]
        for sql in filter(None, sqls):
            plan = _plan(conn, sql, days)
            first = plan.splitlines()[0]
            assert "USING INDEX" in first or "USING COVERING INDEX" in first, (sql, plan)
            scans = [line for line in plan.splitlines() if line.startswith(("SCAN", "  SCAN"))]
            assert not [s for s in scans if "USING" not in s], (sql, plan)
    finally:
        conn.close()


# ------------------------------------------------------------------ the text of deleted records


def test_deleted_text_is_gone_from_every_journal_file(journal, db_file):
    canary = "zzqvxsecretcanary"
    for day in ("2026-11-16", "2026-11-17"):
        journal("log", "sam", "--on", f"{day} 10:00", "--notes", f"routine notes for {day}")
    journal("log", "sam", "--on", "2026-11-18 10:00", "--notes", f"the {canary} plan")
    journal("log", "sam", "--on", "2026-11-19 10:00", "--notes", "more routine notes")
    assert found(journal, canary) == [("meeting", 4)]

    def holding() -> list[str]:
        files = db_file.parent.glob("journal.db*")
        return [p.name for p in files if canary[:-1].encode() in p.read_bytes()]  # the stem too

    assert holding() == ["journal.db"]
    journal("meeting", "delete", "4", "--yes")
    assert holding() == []
    assert found(journal, canary) == [] and found(journal, "routine")


def test_db_check_runs_the_search_index_integrity_check(journal, db_file):
    assert journal("db", "check").stdout.startswith("ok:")
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute(
            "DELETE FROM search_index_content WHERE id = (SELECT MIN(id) FROM search_index_content)"
        )
    conn.close()
    assert "search index is damaged" in journal.fails("db", "check")


def test_json_output_starts_light(journal, db_file):
    """--json of all three reads the journal with sqlite3 alone: no Typer, Rich or SQLAlchemy."""
    import subprocess
    import sys

    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    for argv in (["search", "scope", "--json"], ["timeline", "--json"], ["brag", "--json"]):
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentorlog", *argv],
                                capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)  # fmt: skip
        assert result.returncode == 0, (argv, result.stderr[-500:])
        imported = {
            line.split("|")[-1].strip().split(".")[0]
            for line in result.stderr.splitlines()
            if "|" in line
        }
        assert not {"typer", "click", "rich", "sqlalchemy", "sqlmodel", "alembic"} & imported, argv


def test_a_long_note_gets_a_short_snippet_around_its_first_hit(journal):
    """Past LONG_BODY characters the window is cut in Python (FTS5 snippet() is quadratic in hits)."""
    from mentorlog.store.search import LONG_BODY

    filler = "agenda item " * (LONG_BODY // 12 + 10)
    journal("log", "alex", "--notes", filler + "the quarterly roadmap decision " + filler)
    (hit,) = [h for h in journal.json("search", "roadmap") if h["kind"] == "meeting"]
    assert "roadmap" in hit["snippet"] and len(hit["snippet"]) < 200
    assert hit["snippet"].startswith("…") and hit["snippet"].endswith("…")
    human = journal("search", "roadmap").stdout
    assert "roadmap" in human
