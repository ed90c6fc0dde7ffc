"""`mentorlog sync`: commit local changes, fetch, merge, apply to SQLite, push (DESIGN "Sync across
devices", crash order). Each step can be killed and the next `sync` finishes the job:

1. commit: the records that changed since the last sync (digests in sync_record) become encrypted
   files in a commit on top of `last_commit`; then one transaction records that commit.
2. fetch the remote's main.
3. merge: fast-forward, or three-way against git's merge base, file by file (core/merge.py),
   then over the merged journal as a whole (mentors of one name, links to a deleted record).
4. apply: one transaction makes the journal hold the merged tree and records the merged commit.
5. push; a remote that moved meanwhile is fetched and merged again.

Until step 4 commits, the journal and its sync_record say the old commit, so a rerun redoes the
work from there; objects written by a killed run are unreferenced and harmless.
`MENTORLOG_SYNC_FAULT=<step>` (or `enospc:<step>`) kills the process (or fails as a full disk)
at each step, for the tests.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mentorlog.core import clock, merge
from mentorlog.errors import ConflictError, MentorlogError, NotFoundError, UsageProblem
from mentorlog.store import rows
from mentorlog.store.db import read_connection, write_connection
from mentorlog.store.sync import records
from mentorlog.store.sync.gitrepo import (
    KEY_CHECK,
    MAIN,
    ORIGIN,
    Diverged,
    GitRepo,
    SyncError,
    disk_error,
    init_bare_remote,
    is_local,
    record_path,
)
from mentorlog.store.sync.identity import Identity

FAULT_ENV = "MENTORLOG_SYNC_FAULT"
STEPS = ("committing", "committed", "fetched", "merged", "applying", "applied", "pushed")
PUSH_ATTEMPTS = 5
FORMAT = "mentorlog-sync"


def fault(step: str) -> None:
    """The fault-injection hook: `MENTORLOG_SYNC_FAULT=applying` ends the process there."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    action, _, at = spec.rpartition(":")
    if at != step:
        return
    if action == "enospc":
        raise disk_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "the sync repository")
    os._exit(75)


def repo_path(journal: Path) -> Path:
    return journal.with_name(f"{journal.stem}.sync.git")


# ---------------------------------------------------------------- state


class State(NamedTuple):
    device_id: str
    journal_id: str
    recipient: str
    remote: str | None
    folder: str | None
    last_commit: str | None
    last_synced_at: str | None

    @property
    def where(self) -> str:
        return self.remote or f"the folder {self.folder}"


def load_state(journal: Path) -> State | None:
    with read_connection(journal) as conn:
        row = conn.execute(
            "SELECT device_id, journal_id, recipient, remote, folder, last_commit, "
            "last_synced_at FROM sync_state WHERE id = 1"
        ).fetchone()
    return State(*row) if row else None


def need_state(journal: Path) -> State:
    state = load_state(journal)
    if state is None:
        raise NotFoundError(
            "this journal doesn't sync yet: 'mentorlog sync init REMOTE' on the first device, "
            "'mentorlog sync join REMOTE' on the others"
        )
    return state


def key_for(state: State) -> Identity:
    from mentorlog.store.sync import identity

    key = identity.load(state.journal_id)
    if key.recipient != state.recipient:
        raise MentorlogError(
            f"that sync key ({identity.ENV} or the keyring) belongs to another journal; set "
            "the key this journal was set up with"
        )
    return key


