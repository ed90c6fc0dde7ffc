"""The Typer-free path (cli/fast.py) makes the same call, and prints the same thing, as Typer.

The command lines are generated from the grammar itself, so a new command or option is covered
the moment it is declared: each command with its arguments, then each option alone, in every
spelling Click accepts (`--opt value`, `--opt=value`, `-ovalue`, options first, `--`).
"""

from __future__ import annotations

import contextlib
import enum
import importlib
import inspect
import io
import os
import shutil
import subprocess
import sys

import pytest

from mentorlog.cli import codegen, fast
from mentorlog.cli.grammar import GRAMMAR
from mentorlog.cli.session import State

NAME, KIND, OPTS, SECONDARY, FLAG, MULTIPLE, NARGS, REQUIRED, CONVERT = range(9)

SAMPLES = {
    "mentorlog.cli.common:record_id": "#1",
    "mentorlog.cli.common:later_id": "#1",
    "mentorlog.cli.common:parse_date_value": "2026-11-20",
    "mentorlog.cli.common:parse_future_date_value": "2026-12-20",
    "mentorlog.cli.common:parse_datetime_value": "2026-11-20 14:00",
    "mentorlog.cli.common:parse_cadence_value": "every 3 weeks",
}


def _sample(param: tuple) -> str:
    kind = param[CONVERT]
    if kind[0] == "func":
        return SAMPLES[kind[1]]
    if kind[0] == "enum":
        module, _, name = kind[1].partition(":")
        return next(iter(getattr(importlib.import_module(module), name))).value
    if kind[0] == "int":
        return "30"
    if kind[0] == "path":
        return "out.file"
    return "Alex" if param[NAME] in ("mentor", "name") else "some text"


def _commands(spec=None, path=()):
    for name, sub in (spec or GRAMMAR["commands"]).items():
        if sub.get("group"):
            yield from _commands(sub["commands"], (*path, name))
        else:
            yield (*path, name), sub


COMMANDS = list(_commands())


def _argvs(path: tuple[str, ...], spec: dict) -> list[list[str]]:
    """The command with its required arguments, then each option in several spellings."""
    args = [_sample(p) for p in spec["params"] if p[KIND] == "argument" and p[REQUIRED]]
    base = [*path, *args]
    lines = [base]
    for param in spec["params"]:
        if param[KIND] != "option":
            continue
        long = next(o for o in param[OPTS] if o.startswith("--"))
        short = next((o for o in param[OPTS] if not o.startswith("--")), None)
        if param[FLAG]:
            lines.append([*base, long])
            lines.append([*path, long, *args])  # options before arguments
            if short:
                lines.append([*base, short])
            continue
        value = _sample(param)
        lines.append([*base, long, value])
        lines.append([*base, f"{long}={value}"])
        lines.append([*path, long, value, *args])
        if short:
            lines.append([*base, f"{short}{value}"])
        if param[MULTIPLE]:
            lines.append([*base, long, value, long, value])
    if args:
        lines.append([*path, "--", *args])
    return lines


CASES = [argv for path, spec in COMMANDS for argv in _argvs(path, spec)]
IDS = [" ".join(argv) for argv in CASES]


def test_grammar_is_current():
    """cli/grammar.py is what the Typer app says; run `make grammar` after changing a command."""
    assert codegen.TARGET.read_text(encoding="utf-8") == codegen.render()


def test_every_command_is_covered():
    assert len(COMMANDS) >= 55
    assert {" ".join(p) for p, _ in COMMANDS} >= {"prep", "action add", "log", "export", "win add"}


def _typer_kwargs(cli, argv: list[str], monkeypatch):
    """The function and arguments Typer calls for argv (recorded, not run)."""
    from mentorlog.cli import app

    seen: list[tuple[str, dict]] = []

    def record(command, kwargs):
        func = command.func
        seen.append((f"{func.__module__}:{func.__qualname__}", {**kwargs, **command.bound}))

    monkeypatch.setattr(app, "invoke", record)
    result = cli(*argv, code=None)
    return (*seen[0], result) if seen else (None, None, result)


