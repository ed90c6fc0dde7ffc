"""Data you can trust, tested the way SQLite tests itself: kill writers, race them, starve the
disk, feed garbage — and check that nothing acknowledged is lost and nothing private leaks."""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import FLAVORS, HAS_SQLCIPHER, MENTORLOG
from support import dump as plain_dump

FIXTURES = Path(__file__).parent / "data"
# `make test` runs half the counts below; MENTORLOG_STRESS=1 the full ones, more for longer runs.
SCALE = float(os.environ.get("MENTORLOG_STRESS", "0.5"))


def scaled(count: int) -> int:
    return max(1, int(count * SCALE))


# The core families run on a plain and on an encrypted journal (SQLCipher, MENTORLOG_PASSPHRASE).
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(params=FLAVORS)
def flavor(request, monkeypatch) -> str:
    """ "plain" or "encrypted"; for the latter the passphrase is in the environment."""
    if request.param == "encrypted":
        from mentorlog.store import crypto

        monkeypatch.setenv("MENTORLOG_PASSPHRASE", PASSPHRASE)
        crypto.forget_process_cache()
    else:
        monkeypatch.delenv("MENTORLOG_PASSPHRASE", raising=False)
    return request.param


def make_flavor(path: Path, flavor: str) -> Path:
    """Encrypt the journal in place for the encrypted flavour (plain stays as it is)."""
    if flavor == "encrypted":
        from mentorlog.store import crypto

        crypto.convert(path, encrypt=True, secret=PASSPHRASE)
        assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    return path


def per_flavor(count: int, flavor: str) -> int:
    """Encrypted runs use a third of the default count, keeping `make test` quick."""
    return scaled(count if flavor == "plain" else max(1, count // 3))


def connect(path: Path):
    from mentorlog.store.db import connect as store_connect

    return store_connect(path)


def dump(path: Path) -> str:
    """The journal as SQL text, through a keyed connection when it is encrypted."""
    from mentorlog.store.db import is_encrypted

    if not is_encrypted(path):
        return plain_dump(path)
    from sqlite3.dump import _iterdump

    conn = connect(path)
    try:
        return "\n".join(_iterdump(conn))
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def ids(path: Path, table: str = "action") -> set[int]:
    conn = connect(path)
    try:
        return {r[0] for r in conn.execute(f"SELECT id FROM {table}")}
    finally:
        conn.close()


def run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*MENTORLOG, *args], capture_output=True, text=True, env=env, **kwargs)


def fork_and_kill(work, delay: float) -> list[str]:
    """Run work(write_fd) in a forked child, SIGKILL it after `delay`, return the lines it printed."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        try:
            work(write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    text = b"".join(chunks).decode()
    return text.split("\n")[:-1]  # only whole lines were acknowledged


# ------------------------------------------------------------------ 1. crash


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_write(tmp_path, flavor):
    from mentorlog.store.db import open_store
    from mentorlog.store.writes import add_action  # imported before forking: children start at once

    path = make_flavor(open_store(tmp_path / "journal.db"), flavor)
    open_store(path)  # the key is derived before forking: children start writing at once
    rng = random.Random(20261122)
    acknowledged: set[int] = set()
    kills_mid_stream = 0

    def writer(fd: int) -> None:
        for index in range(10**6):
            action = add_action(path, f"crash test {index} " + "x" * rng.randint(0, 2000))
            os.write(fd, f"{action.id}\n".encode())

    kills = per_flavor(120, flavor)
    for _ in range(kills):
        printed = fork_and_kill(writer, rng.uniform(0.0, 0.15))
        kills_mid_stream += bool(printed)
        acknowledged.update(int(line) for line in printed)
        assert integrity(path) == "ok"
        assert acknowledged <= ids(path)
    assert kills_mid_stream > kills // 2 and len(acknowledged) > kills
    print(
        f"\ncrash ({flavor}): {kills} SIGKILLs, {kills_mid_stream} after writes began, {len(acknowledged)} acknowledged, 0 lost"
    )


# ------------------------------------------------------------------ 2. concurrency

WRITER = """
import sys
from mentorlog.cli import fast  # the path every real `mentorlog action add` takes
for i in range(int(sys.argv[1])):
    code = fast.run(["action", "add", f"{sys.argv[2]} {i}"])
    if code:
        sys.exit(code)
