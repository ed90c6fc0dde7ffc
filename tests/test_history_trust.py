"""timeline and brag say each thing once and from where the journal starts (issue 18, item 10):
a milestone is one timeline line (not milestone plus its win), brag starts at the journal's first
record and leads with the highlights — goals achieved, praise — before the monthly detail."""

from __future__ import annotations

import sqlite3


def test_timeline_lists_a_milestone_and_a_goal_once(journal):
    journal("milestone", "done", "1", "--on", "2026-11-18")
    journal("goal", "done", "1", "--on", "2026-11-20")
    journal("win", "add", "Gave the talk", "--goal", "1", "--on", "2026-11-19")
    rows = journal.json("timeline", "--since", "2026-11-18")
    kinds = [
        (r["kind"], r["id"])
        for r in rows
        if r["kind"] in ("milestone_done", "goal_achieved", "win")
    ]
    assert kinds == [("milestone_done", 1), ("win", 3), ("goal_achieved", 1)]
    text = journal("timeline", "--since", "2026-11-18").stdout
    assert "Reached milestone" not in text and "Achieved goal:" not in text
    assert text.count("Shadow a review") == 1


def test_brag_starts_at_the_first_record_and_leads_with_highlights(journal):
    journal("feedback", "add", "Clear, calm review", "--from", "alex", "--kind", "praise",
            "--on", "2026-10-05")  # fmt: skip
    journal("goal", "done", "1", "--on", "2026-11-20")
    journal("win", "add", "Shipped the search", "--on", "2026-11-21")
    data = journal.json("brag")
    assert data["period"]["start"] == "2026-09-01"  # Alex since 2026-09-01, not 6 months ago
    out = journal("brag").stdout
    sections = [ln for ln in out.splitlines() if ln.startswith("## ")]
    assert sections[0] == "## Highlights"
    head = out.split("## November 2026")[0]
    assert "Lead a design review" in head and "Clear, calm review" in head
    assert out.count("Clear, calm review") == 1
    assert "Shipped the search" in out.split("## November 2026")[1]
    # an explicit --since is kept as given, even before the first record
    assert journal.json("brag", "--since", "2026-01-01")["period"]["start"] == "2026-01-01"


def test_first_record_day_reads_index_ends_not_tables(journal, db_file):
    from mentorlog.store.brag import FIRST_RECORD

    conn = sqlite3.connect(db_file)
    try:
        plan = "\n".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {FIRST_RECORD}"))
    finally:
        conn.close()
    lines = plan.splitlines()
    for table in ("advice", "win", "milestone", "feedback", "goal", "action"):
        line = next(ln for ln in lines if ln.split(" ")[:2] == ["SEARCH", table])
        assert "USING COVERING INDEX" in line, plan  # the index's first entry, no table scan


def test_goal_activity_uses_the_goal_indexes_even_when_statistics_say_not(journal, db_file):
    """Most rows link no goal, so ANALYZE makes goal_id indexes look useless and SQLite scanned
    the tables (14 ms a goal at 100k records): the query names its indexes."""
    import re

    from mentorlog.store import facts

    conn = sqlite3.connect(db_file)
    try:
        conn.executemany(
            "INSERT INTO advice (uuid, created_at, updated_at, text, status, given_on) "
            "VALUES (?, '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'x', 'new', "
            "'2026-01-01')",
            [(f"00000000-0000-4000-8000-{n:012d}",) for n in range(2000)],
        )
        conn.execute("ANALYZE")
        conn.commit()
        source = facts._goal_facts.__code__.co_consts
        sql = next(c for c in source if isinstance(c, str) and "MAX(t)" in c)
        plan = "\n".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", {"g": 1}))
    finally:
        conn.close()
    for table in ("milestone", "action", "advice", "topic", "win", "feedback", "resource"):
        assert re.search(rf"SEARCH {table} USING (COVERING )?INDEX ix_{table}_goal_id", plan), plan