def _normal(kwargs: dict) -> dict:
    """Typer passes an unset repeatable option as None or [], a choice as its enum member."""
    out = {}
    for key, value in kwargs.items():
        if isinstance(value, tuple | list):
            value = list(value) or None
        out[key] = value
    return out


@pytest.mark.parametrize("argv", CASES, ids=IDS)
def test_fast_path_makes_the_call_typer_makes(cli, monkeypatch, argv):
    planned = fast.plan(argv)
    assert planned is not None, "a command line Typer accepts must run on the fast path"
    target, kwargs, result = _typer_kwargs(cli, argv, monkeypatch)
    assert target == planned.target, result.output
    func = planned.function()
    defaults = {
        name: param.default
        for name, param in inspect.signature(func).parameters.items()
        if param.default is not inspect.Parameter.empty
    }
    assert _normal({**defaults, **planned.kwargs}) == _normal(kwargs)
    for value in planned.kwargs.values():
        if isinstance(value, enum.Enum):
            assert type(value).__module__.startswith("mentorlog.")


TYPER_ONLY = [
    ["--help"],
    ["-h"],
    ["prep", "--help"],
    ["action", "add", "-h"],
    ["action"],
    ["--version"],
    ["prep", "alex", "sam"],
    ["prep", "--format", "pdf"],
    ["prep", "-f=json"],
    ["action", "list", "--mentor"],
    ["action", "list", "--json=yes"],
    ["action", "add"],
    ["action", "done", "abc"],
    ["action", "done", "-1"],
    ["log", "--minutes", "0"],
    ["log", "--minutes", "1e3"],
    ["status", "extra"],
    ["nosuch"],
    ["--db"],
]


@pytest.mark.parametrize("argv", TYPER_ONLY, ids=lambda a: " ".join(a) or "(none)")
def test_help_and_usage_errors_go_to_typer(argv):
    assert fast.plan(argv) is None