"""
READER = """
import sys, time, typer
from pathlib import Path
from mentorlog.cli.app import app
command = typer.main.get_command(app)
stop = Path(sys.argv[1])
runs = 0
while not stop.exists() or runs < 5:
    code = command.main(["action", "list", "--all", "--json"], standalone_mode=False)
    if code:
        sys.exit(code)
    runs += 1
print(runs, file=sys.stderr)
"""


@pytest.mark.slow
def test_two_writers_and_a_reader_lose_nothing(tmp_path, flavor):
    path = tmp_path / "home" / "journal.db"
    assert run("mentor", "add", "Alex").returncode == 0
    make_flavor(path, flavor)
    before = len(ids(path))
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-B", "-c", READER, str(stop)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    per_writer = per_flavor(300, flavor)
    writers = [
        subprocess.Popen(
            [sys.executable, "-B", "-c", WRITER, str(per_writer), tag],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("left", "right")
    ]
    errors = [w.communicate(timeout=300)[1] for w in writers]
    stop.touch()
    reader_err = reader.communicate(timeout=120)[1]
    assert [w.returncode for w in writers] == [0, 0], errors
    assert reader.returncode == 0, reader_err
    assert not any("locked" in e.lower() or "busy" in e.lower() for e in [*errors, reader_err])
    assert int(reader_err.strip().splitlines()[-1]) >= 5
    conn = connect(path)
    texts = [r[0] for r in conn.execute("SELECT text FROM action")]
    conn.close()
    assert len(texts) - before == 2 * per_writer
    print(
        f"\nconcurrency ({flavor}): {2 * per_writer} of {2 * per_writer} writes landed, reader listed "
        f"{reader_err.strip().splitlines()[-1]} times"
    )
    assert sorted(texts) == sorted(
        [f"left {i}" for i in range(per_writer)] + [f"right {i}" for i in range(per_writer)]
    )
    assert integrity(path) == "ok"


def _fingerprint(path: Path) -> list[tuple[str, int, str]]:
    found = []
    for p in sorted(path.parent.glob(path.name + "*")):
        found.append((p.name, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()))
    return found


def test_read_commands_write_nothing(journal, db_file, flavor):
    make_flavor(db_file, flavor)
    before = _fingerprint(db_file)
    for args in (
        ["status"],
        ["prep", "alex"],
        ["review"],
        ["action", "list"],
        ["goal", "list"],
        ["mentor", "show", "alex"],
        ["advice", "list"],
        ["agenda", "list"],
        ["meeting", "list"],
        ["export"],
        ["db", "check"],
        ["win", "list"],
    ):
        journal(*args)
    assert _fingerprint(db_file) == before


# ------------------------------------------------------------------ 3. disk full, read-only


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(
            signal.SIGXFSZ, signal.SIG_IGN
        )  # get EFBIG, as a full disk would, not a signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize(
    ("command", "stdin"),
    [(["action", "add", "x" * 100_000], None), (["log", "alex", "--notes", "-"], "y" * 2**20)],
    ids=["action-add-100KB", "log-1MB-notes"],
)
def test_disk_full_fails_cleanly_and_changes_nothing(journal, db_file, command, stdin, flavor):
    make_flavor(db_file, flavor)
    before = dump(db_file)
    limit = 48 * 1024  # the write-ahead log starts empty; it is what a write grows
    result = run(*command, input=stdin, preexec_fn=_limit_file_size(limit))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "disk is full" in lines[0] and str(db_file) in lines[0]
    assert "Traceback" not in result.stderr
    assert integrity(db_file) == "ok"
    assert dump(db_file) == before


# root ignores file modes; without these capabilities it is bound by them like any user
DROP_ROOT_POWERS = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


def test_read_only_journal_fails_cleanly_and_changes_nothing(journal, db_file, flavor):
    make_flavor(db_file, flavor)
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: file modes can't be enforced")
        prefix = DROP_ROOT_POWERS
    before = dump(db_file)
    os.chmod(db_file, 0o400)
    try:
        for args in (["action", "add", "write me"], ["log", "alex", "--notes", "n"]):
            result = subprocess.run([*prefix, *MENTORLOG, *args], capture_output=True, text=True)
            assert result.returncode == 1
            lines = result.stderr.strip().splitlines()
            assert (
                len(lines) == 1 and lines[0].startswith("Error: ") and str(db_file) in lines[0]
            ), result.stderr
            assert "read-only" in lines[0]
    finally:
        os.chmod(db_file, 0o600)
    assert dump(db_file) == before and integrity(db_file) == "ok"


@pytest.mark.parametrize(
    "head",
    [
        b"SQLite format 3\x00",
        pytest.param(  # looks like an encrypted journal; the passphrase can't open it
            os.urandom(16),
            marks=pytest.mark.skipif(not HAS_SQLCIPHER, reason="needs mentorlog[encrypted]"),
        ),
    ],
    ids=["plain-header", "random-header"],
)
def test_unreadable_or_corrupt_journal_is_never_replaced(tmp_path, head, monkeypatch):
    monkeypatch.setenv("MENTORLOG_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "journal.db"
    path.write_bytes(head + os.urandom(4096 * 2 - 16))
    before = path.read_bytes()
    result = run("--db", str(path), "action", "list")
    assert (
        result.returncode == 1 and str(path) in result.stderr and "Traceback" not in result.stderr
    )
    assert path.read_bytes() == before
    result = run("--db", str(path), "db", "check")
    expected = "damaged" if head.startswith(b"SQLite") else "not a mentorlog journal"
    assert result.returncode == 1 and expected in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_missing_restore_and_import_files(cli, tmp_path):
    assert "no backup file" in cli.fails("restore", str(tmp_path / "nope.db"))
    assert "no file at" in cli.fails("import", str(tmp_path / "nope.json"))


# ------------------------------------------------------------------ 4. permissions


def test_every_file_is_private_under_umask_022(tmp_path):
    home = tmp_path / "home"
    env = {
        **os.environ,
        "MENTORLOG_HOME": str(home),
        "EDITOR": f"{sys.executable} -c \"import sys; p=sys.argv[1]; open(p,'a').write('## Next meeting\\nwhenever')\"",
    }

    def umask_022() -> None:
        os.umask(0o022)

    def ok(*args: str) -> subprocess.CompletedProcess:
        result = run(*args, env=env, preexec_fn=umask_022)
        assert result.returncode == 0, result.stderr
        return result

    ok("mentor", "add", "Alex")
    db = home / "journal.db"
    old_umask = os.umask(0o022)
    try:
        holder = sqlite3.connect(db)  # keeps -wal and -shm in place while the next write runs
        holder.execute("SELECT COUNT(*) FROM mentor").fetchone()
        ok("action", "add", "something")
        wal, shm = db.with_name("journal.db-wal"), db.with_name("journal.db-shm")
        assert wal.exists() and shm.exists()
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (db, wal, shm)}
        holder.close()
    finally:
        os.umask(old_umask)
    ok("backup", str(home / "b.db"))
    ok("backup")
    ok("export", "-o", str(home / "export.json"))
    ok("prep", "-o", str(home / "agenda.md"))
    failed = run("log", "alex", "--edit", env=env, preexec_fn=umask_022)
    assert failed.returncode == 2 and "draft is kept" in failed.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "drafts").stat().st_mode) == 0o700
    for path in home.rglob("*"):
        if path.is_file():
            modes[str(path.relative_to(home))] = stat.S_IMODE(path.stat().st_mode)
    assert set(modes.values()) == {0o600}, modes
    assert {"b.db", "export.json", "agenda.md"} <= set(modes)
    assert any(name.startswith("drafts/") for name in modes)
    assert any(name.startswith("journal-backup-") for name in modes)


def test_exposed_journal_gets_a_warning_with_the_fix(journal, db_file):
    os.chmod(db_file.parent, 0o755)
    os.chmod(db_file, 0o644)
    result = journal("action", "list")
    assert (
        f"chmod 700 {db_file.parent}" in result.stderr and f"chmod 600 {db_file}" in result.stderr
    )


# ------------------------------------------------------------------ 6. privacy

CANARY = "CANARY-7f3a-private-note"


def test_failure_while_saving_never_prints_the_note(journal, db_file, monkeypatch):
    """The disk fails on the very statement carrying the note, and the error quotes it."""
    from mentorlog.store import db

    failed: list[str] = []

    class FailingDisk(sqlite3.Connection):
        def execute(self, sql, parameters=(), /):
            if any(CANARY in str(value) for value in parameters):
                failed.append(sql)
                raise sqlite3.OperationalError(f"disk I/O error: {sql} {list(parameters)!r}")
            return super().execute(sql, parameters)

    def connect(path):
        return sqlite3.connect(
            path, timeout=db.BUSY_TIMEOUT_S, isolation_level=None, factory=FailingDisk
        )

    monkeypatch.setattr(db, "_connect", connect)
    before = dump(db_file)
    result = journal("log", "alex", "--notes", f"my secret {CANARY}", code=1)
    assert failed and failed[0].startswith("INSERT INTO meeting")
    assert CANARY not in result.output and "Traceback" not in result.output
    assert result.stderr.startswith("Error: could not write")
    assert dump(db_file) == before


def test_internal_errors_hide_their_message(journal, monkeypatch):
    from mentorlog.store import writes

    def boom(*args, **kwargs):
        raise ValueError(f"while handling {CANARY}")

    monkeypatch.setattr(writes, "log_meeting", boom)
    result = journal("log", "alex", "--notes", CANARY, code=1)
    assert CANARY not in result.output and "ValueError" in result.stderr


def test_tracebacks_never_show_locals():
    from mentorlog.cli.app import app

    assert app.pretty_exceptions_enable is False and app.pretty_exceptions_show_locals is False
    script = f"""
