"""Opening the user's editor on a file: one way to run it, one set of errors."""

import contextlib
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mentorlog.errors import MentorlogError


class EditorFailed(MentorlogError):
    """The editor could not start, or exited with an error: what it left in the file is unknown."""


def edit_file(path: Path, editor: str) -> str:
    """Run `editor` on `path` and return what was saved.

    On failure it raises EditorFailed and leaves the file where it is: the caller decides whether
    what is in it is worth keeping (it may hold text the user wrote before the editor died).
    """
    try:
        with _terminal() as keyboard:
            finished = subprocess.run(
                [*shlex.split(editor), str(path)], stdin=keyboard, check=False
            )
    except (OSError, ValueError):
        raise EditorFailed(f"could not start the editor {editor!r}; set $EDITOR") from None
    if finished.returncode != 0:
        how = (
            f"was killed by signal {-finished.returncode}"
            if finished.returncode < 0
            else f"exited with status {finished.returncode}"
        )
        raise EditorFailed(f"the editor {how}")
    return read_draft(path)


@contextlib.contextmanager
def _terminal() -> Iterator[Any]:
    """What the editor reads: our stdin, or the terminal when stdin was a pipe (notes piped into
    `log -e`), as git does; nothing when there is no terminal at all."""
    if sys.stdin.isatty():
        yield None
        return
    try:
        keyboard = open("/dev/tty", "rb")  # noqa: SIM115  (closed below)
    except OSError:
        yield subprocess.DEVNULL
        return
    try:
        yield keyboard
    finally:
        keyboard.close()


def read_draft(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")
