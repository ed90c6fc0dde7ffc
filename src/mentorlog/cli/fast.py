"""Every command line that Click would accept without complaint runs here, without Typer.

Typer costs ~100 ms to import before it parses anything. This module parses argv the way Click does
(`--opt=value`, `-fjson`, clustered flags, `--`, repeated and interspersed options) from the grammar
that cli/codegen.py reads off the Typer app (cli/grammar.py), converts the values the way the
declarations say, and calls the same function Typer would, with the same arguments.

Anything else — help, unknown or missing options, a value that does not convert — is left to Typer
(plan() returns None; run() still answers `--version`/`-V` and shell completion requests itself), so usage errors and help read exactly as Typer prints them.
tests/test_fast_path.py runs both paths on every command and compares arguments, output and exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, NamedTuple

NAME, KIND, OPTS, SECONDARY, FLAG, MULTIPLE, NARGS, REQUIRED, CONVERT = range(9)


class NotFast(Exception):
    """This command line is Typer's to handle (help, or anything Click would refuse)."""


class Plan(NamedTuple):
    """What to run: the function, its keyword arguments, and the --db the root option gave.

    (A NamedTuple, not a dataclass: importing dataclasses costs ~10 ms of start-up.)
    """

    target: str
    kwargs: dict[str, Any]
    db: str | None

    def function(self) -> Callable[..., Any]:
        import importlib

        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


def _split_opt(opt: str) -> tuple[str, str]:
    first = opt[:1]
    if first.isalnum():
        return "", opt
    if opt[1:2] == first:
        return opt[:2], opt[2:]
    return first, opt[1:]


class _Parser:
    """Click's option parser (click.parser._OptionParser), for the params of one command."""

    def __init__(
        self, params: list[tuple], help_names: tuple[str, ...], interspersed: bool
    ) -> None:
        self.interspersed = interspersed
        self.short: dict[str, tuple] = {}
        self.long: dict[str, tuple] = {}
        self.prefixes = {"-", "--"}
        self.args = [p for p in params if p[KIND] == "argument"]
        for param in params:
            if param[KIND] == "option":
                for opt in param[OPTS] + param[SECONDARY]:
                    self._add(opt, param)
        for opt in help_names:
            self._add(opt, None)  # help is Typer's to print

    def _add(self, opt: str, param: tuple | None) -> None:
        prefix, value = _split_opt(opt)
        self.prefixes.add(prefix)
        if len(prefix) == 1 and len(value) == 1:
            self.short[opt] = param  # type: ignore[assignment]
        else:
            self.long[opt] = param  # type: ignore[assignment]

    def parse(self, rargs: list[str]) -> tuple[dict[str, Any], list[str]]:
        opts: dict[str, Any] = {}
        largs: list[str] = []
        while rargs:
            arg = rargs.pop(0)
            if arg == "--":
                break
            if arg[:1] in self.prefixes and len(arg) > 1:
                self._process_opts(arg, rargs, opts)
            elif self.interspersed:
                largs.append(arg)
            else:
                rargs.insert(0, arg)
                break
        return opts, largs + rargs

    def _store(self, param: tuple | None, opt: str, value: str | None, opts: dict) -> None:
        if param is None:
            raise NotFast("help")
        if param[FLAG]:
            value = opt not in param[SECONDARY]  # type: ignore[assignment]
        if param[MULTIPLE]:
            opts.setdefault(param[NAME], []).append(value)
        else:
            opts[param[NAME]] = value

    def _takes_value(self, param: tuple | None) -> bool:
        return param is not None and not param[FLAG]

    def _process_opts(self, arg: str, rargs: list[str], opts: dict) -> None:
        long_opt, sep, explicit = arg.partition("=")
        if long_opt in self.long:
            param = self.long[long_opt]
            if self._takes_value(param):
                if sep:
                    rargs.insert(0, explicit)
                if not rargs:
                    raise NotFast("option requires an argument")
                self._store(param, long_opt, rargs.pop(0), opts)
            elif sep:
                raise NotFast("option does not take a value")
            else:
                self._store(param, long_opt, None, opts)
            return
        if arg[:2] in self.prefixes:
            raise NotFast("no such option")
        prefix = arg[0]
        for index, char in enumerate(arg[1:], start=2):
            opt = prefix + char
            if opt not in self.short:
                raise NotFast("no such option")
            param = self.short[opt]
            if self._takes_value(param):
                if index < len(arg):
                    rargs.insert(0, arg[index:])
                if not rargs:
                    raise NotFast("option requires an argument")
                self._store(param, opt, rargs.pop(0), opts)
                return
            self._store(param, opt, None, opts)


