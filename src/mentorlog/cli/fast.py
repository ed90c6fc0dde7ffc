"""A Typer-free way in for the read commands people run most: `mentorlog`, `status`, `prep`, `review`,
`action list`. Typer 0.29 spends ~150 ms importing itself and building pydantic validators on every
run; these commands need none of it.

Only a strict, plain form of each command is taken here; anything else (help, unknown or repeated
options, `--opt=value`, -o FILE...) returns None and goes through Typer as usual. Both ways call the
same functions in cli/reads.py, and tests/test_fast_path.py checks they print the same thing.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mentorlog.cli.session import State, guarded

Handler = Callable[[], None]


def _take_value(args: list[str], index: int) -> str | None:
    if index + 1 >= len(args) or args[index + 1].startswith("-") or args[index + 1] == "":
        return None
    return args[index + 1]


def _options(
    args: list[str], flags: dict[str, str], valued: dict[str, str]
) -> dict[str, object] | None:
    """Parse `args` as known flags and `--opt VALUE` pairs, each at most once; None if anything else."""
    found: dict[str, object] = {}
    index = 0
    while index < len(args):
        token = args[index]
        if token in flags and flags[token] not in found:
            found[flags[token]] = True
            index += 1
        elif token in valued and valued[token] not in found:
            value = _take_value(args, index)
            if value is None:
                return None
            found[valued[token]] = value
            index += 2
        else:
            return None
    return found


def _view(args: list[str], positional: bool) -> tuple[str | None, str] | None:
    """`[NAME] [--json | --format F]` for prep (positional) and review/status."""
    name = None
    if positional and args and not args[0].startswith("-"):
        name, args = args[0], args[1:]
    opts = _options(args, {"--json": "json"}, {"--format": "format", "-f": "format"})
    if opts is None or ("json" in opts and "format" in opts):
        return None
    fmt = "json" if opts.get("json") else str(opts.get("format", "text"))
    if fmt not in ("text", "markdown", "json"):
        return None
    return name, fmt


def plan(argv: list[str]) -> Handler | None:
    """The handler for argv if it is a plain read command, else None (Typer takes it)."""
    args = list(argv)
    if len(args) >= 2 and args[0] == "--db":
        if not args[1] or args[1].startswith("-"):
            return None
        State.db, args = args[1], args[2:]
    else:
        env = os.environ.get("MENTORLOG_DB")
        if env == "":
            return None
        State.db = env
    if not args:
        return lambda: _reads().show_status(False)
    command, rest = args[0], args[1:]
    if command == "status":
        opts = _options(rest, {"--json": "json"}, {})
        return None if opts is None else (lambda: _reads().show_status(bool(opts.get("json"))))
    if command == "prep":
        parsed = _view(rest, positional=True)
        return None if parsed is None else (lambda: _reads().show_prep(parsed[0], parsed[1]))
    if command == "review":
        parsed = _view(rest, positional=False)
        return None if parsed is None else (lambda: _reads().show_review(parsed[1]))
    if command == "action" and rest[:1] == ["list"]:
        flags = {
            "--open": "open",
            "--done": "done",
            "--overdue": "overdue",
            "--all": "all",
            "-a": "all",
            "--json": "json",
        }
        opts = _options(
            rest[1:], flags, {"--mentor": "mentor", "-m": "mentor", "--goal": "goal", "-g": "goal"}
        )
        if opts is None:
            return None
        return lambda: _action_list(opts)
    return None


def _reads():
    from mentorlog.cli import reads

    return reads


def _action_list(opts: dict[str, object]) -> None:
    from mentorlog.cli import reads
    from mentorlog.core.dates import parse_id

    goal = parse_id(str(opts["goal"])) if "goal" in opts else None
    flags = {name: bool(opts.get(name)) for name in reads.ACTION_FLAGS}
    reads.show_actions(flags, opts.get("mentor"), goal, bool(opts.get("json")))  # type: ignore[arg-type]


def run(argv: list[str]) -> int | None:
    """Exit code if the fast path took the command, None to hand it to Typer."""
    handler = plan(argv)
    if handler is None:
        State.db = None
        return None
    return guarded(handler)
