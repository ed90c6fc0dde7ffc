"""Every `-o` (export json/markdown/ics/csv, prep, review, brag, backup PATH) writes only a file of
its own: never through a symbolic link (dangling or not, to the journal, to a device), never onto
the journal by another name (a hard link, compared by inode), never chmod'ing what it did not make.
Each such path is refused with one Error line and nothing changes anywhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from support import dump

FILE_COMMANDS = {
    "export-json": ["export", "-o", "{out}"],
    "export-markdown": ["export", "-f", "markdown", "-o", "{out}"],
    "export-ics": ["export", "-f", "ics", "-o", "{out}"],
    "prep": ["prep", "alex", "-f", "markdown", "-o", "{out}"],
    "review": ["review", "-o", "{out}"],
    "brag": ["brag", "-o", "{out}"],
    "backup": ["backup", "{out}"],  # never replaces anything: no --force
}
LINKS = ("hard-link", "symlink-to-journal", "dangling", "device", "symlink-to-file", "backup-link")


def _device(path: Path) -> Path:
    """A character device of the test's own (a copy of /dev/null when we may make one): a test that
    failed would chmod or truncate this one, never the machine's /dev/null."""
    if os.geteuid() == 0:
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            os.chmod(path, 0o666)
            return path
        except OSError:
            pass
    return Path("/dev/null")  # not root: we can neither chmod nor harm it


def _snapshot(*folders: Path) -> dict[str, tuple]:
    """Every entry under the folders: kind, mode, and a link's target or a file's bytes."""
    seen: dict[str, tuple] = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            for name in dirs + files:
                path = Path(root) / name
                if name.endswith(("-wal", "-shm")):
                    continue
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    body: object = os.readlink(path)
                elif stat.S_ISREG(info.st_mode):
                    body = path.read_bytes()
                else:
                    body = info.st_rdev
                seen[str(path)] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), body)
    return seen


def _make_link(kind: str, out: Path, journal: Path, tmp_path: Path, cli) -> Path | None:
    """Put the hostile entry at `out`; returns what it points to (to check it is unharmed)."""
    if kind == "hard-link":
        os.link(journal, out)
        return journal
    if kind == "symlink-to-journal":
        out.symlink_to(journal)
        return journal
    if kind == "dangling":
        target = tmp_path / "elsewhere" / "created-through-the-link.txt"
        target.parent.mkdir()
        out.symlink_to(target)
        return target
    if kind == "device":
        device = _device(tmp_path / "null-device")
        out.symlink_to(device)
        return device
    if kind == "symlink-to-file":
        mine = tmp_path / "elsewhere-mine.txt"
        mine.write_text("keep me\n")
        os.chmod(mine, 0o644)
        out.symlink_to(mine)
        return mine
    if kind == "backup-link":
        kept = Path(cli("backup").stdout.split("Backed up to ", 1)[1].strip())
        os.link(kept, out)
        return kept
    raise AssertionError(kind)


def _refused(cli, argv: list[str], watch: list[Path], journal: Path) -> str:
    before, device_before = _snapshot(*watch), os.stat("/dev/null")
    journal_before = dump(journal)
    line = cli.fails(*argv)
    assert _snapshot(*watch) == before, argv  # nothing written, created, replaced or chmod'ed
    assert dump(journal) == journal_before
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_rdev) == (device_before.st_mode, device_before.st_rdev)
    return line


@pytest.mark.parametrize("kind", LINKS)
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_an_output_file_that_is_a_link_or_the_journal_is_refused(
    journal, db_file, tmp_path, command, kind
):
    cli = journal
    work = tmp_path / "work"
    work.mkdir()
    out = work / "out.txt"
    pointed = _make_link(kind, out, db_file, tmp_path, cli)
    argv = [a.format(out=out) for a in FILE_COMMANDS[command]]
    if command != "backup":
        argv.append("--force")  # even when told to replace what is there
    watch = [work, db_file.parent, tmp_path / "elsewhere"]
    watch += [p for p in (tmp_path / "elsewhere-mine.txt", tmp_path / "null-device") if p.exists()]
    _refused(cli, [a for a in argv], [w for w in watch if w.exists()], db_file)
    if kind == "dangling":
        assert not pointed.exists()  # the link's target was not created
    if kind == "symlink-to-file":
        assert pointed.read_text() == "keep me\n" and stat.S_IMODE(pointed.stat().st_mode) == 0o644


