"""User settings from config.toml: default mentor, week start, editor, date format.

Read lazily and cheaply: a missing file costs one stat, tomllib is imported only when there is a file, the
parsed file is kept while its stat signature is unchanged, and the date format is looked up once per command.
Every key and value is checked on load and on `config set`; a problem names the file and the key.
Written by `config set/unset` as flat `key = "value"` lines, in place, so other keys and comments stay.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from mentorlog.errors import MentorlogError, UsageProblem

KEYS = ("default_mentor", "week_start", "editor", "date_format", "prep_items", "charts")
PREP_ITEMS = 7  # items per section of prep, review and status's lists before "… and N more"

# name: strftime pattern ("long" drops the day's leading zero, portably)
DATE_FORMATS = {"iso": "%Y-%m-%d", "us": "%m/%d/%Y", "eu": "%d/%m/%Y", "long": "%d %b %Y"}
DATE_FORMAT_HELP = (
    "iso (2026-11-23), us (11/23/2026), eu (23/11/2026), long (23 Nov 2026), or a strftime pattern "
    "with a day (%d), a month (%m, %b or %B) and a year (%Y or %y), e.g. '%d.%m.%Y'"
)
_ALLOWED = set("dmbBYyaA%")

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Config(NamedTuple):
    default_mentor: str | None = None
    week_start: int = 0  # Monday
    editor: str | None = None
    date_format: str = "iso"
    prep_items: int = PREP_ITEMS
    charts: bool = True  # the pictures in review, status, goal and mentor views (--no-chart: off)

    def editor_command(self) -> str:
        """$VISUAL, then $EDITOR, then config, then vi: the order git uses."""
        return os.environ.get("VISUAL") or os.environ.get("EDITOR") or self.editor or "vi"


DEFAULT = Config()


# ------------------------------------------------------------------ values


def check_value(key: str, value: object) -> str:
    """The value as stored (normalised), or ValueError saying what is accepted."""
    if key == "prep_items" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `prep_items = 10` reads as naturally as `prep_items = "10"`
    if key == "charts" and isinstance(value, bool):
        return "true" if value else "false"  # `charts = false`, TOML's own boolean
    if not isinstance(value, str):
        raise ValueError(f'must be text in double quotes, e.g. {key} = "{_EXAMPLES[key]}"')
    text = value.strip()
    if not text:
        raise ValueError(f'is empty; give a value, e.g. {key} = "{_EXAMPLES[key]}"')
    if "\n" in text or "\r" in text:
        raise ValueError("must be one line")
    if key == "week_start":
        from mentorlog.core.dates import WEEKDAYS

        index = WEEKDAYS.get(text.lower())
        if index is None:
            raise ValueError(f"{text!r} is not a weekday name (monday … sunday, or mon … sun)")
        return WEEKDAY_NAMES[index]
    if key == "date_format":
        return _check_date_format(text)
    if key == "charts":
        word = text.lower()
        if word in _TRUE or word in _FALSE:
            return "true" if word in _TRUE else "false"
        raise ValueError(f"{text!r} is not true or false (also: yes/no, on/off)")
    if key == "prep_items":
        if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 999):
            raise ValueError(f"{text!r} is not a number of items from 1 to 999")
        return str(int(text))
    return text


_EXAMPLES = {
    "default_mentor": "Alex",
    "week_start": "monday",
    "editor": "nano",
    "date_format": "iso",
    "prep_items": "7",
    "charts": "false",
}
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def _check_date_format(text: str) -> str:
    if text.lower() in DATE_FORMATS:
        return text.lower()
    used = re.findall(r"%(.?)", text)
    if (
        not used
        or not set(used) <= _ALLOWED
        or "d" not in used
        or not {"m", "b", "B"} & set(used)
        or not {"Y", "y"} & set(used)
    ):
        raise ValueError(f"{text!r} is not a date format; use {DATE_FORMAT_HELP}")
    return text


def check_key(key: str, path: Path) -> str:
    if key in KEYS:
        return key
    hint = "; the journal is chosen with --db or MENTORLOG_DB" if key == "db" else ""
    raise UsageProblem(f"unknown config key {key!r} for {path}; keys: {', '.join(KEYS)}{hint}")


# ------------------------------------------------------------------ reading

_path_memo: tuple[tuple[str | None, ...], Path] | None = None
_file_memo: tuple[tuple, dict[str, str], Config] | None = None
_day_format: str | None = None


def config_file() -> Path:
    """paths.config_path(), remembered while the variables that choose it are unchanged."""
    global _path_memo
    key = tuple(os.environ.get(n) for n in ("MENTORLOG_HOME", "XDG_CONFIG_HOME", "HOME", "APPDATA"))
    if _path_memo is None or _path_memo[0] != key:
        from mentorlog.paths import config_path

        _path_memo = (key, config_path())
    return _path_memo[1]


def read_file(path: Path) -> dict[str, object] | None:
    """The file's raw TOML table, None when there is no file; unreadable or invalid TOML is an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise MentorlogError(f"can't read config {path}: {exc}; fix or remove the file") from None
    import tomllib  # only when there is a config to read

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MentorlogError(
            f"config {path} is not valid TOML: {exc}; fix or remove the file"
        ) from None