def _convert(spec: tuple, value: Any) -> Any:
    kind = spec[0]
    if kind in ("str", "bool"):
        return value
    if kind == "int":
        if not (value.isascii() and value.isdigit()):
            raise NotFast("not a plain number")
        number = int(value)
        low, high = spec[1], spec[2]
        if (low is not None and number < low) or (high is not None and number > high):
            raise NotFast("out of range")
        return number
    if kind == "path":
        from pathlib import Path

        return Path(value)
    module, _, name = spec[1].partition(":")
    import importlib

    target = getattr(importlib.import_module(module), name)
    if kind == "enum":
        try:
            return target(value)
        except ValueError:
            raise NotFast("not a choice") from None
    try:
        return target(value)
    except Exception as exc:  # the parser's own error message is Typer's to print
        raise NotFast("value does not convert") from exc


def _bind(params: list[tuple], opts: dict[str, Any], args: list[str]) -> dict[str, Any]:
    """Arguments from the positional words, then every given value converted (Click's order)."""
    arguments = [p for p in params if p[KIND] == "argument"]
    for param in arguments:
        if param[NARGS] == -1:
            if args:
                opts[param[NAME]] = list(args)
            args = []
        elif args:
            opts[param[NAME]] = args.pop(0)
    if args:
        raise NotFast("unexpected extra argument")
    kwargs: dict[str, Any] = {}
    for param in params:
        if param[NAME] not in opts:
            if param[REQUIRED]:
                raise NotFast("missing parameter")
            continue
        value = opts[param[NAME]]
        if isinstance(value, list):
            kwargs[param[NAME]] = [_convert(param[CONVERT], v) for v in value]
        else:
            kwargs[param[NAME]] = _convert(param[CONVERT], value)
    return kwargs


def plan(argv: list[str]) -> Plan | None:
    """The call Typer would make for argv, or None when argv is Typer's to handle. Pure: no state."""
    from mentorlog.cli.grammar import GRAMMAR

    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # a shell asking for completions: Click's business, never a command to run
    help_names = GRAMMAR["help"]
    try:
        root = GRAMMAR["root"]
        opts, rest = _Parser(root["params"], help_names, interspersed=False).parse(list(argv))
        if set(opts) - {"db_file"}:
            raise NotFast("--version, --install-completion, --show-completion")
        db = (
            opts["db_file"]
            if "db_file" in opts
            else os.environ.get(root["envvars"]["db_file"]) or None
        )
        if not rest:
            return Plan("mentorlog.cli.briefing:status", {}, db)
        spec: dict[str, Any] = {"group": True, "commands": GRAMMAR["commands"]}
        while spec.get("group"):
            if not rest or rest[0] not in spec["commands"]:
                raise NotFast("no such command (or a group's help)")
            spec, rest = spec["commands"][rest[0]], rest[1:]
        opts, args = _Parser(spec["params"], help_names, interspersed=True).parse(rest)
        kwargs = _bind(spec["params"], opts, args)
    except (NotFast, ValueError):  # ValueError: a number beyond int()'s 4300-digit limit
        return None
    return Plan(spec["target"], {**kwargs, **spec["bound"]}, db)


def _version_asked(argv: list[str]) -> bool:
    """`--version`/`-V` among the root options of a line Click would accept up to there."""
    from mentorlog.cli.grammar import GRAMMAR

    try:
        opts, _ = _Parser(GRAMMAR["root"]["params"], GRAMMAR["help"], interspersed=False).parse(
            list(argv)
        )
    except (NotFast, ValueError):
        return False
    return set(opts) <= {"version", "db_file"} and "version" in opts


def run(argv: list[str]) -> int | None:
    """Exit code if the fast path took the command, None to hand it to Typer."""
    if os.environ.get("_MENTORLOG_COMPLETE"):
        from mentorlog.cli.complete import serve

        return serve()  # completion: answered here, or Typer's (never a command)
    chosen = plan(argv)
    if chosen is None:
        if _version_asked(argv):
            from mentorlog import __version__

            print(f"mentorlog {__version__}")
            return 0
        return None
    from mentorlog.cli.session import State, StdoutClosed, guarded, pipe_closed, stdout_closed

    State.db = chosen.db

    def call() -> Any:
        try:
            return chosen.function()(**chosen.kwargs)
        except (BrokenPipeError, SystemExit) as exc:
            if pipe_closed(exc):
                raise StdoutClosed() from None
            raise

    try:
        return guarded(call, passthrough=(StdoutClosed,))
    except StdoutClosed:
        return stdout_closed()
