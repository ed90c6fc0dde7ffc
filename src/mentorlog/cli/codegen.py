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
COMPLETE_TARGET = Path(__file__).with_name("grammar_complete.py")
ROOT_HINTS = {"db_file": str, "version": bool, "install_completion": bool, "show_completion": bool}

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
            "params": _params(root, ROOT_HINTS),
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


COMPLETE_HEADER = '''"""What shell completion needs to know, as Typer's completion sees it. GENERATED from the Typer
app by `make grammar` (mentorlog.cli.codegen); do not edit. cli/complete.py answers completion
requests from this without importing Typer.

NODES: one per command path ("" is the root). `commands`: a group's subcommands and their short
help, in Typer's order (None for a command); `interspersed`: options may follow arguments;
`options`: (name, opts, secondary_opts, takes_value, multiple, hidden, help, completer) in Click's
order, the help option last; `arguments`: (name, nargs, completer). A completer is ("choice",
values, case_sensitive), ("file",), ("mentors",), ("ids", table) or None.
"""

'''


def _completer(param: Any, where: str | None, command: str, convert: tuple) -> Any:
    from mentorlog.cli import complete

    parser = convert[1] if convert[0] == "func" else None
    spec = complete.completer_for(where, command, param.name, param.param_type_name, parser)
    if spec is not None:
        return spec
    desc = param.type_descriptor
    if desc.is_choice and desc.choices is not None:
        from typer._param_types import choice_as_str

        return ("choice", tuple(choice_as_str(c) for c in desc.choices), bool(desc.case_sensitive))
    if desc.is_file:
        return ("file",)
    return None


def _plain(text: str | None) -> str | None:
    """Typer shows completion help through Rich markup; the fast path prints it as it is, so a
    help text must read the same both ways (with zsh's escaping and fish's spaces applied)."""
    if not text:
        return text or None
    import re

    from typer import rich_utils
    from typer._completion_classes import _sanitize_help_text

    from mentorlog.cli.complete import _zsh_escape

    width, rich_utils.MAX_WIDTH = rich_utils.MAX_WIDTH, 10**6
    try:
        for shown in (_zsh_escape(text), re.sub(r"\s", " ", text)):
            if _sanitize_help_text(shown) != shown:
                raise ValueError(f"help text {text!r} changes under Rich markup; reword it")
    finally:
        rich_utils.MAX_WIDTH = width
    return text


def _node(
    click_command: Any, path: tuple[str, ...], nodes: dict[str, Any], hints: Any, parent: Any = None
) -> None:
    import typer.core
    from typer._click import Context

    if hasattr(click_command, "load"):
        click_command = click_command.load()
    ctx = Context(click_command, parent=parent, **click_command.context_settings)
    where = path[0] if len(path) > 1 else None
    group = isinstance(click_command, typer.core.TyperGroup)
    if hints is None and not group:
        declared = click_command.callback.__mentorlog_command__
        hints = typing.get_type_hints(declared.func, include_extras=True)
    hints = hints or {}
    options, arguments = [], []
    for param in click_command.get_params(ctx):
        convert = _convert(hints[param.name]) if param.name in hints else ("bool",)
        spec = _completer(param, where, path[-1] if path else "", convert)
        if isinstance(param, typer.core.TyperOption):
            opts = param.opts
            if param is click_command.get_help_option(ctx):
                opts = sorted(opts, key=len)  # Click lists them from a set: any order
            options.append((
                param.name, tuple(opts), tuple(param.secondary_opts),
                not (param.is_flag or param.count), bool(param.multiple), bool(param.hidden),
                _plain(param.help), spec,
            ))  # fmt: skip
        elif isinstance(param, typer.core.TyperArgument):
            arguments.append((param.name, param.nargs, spec))
        else:
            raise TypeError(f"{param!r}: Typer's completion would skip it; teach cli/codegen.py")
    commands = None
    if group:
        commands = {}
        for name in click_command.list_commands(ctx):
            sub = click_command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                commands[name] = _plain(sub.get_short_help_str())
    nodes[" ".join(path)] = {
        "commands": commands,
        "interspersed": bool(ctx.allow_interspersed_args),
        "options": options,
        "arguments": arguments,
    }
    if group:
        for name in click_command.list_commands(ctx):
            _node(click_command.get_command(ctx, name), (*path, name), nodes, None, ctx)


def render_complete() -> str:
    import typer

    from mentorlog.cli.app import app

    nodes: dict[str, Any] = {}
    _node(typer.main.get_command(app), (), nodes, ROOT_HINTS)
    lines = [COMPLETE_HEADER + "NODES = {"]
    for key, node in nodes.items():
        lines.append(f"    {key!r}: {{")
        lines.append(f"        'commands': {node['commands']!r},")
        lines.append(f"        'interspersed': {node['interspersed']!r},")
        lines.append("        'options': [")
        lines += [f"            {option!r}," for option in node["options"]]
        lines.append("        ],")
        lines.append(f"        'arguments': {node['arguments']!r},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    outputs = {TARGET: render(), COMPLETE_TARGET: render_complete()}
    if "--check" in sys.argv:
        for target, text in outputs.items():
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                raise SystemExit(f"{target} is out of date; run 'make grammar'")
        return
    for target, text in outputs.items():
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