@pytest.mark.parametrize("command", [c for c in FILE_COMMANDS if c != "backup"])
def test_the_journals_side_files_are_refused_by_name(journal, db_file, command):
    for side in ("-wal", "-shm", "-journal"):
        out = db_file.with_name(db_file.name + side)
        argv = [a.format(out=out) for a in FILE_COMMANDS[command]] + ["--force"]
        assert "journal" in _refused(journal, argv, [db_file.parent], db_file)
        assert not out.exists()


@pytest.mark.parametrize("command", [c for c in FILE_COMMANDS if c != "backup"])
def test_force_replaces_a_plain_file_with_a_new_private_one(journal, tmp_path, command):
    """--force onto an ordinary file: a new 0600 file takes its name; a second name for the old
    file (a hard link the user made) keeps the old content and mode."""
    cli = journal
    out = tmp_path / "out.txt"
    out.write_text("old\n")
    os.chmod(out, 0o644)
    other = tmp_path / "other-name.txt"
    os.link(out, other)
    cli(*[a.format(out=out) for a in FILE_COMMANDS[command]], "--force")
    assert out.read_text() != "old\n" and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert other.read_text() == "old\n" and stat.S_IMODE(other.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_new_output_file_is_private_whatever_the_umask(journal, tmp_path):
    old = os.umask(0o277)  # would make a read-only file of our own
    try:
        journal("export", "-o", str(tmp_path / "e.json"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "e.json").stat().st_mode) == 0o600


# ---------------------------------------------------------------- csv folder


@pytest.mark.parametrize("kind", LINKS)
def test_a_link_inside_the_csv_folder_is_refused(journal, db_file, tmp_path, kind):
    cli = journal
    folder = tmp_path / "csv"
    folder.mkdir(mode=0o700)
    (folder / "wins.csv").write_text("mine\n")
    pointed = _make_link(kind, folder / "mentors.csv", db_file, tmp_path, cli)
    watch = [folder, db_file.parent, tmp_path / "elsewhere"]
    watch += [p for p in (tmp_path / "elsewhere-mine.txt", tmp_path / "null-device") if p.exists()]
    argv = ["export", "-f", "csv", "-o", str(folder), "--force"]
    _refused(cli, argv, [w for w in watch if w.exists()], db_file)
    assert _refused(cli, [*argv, "--excel"], [w for w in watch if w.exists()], db_file)
    if kind == "dangling":
        assert not pointed.exists()


@pytest.mark.parametrize("dangling", [False, True])
def test_a_csv_folder_that_is_a_link_is_refused(journal, db_file, tmp_path, dangling):
    real = tmp_path / "real"
    if not dangling:
        real.mkdir(mode=0o700)
    folder = tmp_path / "csv"
    folder.symlink_to(real, target_is_directory=True)
    line = _refused(
        journal, ["export", "-f", "csv", "-o", str(folder)], [tmp_path / "csv"], db_file
    )
    assert "symbolic link" in line
    assert not real.exists() or list(real.iterdir()) == []


def test_csv_force_replaces_files_with_new_private_ones(journal, tmp_path):
    cli = journal
    folder = tmp_path / "csv"
    cli("export", "-f", "csv", "-o", str(folder))
    wins = folder / "wins.csv"
    os.chmod(wins, 0o644)
    keep = tmp_path / "wins-kept.csv"
    os.link(wins, keep)
    before = keep.read_bytes()
    cli("win", "add", "Shipped the RFC")
    cli("export", "-f", "csv", "-o", str(folder), "--force")
    assert b"Shipped the RFC" in wins.read_bytes()
    assert keep.read_bytes() == before and stat.S_IMODE(keep.stat().st_mode) == 0o644
    assert stat.S_IMODE(wins.stat().st_mode) == 0o600
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
