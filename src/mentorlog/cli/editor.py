"""Opening the user's editor on a file: one way to run it, one set of errors."""

import shlex
import subprocess
from pathlib import Path

from mentorlog.errors import MentorlogError


class EditorFailed(MentorlogError):
    """The editor could not start, or exited with an error: what it left in the file is unknown."""


def edit_file(path: Path, editor: str) -> str:
    """Run `editor` on `path` and return what was saved.

    On failure it raises EditorFailed and leaves the file where it is: the caller decides whether
    what is in it is worth keeping (it may hold text the user wrote before the editor died).
    """
    try:
        finished = subprocess.run([*shlex.split(editor), str(path)], check=False)
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


def read_draft(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")
