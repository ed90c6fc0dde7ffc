"""The command line's one declaration, without Typer.

A command is a plain function; its parameters carry `Opt`/`Arg` markers that say what Typer's
`typer.Option`/`typer.Argument` would (same arguments). cli/app.py turns these declarations into a
Typer app for help, completion and errors; cli/codegen.py writes the parsed grammar of that app to
cli/grammar.py, from which cli/fast.py runs everyday commands without importing Typer. So a command
or option is written once, here, and reaches both paths.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Opt:
    """An option, declared as typer.Option(*decls, **kwargs) would be."""

    __slots__ = ("decls", "kwargs")

    def __init__(self, *decls: str, **kwargs: Any) -> None:
        self.decls, self.kwargs = decls, kwargs


class Arg:
    """A positional argument, declared as typer.Argument(**kwargs) would be."""

    __slots__ = ("kwargs",)

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs


class Command:
    """One declared command (a plain class: importing dataclasses costs start-up time)."""

    def __init__(
        self,
        name: str,
        func: Callable[..., Any],
        epilog: str,
        bound: dict[str, Any] | None = None,
        help: str | None = None,
    ) -> None:
        self.name, self.func, self.epilog = name, func, epilog
        self.bound = bound or {}  # fixed arguments, not on the command line
        self.help = help  # default: the function's docstring


class Group:
    """A set of commands (a command group, or the top-level commands of one module)."""

    def __init__(self, default: str | None = None) -> None:
        self.commands: dict[str, Command] = {}
        self.default = default  # the command the group runs when named alone (`mentorlog sync`)

    def command(
        self, name: str, *, epilog: str, help: str | None = None, **bound: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            if name in self.commands:
                raise ValueError(f"command {name!r} is declared twice")
            self.commands[name] = Command(name, func, epilog, bound, help)
            return func

        return register
