"""Writes cli/grammar.py: the command line as Click parses it, read off the Typer app.

The fast path (cli/fast.py) runs commands from that file without importing Typer; this generator
is the only bridge, so the two cannot disagree: `make grammar` rewrites it, a test fails while the
committed file differs from what the Typer app says.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from pathlib import Path
from typing import Annotated, Any

TARGET = Path(__file__).with_name("grammar.py")

HEADER = '''"""The command line as Click parses it. GENERATED from the Typer app by `make grammar`
(mentorlog.cli.codegen); do not edit. cli/fast.py runs commands from this without importing Typer.

Each command: `target` (module:function), `bound` (fixed keyword arguments) and `params`, in Click's
order, each a tuple (name, kind, opts, secondary_opts, flag, multiple, nargs, required, convert):
kind is "option" or "argument"; secondary_opts are a flag's off switches; convert says how a value
becomes the function's argument.
"""

'''


def _name(obj: Any) -> str:
    return f"{obj.__module__}:{obj.__qualname__}"


def _convert(hint: Any) -> Any:
    """How the fast path turns a command-line string into the argument the function expects."""
    marker = None
    if typing.get_origin(hint) is Annotated:
        hint, marker, *_ = typing.get_args(hint)
    kwargs = getattr(marker, "kwargs", {})
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if typing.get_origin(hint) is list:
        (hint,) = typing.get_args(hint)
    if kwargs.get("parser") is not None:
        return ("func", _name(kwargs["parser"]))
    if hint is bool:
        return ("bool",)
    if hint is str:
        return ("str",)
    if hint is int:
        return ("int", kwargs.get("min"), kwargs.get("max"))
    if isinstance(hint, type) and issubclass(hint, Path):
        return ("path",)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return ("enum", _name(hint))
    raise TypeError(f"no fast conversion for {hint!r}; teach cli/codegen.py and cli/fast.py")


def _params(click_command: Any, hints: dict[str, Any]) -> list[dict[str, Any]]:
    params = []
    for param in click_command.params:
        params.append(
            (
                param.name,
                param.param_type_name,
                tuple(param.opts),
                tuple(param.secondary_opts),
                bool(getattr(param, "is_flag", False)),
                bool(param.multiple),
                param.nargs,
                bool(param.required),
                _convert(hints[param.name]),
            )
        )
    return params


def _command(click_command: Any) -> dict[str, Any]:
    if hasattr(click_command, "load"):
        click_command = click_command.load()
    if hasattr(click_command, "commands"):
        return {
            "group": True,
            "commands": {
                name: _command(sub) for name, sub in sorted(click_command.commands.items())
            },
        }
    declared = click_command.callback.__mentorlog_command__
    hints = typing.get_type_hints(declared.func, include_extras=True)
    return {
        "target": _name(declared.func),
        "bound": dict(declared.bound),
        "params": _params(click_command, hints),
    }


def describe() -> dict[str, Any]:
    import typer

    from mentorlog.cli.app import app

    root = typer.main.get_command(app)
    return {
        "help": tuple(root.context_settings.get("help_option_names", ("--help",))),
        "root": {
            "params": _params(root, {"db_file": str, "version": bool}),
            "envvars": {p.name: p.envvar for p in root.params if getattr(p, "envvar", None)},
        },
        "commands": {name: _command(cmd) for name, cmd in sorted(root.commands.items())},
    }


def _lines(commands: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for name, spec in commands.items():
        if spec.get("group"):
            lines.append(f"{indent}{name!r}: {{'group': True, 'commands': {{")
            lines += _lines(spec["commands"], indent + "    ")
            lines.append(f"{indent}}}}},")
            continue
        lines.append(
            f"{indent}{name!r}: {{'target': {spec['target']!r}, 'bound': {spec['bound']!r}, 'params': ["
        )
        lines += [f"{indent}    {param!r}," for param in spec["params"]]
        lines.append(f"{indent}]}},")
    return lines


def render() -> str:
    grammar = describe()
    lines = [
        HEADER + "GRAMMAR = {",
        f"    'help': {grammar['help']!r},",
        "    'root': {'params': [",
    ]
    lines += [f"        {param!r}," for param in grammar["root"]["params"]]
    lines += [f"    ], 'envvars': {grammar['root']['envvars']!r}}},", "    'commands': {"]
    lines += _lines(grammar["commands"], "        ")
    lines += ["    },", "}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = render()
    if "--check" in sys.argv:
        if TARGET.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{TARGET} is out of date; run 'make grammar'")
        return
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