@contextlib.contextmanager
def locked(repo: Path) -> Iterator[None]:
    """One sync at a time per journal (a second one says so instead of waiting)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here
        yield
        return
    try:
        fd = os.open(repo / "mentorlog-sync.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise disk_error(exc, repo) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ConflictError(
                "another 'mentorlog sync' is running; try again in a moment"
            ) from None
        yield
    finally:
        os.close(fd)


# ---------------------------------------------------------------- files <-> blobs


def seal(key: Identity, file: dict[str, Any]) -> bytes:
    payload = {"format": FORMAT, "version": 1, **file}
    return key.encrypt(merge.canonical(payload).encode())


def unseal(key: Identity, data: bytes, path: str) -> dict[str, Any]:
    plain = key.decrypt(data)
    if plain is None:
        raise MentorlogError(
            f"{path} in the sync repository is not encrypted to this journal's key; the remote "
            "holds another journal's files; nothing was changed"
        )
    try:
        file = json.loads(plain)
    except ValueError:
        raise MentorlogError(
            f"{path} in the sync repository is damaged; nothing was changed"
        ) from None
    if (
        not isinstance(file, dict)
        or file.get("format") != FORMAT
        or not isinstance(file.get("kind"), str)
        or not isinstance(file.get("uuid"), str)
        or ("record" in file and not isinstance(file["record"], dict))
    ):
        raise MentorlogError(f"{path} in the sync repository is not a mentorlog record")
    file.pop("format", None)
    file.pop("version", None)
    return file


class Files:
    """Decrypted files by blob id, read once per run."""

    def __init__(self, repo: GitRepo, key: Identity) -> None:
        self.repo, self.key = repo, key
        self.cache: dict[str, dict[str, Any]] = {}

    def get(self, blob: str | None, path: str) -> dict[str, Any] | None:
        if blob is None:
            return None
        if blob not in self.cache:
            self.cache[blob] = unseal(self.key, self.repo.read_blob(blob), path)
        return self.cache[blob]

    def put(self, file: dict[str, Any]) -> str:
        blob = self.repo.add_blob(seal(self.key, file))
        self.cache[blob] = file
        return blob


# ---------------------------------------------------------------- 1. commit


class Counts(NamedTuple):
    added: dict[str, int]
    changed: dict[str, int]
    deleted: dict[str, int]

    @classmethod
    def empty(cls) -> Counts:
        return cls({}, {}, {})

    def count(self, how: str, kind: str) -> None:
        table = getattr(self, how)
        table[kind] = table.get(kind, 0) + 1

    def total(self) -> int:
        return sum(sum(t.values()) for t in self)


def local_changes(journal: Path, state: State) -> tuple[dict[str, dict[str, Any]], Counts]:
    """The files to commit (path -> file) for what changed here since the last sync."""
    now = clock.moment_text(clock.utcnow())
    with read_connection(journal) as conn:
        snap = records.snapshot(conn, state.device_id)
        known = records.known(conn)
    changes: dict[str, dict[str, Any]] = {}
    counts = Counts.empty()
    for uuid, file in snap.items():
        before = known.get(uuid)
        if before is None or before.digest != merge.digest(file):
            changes[record_path(uuid)] = file
            dead = before is not None and before.digest == merge.digest(_tomb(before.kind, uuid))
            counts.count("added" if before is None or dead else "changed", file["kind"])
    for uuid, before in known.items():
        if uuid in snap:
            continue
        tomb = _tomb(before.kind, uuid, state.device_id, now)
        if before.digest != merge.digest(tomb):
            changes[record_path(uuid)] = tomb
            counts.count("deleted", before.kind)
    return changes, counts


def _tomb(kind: str, uuid: str, device: str | None = None, at: str | None = None) -> dict:
    return {"kind": kind, "uuid": uuid, "device": device, "deleted_at": at}


def commit_local(journal: Path, repo: GitRepo, files: Files, state: State) -> tuple[State, Counts]:
    changes, counts = local_changes(journal, state)
    checked = repo.blob_at(state.last_commit, KEY_CHECK) is not None
    blobs = {path: files.put(file) for path, file in changes.items()}
    if not checked:
        blobs[KEY_CHECK] = repo.add_blob(files.key.key_check(state.journal_id))
    if not changes and checked:
        return state, counts
    parents = [state.last_commit] if state.last_commit else []
    commit = repo.commit(parents, state.last_commit, blobs, int(time.time()))
    repo.set_ref(MAIN, commit)
    fault("committing")
    with write_connection(journal) as conn:
        _same_commit(conn, state)
        records.remember(conn, [(f, blobs[p]) for p, f in changes.items()], state.device_id)
        conn.execute("UPDATE sync_state SET last_commit = ? WHERE id = 1", (commit,))
    fault("committed")
    return state._replace(last_commit=commit), counts


def _same_commit(conn, state: State) -> None:
    row = conn.execute("SELECT last_commit FROM sync_state WHERE id = 1").fetchone()
    if row is None or row[0] != state.last_commit:
        raise ConflictError(
            "another 'mentorlog sync' changed this journal meanwhile; run sync again"
        )


# ---------------------------------------------------------------- 3. merge


class Merged(NamedTuple):
    commit: str
    files: dict[str, dict[str, Any]]  # path -> file, every path where the merge differs from ours
    blobs: dict[str, str]
    conflicts: int


def check_remote_key(repo: GitRepo, key: Identity, theirs: str, state: State) -> None:
    blob = repo.blob_at(theirs, KEY_CHECK)
    named = key.checked_journal(repo.read_blob(blob)) if blob else None
    if named != state.journal_id:
        raise MentorlogError(
            f"{state.where} holds another journal (its files are encrypted to another sync key); "
            "nothing was changed. Give this journal its own remote, or 'mentorlog sync join' "
            "that one from a fresh journal"
        )


def merge_with(
    repo: GitRepo,
    files: Files,
    ours: str,
    theirs: str | None,
    mentors_here: dict[str, dict[str, Any]] | None = None,
) -> Merged:
    if theirs is None or theirs == ours or repo.is_ancestor(theirs, ours):
        return Merged(ours, {}, {}, 0)
    base = repo.merge_base(ours, theirs)
    diff = repo.changed(ours, theirs)
    if base == ours:  # fast-forward: theirs is ours plus what others did
        out = {}
        blobs = {}
        for path, (_, t) in diff.items():
            if path == KEY_CHECK or t is None:
                continue
            out[path] = files.get(t, path)
            blobs[path] = t
        return Merged(theirs, out, blobs, 0)

    merged: dict[str, dict[str, Any] | None] = {}
    chosen: dict[str, str] = {}  # path -> blob taken unchanged from one side
    ours_files: dict[str, dict[str, Any] | None] = {}
    theirs_files: dict[str, dict[str, Any] | None] = {}
    base_files: dict[str, dict[str, Any] | None] = {}
    raised: list[dict[str, Any]] = []
    for path, (o, t) in diff.items():
        if path == KEY_CHECK:
            continue
        b = repo.blob_at(base, path)
        ours_files[path] = files.get(o, path)
        theirs_files[path] = files.get(t, path)
        base_files[path] = files.get(b, path)
        if o == b or o is None:
            merged[path], chosen[path] = theirs_files[path], t
            continue
        if t == b or t is None:
            continue  # ours stands
        result, conflicts = merge.merge_file(base_files[path], ours_files[path], theirs_files[path])
        merged[path] = result
        raised += conflicts
        if merge.digest(result) == merge.digest(theirs_files[path]):
            chosen[path] = t
        elif merge.digest(result) == merge.digest(ours_files[path]):
            del merged[path]

    def final(path: str) -> dict[str, Any] | None:
        if path in merged:
            return merged[path]
        if path in ours_files:
            return ours_files[path]
        return None

    # links to a record deleted on the other device: the record stays, with a conflict
    todo = [p for p in diff if p != KEY_CHECK]
    while todo:
        path = todo.pop()
        file = final(path)
        for target in merge.links_of(file) if file else []:
            tpath = record_path(target)
            target_file = final(tpath) if tpath in diff else None
            if tpath not in diff or merge.is_live(target_file):
                continue
            alive = [
                f
                for f in (ours_files.get(tpath), theirs_files.get(tpath), base_files.get(tpath))
                if merge.is_live(f)
            ]
            if not alive:
                continue
            kept = max(alive, key=merge._rank)
            merged[tpath] = kept
            chosen.pop(tpath, None)
            raised.append(merge._deleted_conflict(kept, target_file or kept))
            todo.append(tpath)
    # mentors of one name from two devices: "Alex (2)" and a conflict
    mentors = {u: f for u, f in (mentors_here or {}).items() if record_path(u) not in merged}
    for file in merged.values():
        if file is not None and file["kind"] == "mentor" and merge.is_live(file):
            mentors[file["uuid"]] = file
    for uuid, old, new in merge.rename_clashes({u: f["record"] for u, f in mentors.items()}):
        path = record_path(uuid)
        file = mentors[uuid]
        renamed = {**file, "record": {**file["record"], "name": new}}
        merged[path] = renamed
        chosen.pop(path, None)
        raised.append(merge.name_conflict(renamed, old, new))
    for conflict in raised:
        path = record_path(conflict["uuid"])
        if path in merged or repo.blob_at(ours, path) or repo.blob_at(theirs, path):
            continue  # met before: that conflict (open or settled) stands
        merged[path] = conflict
    blobs = {
        path: chosen[path] if path in chosen else files.put(file)
        for path, file in merged.items()
        if file is not None
    }
    commit = repo.commit([ours, theirs], ours, blobs, int(time.time()))
    out = {path: file for path, file in merged.items() if file is not None}
    return Merged(commit, out, blobs, sum(1 for c in raised if record_path(c["uuid"]) in out))


def ours_mentors(journal: Path, device: str) -> dict[str, dict[str, Any]]:
    """The mentors this journal holds (ours, as just committed): uuid -> file."""
    with read_connection(journal) as conn:
        return {
            r["uuid"]: records.file_of("mentor", r, device) for r in records._rows(conn, "mentor")
        }


# ---------------------------------------------------------------- 4. apply


def apply_merged(journal: Path, state: State, result: Merged) -> records.Applied:
    if result.commit == state.last_commit:
        return records.Applied({}, {}, {}, [])
    with write_connection(journal) as conn:
        _same_commit(conn, state)
        known = records.known(conn)
        for file in result.files.values():
            before = known.get(file["uuid"])
            now = records.current(conn, file["kind"], file["uuid"])
            expected = None if before is None or _dead(file["uuid"], before) else before.digest
            if merge.digest(now) != expected:
                raise ConflictError(
                    "the journal changed while this sync merged; run 'mentorlog sync' again"
                )
        applied = records.apply(conn, list(result.files.values()))
        records.remember(
            conn,
            [(file, result.blobs[path]) for path, file in result.files.items()],
            state.device_id,
        )
        conn.execute("UPDATE sync_state SET last_commit = ? WHERE id = 1", (result.commit,))
        fault("applying")
    fault("applied")
    if applied.deleted:  # deleted text leaves the WAL too, as after `delete`
        from mentorlog.store.db import checkpoint

        checkpoint(journal)
    return applied


def _dead(uuid: str, known: records.Known) -> bool:
    return known.digest == merge.digest(_tomb(known.kind, uuid))


# ---------------------------------------------------------------- the whole run


class Report(NamedTuple):
    went_out: Counts
    came_in: records.Applied
    conflicts: int
    open_conflicts: int
    where: str


def sync(journal: Path) -> Report:
    state = need_state(journal)
    key = key_for(state)
    path = repo_path(journal)
    repo = GitRepo.open(path)
    try:
        with locked(path):
            return _run(journal, repo, key, state)
    finally:
        repo.close()


def _run(journal: Path, repo: GitRepo, key: Identity, state: State) -> Report:
    files = Files(repo, key)
    state, went_out = commit_local(journal, repo, files, state)
    came_in = records.Applied({}, {}, {}, [])
    conflicts = 0
    transport = transport_for(state, repo, key)
    for _ in range(PUSH_ATTEMPTS):
        heads = transport.fetch()
        fault("fetched")
        for theirs in heads:
            check_remote_key(repo, key, theirs, state)
        for theirs in heads:  # one for a git remote; one per other device for a folder
            result = merge_with(
                repo, files, state.last_commit, theirs, ours_mentors(journal, state.device_id)
            )
            fault("merged")
            applied = apply_merged(journal, state, result)
            came_in = _add(came_in, applied)
            conflicts += result.conflicts
            state = state._replace(last_commit=result.commit)
        repo.set_ref(MAIN, state.last_commit)
        if state.last_commit == repo.ref(ORIGIN):
            break  # the remote has it already
        try:
            transport.push(state.last_commit, heads[0] if heads else None)
        except Diverged:
            continue
        fault("pushed")
        break
    else:
        raise SyncError(
            f"{state.where} kept changing while this sync ran; your changes are safe here: "
            "run 'mentorlog sync' again"
        )
    with write_connection(journal) as conn:
        conn.execute(
            "UPDATE sync_state SET last_synced_at = ? WHERE id = 1", (rows.encode(clock.utcnow()),)
        )
        open_ = conn.execute("SELECT COUNT(*) FROM sync_conflict WHERE status = 'open'").fetchone()
    return Report(went_out, came_in, conflicts, open_[0], state.where)


def _add(a: records.Applied, b: records.Applied) -> records.Applied:
    def plus(x: dict, y: dict) -> dict:
        return {k: x.get(k, 0) + y.get(k, 0) for k in {*x, *y}}

    return records.Applied(
        plus(a.added, b.added),
        plus(a.changed, b.changed),
        plus(a.deleted, b.deleted),
        a.renumbered + b.renumbered,
    )


# ---------------------------------------------------------------- transports


class GitTransport:
    def __init__(self, repo: GitRepo, remote: str) -> None:
        self.repo, self.remote = repo, remote

    def fetch(self) -> list[str]:
        head = self.repo.fetch(self.remote)
        return [head] if head else []

    def push(self, new: str, expected: str | None) -> None:
        self.repo.push(self.remote, new, expected)


def transport_for(state: State, repo: GitRepo, key: Identity):
    if state.folder:
        from mentorlog.store.sync.folder import FolderTransport

        return FolderTransport(repo, Path(state.folder), state.device_id)
    return GitTransport(repo, state.remote)


# ---------------------------------------------------------------- init and join


def _new_state(
    journal: Path, key: Identity, journal_id: str, remote: str | None, folder: str | None
) -> None:
    with write_connection(journal) as conn:
        if conn.execute("SELECT 1 FROM sync_state").fetchone():
            raise ConflictError(
                "this journal already syncs; 'mentorlog sync status' says where "
                "('mentorlog sync' to sync now)"
            )
        conn.execute("DELETE FROM sync_record")
        conn.execute("DELETE FROM sync_tombstone")
        conn.execute(
            "INSERT INTO sync_state (id, device_id, journal_id, recipient, remote, folder, "
            "created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            (
                rows.new_uuid(),
                journal_id,
                key.recipient,
                remote,
                folder,
                rows.encode(clock.utcnow()),
                rows.encode(clock.utcnow()),
            ),
        )


def _refuse_if_syncing(journal: Path) -> None:
    if load_state(journal) is not None:
        raise ConflictError(
            "this journal already syncs; 'mentorlog sync status' says where "
            "('mentorlog sync' to sync now)"
        )


def _fresh_repo(journal: Path) -> Path:
    path = repo_path(journal)
    if path.exists():
        import shutil

        shutil.rmtree(path)  # left by a setup that did not finish: it holds only encrypted files
    return path


def init(journal: Path, key: Identity, remote: str | None, folder: str | None, keep=None) -> Report:
    """The first device: a new sync id, the repo, the first commit, the first push. `keep(id)`
    stores the key (the keyring) before anything is written."""
    _refuse_if_syncing(journal)
    if remote is not None:
        local = is_local(remote)
        if local is not None and (
            not local.exists() or (local.is_dir() and not any(local.iterdir()))
        ):
            init_bare_remote(local)  # a repository on this machine (a USB stick, a NAS mount)
    path = _fresh_repo(journal)
    repo = GitRepo.open(path, create=True)
    try:
        state = State(rows.new_uuid(), rows.new_uuid(), key.recipient, remote, folder, None, None)
        if folder is not None:
            try:
                Path(folder).mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise disk_error(exc, folder) from None
        transport = transport_for(state, repo, key)
        heads = transport.fetch()
        if heads:
            blob = repo.blob_at(heads[0], KEY_CHECK)
            named = key.checked_journal(repo.read_blob(blob)) if blob else None
            raise ConflictError(
                f"{state.where} already holds a journal; on this device run 'mentorlog sync "
                "join' with it instead"
                if named
                else f"{state.where} already holds something else (another journal, or not "
                "mentorlog's); give an empty repository"
            )
        if keep is not None:
            keep(state.journal_id)
        _new_state(journal, key, state.journal_id, remote, folder)
    finally:
        repo.close()
    return sync(journal)


def join(journal: Path, key: Identity, remote: str | None, folder: str | None, keep=None) -> Report:
    """Another device: check the key against the remote's key-check, then sync into this journal."""
    _refuse_if_syncing(journal)
    path = _fresh_repo(journal)
    repo = GitRepo.open(path, create=True)
    ok = False
    try:
        probe = State("", "", key.recipient, remote, folder, None, None)
        heads = transport_for(probe, repo, key).fetch()
        if not heads:
            raise NotFoundError(
                f"{probe.where} holds no journal yet; run 'mentorlog sync init' there first"
            )
        blob = repo.blob_at(heads[0], KEY_CHECK)
        journal_id = key.checked_journal(repo.read_blob(blob)) if blob else None
        if journal_id is None:
            raise UsageProblem(
                f"that key does not open the journal in {probe.where}: check it against what "
                "'mentorlog sync init' showed; nothing was written"
            )
        if keep is not None:
            keep(journal_id)
        _new_state(journal, key, journal_id, remote, folder)
        ok = True
    finally:
        repo.close()
        if not ok:
            import shutil

            shutil.rmtree(path, ignore_errors=True)
    return sync(journal)


