"""Hypothesis drives every command and option with hostile input: never a traceback, exit 0/1/2,
and the journal stays intact."""

from __future__ import annotations

import os
import sqlite3

import typer
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mentorlog.cli.app import app
from test_help import ALL

STRESS = float(os.environ.get("MENTORLOG_STRESS", "0.5"))  # 1 for the full run, more for longer
SKIP = {("demo",)}  # builds a whole sample journal in a temp folder: no user input to fuzz
COMMANDS = [
    (path, command)
    for path, command in ALL
    if not hasattr(command, "commands") and path not in SKIP
]

nasty_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=20),  # surrogates, NUL, controls
    st.sampled_from(["", " ", "\x00", "a\x00b", "\udcff", "🎉", "[bold]x[/bold]", "--", "-x", "\n\n",
                     "x" * 1_000_000, "due:fri", "due:+99999y", "Alex", "al", "sam"]),
)  # fmt: skip
ids = st.one_of(
    st.sampled_from(["1", "#1", "2", "0", "-1", "#", "99999999999999999999", "1e3", "1.0", " 3 "]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
dates = st.one_of(
    st.sampled_from(["2024-02-30", "2026-13-01", "+99999d", "fri", "last fri", "today", "eoq",
                     "yesterday 25:00", "0000-01-01", "9999-12-31", "+1m", "Dec 32"]),
    st.text(max_size=12),
)  # fmt: skip
paths = st.sampled_from(["x.db", "../x.json", "./a/../b.md", "sub/dir/x", "x" * 300, "~", "", ".",
                         "with\nnewline", "nul\x00byte", "journal.db", "home/journal.db"])  # fmt: skip


def _value_for(param) -> st.SearchStrategy[str]:
    name = (param.name or "").lower()
    metavar = (getattr(param, "metavar", None) or "").upper()
    if (
        "ID" in metavar
        or name.endswith("_id")
        or name in ("goal", "milestone", "advice", "meeting", "discussed")
    ):
        return st.one_of(ids, nasty_text)
    if metavar in ("DATE", "DATETIME") or name in ("due", "on", "by", "since", "next_"):
        return dates
    if name in ("path", "output", "db_file"):
        return paths
    if name == "minutes":
        return st.sampled_from(["0", "-5", "30", "99999999999", "abc"])
    return nasty_text


@st.composite
def invocations(draw):
    path, command = draw(st.sampled_from(COMMANDS))
    args = list(path)
    for param in command.params:
        if param.name == "help":
            continue
        if param.param_type_name == "argument":
            if draw(st.integers(0, 9)) > 0:
                args.append(draw(_value_for(param)))
            continue
        if not draw(st.booleans()):
            continue
        option = draw(st.sampled_from(param.opts))
        if getattr(param, "is_flag", False):
            args.append(option)
        else:
            args += [option, draw(_value_for(param))]
    return args


@settings(max_examples=int(300 * STRESS), deadline=None, suppress_health_check=list(HealthCheck))
@given(args=invocations())
def test_no_input_breaks_mentorlog(journal, db_file, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EDITOR", "true")
    result = journal.runner.invoke(app, args, input="")
    event(f"exit {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output[-500:])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert "Traceback" not in result.output
    if result.exit_code:
        lines = result.stderr.strip().splitlines()
        assert lines and lines[-1].startswith("Error: "), (args, result.stderr[-300:])
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_fuzzer_reaches_every_command():
    assert {p for p, _ in COMMANDS} == {p for p, c in ALL if not hasattr(c, "commands")} - SKIP
    assert len(typer.main.get_command(app).commands) > 15
