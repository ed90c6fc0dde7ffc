"""The benchmark's journals are valid journals: the views read them, links hold, open work stays small."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date

import pytest
from bench.__main__ import SEARCH_WORD, Command, copy_journal, one_each, run_once
from bench.generate import (
    OPEN_ACTIONS,
    OPEN_RESOURCES,
    PENDING_INTROS,
    WORDS,
    add_open_actions,
    generate,
    write_jrnl,
    write_taskwarrior,
)


@pytest.mark.parametrize("size", [600, 3000])
def test_generated_journal_is_valid_and_realistic(cli, tmp_path, size):
    path = tmp_path / "bench.db"
    journal = generate(path, size, today=date(2026, 11, 22))
    assert abs(sum(journal.counts.values()) - size) <= 10
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert (
        conn.execute("SELECT COUNT(*) FROM action WHERE status = 'open'").fetchone()[0]
        == OPEN_ACTIONS
    )
    assert conn.execute("SELECT MAX(done_on) FROM action").fetchone()[0] <= "2026-11-22"
    for table, column in (("goal", "achieved_on"), ("resource", "done_on"), ("introduction", "met_on"),
                          ("feedback", "acted_on"), ("checkin", "checked_on")):  # fmt: skip
        assert (
            conn.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0] or ""
        ) <= "2026-11-22"
    # the new kinds in proportion to meetings, their open work small
    meetings = journal.counts["meeting"]
    assert journal.counts["feedback"] == pytest.approx(meetings / 3, rel=0.05)
    assert journal.counts["resource"] == pytest.approx(meetings / 4, rel=0.05)
    assert journal.counts["contribution"] == pytest.approx(meetings / 5, rel=0.05)
    assert journal.counts["introduction"] == pytest.approx(meetings / 8, rel=0.1)
    assert journal.counts["checkin"] >= size // 12 // 90 * 3 - 3
    open_resources = "SELECT COUNT(*) FROM resource WHERE status IN ('queued', 'started')"
    assert conn.execute(open_resources).fetchone()[0] == OPEN_RESOURCES
    pending_intros = "SELECT COUNT(*) FROM introduction WHERE met_on IS NULL"
    assert conn.execute(pending_intros).fetchone()[0] == PENDING_INTROS
    # the triggers indexed every record (mentors are not searched)
    indexed = conn.execute("SELECT COUNT(*) FROM search_index").fetchone()[0]
    assert indexed == sum(journal.counts.values()) - journal.counts["mentor"]
    conn.close()
    assert SEARCH_WORD in WORDS
    assert len(cli.json("--db", str(path), "search", SEARCH_WORD)) == 50
    assert cli.json("--db", str(path), "timeline")
    brag = cli.json("--db", str(path), "brag")
    assert all(brag[key] for key in ("wins", "praise", "advice_outcomes", "actions_with_results"))
    prep = cli.json("--db", str(path), "prep", "Alex")
    assert prep["mentor"]["name"] == "Alex Chen" and prep["open_actions"]
    assert cli.json("--db", str(path), "review")["actions_done"]
    jrnl, tasks = tmp_path / "j.txt", tmp_path / "t.json"
    write_jrnl(journal, jrnl)
    write_taskwarrior(journal, tasks)
    assert jrnl.read_text().count("\n[20") + 1 == len(journal.entries)
    assert all(json.loads(line)["description"] for line in tasks.read_text().splitlines())


def test_writes_get_their_own_copy_and_an_open_action_per_run(cli, tmp_path):
    """`action done` marks a different prepared action each run, on a copy the views never read."""
    reads, writes = tmp_path / "reads.db", tmp_path / "writes.db"
    journal = generate(reads, 600, today=date(2026, 11, 22))
    assert journal.mentors[0] == "Alex Chen" and len(journal.mentors) == 3
    copy_journal(reads, writes)
    ids = add_open_actions(writes, 3)
    argv = one_each(ids, lambda i: ["action", "done", str(i), "--result", "benchmark"])
    for _ in ids:
        cli("--db", str(writes), *argv())
    with pytest.raises(SystemExit):
        argv()
    conn = sqlite3.connect(writes)
    marked = conn.execute(
        f"SELECT status, result FROM action WHERE id IN ({','.join(map(str, ids))})"
    )
    assert marked.fetchall() == [("done", "benchmark")] * 3
    assert (
        conn.execute("SELECT COUNT(*) FROM action WHERE status = 'open'").fetchone()[0]
        == OPEN_ACTIONS
    )
    conn.close()
    conn = sqlite3.connect(reads)
    assert conn.execute("SELECT MAX(id) FROM action").fetchone()[0] < min(ids)
    conn.close()


def test_run_once_reads_both_pipes_to_the_end(tmp_path):
    """A command writing more than a pipe holds to stdout and stderr neither blocks nor loses its status."""
    loud = "import sys; sys.stdout.write('x' * 300_000); sys.stderr.write('y' * 300_000)"
    elapsed, rss = run_once(Command("loud", [sys.executable, "-c", loud], {}))
    assert elapsed > 0 and rss > 0
    with pytest.raises(SystemExit, match="failed"):
        run_once(Command("fails", [sys.executable, "-c", "raise SystemExit(3)"], {}))
