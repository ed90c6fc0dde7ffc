"""Where the journal lives: platform data dir, `MENTORLOG_HOME` folder, `MENTORLOG_DB`/`--db` file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP = "mentorlog"
DB_NAME = "journal.db"


def _xdg(variable: str, default: str) -> Path | None:
    """The XDG Base Directory answer on Linux and the BSDs, in the plain case — an absolute
    $XDG_… or else an absolute $HOME — which is what platformdirs returns there. None sends
    anything else (macOS, Windows, a relative HOME) to platformdirs, whose import costs ~8 ms
    (4.14 loads tempfile, shutil, bz2 and lzma for its directory checks) on every command."""
    import sys

    if sys.platform in (
        "darwin",
        "win32",
        "cygwin",
        "emscripten",
        "wasi",
    ) or sys.platform.startswith(("android", "ios")):
        return None
    chosen = os.environ.get(variable, "")
    if chosen.startswith("/"):
        return Path(chosen) / APP
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    return Path(home.rstrip("/") + default) / APP


def data_dir() -> Path:
    """The folder for the journal, backups and drafts."""
    home = os.environ.get("MENTORLOG_HOME")
    if home:
        return Path(home).expanduser()
    if (fast := _xdg("XDG_DATA_HOME", "/.local/share")) is not None:
        return fast
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_path() -> Path:
    """config.toml: beside the data under MENTORLOG_HOME, else the platform config dir."""
    home = os.environ.get("MENTORLOG_HOME")
    if home:
        return Path(home).expanduser() / "config.toml"
    if (fast := _xdg("XDG_CONFIG_HOME", "/.config")) is not None:
        return fast / "config.toml"
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
    return {base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))}


def guarded_inodes(db: Path) -> set[tuple[int, int]]:
    """(st_dev, st_ino) of the journal, its -wal/-shm/-journal files and the backups kept beside
    it: an output file that is any of these (a hard link, a symlink, another spelling of the path)
    is refused, whatever its name."""
    base = db.expanduser()
    candidates = [base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))]
    try:
        folder = base.resolve().parent
        candidates += [*folder.glob(f"{base.name}.*.bak"), *folder.glob(f"{base.stem}-backup-*")]
    except OSError:
        pass
    found = set()
    for path in candidates:
        try:
            info = path.stat()
        except OSError:
            continue
        found.add((info.st_dev, info.st_ino))
    return found


def check_output(
    path: Path, protect: Path | None = None, overwrite: bool = True, what: str = "output"
) -> bool:
    """Refuse an output path that is not a plain new (or, with `overwrite`, existing) file of its
    own: a symbolic link (dangling or not), a folder, a device or pipe, the journal or one of its
    side files or backups (compared by inode, so a hard link is caught). True when it exists."""
    from mentorlog.errors import ConflictError, MentorlogError

    if "\x00" in str(path):
        raise MentorlogError(f"can't write {path!r}: a file name can't contain a NUL byte")
    target = path.expanduser()
    if protect is not None:
        try:
            named = target.resolve() in journal_files(protect)
        except (OSError, RuntimeError):  # a loop of links: refused below as a link
            named = False
        if named:
            raise ConflictError(f"{path} is your journal; write the {what} to another file")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise MentorlogError(f"can't write {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise ConflictError(
            f"{path} is a symbolic link; mentorlog writes its {what} only to a file of its own: "
            "give the real path or a new name"
        )
    if stat.S_ISDIR(info.st_mode):
        raise ConflictError(f"{path} is a folder; give a file name inside it")
    if not stat.S_ISREG(info.st_mode):
        raise ConflictError(f"{path} is not a regular file (a device or pipe); choose a new name")
    if protect is not None and (info.st_dev, info.st_ino) in guarded_inodes(protect):
        raise ConflictError(
            f"{path} is your journal (or a file it keeps); write the {what} to another file"
        )
    if not overwrite:
        raise ConflictError(f"{path} already exists; choose another name or add --force")
    return True


def create_private(path: Path) -> int:
    """A new file only its owner can read, opened for writing; never follows a link, never opens
    what is already there (FileExistsError)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # ours: the umask may have taken the owner's bits
    except BaseException:
        os.close(fd)
        raise
    return fd


def temp_beside(path: Path) -> tuple[Path, int]:
    """A new private file in `path`'s folder, to be moved over `path` once written."""
    import secrets

    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return temp, create_private(temp)
        except FileExistsError:
            continue


def write_private_text(
    path: Path, text: str | bytes, protect: Path | None = None, overwrite: bool = True
) -> Path:
    """Write a file only its owner can read (0600) — never the journal, never a folder, never
    through a link, and never over an existing file when `overwrite` is False (the `-o FILE` of a
    view: add --force). A new file is created (O_EXCL|O_NOFOLLOW); an existing one is replaced by
    a new file moved over its name, so nothing another name points to is ever written or chmod'ed.
    Bytes are written as they are, text as UTF-8."""
    from mentorlog.errors import ConflictError, MentorlogError

    data = text if isinstance(text, bytes) else text.encode("utf-8")  # before any file exists
    target = path.expanduser()
    exists = check_output(path, protect, overwrite)
    try:
        ensure_private_dir(target.parent)
        if exists:
            temp, fd = temp_beside(target)
        else:
            temp = None
            try:
                fd = create_private(target)
            except FileExistsError:
                raise ConflictError(f"{path} appeared while writing; try again") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            if temp is not None:
                os.replace(temp, target)
        except BaseException:
            (temp or target).unlink(missing_ok=True)
            raise
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
