"""The git side of sync, behind one small adapter over dulwich (pure-Python git).

A bare repository under the data dir holds the journal's files: `key-check` and one file per record
at `r/<2 hex>/<uuid>`, every one already encrypted (store/sync/identity.py), so nothing here ever
sees plaintext and nothing is checked out: objects are written straight into the object store (in
packs), trees are built in memory. Refs: `refs/heads/main` (this device's last commit) and
`refs/remotes/origin/main` (the remote's, as last fetched).

Errors a user can act on come out as SyncError subclasses; dulwich's own never leave this module.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from dulwich.objects import Blob, Commit, Tree
from dulwich.repo import Repo

from mentorlog.errors import MentorlogError

MAIN = b"refs/heads/main"
ORIGIN = b"refs/remotes/origin/main"
KEY_CHECK = "key-check"
AUTHOR = b"mentorlog <sync@mentorlog.invalid>"
DIR_MODE = 0o040000
FILE_MODE = 0o100644


class SyncError(MentorlogError):
    """A sync step failed in a way the next `sync` can finish."""


class Unreachable(SyncError):
    pass


class Diverged(SyncError):
    """The remote moved while we merged: fetch, merge and push again."""


class DiskFull(SyncError):
    pass


def record_path(uuid: str) -> str:
    return f"r/{uuid[:2]}/{uuid}"


def uuid_of(path: str) -> str | None:
    parts = path.split("/")
    return parts[2] if len(parts) == 3 and parts[0] == "r" else None


def _hex(sha: bytes | str | None) -> str | None:
    if sha is None:
        return None
    return sha.decode() if isinstance(sha, bytes) else sha


def _bin(sha: str | bytes) -> bytes:
    return sha.encode() if isinstance(sha, str) else sha


def disk_error(exc: OSError, where: Path | str) -> SyncError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"the disk holding {where} is full; nothing was lost: free some space and run "
            "'mentorlog sync' again"
        )
    return SyncError(f"can't write {where} ({exc.strerror or exc}); run 'mentorlog sync' again")


class GitRepo:
    """The journal's bare repository: blobs, trees, commits and the two refs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.repo = Repo(str(path))
        self._pending: list = []
        self._trees: dict[bytes, object] = {}

    @classmethod
    def open(cls, path: Path, create: bool = False) -> GitRepo:
        if not path.exists():
            if not create:
                raise SyncError(f"no sync repository at {path}; run 'mentorlog sync init' first")
            try:
                path.mkdir(mode=0o700, parents=True)
                Repo.init_bare(str(path))
            except OSError as exc:
                raise disk_error(exc, path) from None
        return cls(path)

    def close(self) -> None:
        self.repo.close()

    # ------------------------------------------------------------ objects

    def add_blob(self, data: bytes) -> str:
        blob = Blob.from_string(data)
        self._pending.append(blob)
        return blob.id.decode()

    def flush(self) -> None:
        """Write the objects made since the last flush, as one pack."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        try:
            self.repo.object_store.add_objects([(obj, None) for obj in pending])
        except OSError as exc:
            raise disk_error(exc, self.path) from None

    def read_blob(self, sha: str) -> bytes:
        return self.repo.object_store[_bin(sha)].as_raw_string()

    def has(self, sha: str | None) -> bool:
        return sha is not None and _bin(sha) in self.repo.object_store

    # ------------------------------------------------------------ trees

    def files(self, commit: str | None) -> dict[str, str]:
        """path -> blob of every file in the commit's tree ({} for none)."""
        if commit is None:
            return {}
        store = self.repo.object_store
        root = store[store[_bin(commit)].tree]
        out: dict[str, str] = {}
        for name, mode, sha in root.iteritems():
            if mode == DIR_MODE and name == b"r":
                for sub_name, _, sub_sha in store[sha].iteritems():
                    for leaf, _, leaf_sha in store[sub_sha].iteritems():
                        out[f"r/{sub_name.decode()}/{leaf.decode()}"] = leaf_sha.decode()
            elif mode != DIR_MODE:
                out[name.decode()] = sha.decode()
        return out

    def blob_at(self, commit: str | None, path: str) -> str | None:
        """The blob at one path of a commit's tree (None when it has none), reading only the
        trees on the way."""
        if commit is None:
            return None
        sha = self._object(_bin(commit)).tree
        for part in path.split("/"):
            tree = self._object(sha)
            try:
                _, sha = tree[part.encode()]
            except KeyError:
                return None
        return sha.decode()

    def _object(self, sha: bytes):
        """A commit or tree, read once per run (merges look up many paths in the same trees)."""
        found = self._trees.get(sha)
        if found is None:
            found = self._trees[sha] = self.repo.object_store[sha]
        return found

    def changed(self, old: str | None, new: str | None) -> dict[str, tuple[str | None, str | None]]:
        """path -> (blob in old, blob in new) for every file that differs, reading only the
        subtrees whose ids differ (cheap when a few records changed in a large journal)."""
        store = self.repo.object_store

        def entries(tree_id: bytes | None) -> dict[bytes, tuple[int, bytes]]:
            if tree_id is None:
                return {}
            return {name: (mode, sha) for name, mode, sha in store[tree_id].iteritems()}

        def walk(a: bytes | None, b: bytes | None, prefix: str, out: dict) -> None:
            if a == b:
                return
            ea, eb = entries(a), entries(b)
            for name in set(ea) | set(eb):
                ma, sa = ea.get(name, (None, None))
                mb, sb = eb.get(name, (None, None))
                if sa == sb:
                    continue
                path = f"{prefix}{name.decode()}"
                if DIR_MODE in (ma, mb):
                    walk(
                        sa if ma == DIR_MODE else None,
                        sb if mb == DIR_MODE else None,
                        f"{path}/",
                        out,
                    )
                else:
                    out[path] = (_hex(sa), _hex(sb))

        out: dict[str, tuple[str | None, str | None]] = {}
        walk(self._tree(old), self._tree(new), "", out)
        return out

    def _tree(self, commit: str | None) -> bytes | None:
        if commit is None:
            return None
        return self.repo.object_store[_bin(commit)].tree

    def commit(
        self, parents: Iterable[str], base: str | None, changes: dict[str, str], when: int
    ) -> str:
        """A commit whose tree is `base`'s with `changes` (path -> blob) applied."""
        store = self.repo.object_store
        root = Tree()
        if base is not None:
            for name, mode, sha in store[self._tree(base)].iteritems():
                root.add(name, mode, sha)
        by_dir: dict[str, dict[str, str]] = {}
        for path, blob in changes.items():
            if path.startswith("r/"):
                _, sub, leaf = path.split("/")
                by_dir.setdefault(sub, {})[leaf] = blob
            else:
                root.add(path.encode(), FILE_MODE, _bin(blob))
        if by_dir:
            records = Tree()
            if b"r" in root:
                for name, mode, sha in store[root[b"r"][1]].iteritems():
                    records.add(name, mode, sha)
            for sub, leaves in by_dir.items():
                tree = Tree()
                if sub.encode() in records:
                    for name, mode, sha in store[records[sub.encode()][1]].iteritems():
                        tree.add(name, mode, sha)
                for leaf, blob in leaves.items():
                    tree.add(leaf.encode(), FILE_MODE, _bin(blob))
                self._pending.append(tree)
                records.add(sub.encode(), DIR_MODE, tree.id)
            self._pending.append(records)
            root.add(b"r", DIR_MODE, records.id)
        self._pending.append(root)
        commit = Commit()
        commit.tree = root.id
        commit.parents = [_bin(p) for p in parents]
        commit.author = commit.committer = AUTHOR
        commit.author_time = commit.commit_time = when
        commit.author_timezone = commit.commit_timezone = 0
        commit.encoding = b"UTF-8"
        commit.message = b"mentorlog sync\n"
        self._pending.append(commit)
        self.flush()
        return commit.id.decode()

    # ------------------------------------------------------------ history

    def merge_base(self, a: str, b: str) -> str | None:
        from dulwich.graph import find_merge_base

        found = find_merge_base(self.repo, [_bin(a), _bin(b)])
        return _hex(found[0]) if found else None

    def is_ancestor(self, ancestor: str, of: str) -> bool:
        if ancestor == of:
            return True
        return self.merge_base(ancestor, of) == ancestor

    def ref(self, name: bytes) -> str | None:
        try:
            return _hex(self.repo.refs[name])
        except KeyError:
            return None

    def set_ref(self, name: bytes, sha: str | None) -> None:
        try:
            if sha is None:
                self.repo.refs.remove_if_equals(name, None)
            else:
                self.repo.refs[name] = _bin(sha)
        except OSError as exc:
            raise disk_error(exc, self.path) from None

    def new_objects(self, known: str | None, new: str):
        """Pack data of what `new` adds to a remote that has `known`: the commits in between
        and, for each, the trees and blobs its tree holds beyond `known`'s (walking only the
        subtrees that differ; git's own walk reads every tree of a 10k-record journal)."""
        from dulwich.pack import pack_objects_to_data

        store = self.repo.object_store
        stop = set()
        if known is not None:
            stop = {_bin(known)}
            stop |= {_bin(c) for c in self._ancestors(known)}
        commits, seen, todo = [], set(), [_bin(new)]
        while todo:
            sha = todo.pop()
            if sha in stop or sha in seen:
                continue
            seen.add(sha)
            commit = store[sha]
            commits.append(commit)
            todo += list(commit.parents)
        known_tree = store[_bin(known)].tree if known else None
        objects: dict[bytes, object] = {}

        def walk(tree_id: bytes, theirs: bytes | None) -> None:
            if tree_id == theirs or tree_id in objects:
                return
            tree = store[tree_id]
            objects[tree_id] = tree
            other = {n: s for n, _, s in store[theirs].iteritems()} if theirs is not None else {}
            for name, mode, sha in tree.iteritems():
                if other.get(name) == sha or sha in objects:
                    continue
                if mode == DIR_MODE:
                    walk(sha, other.get(name))
                else:
                    objects[sha] = store[sha]

        for commit in commits:
            objects[commit.id] = commit
            walk(commit.tree, known_tree)
        return pack_objects_to_data(list(objects.values()), ofs_delta=False)

    def _ancestors(self, commit: str) -> set[str]:
        seen: set[str] = set()
        todo = [commit]
        store = self.repo.object_store
        while todo:
            sha = todo.pop()
            if sha in seen or not self.has(sha):
                continue
            seen.add(sha)
            todo += [p.decode() for p in store[_bin(sha)].parents]
        return seen

    # ------------------------------------------------------------ the remote

    def fetch(self, remote: str) -> str | None:
        """The remote's main after fetching its objects here (None: an empty remote)."""
        client, where = _client(remote)
        try:
            result = client.fetch(
                where,
                self.repo,
                determine_wants=lambda refs, depth=None: [refs[MAIN]] if refs.get(MAIN) else [],
            )
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise disk_error(exc, self.path) from None
            raise _unreachable(remote, exc) from None
        except Exception as exc:
            raise _unreachable(remote, exc) from None
        head = _hex(result.refs.get(MAIN)) if result.refs else None
        self.set_ref(ORIGIN, head)
        return head

    def push(self, remote: str, new: str, expected: str | None) -> None:
        """Set the remote's main to `new` if it is still `expected`; Diverged if it moved."""
        client, where = _client(remote)
        moved: list[bool] = []

        def update_refs(refs: dict) -> dict:
            current = _hex(refs.get(MAIN))
            if current is not None and set(current) == {"0"}:
                current = None
            if current != expected:
                moved.append(True)
                return {}
            return {MAIN: _bin(new)}

        def pack_data(have, want, ofs_delta=True, progress=None):
            return self.new_objects(expected, new)

        try:
            result = client.send_pack(where, update_refs, pack_data)
        except OSError as exc:
            raise _unreachable(remote, exc) from None
        except Exception as exc:
            raise _unreachable(remote, exc) from None
        if moved or (result.ref_status and result.ref_status.get(MAIN)):
            raise Diverged("the remote moved while this sync merged")
        self.set_ref(ORIGIN, new)


def _client(remote: str):
    from dulwich.client import get_transport_and_path

    try:
        return get_transport_and_path(remote)
    except Exception as exc:
        raise _unreachable(remote, exc) from None


def _unreachable(remote: str, exc: BaseException) -> Unreachable:
    detail = getattr(exc, "strerror", None) or type(exc).__name__
    return Unreachable(
        f"can't reach the sync remote {remote} ({detail}); your changes are kept here and go "
        "out with the next 'mentorlog sync'"
    )


def is_local(remote: str) -> Path | None:
    """The folder of a remote on this machine (a path or file:// URL), None for ssh/https."""
    if remote.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return Path(unquote(urlsplit(remote).path))
    if "://" in remote or (":" in remote.split("/")[0] and not os.path.isabs(remote)):
        return None  # scp-like user@host:path
    return Path(remote).expanduser()


def init_bare_remote(folder: Path) -> None:
    """An empty bare repository at a local remote's path that doesn't exist yet (or is empty)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        Repo.init_bare(str(folder))
    except OSError as exc:
        raise disk_error(exc, folder) from None
