"""Where the journal lives: platform data dir, `MENTORLOG_HOME` folder, `MENTORLOG_DB`/`--db` file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP = "mentorlog"
DB_NAME = "journal.db"


def data_dir() -> Path:
    """The folder for the journal, backups and drafts."""
    home = os.environ.get("MENTORLOG_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_path() -> Path:
    """config.toml: beside the data under MENTORLOG_HOME, else the platform config dir."""
    home = os.environ.get("MENTORLOG_HOME")
    if home:
        return Path(home).expanduser() / "config.toml"
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False) / "config.toml"


def db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then `MENTORLOG_DB`, then the data dir's journal.db."""
    chosen = override or os.environ.get("MENTORLOG_DB")
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / DB_NAME


def drafts_dir(db: Path) -> Path:
    """Unsaved meeting drafts are kept beside the journal they were meant for."""
    return db.parent / "drafts"


def ensure_private_dir(folder: Path) -> Path:
    """Create the folder 0700 (parents as needed); an existing folder is left as the user set it."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    return folder


def is_exposed(path: Path) -> bool:
    """True when group or others may read or enter the path."""
    try:
        return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))
    except OSError:
        return False


def exposure_warnings(db: Path, check_folder: bool = True) -> list[str]:
    """One warning (with the fix) for each journal path that group or others can read."""
    found = []
    if check_folder and is_exposed(db.parent):
        found.append(f"{db.parent} is readable by others; fix it with: chmod 700 {db.parent}")
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if path.exists() and is_exposed(path):
            found.append(f"{path} is readable by others; fix it with: chmod 600 {path}")
    return found


def journal_files(db: Path) -> set[Path]:
    """The journal and its SQLite side files, resolved, so nothing else is ever written over them."""
    base = db.expanduser().resolve()
    return {base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")}


def write_private_text(
    path: Path, text: str, protect: Path | None = None, overwrite: bool = True
) -> Path:
    """Write a file only its owner can read (0600) — never the journal, never a folder, and never
    over an existing file when `overwrite` is False (the `-o FILE` of a view: add --force)."""
    from mentorlog.errors import ConflictError, MentorlogError

    if "\x00" in str(path):
        raise MentorlogError(f"can't write {path!r}: a file name can't contain a NUL byte")
    target = path.expanduser()
    try:
        if protect is not None and target.resolve() in journal_files(protect):
            raise ConflictError(f"{path} is your journal; write the output to another file")
        if target.is_dir():
            raise ConflictError(f"{path} is a folder; give a file name inside it")
        if not overwrite and target.exists():
            raise ConflictError(f"{path} already exists; choose another name or add --force")
        ensure_private_dir(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(target, 0o600)
    except OSError as exc:
        raise MentorlogError(f"can't write {path}: {exc.strerror or exc}") from None
    from mentorlog import landed

    landed.note()
    return target


def free_name(path: Path) -> Path:
    """`path`, or the first of `name-2.ext`, `name-3.ext`... that does not exist yet: two backups
    in one second (or one microsecond, with a frozen clock) never collide."""
    candidate, number = path, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