def leave(journal: Path) -> State:
    """Stop syncing this journal: forget the sync state and the local repository."""
    import shutil

    state = need_state(journal)
    with write_connection(journal) as conn:
        for table in ("sync_state", "sync_record", "sync_tombstone"):
            conn.execute(f"DELETE FROM {table}")
    shutil.rmtree(repo_path(journal), ignore_errors=True)
    return state


# ---------------------------------------------------------------- status, conflicts, resolve


def status(journal: Path) -> dict[str, Any]:
    state = need_state(journal)
    _, counts = local_changes(journal, state)
    repo = GitRepo.open(repo_path(journal))
    try:
        pushed = repo.ref(ORIGIN)
    finally:
        repo.close()
    with read_connection(journal) as conn:
        open_ = conn.execute("SELECT COUNT(*) FROM sync_conflict WHERE status = 'open'").fetchone()
    return {
        "remote": state.remote,
        "folder": state.folder,
        "device": state.device_id,
        "last_sync": _shown_moment(state.last_synced_at),
        "waiting": {
            "added": counts.added,
            "changed": counts.changed,
            "deleted": counts.deleted,
            "total": counts.total(),
        },
        "unpushed": state.last_commit is not None and state.last_commit != pushed,
        "conflicts": open_[0],
    }


def _shown_moment(stored: str | None) -> str | None:
    return clock.moment_text(clock.parse_stored(stored)) if stored else None


