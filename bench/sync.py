"""`make bench`'s sync row (issue 20): `mentorlog sync` against `git push` of as many plain files.

Two cases on a 10k journal: the first sync (`sync init` to an empty bare repository: every record
encrypted and pushed) and syncing 10 new records into it; the baselines are `git push` (the git
CLI) of 10k plain files to an empty bare repository, and of 10 more files on top. Medians of a
few rounds, each on fresh copies; whole processes, output to pipes.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = 3
NEW = 10


def _timed(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    took = (time.perf_counter() - started) * 1000
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed: {proc.stderr.decode(errors='replace')[-400:]}")
    return took


def _git(*args: str, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _plain_files(journal: Path, folder: Path) -> int:
    """One plain file per record, named as sync names them (r/<2 hex>/<uuid>): git's share."""
    import sqlite3

    from mentorlog.store.transfer import export_records

    conn = sqlite3.connect(journal)
    try:
        records = export_records(conn)["records"]
    finally:
        conn.close()
    count = 0
    for kind, rows in records.items():
        for row in rows:
            path = folder / "r" / row["uuid"][:2] / row["uuid"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"kind": kind, "record": row}), encoding="utf-8")
            count += 1
    return count


def measure(source: Path, work: Path, env: dict[str, str], bin_dir: Path) -> dict[str, float]:
    """Median ms of the four commands, and the two ratios."""
    from pyrage import x25519

    if shutil.which("git") is None:
        raise RuntimeError("git not found: the baseline is the git CLI's push")
    mentorlog = str(bin_dir / "mentorlog")
    env = {
        **env,
        "MENTORLOG_SYNC_KEY": str(x25519.Identity.generate()),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    }
    first, ten, push_all, push_ten = [], [], [], []
    for round_ in range(ROUNDS):
        base = work / f"sync-{round_}"
        shutil.rmtree(base, ignore_errors=True)
        home = base / "home"
        home.mkdir(parents=True, mode=0o700)
        from bench.__main__ import copy_journal

        copy_journal(source, home / "journal.db")
        device = {**env, "MENTORLOG_HOME": str(home)}
        first.append(_timed([mentorlog, "sync", "init", str(base / "remote.git")], device))
        for n in range(NEW):
            _timed([mentorlog, "action", "add", f"bench new {n}"], device)
        ten.append(_timed([mentorlog, "sync", "run"], device))
        # git: the same number of plain files, committed beforehand, then pushed
        plain = base / "plain"
        plain.mkdir()
        _git("init", "-q", "-b", "main", cwd=plain, env=env)
        _plain_files(home / "journal.db", plain)
        _git("add", "-A", cwd=plain, env=env)
        _git("commit", "-q", "-m", "all", cwd=plain, env=env)
        _git("init", "-q", "--bare", str(base / "plain.git"), cwd=base, env=env)
        push_all.append(_timed(["git", "push", "-q", str(base / "plain.git"), "main"], env, plain))
        for n in range(NEW):
            extra = plain / "r" / "zz" / f"new-{n}"
            extra.parent.mkdir(parents=True, exist_ok=True)
            extra.write_text(json.dumps({"kind": "action", "text": f"bench new {n}"}))
        _git("add", "-A", cwd=plain, env=env)
        _git("commit", "-q", "-m", "ten", cwd=plain, env=env)
        push_ten.append(_timed(["git", "push", "-q", str(base / "plain.git"), "main"], env, plain))
        shutil.rmtree(base, ignore_errors=True)
    out = {
        "first sync": statistics.median(first),
        "sync 10 new": statistics.median(ten),
        "git push all": statistics.median(push_all),
        "git push 10": statistics.median(push_ten),
    }
    out["first / push"] = out["first sync"] / out["git push all"]
    out["10 new / push"] = out["sync 10 new"] / out["git push 10"]
    return out


def report(found: dict[str, float] | None, size: int, why: str | None = None) -> None:
    print(f"\nissue 20: sync @{size // 1000}k, medians of {ROUNDS} rounds (whole processes):")
    if found is None:
        print(f"  skipped: {why}")
        return
    print(f"  first sync (sync init, {size // 1000}k records)     {found['first sync']:9.0f} ms")
    print(f"  git push of as many plain files         {found['git push all']:9.0f} ms")
    print(f"  sync of {NEW} new records                   {found['sync 10 new']:9.0f} ms")
    print(f"  git push of {NEW} more plain files          {found['git push 10']:9.0f} ms")
    print(f"  ratio, first sync / git push            {found['first / push']:9.1f}")
    print(f"  ratio, {NEW} new / git push                 {found['10 new / push']:9.1f}")


if __name__ == "__main__":  # python -m bench.sync JOURNAL: the row alone
    from bench.__main__ import BIN, WORK, base_env

    journal = Path(sys.argv[1])
    WORK.mkdir(exist_ok=True)
    report(measure(journal, WORK, base_env(), BIN), 10_000)