def validate(raw: dict[str, object], path: Path) -> dict[str, str]:
    """Every key known and every value valid, normalised; else one error naming the file and key."""
    values = {}
    for key, value in raw.items():
        if key not in KEYS:
            raise MentorlogError(
                f"config {path}: unknown key {key!r}; keys: {', '.join(KEYS)} "
                f"(remove it with: mentorlog config unset {key})"
            )
        try:
            values[key] = check_value(key, value)
        except ValueError as exc:
            raise MentorlogError(f"config {path}: {key} {exc}") from None
    return values


def _signature(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return ("unreadable",)  # read_file reports it
    return (str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _load(path: Path) -> tuple[dict[str, str], Config]:
    global _file_memo
    signature = _signature(path)
    if signature is None:
        return {}, DEFAULT
    if _file_memo is not None and _file_memo[0] == signature:
        return _file_memo[1], _file_memo[2]
    raw = read_file(path)
    values = validate(raw or {}, path)
    config = Config(
        default_mentor=values.get("default_mentor"),
        week_start=WEEKDAY_NAMES.index(values.get("week_start", "monday")),
        editor=values.get("editor"),
        date_format=values.get("date_format", "iso"),
        prep_items=int(values.get("prep_items", PREP_ITEMS)),
        charts=values.get("charts", "true") == "true",
    )
    if signature[0] != "unreadable":
        _file_memo = (signature, values, config)
    return values, config


def load_config() -> Config:
    """The settings in effect: config.toml's, else defaults. A broken file is an error naming it."""
    return _load(config_file())[1]


def file_values() -> dict[str, str]:
    """The keys set in config.toml (validated), for `config show`."""
    return dict(_load(config_file())[0])


def forget() -> None:
    """Drop what was read: after writing the file, and around each command (cli/session.guarded)."""
    global _file_memo, _day_format
    _file_memo = _day_format = None


# ------------------------------------------------------------------ dates for people


def format_day(day: date | str) -> str:
    """A day in the configured date_format (human output only; JSON and Markdown keep ISO)."""
    global _day_format
    if isinstance(day, str):
        day = date.fromisoformat(day)
    name = _day_format
    if name is None:  # once per command: a long list formats thousands of days
        name = _day_format = load_config().date_format
    if name == "iso":
        return day.isoformat()
    if name == "long":
        return f"{day.day} {day:%b %Y}"
    return day.strftime(DATE_FORMATS.get(name, name))


# ------------------------------------------------------------------ writing


def _toml_string(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _key_line(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")


def edited_text(text: str, key: str, value: str | None, path: Path) -> str:
    """The file with `key` set to value (or removed when None); other lines and comments kept.

    The result is checked by parsing it back; when the key's line can't be edited safely (a multi-line
    string) the keys are written afresh as plain lines, comments dropped.
    """
    import tomllib

    before = tomllib.loads(text) if text.strip() else {}
    expected = {k: v for k, v in before.items() if k != key}
    if value is not None:
        expected[key] = value
    lines = text.splitlines(keepends=True)
    pattern = _key_line(key)
    top = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    found = [i for i in range(top) if pattern.match(lines[i])]
    new_line = f"{key} = {_toml_string(value)}\n" if value is not None else None
    if found:
        kept = [line for i, line in enumerate(lines) if i not in found[1:]]
        if new_line is None:
            del kept[found[0]]
        else:
            kept[found[0]] = new_line
        lines = kept
    elif new_line is not None:
        head = lines[:top]
        if head and not head[-1].endswith("\n"):
            head[-1] += "\n"
        lines = [*head, new_line, *lines[top:]]
    result = "".join(lines)
    try:
        if tomllib.loads(result) == expected:
            return result
    except tomllib.TOMLDecodeError:
        pass
    if not all(isinstance(v, str) for v in expected.values()):
        raise MentorlogError(f"config {path}: can't set {key} in place; edit the file by hand")
    return "".join(f"{k} = {_toml_string(v)}\n" for k, v in expected.items())


def write_file(path: Path, text: str) -> None:
    """Replace the file atomically: a 0600 temp file beside it, then os.replace (folder 0700).

    A symlinked config (dotfiles) stays a symlink: the file it points to is the one replaced."""
    from mentorlog.paths import ensure_private_dir

    path = Path(os.path.realpath(path))
    ensure_private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
        from mentorlog import landed

        landed.note()
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise MentorlogError(f"can't write config {path}: {exc.strerror or exc}") from None
    finally:
        forget()