import sys
from mentorlog.store import writes
def explode(path, draft, mentor_id):
    secret = {CANARY!r}
    raise RuntimeError("boom")
writes.log_meeting = explode
from mentorlog.cli.entry import main
sys.argv = ["mentorlog", "log", "alex", "--notes", "x"]
main()
"""
    env = {**os.environ}
    subprocess.run([*MENTORLOG, "mentor", "add", "Alex"], env=env, check=True, capture_output=True)
    quiet = subprocess.run(
        [sys.executable, "-B", "-c", script], capture_output=True, text=True, env=env
    )
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr and CANARY not in quiet.stderr
    loud = subprocess.run(
        [sys.executable, "-B", "-c", script],
        capture_output=True,
        text=True,
        env={**env, "MENTORLOG_DEBUG": "1"},
    )
    assert "Traceback" in loud.stderr and CANARY not in loud.stderr + loud.stdout


# ------------------------------------------------------------------ 7. migrations


def _export(path: Path) -> dict:
    from mentorlog.store.transfer import export_records

    conn = sqlite3.connect(path)
    try:
        return export_records(conn)["records"]
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.stem)
def test_saved_journals_upgrade_with_every_row(tmp_path, fixture):
    from mentorlog.store.db import HEAD, open_store

    path = tmp_path / "journal.db"
    shutil.copyfile(fixture, path)
    before = _export(path)
    assert before["milestone"] and before["meeting"]  # children of ON DELETE CASCADE links
    open_store(path)
    after = _export(path)
    for table, rows in before.items():
        kept = [{k: v for k, v in row.items() if k != "source"} for row in after[table]]
        assert kept == rows, table
    if "win" in before:  # 0004: where each win came from, told by what the views knew it by
        assert {w["text"]: w["source"] for w in after["win"]} == WIN_SOURCES[fixture.stem]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    indexed = conn.execute("SELECT COUNT(*) FROM search_index").fetchone()[0]
    assert indexed == sum(
        len(rows) for t, rows in before.items() if t != "mentor"
    )  # all searchable
    hits = conn.execute(
        "SELECT kind FROM search_index WHERE search_index MATCH 'decis*'"
    ).fetchall()
    assert hits  # "decision log" in the saved notes and advice
    conn.close()
    backups = list(tmp_path.glob("journal.db.*.pre-migrate.bak"))
    assert len(backups) == 1 and _export(backups[0]) == before
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


WIN_SOURCES = {
    "schema-0002": {
        "Reached milestone: Shadow a review": "milestone",
        "Gave the tech talk": "manual",
    },
    "schema-0003": {
        "Reached milestone: Shadow a review": "milestone",
        "Gave the tech talk": "manual",
        "Reached milestone: Draft it": "milestone",
        "Achieved goal: Ship the decision log": "goal",
        "Closed the incident cleanly": "manual",
        "Achieved goal: written by hand": "manual",  # its goal is not achieved: typed by hand
    },
}

NEW_IN = {  # the tables each revision adds: a journal is at one revision, never between two
    "0002": {"win", "reflection"},
    "0003": {"feedback", "contribution", "resource", "introduction", "checkin", "search_index"},
    "0004": {"sync_state", "sync_record", "sync_tombstone", "sync_conflict"},
}


@pytest.mark.parametrize("start", ["0001", "0002", "0003"])
def test_sigkill_during_migration_leaves_old_or_new_schema(tmp_path, start):
    from mentorlog.store import db  # Alembic and SQLAlchemy load before forking
    from mentorlog.store.db import HEAD

    db.migrate  # noqa: B018
    import alembic.command  # noqa: F401

    fixture = FIXTURES / f"schema-{start}.db"
    added = set().union(*(tables for rev, tables in NEW_IN.items() if rev > start))
    rng = random.Random(7)
    # Kill times follow how long a migration takes on this machine now (it varies with load):
    # the first round kills at once, the rest in between; if no kill came late enough to see the
    # new schema, later rounds wait longer until one does.
    timed = tmp_path / "timed.db"
    shutil.copyfile(fixture, timed)
    started = time.monotonic()
    db.migrate(timed, backup=False)
    took = time.monotonic() - started
    delays = [0.0, *(rng.uniform(0.0, 1.5 * took) for _ in range(scaled(30)))]
    seen: set[str] = set()
    late = 3 * took + 0.2  # surely finished, unless the machine is very busy: then wait longer
    for round_ in range(len(delays) + 6):
        if round_ < len(delays):
            delay = delays[round_]
        elif HEAD not in seen:
            delay, late = late, late * 2
        else:
            break
        path = tmp_path / f"j{round_}.db"
        shutil.copyfile(fixture, path)

        def migrate(fd: int, path=path) -> None:
            db.migrate(path)
            os.write(fd, b"done\n")

        fork_and_kill(migrate, delay)
        conn = sqlite3.connect(path)
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.close()
        assert version in (start, HEAD)
        if version == start:
            assert not added & tables
        else:
            assert added <= tables
        assert integrity(path) == "ok"
        seen.add(version)
        db.open_store(path)  # and it finishes cleanly next time
    assert seen == {start, HEAD}


def test_newer_journal_refused_byte_for_byte(cli, db_file):
    cli("mentor", "add", "Alex")
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.commit()
    conn.close()
    before = db_file.read_bytes()
    for args in (["action", "list"], ["action", "add", "x"], ["db", "migrate"]):
        assert "newer mentorlog" in cli.fails(*args)
    assert db_file.read_bytes() == before


# ------------------------------------------------------------------ 8. round trip, backup under load


def test_export_import_export_is_identical(journal, tmp_path):
    cli = journal
    cli("milestone", "done", "1", "--note", "ünïcødé ✓ [markup]")
    cli("goal", "done", "2")
    cli("review", "--reflect", "a reflection")
    first = cli("export").stdout
    target = tmp_path / "other.db"
    result = cli("--db", str(target), "import", str(_write(tmp_path / "e.json", first)))
    assert "Added:" in result.stdout
    assert cli("--db", str(target), "export").stdout == first
    assert "nothing new" in cli("--db", str(target), "import", str(tmp_path / "e.json")).stdout
    assert cli("--db", str(target), "export").stdout == first  # importing twice changes nothing
    records = json.loads(first)["records"]
    assert {k for k, v in records.items() if v} >= {
        "mentor",
        "goal",
        "milestone",
        "meeting",
        "advice",
        "action",
        "win",
    }
    assert all("uuid" in r for rows in records.values() for r in rows)


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_import_is_all_or_nothing_and_dry_run_writes_nothing(journal, db_file, tmp_path):
    cli = journal
    export = json.loads(cli("export").stdout)
    fresh = tmp_path / "fresh.db"
    cli("--db", str(fresh), "mentor", "add", "Someone")
    before = dump(fresh)
    assert (
        "Would add:"
        in cli(
            "--db",
            str(fresh),
            "import",
            str(_write(tmp_path / "a.json", json.dumps(export))),
            "--dry-run",
        ).stdout
    )
    assert dump(fresh) == before
    export["records"]["action"][-1]["due_date"] = "2024-02-30"
    cli.fails("--db", str(fresh), "import", str(_write(tmp_path / "b.json", json.dumps(export))))
    assert dump(fresh) == before
    export["records"]["action"][-1]["due_date"] = None
    export["records"]["mentor"][0]["name"] = "Someone"
    assert "already exists" in cli.fails(
        "--db", str(fresh), "import", str(_write(tmp_path / "c.json", json.dumps(export)))
    )
    assert dump(fresh) == before
    cli.fails("--db", str(fresh), "import", str(_write(tmp_path / "d.json", '{"format": "other"}')))
    cli.fails("--db", str(fresh), "import", str(_write(tmp_path / "e.json", "not json")))


@pytest.mark.slow
def test_backup_while_another_process_writes(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "MENTORLOG_HOME": str(home)}
    assert run("mentor", "add", "Alex", env=env).returncode == 0
    writer = subprocess.Popen(
        [sys.executable, "-B", "-c", WRITER, "300", "busy"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    backups = []
    for index in range(5):
        time.sleep(0.3)
        target = tmp_path / f"backup{index}.db"
        result = run("backup", str(target), env=env)
        assert result.returncode == 0, result.stderr
        assert integrity(target) == "ok"
        backups.append(target)
    writer.communicate(timeout=300)
    assert writer.returncode == 0
    counts = [len(ids(b)) for b in backups]
    assert counts == sorted(counts)
    result = run("restore", str(backups[2]), "--force", env=env)
    assert result.returncode == 0 and "kept at" in result.stdout, result.stderr
    assert len(ids(home / "journal.db")) == counts[2]
    assert integrity(home / "journal.db") == "ok"


def test_restore_refuses_bad_sources(journal, db_file, tmp_path):
    cli = journal
    junk = _write(tmp_path / "junk.db", "not a database at all" * 50)
    before = dump(db_file)
    assert "damaged" in cli.fails("restore", str(junk), "--force")
    cli("backup", str(tmp_path / "ok.db"))
    assert "--force" in cli.fails("restore", str(tmp_path / "ok.db"))
    assert dump(db_file) == before


# ------------------------------------------------------------------ delete


@pytest.mark.parametrize(
    ("args", "effects"),
    [
        (["mentor", "delete", "2"], "1 meeting deleted"),
        (["goal", "delete", "1"], "2 milestones deleted; 1 action unlinked"),
        (["milestone", "delete", "1"], None),
        (["meeting", "delete", "1"], "1 piece of advice unlinked; 1 action unlinked"),
        (["advice", "delete", "1"], None),
        (["action", "delete", "1"], None),
        (["agenda", "delete", "1"], None),
    ],
)
def test_delete_says_what_cascades_and_asks_first(journal, db_file, args, effects):
    cli = journal
    before = dump(db_file)
    line = cli.fails(*args, code=2)  # no terminal, no --yes: refuse
    assert "--yes" in line and (effects is None or effects in line)
    assert dump(db_file) == before
    result = cli(*args, "--yes")
    assert result.stdout.startswith("Deleted") and (effects is None or effects in result.stdout)
    assert dump(db_file) != before
    assert cli("db", "check").exit_code == 0


def test_deleted_text_leaves_the_files(journal, db_file, flavor):
    make_flavor(db_file, flavor)
    cli = journal
    cli("log", "alex", "--notes", f"a private note {CANARY}")
    meeting = cli.json("meeting", "list")[0]["id"]
    cli("meeting", "delete", str(meeting), "--yes")
    for path in db_file.parent.glob("journal.db*"):
        assert CANARY.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    "args",
    [
        ["prep", "alex", "-o"],
        ["review", "-o"],
        ["review", "--json", "-o"],
        ["prep", "--format", "json", "-o"],
    ],
)
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_output_files_never_overwrite_the_journal(journal, db_file, monkeypatch, args, suffix):
    """Found by the fuzzer: `prep -o home/journal.db` used to write Markdown over the journal."""
    monkeypatch.chdir(db_file.parent.parent)
    before = dump(db_file)
    for target in (
        str(db_file) + suffix,
        f"home/journal.db{suffix}",
        f"./home/../home/journal.db{suffix}",
    ):
        assert "is your journal" in journal.fails(*args, target)
    assert dump(db_file) == before and integrity(db_file) == "ok"
