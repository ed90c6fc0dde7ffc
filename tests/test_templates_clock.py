"""The suite's journal templates never depend on the day the suite runs.

Session fixtures build their journals once; one built on the real clock passes until real time moves
past the frozen one (brag once lost its Wins that way). Here each template is built with the real
clock moved a year ahead, and every stamp in it must still be from the frozen moment or before.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest
import time_machine

from support import FROZEN, JOURNAL_STEPS, build_journal, build_sample_journal
from test_relationship import LOOP_STEPS


def _journal(home):
    return build_journal(home, JOURNAL_STEPS)


def _loop(home):
    path = _journal(home)
    return build_journal(path.parent, LOOP_STEPS)


TEMPLATES = {"journal": _journal, "loop": _loop, "sample": build_sample_journal}


def _latest_stamp(path) -> str:
    conn = sqlite3.connect(path)
    try:
        latest = ""
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
            for col in cols:
                if col in ("created_at", "updated_at"):
                    row = conn.execute(f'SELECT max("{col}") FROM "{table}"').fetchone()
                    latest = max(latest, row[0] or "")
        return latest
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_templates_are_built_on_the_frozen_clock(name, tmp_path):
    real_now = datetime.now().astimezone()
    with time_machine.travel(real_now + timedelta(days=365), tick=False):
        path = TEMPLATES[name](tmp_path / "home")
    latest = _latest_stamp(path)
    assert latest, "the template wrote no stamped rows"
    assert latest[:10] <= FROZEN.date().isoformat(), (name, latest)


def test_sample_views_are_the_same_a_year_later(cli, private_env, tmp_path):
    """The view that went red: brag over the sample journal keeps its wins whatever the real date."""
    later = tmp_path / "later"
    with time_machine.travel(datetime.now().astimezone() + timedelta(days=365), tick=False):
        build_sample_journal(later)
    private_env.mkdir(mode=0o700, exist_ok=True)
    shutil.copyfile(later / "journal.db", private_env / "journal.db")
    brag = cli.json("brag")
    assert brag["wins"] and brag["milestones_done"]
