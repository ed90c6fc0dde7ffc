"""User settings from config.toml: default mentor, week start, editor."""

from __future__ import annotations

import os
from typing import NamedTuple

from mentorlog.core.dates import WEEKDAYS
from mentorlog.errors import MentorlogError
from mentorlog.paths import config_path


class Config(NamedTuple):
    default_mentor: str | None = None
    week_start: int = 0  # Monday
    editor: str | None = None

    def editor_command(self) -> str:
        """$VISUAL, then $EDITOR, then config, then vi: the order git uses."""
        return os.environ.get("VISUAL") or os.environ.get("EDITOR") or self.editor or "vi"


def load_config() -> Config:
    """Read config.toml if present; a broken file is an error naming it, not a silent default."""
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise MentorlogError(f"can't read config {path}: {exc}; fix or remove the file") from None
    import tomllib  # only when there is a config to read

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MentorlogError(f"can't read config {path}: {exc}; fix or remove the file") from None
    week_start = str(raw.get("week_start", "monday")).lower()
    if week_start not in WEEKDAYS:
        raise MentorlogError(f"config {path}: week_start {week_start!r} is not a weekday name")
    mentor = raw.get("default_mentor")
    editor = raw.get("editor")
    return Config(
        default_mentor=str(mentor) if mentor else None,
        week_start=WEEKDAYS[week_start],
        editor=str(editor) if editor else None,
    )