def _conflict_rows(conn, where: str = "status = 'open'", params=()) -> list[dict[str, Any]]:
    cur = conn.execute(
        "SELECT id, uuid, kind, record_kind, record_uuid, field, kept, lost, kept_device, "
        f"lost_device, status, resolution, created_at FROM sync_conflict WHERE {where} ORDER BY id",
        params,
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _sides(row: dict[str, Any], device: str | None) -> tuple[Any, Any]:
    """(mine, theirs): this device's value when it made one of the two, else the one kept."""
    kept, lost = json.loads(row["kept"] or "null"), json.loads(row["lost"] or "null")
    if device is not None and row["lost_device"] == device and row["kept_device"] != device:
        return lost, kept
    return kept, lost


def conflicts(journal: Path, every: bool = False) -> list[dict[str, Any]]:
    """The open conflicts (every one with `every`), as `sync conflicts` shows them."""
    state = load_state(journal)
    device = state.device_id if state else None
    with read_connection(journal) as conn:
        found = _conflict_rows(conn, "1 = 1" if every else "status = 'open'")
        out = []
        for row in found:
            table = row["record_kind"]
            local = None
            if table in records.SYNCED:
                hit = conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (row["record_uuid"],))
                local = hit.fetchone()
            mine, theirs = _sides(row, device)
            out.append(
                {
                    "id": row["id"],
                    "kind": row["kind"],
                    "record": {
                        "kind": table,
                        "id": local[0] if local else None,
                        "uuid": row["record_uuid"],
                    },
                    "field": row["field"],
                    "mine": mine,
                    "theirs": theirs,
                    "status": row["status"],
                    "resolution": row["resolution"],
                    "created_at": _shown_moment(row["created_at"]),
                }
            )
    return out


