"""`mentorlog sync` between devices over a file:// bare repository (DESIGN "Sync across devices"):
offline edits on both converge, nothing is lost, conflicts show, the remote sees only ciphertext."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from typing import ClassVar

import pytest

from support import FROZEN, dump
from sync_support import KEY, Device, make_key, repo_objects


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("MENTORLOG_SYNC_KEY", KEY)


@pytest.fixture
def remote(tmp_path):
    return tmp_path / "remote.git"


@pytest.fixture
def url(remote):
    return remote.as_uri()


@pytest.fixture
def devices(tmp_path, monkeypatch, clock):
    return [Device(tmp_path / name, monkeypatch, name) for name in ("a", "b", "c")]


def _setup(a: Device, b: Device, url: str) -> None:
    a("mentor", "add", "Alex Chen", "--since", "2026-09-01")
    a("goal", "add", "Lead a design review", "--mentor", "alex", "--milestone", "Shadow one")
    a("action", "add", "Draft the RFC", "--goal", "1")
    a("action", "add", "Read DDIA", "--mentor", "alex")
    a("log", "alex", "--on", "2026-11-15 14:00", "--notes", "First meeting\nTalked scope")
    assert "Synced with" in a("sync", "init", url).stdout
    out = b("sync", "join", url).stdout
    assert "In: 2 actions, 1 goal, 1 meeting, 1 mentor, 1 milestone new" in out
    assert b.records() == a.records()


def test_two_devices_edit_offline_and_end_with_one_journal(devices, url, remote, clock):
    a, b, _ = devices
    _setup(a, b, url)
    # offline on both
    a("log", "alex", "--notes", "Logged on the laptop CANARY-LAPTOP")
    b("log", "alex", "--notes", "Logged on the desktop CANARY-DESKTOP")
    a("goal", "edit", "1", "--measure", "one review led")  # the same goal, different fields
    b("goal", "edit", "1", "--why", "leadership is next")
    b("action", "done", "1", "--result", "sent to the team")  # the same action: done here...
    a("action", "edit", "1", "--text", "Draft the RFC for search")  # ...edited there
    clock.shift(60)
    a("action", "delete", "2", "--yes")  # deleted on one...
    b("action", "edit", "2", "--due", "2026-12-20")  # ...edited on the other
    a("milestone", "done", "1")  # the same milestone completed on both
    b("milestone", "done", "1")
    a("mentor", "add", "Sam Rivera")  # a mentor of the same name added on both
    b("mentor", "add", "Sam Rivera")
    a("sync")
    b("sync")
    a("sync")
    ra, rb = a.records(), b.records()
    assert ra == rb
    meetings = sorted(m["notes"] for m in ra["meeting"].values())
    assert meetings == [
        "First meeting\nTalked scope",
        "Logged on the desktop CANARY-DESKTOP",
        "Logged on the laptop CANARY-LAPTOP",
    ]
    (goal,) = ra["goal"].values()
    assert (goal["measure"], goal["why"]) == ("one review led", "leadership is next")
    actions = {r["text"]: r for r in ra["action"].values()}
    rfc = actions["Draft the RFC for search"]
    assert (rfc["status"], rfc["result"]) == ("done", "sent to the team")
    assert actions["Read DDIA"]["due_date"] == "2026-12-20"  # the edit kept, against the delete
    assert len(ra["win"]) == 1  # one milestone, one win
    names = sorted(m["name"] for m in ra["mentor"].values())
    assert names == ["Alex Chen", "Sam Rivera", "Sam Rivera (2)"]
    kinds = sorted(c["kind"] for c in a.conflicts())
    assert kinds == ["delete", "name"]
    assert a.conflicts() == b.conflicts() or _same_conflicts(a, b)
    for device in (a, b):
        assert "ok:" in device("db", "check").stdout
        assert "2 sync conflicts — mentorlog sync conflicts" in device("status").stdout
    for line in (a("sync").stdout, b("sync").stdout):  # settled: syncing again changes nothing
        assert "Out: nothing new here" in line and "In: nothing new there" in line
    _fsck(remote)


def _fsck(repo) -> None:
    """git's own check of the remote: every object the pushes sent is there, linked, sound."""
    import subprocess

    if shutil.which("git") is None:
        return
    result = subprocess.run(
        ["git", "--git-dir", str(repo), "fsck", "--full", "--strict"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "missing" not in result.stdout + result.stderr


def _same_conflicts(a: Device, b: Device) -> bool:
    """The same conflicts, each device naming its own side `mine`."""
    key = lambda c: (c["record"]["uuid"], c["kind"])  # noqa: E731
    ca, cb = sorted(a.conflicts(), key=key), sorted(b.conflicts(), key=key)
    return [key(c) for c in ca] == [key(c) for c in cb]


def test_the_remote_and_every_repository_hold_only_ciphertext(devices, url, remote):
    a, b, _ = devices
    a("mentor", "add", "CANARY-NAME-7f3a")
    a("log", "canary", "--notes", "CANARY-NOTE-91b2 something private")
    a("sync", "init", url)
    b("sync", "join", url)
    b("action", "add", "CANARY-ACTION-55c1")
    b("sync")
    a("sync")
    canaries = [b"CANARY-NAME-7f3a", b"CANARY-NOTE-91b2", b"CANARY-ACTION-55c1"]
    for folder in (remote, a.home / "journal.sync.git", b.home / "journal.sync.git"):
        objects = repo_objects(folder)
        assert len(objects) > 10
        for raw in objects:
            assert not any(c in raw for c in canaries), folder
        for path in folder.rglob("*"):  # nothing checked out, nothing in plain beside the objects
            if path.is_file():
                data = path.read_bytes()
                assert not any(c in data for c in canaries), path


def test_a_wrong_key_fails_before_anything_is_written(devices, url, monkeypatch):
    a, b, _ = devices
    a("mentor", "add", "Alex")
    a("sync", "init", url)
    b("mentor", "add", "Sam")
    before = dump(b.db)
    monkeypatch.setenv("MENTORLOG_SYNC_KEY", make_key())
    line = b.fails("sync", "join", url, code=2)
    assert "that key does not open the journal" in line
    assert dump(b.db) == before
    assert not (b.home / "journal.sync.git").exists()
    monkeypatch.delenv("MENTORLOG_SYNC_KEY")
    line = b.fails("sync", "join", url, input="AGE-SECRET-KEY-1NOTAKEY\n", code=2)
    assert "that sync key is damaged" in line and dump(b.db) == before
    b("sync", "join", url, input=KEY + "\n", code=1)  # the right key, but no keyring to keep it in
    assert dump(b.db) == before


def test_no_keyring_says_to_set_the_environment_variable(devices, url, monkeypatch):
    a = devices[0]
    a("mentor", "add", "Alex")
    monkeypatch.delenv("MENTORLOG_SYNC_KEY")
    before = dump(a.db)
    line = a.fails("sync", "init", url)
    assert "MENTORLOG_SYNC_KEY" in line and "keyring" in line
    assert dump(a.db) == before


def test_init_shows_a_new_key_once_and_the_keyring_keeps_it(devices, url, monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1
        store: ClassVar[dict] = {}

        def get_password(self, service, user):
            return self.store.get((service, user))

        def set_password(self, service, user, password):
            self.store[(service, user)] = password

        def delete_password(self, service, user):
            self.store.pop((service, user), None)

    keyring.set_keyring(Memory())
    try:
        a, b, _ = devices
        monkeypatch.delenv("MENTORLOG_SYNC_KEY")
        a("mentor", "add", "Alex")
        out = a("sync", "init", url).stdout
        key = next(w for w in out.split() if w.startswith("AGE-SECRET-KEY-1"))
        assert f"mentorlog sync join {url}" in out
        assert "AGE-SECRET-KEY" not in a("sync").stdout  # shown once
        Memory.store.clear()  # the other device has its own keyring
        b("sync", "join", url, input=key + "\n")
        assert b.records() == a.records()
        assert "Out: nothing new here" in b("sync").stdout  # the keyring answers now
    finally:
        keyring.set_keyring(keyring.backends.fail.Keyring())


def test_a_remote_holding_another_journal_is_refused(devices, tmp_path, monkeypatch):
    a, b, _ = devices
    first, other = (tmp_path / "first.git").as_uri(), (tmp_path / "other.git").as_uri()
    a("mentor", "add", "Alex")
    a("sync", "init", first)
    monkeypatch.setenv("MENTORLOG_SYNC_KEY", make_key())
    b("mentor", "add", "Sam")
    b("sync", "init", other)
    monkeypatch.setenv("MENTORLOG_SYNC_KEY", KEY)
    line = a.fails("sync", "init", other)
    assert "already syncs" in line
    # point A's state at B's remote, as a typo in a config would
    import sqlite3

    conn = sqlite3.connect(a.db)
    conn.execute("UPDATE sync_state SET remote = ?", (other,))
    conn.commit()
    conn.close()
    before = dump(a.db)
    line = a.fails("sync")
    assert "holds another journal" in line
    assert dump(a.db) == before


def test_an_unreachable_remote_loses_nothing_and_the_next_sync_finishes(devices, url, remote):
    a, b, _ = devices
    _setup(a, b, url)
    a("action", "add", "Written while offline")
    shutil.move(remote, remote.with_name("away.git"))
    line = a.fails("sync")
    assert "can't reach the sync remote" in line and "next 'mentorlog sync'" in line
    status = a.json("sync", "status")
    assert status["unpushed"] and status["waiting"]["total"] == 0  # committed here, not pushed
    shutil.move(remote.with_name("away.git"), remote)
    a("sync")
    b("sync")
    assert "Written while offline" in {r["text"] for r in b.records()["action"].values()}


def test_a_remote_that_moves_during_the_merge_is_merged_again(devices, url, remote, monkeypatch):
    """B pushes between A's fetch and A's push: A's push is refused, A fetches and merges again."""
    from mentorlog.store.sync import engine

    a, b, _ = devices
    _setup(a, b, url)
    a("action", "add", "From A")
    b("action", "add", "From B")
    pushed_between: list[int] = []
    real = engine.fault

    def interleave(step: str) -> None:
        if step == "merged" and not pushed_between:
            pushed_between.append(1)
            result = b.run("sync", "run")
            assert result.returncode == 0, result.stderr
        real(step)

    monkeypatch.setattr(engine, "fault", interleave)
    out = a("sync").stdout
    assert pushed_between and "From" not in out
    monkeypatch.setattr(engine, "fault", real)
    b("sync")
    texts = {r["text"] for r in a.records()["action"].values()}
    assert {"From A", "From B"} <= texts
    _fsck(remote)
    assert a.records() == b.records()


def test_status_and_json(devices, url):
    a, b, _ = devices
    _setup(a, b, url)
    a("action", "add", "new one")
    a("action", "edit", "1", "--text", "changed one")
    a("action", "delete", "2", "--yes")
    found = a.json("sync", "status")
    assert list(found) == [
        "remote",
        "folder",
        "device",
        "last_sync",
        "waiting",
        "unpushed",
        "conflicts",
    ]
    assert found["remote"] == url and found["last_sync"] == "2026-11-22T10:00:00.000000Z"
    assert found["waiting"] == {
        "added": {"action": 1},
        "changed": {"action": 1},
        "deleted": {"action": 1},
        "total": 3,
    }
    text = a("sync", "status").stdout
    assert "Waiting to go out: 1 action new; 1 action changed; 1 action deleted." in text
    out = a("sync").stdout
    assert "Out: 1 action new; 1 action changed; 1 action deleted" in out
    assert (
        b("sync").stdout.splitlines()[2] == "  In: 1 action new; 1 action changed; 1 action deleted"
    )


def test_the_same_field_edited_on_both_conflicts_and_resolves(devices, url, clock):
    a, b, _ = devices
    _setup(a, b, url)
    a("action", "edit", "1", "--text", "RFC: the laptop's words")
    clock.shift(30)
    b("action", "edit", "1", "--text", "RFC: the desktop's words")  # later: it wins the tie
    a("sync")
    b("sync")
    a("sync")
    assert {r["text"] for r in a.records()["action"].values()} >= {"RFC: the desktop's words"}
    (conflict,) = a.json("sync", "conflicts")
    assert conflict["kind"] == "field" and conflict["field"] == "text"
    assert conflict["record"]["kind"] == "action" and conflict["record"]["id"] == 1
    assert (conflict["mine"], conflict["theirs"]) == (
        "RFC: the laptop's words",
        "RFC: the desktop's words",
    )
    (there,) = b.json("sync", "conflicts")
    assert (there["mine"], there["theirs"]) == (conflict["theirs"], conflict["mine"])
    assert "1 sync conflict — mentorlog sync conflicts" in a("prep").stdout
    shown = a("sync", "conflicts").stdout
    assert "mine:   RFC: the laptop's words" in shown
    assert "Settled sync conflict #1" in a("sync", "resolve", "1", "--keep", "mine").stdout
    assert a.json("sync", "conflicts") == []
    assert "already" in a.fails("sync", "resolve", "1", "--keep", "mine")
    assert "--keep" in a.fails("sync", "resolve", "1", code=2)
    a("sync")
    b("sync")
    assert b.json("sync", "conflicts") == []
    assert b.json("action", "show", "1")["text"] == "RFC: the laptop's words"
    assert "sync conflict" not in b("status").stdout


def test_notes_edited_on_both_merge_line_by_line(devices, url, clock):
    a, b, _ = devices
    _setup(a, b, url)
    a("meeting", "edit", "1", "--notes", "First meeting, laptop\nTalked scope")
    b("meeting", "edit", "1", "--notes", "First meeting\nTalked scope and the desktop")
    a("sync")
    b("sync")
    a("sync")
    notes = a.json("meeting", "show", "1")["notes"]
    assert notes == "First meeting, laptop\nTalked scope and the desktop"
    assert a.json("sync", "conflicts") == []
    # now both change the same line: both kept, between markers, and a conflict
    clock.shift(60)
    a("meeting", "edit", "1", "--notes", "Laptop line\nTalked scope and the desktop")
    b("meeting", "edit", "1", "--notes", "Desktop line\nTalked scope and the desktop")
    a("sync")
    b("sync")
    a("sync")
    notes = a.json("meeting", "show", "1")["notes"]
    assert "Laptop line" in notes and "Desktop line" in notes and "<<<<<<< sync" in notes
    (conflict,) = a.json("sync", "conflicts")
    assert conflict["kind"] == "text"
    a("sync", "resolve", str(conflict["id"]), "--keep", "both")
    notes = a.json("meeting", "show", "1")["notes"]
    assert "<<<<<<<" not in notes and "Laptop line" in notes and "Desktop line" in notes


def test_delete_against_edit_resolves_either_way(devices, url, clock):
    a, b, _ = devices
    _setup(a, b, url)
    a("action", "delete", "2", "--yes")
    b("action", "edit", "2", "--text", "Read DDIA, chapter 2")
    a("sync")
    b("sync")
    a("sync")
    (conflict,) = a.json("sync", "conflicts")
    assert conflict["kind"] == "delete"
    assert (conflict["mine"], conflict["theirs"]) == ("deleted", "kept")  # A deleted it
    a("sync", "resolve", str(conflict["id"]), "--keep", "mine")
    assert "Read DDIA, chapter 2" not in a("action", "list", "--all").stdout
    a("sync")
    b("sync")
    assert a.records() == b.records()
    assert "Read DDIA" not in b("action", "list", "--all").stdout


def test_a_record_added_to_a_deleted_parent_brings_it_back(devices, url):
    a, b, _ = devices
    _setup(a, b, url)
    a("goal", "delete", "1", "--yes")
    b("milestone", "add", "1", "Co-lead one")
    a("sync")
    b("sync")
    a("sync")
    ra = a.records()
    assert ra == b.records()
    assert len(ra["goal"]) == 1  # brought back for the milestone added to it
    assert [m["title"] for m in ra["milestone"].values()] == ["Co-lead one"]  # A's delete stands
    assert [c["kind"] for c in a.conflicts()] == ["delete"]
    assert "ok:" in a("db", "check").stdout


def test_two_mentors_of_one_name_become_one_when_told(devices, url, clock):
    a, b, _ = devices
    _setup(a, b, url)
    a("mentor", "add", "Sam Rivera", "--focus", "career")
    clock.shift(10)
    b("mentor", "add", "sam rivera", "--focus", "promotions")
    b("log", "sam", "--notes", "met Sam")
    a("sync")
    b("sync")
    a("sync")
    assert sorted(m["name"] for m in a.records()["mentor"].values()) == [
        "Alex Chen",
        "Sam Rivera",
        "sam rivera (2)",
    ]
    (conflict,) = b.json("sync", "conflicts")
    b("sync", "resolve", str(conflict["id"]), "--keep", "mine")
    names = {m["name"]: m for m in b.records()["mentor"].values()}
    assert set(names) == {"Alex Chen", "Sam Rivera"}
    assert names["Sam Rivera"]["focus"] == "promotions"  # B's details: the mentor B added
    b("sync")
    a("sync")
    assert a.records() == b.records()
    sam = next(u for u, m in a.records()["mentor"].items() if m["name"] == "Sam Rivera")
    notes = [m["notes"] for m in a.records()["meeting"].values() if m["mentor_uuid"] == sam]
    assert notes == ["met Sam"]


def test_clocks_hours_apart_still_converge(devices, url, clock):
    a, b, _ = devices
    _setup(a, b, url)
    clock.move_to(FROZEN + timedelta(hours=5))  # A's clock runs five hours ahead
    a("log", "alex", "--notes", "from the fast clock")
    a("action", "edit", "1", "--text", "fast clock's edit")
    clock.move_to(FROZEN + timedelta(minutes=10))  # B edits later, by the wall
    b("action", "edit", "1", "--text", "slow clock's edit")
    b("log", "alex", "--notes", "from the slow clock")
    a("sync")
    clock.move_to(FROZEN + timedelta(minutes=11))
    b("sync")  # A's meeting is 5 h "in the future" here: still accepted
    clock.move_to(FROZEN + timedelta(hours=5, minutes=12))
    a("sync")
    assert a.records() == b.records()
    notes = {m["notes"] for m in a.records()["meeting"].values()}
    assert {"from the fast clock", "from the slow clock"} <= notes
    (conflict,) = a.json("sync", "conflicts")  # the later stamp won; the other is kept here
    assert {conflict["mine"], conflict["theirs"]} == {"fast clock's edit", "slow clock's edit"}


def test_sync_before_init_and_init_twice_say_what_to_do(devices, url):
    a = devices[0]
    a("mentor", "add", "Alex")
    assert "sync init REMOTE" in a.fails("sync")
    assert "REMOTE" in a.fails("sync", "init", code=2)
    a("sync", "init", url)
    assert "already syncs" in a.fails("sync", "join", url)
    out = a("sync").stdout  # bare `mentorlog sync` runs `sync run`
    assert out.startswith(f"Synced with {url}.")


def test_leave_stops_syncing_and_keeps_the_records(devices, url):
    a = devices[0]
    a("mentor", "add", "Alex")
    a("sync", "init", url)
    assert "no longer syncs" in a("sync", "leave").stdout
    assert not (a.home / "journal.sync.git").exists()
    assert "Alex" in a("mentor", "list").stdout
    assert "sync init REMOTE" in a.fails("sync")


def test_conflicts_json_shape(devices, url, clock):
    a, b, _ = devices
    _setup(a, b, url)
    a("goal", "done", "1")
    clock.shift(5)
    b("goal", "drop", "1", "--reason", "changed teams")
    a("sync")
    b("sync")
    (conflict,) = b.json("sync", "conflicts")
    assert list(conflict) == [
        "id", "kind", "record", "field", "mine", "theirs", "status", "resolution", "created_at"
    ]  # fmt: skip
    assert conflict["field"] == "status,achieved_on,status_note"  # one unit
    assert conflict["mine"] == ["dropped", None, "changed teams"]
    assert conflict["theirs"][0] == "achieved"
    assert "goal #1 status, achieved_on, status_note" in b("sync", "conflicts").stdout
    b("sync", "resolve", str(conflict["id"]), "--keep", "theirs")
    assert b.json("goal", "show", "1")["status"] == "achieved"
    line = b.fails("sync", "resolve", "99", "--keep", "both")
    assert "no sync conflict #99" in line
    assert json.loads(b("sync", "conflicts", "--json").stdout) == []


@pytest.mark.parametrize(
    "argv", [["status", "--json"], ["prep", "--json"], ["action", "add", "x"], ["status"]]
)
def test_other_commands_never_load_the_sync_engine(journal, db_file, argv):
    """dulwich (~40 ms), pyrage and store/sync/ load only for `mentorlog sync`."""
    import os
    import subprocess
    import sys

    code = (
        f"import sys; sys.argv=['mentorlog', *{argv!r}]\n"
        "from mentorlog.cli.entry import main\n"
        "try: main()\n"
        "except SystemExit as e: assert not e.code, e.code\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('dulwich', 'pyrage', 'keyring')"
        " or m.startswith('mentorlog.store.sync') or m == 'mentorlog.core.merge']\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_encrypted_journal_syncs_the_same_way(devices, url, remote, monkeypatch):
    pytest.importorskip("sqlcipher3")
    from mentorlog.store import crypto
    from mentorlog.store.db import is_encrypted

    a, b, _ = devices
    monkeypatch.setenv("MENTORLOG_PASSPHRASE", "correct horse battery staple")
    crypto.forget_process_cache()
    try:
        a("mentor", "add", "Alex")
        a("db", "encrypt")
        assert is_encrypted(a.db)
        a("log", "alex", "--notes", "CANARY-SQLCIPHER-note")
        a("sync", "init", url)
        b("sync", "join", url)  # a plain journal on the other device
        b("action", "add", "from the plain one")
        b("sync")
        a("sync")
        assert is_encrypted(a.db)
        assert a.records() == b.records()
        assert "ok:" in a("db", "check").stdout
        for raw in repo_objects(remote):
            assert b"CANARY-SQLCIPHER" not in raw
    finally:
        crypto.forget_process_cache()


def test_a_shared_folder_instead_of_a_remote(devices, tmp_path):
    """Syncthing/Dropbox: each device replaces only its own bundle file; three devices converge."""
    a, b, c = devices
    folder = tmp_path / "Sync" / "mentorlog"
    a("mentor", "add", "Alex")
    a("log", "alex", "--notes", "CANARY-FOLDER-note from A")
    out = a("sync", "init", "--folder", str(folder)).stdout
    assert out.startswith(f"Synced with the folder {folder}.")
    b("sync", "join", "--folder", str(folder))
    c("sync", "join", "--folder", str(folder))
    b("action", "add", "from B")
    c("action", "add", "from C")
    a("action", "add", "from A")
    for device in (a, b, c, a, b, c):
        device("sync")
    ra = a.records()
    assert ra == b.records() == c.records()
    assert {r["text"] for r in ra["action"].values()} == {"from A", "from B", "from C"}
    bundles = sorted(p.name for p in folder.iterdir())
    devices_ids = sorted(d.json("sync", "status")["device"] + ".bundle" for d in (a, b, c))
    assert bundles == devices_ids  # one file per device, nothing half written left behind
    assert a.json("sync", "status")["folder"] == str(folder)
    for device in (a, b, c):
        for raw in repo_objects(device.home / "journal.sync.git"):
            assert b"CANARY-FOLDER" not in raw
    for path in folder.iterdir():
        assert b"CANARY-FOLDER" not in path.read_bytes()
    shutil.move(folder, tmp_path / "unmounted")
    assert "the sync folder" in a.fails("sync")
    assert "give a REMOTE or --folder DIR, not both" in a.fails(
        "sync", "join", "x.git", "--folder", str(folder), code=2
    )


@pytest.mark.parametrize("stored", ["2026-11-20 14:00:00.000000", "0999-01-02 03:04:05.123456"])
def test_the_quick_moment_form_is_the_exports(stored):
    from mentorlog.store import transfer
    from mentorlog.store.sync.records import _moment_text

    assert _moment_text(stored) == transfer.moment_text(stored)
    assert _moment_text(None) is None


def test_without_the_keyring_package_the_error_says_how_to_go_on(devices, url, monkeypatch):
    import sys

    a = devices[0]
    a("mentor", "add", "Alex")
    monkeypatch.delenv("MENTORLOG_SYNC_KEY")
    monkeypatch.setitem(sys.modules, "keyring", None)  # `import keyring` fails: not installed
    before = dump(a.db)
    line = a.fails("sync", "init", url)
    assert "pip install 'mentorlog[encrypted]'" in line and "MENTORLOG_SYNC_KEY" in line
    assert dump(a.db) == before
