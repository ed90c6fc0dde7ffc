"""`--folder DIR`: sync through a Syncthing, Dropbox or iCloud folder instead of a git remote.

Each device writes only its own file there, `<device id>.bundle` (a git bundle of its history,
every file in it encrypted as on a remote), replaced atomically (written beside, then renamed),
so the folder service never sees a half-written file nor two devices writing one file. Fetching
reads every other device's bundle; each is merged in turn. A file the service left as a conflict
copy ("x.sync-conflict-....bundle") is read like any other: the merge takes care of it.
"""

from __future__ import annotations

import os
from pathlib import Path

from mentorlog.store.sync.gitrepo import MAIN, ORIGIN, GitRepo, SyncError, Unreachable, disk_error

SUFFIX = ".bundle"


class FolderTransport:
    def __init__(self, repo: GitRepo, folder: Path, device_id: str) -> None:
        self.repo, self.folder, self.device_id = repo, folder, device_id

    def _check(self) -> None:
        if not self.folder.is_dir():
            raise Unreachable(
                f"the sync folder {self.folder} is not there (not mounted, or moved?); your "
                "changes are kept here and go out with the next 'mentorlog sync'"
            )

    def fetch(self) -> list[str]:
        """The head of every other device's bundle, its objects copied into the repository."""
        from dulwich.bundle import read_bundle

        self._check()
        heads: list[str] = []
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            if path.name == f"{self.device_id}{SUFFIX}" or path.name.startswith("."):
                continue
            try:
                with open(path, "rb") as handle:
                    bundle = read_bundle(handle)
                    try:
                        head = bundle.references.get(MAIN)
                        if head is None:
                            continue
                        if head not in self.repo.repo.object_store:
                            bundle.store_objects(self.repo.repo.object_store)
                    finally:
                        bundle.close()
            except OSError as exc:
                raise disk_error(exc, self.repo.path) from None
            except Exception:
                raise SyncError(
                    f"{path} is not a mentorlog sync bundle (damaged, or half copied by the "
                    "folder service); wait for the folder to finish syncing, then run sync again"
                ) from None
            head_hex = head.decode()
            if head_hex not in heads:
                heads.append(head_hex)
        return heads

    def push(self, new: str, expected=None) -> None:
        """Replace this device's bundle with one ending at `new`, atomically."""
        from dulwich.bundle import create_bundle_from_repo, write_bundle

        self._check()
        target = self.folder / f"{self.device_id}{SUFFIX}"
        temp = self.folder / f".{self.device_id}{SUFFIX}.{os.getpid()}.tmp"
        self.repo.set_ref(MAIN, new)
        try:
            bundle = create_bundle_from_repo(self.repo.repo, refs=[MAIN])
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                write_bundle(handle, bundle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
            self.repo.set_ref(ORIGIN, new)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise disk_error(exc, self.folder) from None