def test_every_declared_command_is_registered():
    """A Group in any cli module is reachable from the registry, so no command goes missing."""
    import pkgutil

    import mentorlog.cli
    from mentorlog.cli import decl, registry

    registered = {(m, "app") for m, _ in registry.GROUPS.values()}
    registered |= {(m, "top") for m in registry.TOP.values()}
    for info in pkgutil.iter_modules(mentorlog.cli.__path__):
        module = importlib.import_module(f"mentorlog.cli.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, decl.Group):
                assert (module.__name__, name) in registered, f"{module.__name__}.{name}"
    top_level = {n for n, spec in GRAMMAR["commands"].items() if not spec.get("group")}
    assert top_level == set(registry.TOP)
    assert set(registry.ORDER) == set(registry.TOP) | set(registry.GROUPS)


def test_a_number_too_long_for_int_goes_to_typer():
    assert fast.plan(["log", "--minutes", "9" * 5000]) is None


def test_a_completion_request_is_never_run_as_a_command(monkeypatch):
    monkeypatch.setenv("_MENTORLOG_COMPLETE", "complete_bash")
    assert fast.plan([]) is None
    assert fast.plan(["status"]) is None


def test_planning_changes_no_state(monkeypatch):
    monkeypatch.setenv("MENTORLOG_DB", "/elsewhere/j.db")
    State.db = None
    assert fast.plan(["--db", "x.db", "prep"]).db == "x.db"
    assert fast.plan(["prep"]).db == "/elsewhere/j.db"
    assert State.db is None


# ------------------------------------------------------------------ same output, same exit code

RUN = [
    [],
    ["status"],
    ["prep", "alex", "--json"],
    ["prep", "-fmarkdown", "sam"],
    ["review", "--format=json"],
    ["action", "list", "-a", "--json"],
    ["action", "add", "Draft due:+1w", "--goal=1", "-malex"],
    ["action", "add", "--", "-starts with a dash"],
    ["action", "done", "#1", "--result", "went well"],
    ["action", "done", "99"],
    ["ask", "What next?", "--mentor", "zed"],
    ["log", "sam", "--notes", "n", "--advice", "a", "--advice", "b", "--minutes=30"],
    ["goal", "add", "G", "--milestone", "one", "--milestone", "two", "--horizon", "long"],
    ["mentor", "add", "alex chen"],
    ["mentor", "show", "alex", "--json"],
    ["milestone", "done", "1", "--on", "2026-11-21"],
    ["advice", "list", "--status", "pending"],
    ["win", "add", "Shipped"],
    ["agenda", "list", "--json"],
    ["meeting", "list", "sam"],
    ["goal", "delete", "2"],
    ["goal", "delete", "2", "--yes"],
    ["export"],
    ["db", "path"],
]


def _run_fast(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = fast.run(argv)
    finally:
        sys.stdin = stdin
        State.db = None
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", RUN, ids=lambda a: " ".join(a) or "(none)")
def test_fast_path_prints_what_typer_prints(journal, journal_template, db_file, argv):
    def fresh() -> None:
        for path in db_file.parent.glob("journal.db*"):
            path.unlink()
        shutil.copyfile(journal_template, db_file)

    fresh()
    code, out, err = _run_fast(argv)
    assert code is not None
    fresh()
    result = journal(*argv, code=None)
    assert (code, out, err) == (result.exit_code, result.stdout, result.stderr)


HEAVY = {"typer", "click", "pydantic", "sqlalchemy", "sqlmodel", "alembic"}


def test_no_command_imports_typer_or_sqlalchemy(journal, db_file, tmp_path):
    """Everyday commands, reads and writes, start with sqlite3 and little else."""
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    lines = [
        ["status"],
        ["prep", "alex", "--json"],
        ["review"],
        ["action", "list"],
        ["action", "add", "probe due:+1w", "--mentor", "alex"],
        ["action", "done", "1", "--result", "r"],
        ["ask", "q?"],
        ["log", "sam", "--notes", "n", "--action", "a"],
        ["win", "add", "w"],
        ["advice", "apply", "1", "--outcome", "o"],
        ["goal", "list", "--json"],
        ["export", "-o", str(tmp_path / "e.json")],
    ]
    for argv in lines:
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentorlog", *argv],
                                capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)  # fmt: skip
        assert result.returncode == 0, (argv, result.stderr[-500:])
        imported = {
            line.split("|")[-1].strip().split(".")[0]
            for line in result.stderr.splitlines()
            if "|" in line
        }
        assert not HEAVY & imported, (argv, HEAVY & imported)
        if "--json" in argv:
            assert "rich" not in imported, argv
            modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
            renderers = {m for m in modules if m.startswith("mentorlog.render.")}
            assert renderers <= {"mentorlog.render.output"}, (argv, renderers)


EVERY_COMMAND = """
import contextlib, io, json, sys
from mentorlog.cli import fast
heavy = {"typer", "click", "pydantic", "sqlalchemy", "sqlmodel", "alembic"}
ran = []
for argv in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = fast.run(argv)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
    if code is None or loaded:
        print(json.dumps({"argv": argv, "code": code, "loaded": loaded}))
        raise SystemExit(1)
    ran.append(argv)
print(len(ran))
"""


def test_every_command_runs_without_typer_or_sqlalchemy(journal, db_file, tmp_path):
    """All commands in one process (so imports accumulate): none loads a heavy library.

    `demo` is left out: it creates a new journal, and a first-run upgrade is Alembic's job."""
    import json

    lines = [
        [*path, *argv[len(path) :]] for path, spec in COMMANDS for argv in _argvs(path, spec)[:1]
    ]
    lines = [argv for argv in lines if argv[0] != "demo"]
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    result = subprocess.run([sys.executable, "-c", EVERY_COMMAND, json.dumps(lines)], cwd=tmp_path,
                            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) == len(lines) >= 55
