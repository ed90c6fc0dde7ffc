"""User text never drives the terminal: OSC 52 (clipboard), OSC 0 (title), OSC 8 (links), CSI 2J,
BEL, CR, DEL and the C1 controls, stored through commands or a crafted import, reach no view, list,
show, confirmation or error message raw; they show as visible escapes (`\\x1b`). JSON output stays
exact JSON, with C1, DEL and U+2028/2029 escaped too.

Piped: every control but newline and tab is absent from stdout and stderr. On a terminal (a real
pseudo-terminal through `script`), where Rich adds its own styling, every ESC is Rich's SGR and
nothing from the user text (ESC ], BEL, their CSI, C1, DEL, a bare CR) comes through.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

STRESS = float(os.environ.get("MENTORLOG_STRESS", "0.5"))

C0 = [chr(c) for c in range(0x20) if chr(c) not in "\n\t"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
CONTROLS = [*C0, "\x7f", *C1]
SEQUENCES = [
    "\x1b]52;c;SGVsbG8=\x07",  # write the clipboard
    "\x1b]0;pwned\x1b\\",  # set the window title, ST-terminated
    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",  # a hyperlink
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b[31m",
    "\x9b2J",  # C1 CSI
    "\x9d0;title\x9c",  # C1 OSC ... ST
    "\x07",
    "\rforged line",
]
# NUL is refused on the way in (its own tests); every other control is stored as typed
EVERYTHING = "x" + "".join(SEQUENCES) + "".join(CONTROLS).replace("\x00", "") + "end"

hostile = st.lists(
    st.one_of(st.sampled_from(CONTROLS + SEQUENCES), st.text(alphabet="ab []\n\t\\", max_size=3)),
    min_size=1,
    max_size=8,
).map(lambda parts: "x" + "".join(parts) + "y")

RAW = re.compile("[" + re.escape("".join(CONTROLS)) + "]")


def record_everything(cli, t: str) -> None:
    """Every kind of record, each free-text field holding `t`; a refusal is fine (and its error
    line is checked like any output)."""
    if cli("mentor", "add", f"Al{t}", "--focus", t, "--contact", t, code=None).exit_code:
        cli("mentor", "add", "Al")
    steps = [
        ["goal", "add", f"G{t}", "--why", t, "--measure", t, "--mentor", "al"],
        ["milestone", "add", "1", f"M{t}"],
        ["action", "add", f"A{t}", "--mentor", "al"],
        ["log", "al", "--on", "2026-11-20 10:00", "--notes", f"N{t}", "--advice", f"Adv{t}",
         "--action", f"Act{t}", "--feedback", f"Fb{t}", "--resource", f"Res{t}", "--intro", f"I{t}"],
        ["win", "add", f"W{t}"],
        ["ask", f"Q{t}"],
        ["feedback", "add", f"F{t}", "--from", "al"],
        ["gave", "add", f"Gv{t}", "--mentor", "al"],
        ["resource", "add", f"R{t}", "--mentor", "al"],
        ["intro", "add", f"P{t}", "--by", "al", "--context", t],
        ["checkin", "add", "al", "--rating", "3", "--working", t, "--change", t],
        ["action", "done", "1", "--result", t],
        ["advice", "apply", "1", "--outcome", t],
        ["mentor", "show", f"zz{t}"],  # an error that quotes user text
        ["action", "add", f"{t}", "--goal", f"{t}"],
    ]  # fmt: skip
    for step in steps:
        check_plain(cli(*step, code=None))


LISTS = ["action", "advice", "checkin", "feedback", "gave", "goal", "intro", "meeting", "mentor",
         "milestone", "resource", "win"]  # fmt: skip
SHOWS = ["action", "advice", "checkin", "feedback", "gave", "goal", "intro", "meeting", "resource"]
VIEWS = [
    [], ["status"], ["prep", "al"], ["prep"], ["review"], ["brag"], ["timeline"], ["search", "x"],
    ["agenda", "list"], ["mentor", "show", "al"], ["export", "--format", "markdown"],
    *([kind, "list"] for kind in LISTS), *([kind, "list", "--all"] for kind in ("action", "goal",
    "resource", "mentor")), *([kind, "show", "1"] for kind in SHOWS),
]  # fmt: skip
JSON_VIEWS = [
    ["status", "--json"], ["prep", "al", "--json"], ["review", "--json"], ["brag", "--json"],
    ["timeline", "--json"], ["search", "x", "--json"], ["export"],
    *([kind, "list", "--json"] for kind in LISTS), *([kind, "show", "1", "--json"] for kind in SHOWS),
]  # fmt: skip


def check_plain(result) -> None:
    for name in ("stdout", "stderr"):
        text = getattr(result, name)
        found = RAW.search(text)
        assert found is None, (
            name,
            hex(ord(found.group())),
            text[max(0, found.start() - 40) :][:80],
        )
    assert "Traceback" not in result.stderr


def check_views(cli) -> None:
    for argv in VIEWS:
        check_plain(cli(*argv, code=None))
    for argv in JSON_VIEWS:
        result = cli(*argv, code=None)
        check_plain(result)
        if result.exit_code == 0:
            json.loads(result.stdout)  # still exact JSON


journals = count()


@settings(max_examples=max(2, int(8 * STRESS)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(t=hostile)
def test_control_characters_never_reach_piped_output(cli, tmp_path, monkeypatch, t):
    monkeypatch.setenv("MENTORLOG_DB", str(tmp_path / f"j{next(journals)}.db"))
    record_everything(cli, t)
    check_views(cli)


def test_every_control_character_and_sequence_at_once(cli, db_file):
    record_everything(cli, EVERYTHING)
    check_views(cli)
    shown = cli("action", "list").stdout
    assert "\\x1b]52;c;SGVsbG8=\\x07" in shown  # visible, as its escapes
    detail = cli.json("action", "show", "1")
    assert detail["text"] == f"A{EVERYTHING}"  # JSON keeps the text exact


def test_json_escapes_c1_del_and_line_separators(cli):
    cli("mentor", "add", "Al")
    cli("action", "add", "a\x85b\x9bc\x7fd\u2028e\u2029f\x1bg")
    raw = cli("action", "list", "--json").stdout
    assert all(ch not in raw for ch in ["\x85", "\x9b", "\x7f", "\u2028", "\u2029", "\x1b"])
    assert "a\\u0085b\\u009bc\\u007fd\\u2028e\\u2029f\\u001bg" in raw
    assert json.loads(raw)[0]["text"] == "a\x85b\x9bc\x7fd\u2028e\u2029f\x1bg"


FREE_TEXT = {"text", "title", "name", "notes", "why", "measure", "focus", "contact", "person",
             "context", "working", "change", "takeaway", "result", "outcome", "met_note",
             "acted_note", "closing_note", "status_note", "url"}  # fmt: skip


@settings(max_examples=max(2, int(6 * STRESS)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(t=hostile)
def test_a_crafted_import_never_reaches_the_terminal_raw(journal, tmp_path, monkeypatch, t):
    t = t.replace("\x00", "")  # refused on import (as on the command line): its own tests
    export = json.loads(journal("export").stdout)
    for rows in export["records"].values():
        for row in rows:
            for key in FREE_TEXT & set(row):
                row[key] = f"{row[key] or 'v'}{t}"
    crafted = tmp_path / f"crafted{next(journals)}.json"
    crafted.write_text(json.dumps(export), encoding="utf-8")
    monkeypatch.setenv("MENTORLOG_DB", str(tmp_path / f"j{next(journals)}.db"))
    imported = journal("import", str(crafted), code=None)
    check_plain(imported)
    assert imported.exit_code == 0, imported.stderr
    for argv in (["prep", "alex"], ["mentor", "show", "alex"]):
        check_plain(journal(*argv, code=None))
    check_views(journal)


# ------------------------------------------------------------------ on a real terminal

SGR = re.compile(rb"\x1b\[[0-9;]*m")
TTY_BAD = [b"\x1b]", b"\x07", b"\x7f", *(bytes([0xC2, c]) for c in range(0x80, 0xA0))]
TTY_BAD += [bytes([c]) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D, 0x1B)]


def check_tty(data: bytes) -> None:
    for bad in TTY_BAD:
        assert bad not in data, (bad, data[max(0, data.find(bad) - 60) :][:120])
    stray = SGR.sub(b"", data)
    assert b"\x1b" not in stray, stray[max(0, stray.find(b"\x1b") - 60) :][:120]
    assert stray.count(b"\r") == stray.count(b"\r\n")  # the terminal's newlines, no bare CR


@pytest.mark.skipif(shutil.which("script") is None, reason="needs util-linux script")
@settings(max_examples=max(1, int(2 * STRESS)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(t=st.one_of(st.just(EVERYTHING), hostile))
def test_control_characters_never_reach_a_terminal(cli, tmp_path, monkeypatch, t):
    db = tmp_path / f"tty{next(journals)}.db"
    monkeypatch.setenv("MENTORLOG_DB", str(db))
    record_everything(cli, t)
    mentorlog = shlex.join([sys.executable, "-m", "mentorlog"])
    typed = t.replace("\x00", "")  # argv can't hold NUL
    views = [*VIEWS, ["action", "add", f"T{typed}"], ["mentor", "show", f"zz{typed}"]]
    script = "; ".join(f"{mentorlog} {shlex.join(argv)}" for argv in views)
    env = {**os.environ, "MENTORLOG_DB": str(db), "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(["script", "-qec", script, "/dev/null"], capture_output=True, env=env,
                            stdin=subprocess.DEVNULL, timeout=300)  # fmt: skip
    assert b"Traceback" not in result.stdout
    assert SGR.search(result.stdout), "Rich styled nothing: not a terminal?"
    check_tty(result.stdout)
    check_tty(result.stderr)
