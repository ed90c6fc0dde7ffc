"""Opening the user's editor on a file: one way to run it, one set of errors."""

import shlex
import subprocess
from pathlib import Path

from mentorlog.errors import MentorlogError


def edit_file(path: Path, editor: str) -> str:
    """Run `editor` on `path` and return what was saved; the caller decides what to keep on failure."""
    try:
        finished = subprocess.run([*shlex.split(editor), str(path)], check=False)
    except (OSError, ValueError):
        raise MentorlogError(f"could not start the editor {editor!r}; set $EDITOR") from None
    if finished.returncode != 0:
        raise MentorlogError(
            f"the editor exited with status {finished.returncode}; nothing was saved"
        )
    return path.read_text(encoding="utf-8", errors="replace")