def open_conflict_count(conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM sync_conflict WHERE status = 'open'").fetchone()[0]


def resolve(journal: Path, conflict_id: int, keep: str) -> dict[str, Any]:
    """Settle one conflict: the journal takes mine, theirs or both; the settlement syncs too."""
    from mentorlog.store import writes

    state = load_state(journal)
    device = state.device_id if state else None
    delete_after: tuple[str, int] | None = None
    with write_connection(journal) as conn:
        found = _conflict_rows(conn, "id = ?", (conflict_id,))
        if not found:
            raise NotFoundError(
                f"no sync conflict #{conflict_id}; 'mentorlog sync conflicts' lists them"
            )
        row = found[0]
        if row["status"] != "open":
            raise ConflictError(
                f"sync conflict #{conflict_id} was settled already ({row['resolution']})"
            )
        table, uuid = row["record_kind"], row["record_uuid"]
        hit = conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
        mine, theirs = _sides(row, device)
        chosen = mine if keep == "mine" else theirs
        what = f"{table} #{hit[0]}" if hit else f"{table} {uuid}"
        if row["kind"] == "delete":
            deleted_here = row["lost_device"] == device and row["kept_device"] != device
            delete = (keep == "mine") == deleted_here if keep != "both" else False
            if delete and hit:
                delete_after = (table, hit[0])
            done = f"{what} deleted" if delete else f"{what} kept"
        elif hit is None:
            done = f"{what} is gone; nothing to change"
        elif row["kind"] == "name":
            if keep == "both":
                done = f"{what} stays a mentor of its own (rename it with 'mentorlog mentor edit')"
            else:
                done = _merge_mentors(conn, hit[0], json.loads(row["lost"]), keep, row, device)
        else:
            fields = row["field"].split(",")
            current = rows.load(conn, table, hit[0])
            if keep == "both":
                if len(fields) != 1 or not all(isinstance(v, str) for v in (mine, theirs)):
                    raise UsageProblem(
                        f"{', '.join(fields)} holds one value; choose --keep mine or --keep theirs"
                    )
                if row["kind"] == "text":
                    text = current[fields[0]] or ""
                    value = "\n".join(
                        line
                        for line in text.split("\n")
                        if line not in (merge.MARK_START, merge.MARK_MIDDLE, merge.MARK_END)
                    )
                else:
                    value = f"{mine}\n{theirs}"
                values = {fields[0]: value}
            else:
                chosen_values = chosen if len(fields) > 1 else [chosen]
                values = _columns(conn, table, dict(zip(fields, chosen_values, strict=True)))
            rows.update(conn, table, hit[0], values)
            done = f"{what}: {', '.join(fields)} set ({keep})"
        rows.update(
            conn,
            "sync_conflict",
            row["id"],
            {"status": "resolved", "resolution": keep, "resolved_at": clock.utcnow()},
        )
    if delete_after is not None:
        writes.delete_record(journal, *delete_after)
    return {"id": conflict_id, "resolution": keep, "done": done}


def _columns(conn, table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Export-shaped values (`meeting_uuid`, ISO days) as the columns hold them."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key.endswith("_uuid"):
            column = f"{key[:-5]}_id"
            parent = {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}[column]
            hit = conn.execute(f"SELECT id FROM {parent} WHERE uuid = ?", (value,)).fetchone()
            out[column] = hit[0] if hit else None
        else:
            out[key] = value
    return out


def _merge_mentors(conn, renamed_id: int, name: str, keep: str, row: dict, device) -> str:
    """Two mentors of one name are one person: the renamed one's records move to the one that
    kept the name; with --keep mine/theirs, whose details (focus, cadence, contact) stay."""
    holder = conn.execute("SELECT id FROM mentor WHERE name = ?", (name,)).fetchone()
    if holder is None:
        rows.update(conn, "mentor", renamed_id, {"name": name})
        return f"mentor #{renamed_id} is {name} again"
    target = holder[0]
    renamed_is_mine = row["kept_device"] == device
    details_from = renamed_id if (keep == "mine") == renamed_is_mine else target
    if details_from != target:
        source = rows.load(conn, "mentor", renamed_id)
        rows.update(
            conn,
            "mentor",
            target,
            {"focus": source.focus, "cadence": source.cadence, "contact": source.contact},
        )
    from mentorlog.store.queries import RECORD_TABLES

    now = rows.encode(clock.utcnow())
    for child in RECORD_TABLES:
        for fk in conn.execute(f"PRAGMA foreign_key_list({child})").fetchall():
            if fk[2] == "mentor":
                conn.execute(
                    f"UPDATE {child} SET {fk[3]} = ?, updated_at = ? WHERE {fk[3]} = ?",
                    (target, now, renamed_id),
                )
    conn.execute("DELETE FROM mentor WHERE id = ?", (renamed_id,))
    return f"mentor #{renamed_id} merged into #{target} {name}"
