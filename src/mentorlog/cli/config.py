"""config path/show/set/unset: the settings in config.toml, and where each value in effect comes from."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated, Any

from mentorlog.cli.common import Json
from mentorlog.cli.decl import Arg, Group

if TYPE_CHECKING:
    from pathlib import Path

app = Group()  # its help text: GROUPS in cli/registry.py

KEY_HELP = "default_mentor, week_start, editor, date_format, prep_items or charts."


@app.command("path", epilog="Example: mentorlog config path")
def path() -> None:
    """Print the config file's path (it may not exist yet; MENTORLOG_HOME moves it)."""
    from mentorlog.config import config_file

    print(config_file())


@app.command("show", epilog="Example: mentorlog config show --json")
def show(json: Json = False) -> None:
    """Show each setting, its value and where it comes from (file, default, environment, --db)."""
    from mentorlog.config import config_file

    target = config_file()
    data = {"path": str(target), "exists": target.is_file(), "settings": _settings()}
    if json:
        from mentorlog.render.output import print_json

        print_json(data)
        return
    from mentorlog.render.output import say

    say(f"config file: {target}" + ("" if data["exists"] else " (not created yet)"))
    rows = [
        (key, "-" if s["value"] is None else str(s["value"]), _source_text(s))
        for key, s in data["settings"].items()
    ]
    width = max(len(r[0]) for r in rows)
    value_width = min(max(len(r[1]) for r in rows), 40)
    for key, value, source in rows:
        say(f"{key:<{width}}  {value:<{value_width}}  {source}")


def _source_text(setting: dict[str, Any]) -> str:
    text = setting["source"]
    if "file_value" in setting:
        text += f" (overrides the file's {setting['file_value']!r})"
    if setting.get("problem"):
        text += f" — warning: {setting['problem']}"
    return text


def _settings() -> dict[str, dict[str, Any]]:
    """Every setting in effect with its source; db too, which the config file never sets."""
    from mentorlog.config import DEFAULT, file_values

    values = file_values()

    def from_file(key: str, default: Any) -> dict[str, Any]:
        if key in values:
            return {"value": values[key], "source": "file"}
        return {"value": default, "source": "default"}

    mentor = from_file("default_mentor", None)
    if mentor["value"] is not None:
        problem = _mentor_problem(mentor["value"])
        if problem:
            mentor["problem"] = problem
    editor = from_file("editor", None)
    for variable in ("VISUAL", "EDITOR"):
        if os.environ.get(variable):
            if "editor" in values:
                editor["file_value"] = values["editor"]
            editor.update(value=os.environ[variable], source=f"${variable}")
            break
    else:
        if editor["value"] is None:
            editor["value"] = "vi"
    return {
        "default_mentor": mentor,
        "week_start": from_file("week_start", "monday"),
        "editor": editor,
        "date_format": from_file("date_format", DEFAULT.date_format),
        "charts": from_file("charts", "true"),
        "db": _db_setting(),
    }


def _db_setting() -> dict[str, Any]:
    from mentorlog.cli.common import State
    from mentorlog.paths import db_path

    env = os.environ.get("MENTORLOG_DB")
    if State.db and State.db != env:
        source = "--db"
    elif env:
        source = "$MENTORLOG_DB"
    elif os.environ.get("MENTORLOG_HOME"):
        source = "$MENTORLOG_HOME"
    else:
        source = "default"
    return {"value": str(db_path(State.db)), "source": source}


def _journal_if_any() -> Path | None:
    from mentorlog.cli.common import State
    from mentorlog.paths import db_path

    target = db_path(State.db)
    return target if target.is_file() else None


def _mentor_problem(name: str) -> str | None:
    """Why default_mentor would not pick anyone in the current journal (None when it would, or no journal)."""
    import sqlite3

    from mentorlog.errors import AmbiguousError, MentorlogError, NotFoundError

    target = _journal_if_any()
    if target is None:
        return None
    try:
        from mentorlog.store.db import read_connection
        from mentorlog.store.queries import resolve_mentor

        with read_connection(target) as conn:
            resolve_mentor(conn, name, active_only=True)
    except (NotFoundError, AmbiguousError) as exc:
        return exc.message
    except (MentorlogError, sqlite3.Error):  # a journal that can't be read here: nothing to say
        return None
    return None


@app.command(
    "set",
    epilog="Example: mentorlog config set date_format long  (or: us, eu, iso, '%d.%m.%Y')",
)
def set_(
    key: Annotated[str, Arg(help=f"The setting: {KEY_HELP}", metavar="KEY")],
    value: Annotated[str, Arg(help="Its value, e.g. sunday, nano, long.", metavar="VALUE")],
) -> None:
    """Set one setting in config.toml (created 0600 if needed); other lines and comments are kept.

    week_start: a weekday name. default_mentor: a mentor's name or unique prefix. editor: a command,
    used when $VISUAL and $EDITOR are unset. date_format: iso (2026-11-23, the default), us
    (11/23/2026), eu (23/11/2026), long (23 Nov 2026), or a strftime pattern with %d, %m/%b/%B and %Y/%y.
    charts: true or false, the pictures in review, status, goal and mentor views (default true).
    """
    from mentorlog.config import check_key, check_value, config_file
    from mentorlog.errors import UsageProblem
    from mentorlog.render.output import say, warn

    target = config_file()
    check_key(key, target)
    try:
        stored = check_value(key, value)
    except ValueError as exc:
        raise UsageProblem(f"{key} {exc}; {target} was not changed") from None
    _rewrite(target, key, stored)
    say(f"{key} = {stored!r} (in {target})")
    if key == "default_mentor":
        problem = _mentor_problem(stored)
        if problem:
            warn(f"{problem}; default_mentor is used once such a mentor exists")


@app.command("unset", epilog="Example: mentorlog config unset default_mentor")
def unset(key: Annotated[str, Arg(help=f"The setting: {KEY_HELP}", metavar="KEY")]) -> None:
    """Remove a setting from config.toml, so its default applies again (also removes unknown keys)."""
    from mentorlog.config import check_key, config_file, read_file
    from mentorlog.render.output import say

    target = config_file()
    raw = read_file(target) or {}
    if key not in raw:
        check_key(key, target)
        say(f"{key} is not set in {target}; nothing changed")
        return
    _rewrite(target, key, None)
    say(f"{key} removed from {target}")


def _rewrite(target: Path, key: str, value: str | None) -> None:
    """Edit one key in place and write atomically; warn about any other problem still in the file."""
    from mentorlog.config import edited_text, read_file, validate, write_file
    from mentorlog.errors import MentorlogError
    from mentorlog.render.output import warn

    read_file(
        target
    )  # invalid TOML is an error naming the file and line, before anything is written
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    new = edited_text(text, key, value, target)
    write_file(target, new)
    import tomllib

    try:
        validate(tomllib.loads(new), target)
    except MentorlogError as exc:
        warn(f"{exc.message}")
