"""What the sync tests share: devices (one MENTORLOG_HOME each) and their exports compared by UUID."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import Cli

# A fixed age identity, so tests never need a keyring (and never write to a real one).
KEY = "AGE-SECRET-KEY-1C4T0LSYTYR82GALNQAS9E6R0TW4WQUWRT2JQLZK07WJ0QVR32L9SEQZA7K"


def make_key() -> str:
    from pyrage import x25519

    return str(x25519.Identity.generate())


class Device:
    """One device's journal: runs the CLI in-process with its own MENTORLOG_HOME."""

    def __init__(self, home: Path, monkeypatch, name: str) -> None:
        self.home, self.monkeypatch, self.name = home, monkeypatch, name
        self.cli = Cli()

    @property
    def db(self) -> Path:
        return self.home / "journal.db"

    def __call__(self, *args: str, code: int | None = 0, input: str | None = None):
        self.monkeypatch.setenv("MENTORLOG_HOME", str(self.home))
        return self.cli(*args, code=code, input=input)

    def fails(self, *args: str, code: int = 1, input: str | None = None):
        self.monkeypatch.setenv("MENTORLOG_HOME", str(self.home))
        return self.cli.fails(*args, code=code, input=input)

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)

    def records(self) -> dict[str, dict[str, dict]]:
        """kind -> uuid -> record (without its local id, links by uuid)."""
        data = json.loads(self("export").stdout)["records"]
        return {
            kind: {r["uuid"]: {k: v for k, v in r.items() if k != "id"} for r in rows}
            for kind, rows in data.items()
        }

    def conflicts(self) -> list[dict]:
        return self.json("sync", "conflicts", "--all")

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """The real `mentorlog` in a child process (for kills at a sync step)."""
        full = {**os.environ, "MENTORLOG_HOME": str(self.home), **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "mentorlog", *args], capture_output=True, text=True, env=full
        )


def same_journal(a: Device, b: Device) -> dict:
    ra, rb = a.records(), b.records()
    for kind in ra:
        assert ra[kind] == rb[kind], kind
    return ra


def repo_objects(folder: Path) -> list[bytes]:
    """Every object's raw (decompressed) bytes in a git repository: loose and packed."""
    from dulwich.repo import Repo

    repo = Repo(str(folder))
    try:
        store = repo.object_store
        return [store[sha].as_raw_string() for sha in store]
    finally:
        repo.close()
