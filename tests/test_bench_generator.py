"""The benchmark's journals are valid journals: the views read them, links hold, open work stays small."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from bench.generate import OPEN_ACTIONS, generate, write_jrnl, write_taskwarrior


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
    conn.close()
    prep = cli.json("--db", str(path), "prep", "Alex")
    assert prep["mentor"]["name"] == "Alex Chen" and prep["open_actions"]
    assert cli.json("--db", str(path), "review")["actions_done"]
    jrnl, tasks = tmp_path / "j.txt", tmp_path / "t.json"
    write_jrnl(journal, jrnl)
    write_taskwarrior(journal, tasks)
    assert jrnl.read_text().count("\n[20") + 1 == len(journal.entries)
    assert all(json.loads(line)["description"] for line in tasks.read_text().splitlines())
