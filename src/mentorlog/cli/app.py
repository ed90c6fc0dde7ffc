"""The Typer app, built from the declarations in the command modules (cli/decl.py, cli/registry.py).

Typer serves help, completion and every command line the fast path (cli/fast.py) does not take;
this is also the one place failures become `Error: ...` lines and exit codes on that path.
"""

import importlib
import inspect
import sys
import typing
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from mentorlog import __version__
from mentorlog.cli import decl, registry
from mentorlog.cli.session import State, guarded


def _typer_marker(marker: Any, name: str) -> Any:
    if isinstance(marker, decl.Opt):
        return typer.Option(*marker.decls, **marker.kwargs)
    if isinstance(marker, decl.Arg):
        # Usage reads `mentorlog ask TEXT`, not Typer's `{text}`.
        return typer.Argument(**{"metavar": name.upper(), **marker.kwargs})
    return marker


def invoke(command: decl.Command, kwargs: dict[str, Any]) -> Any:
    """Call a command with what Typer parsed (tests record the call here)."""
    return command.func(**kwargs, **command.bound)


def typer_callback(command: decl.Command) -> Any:
    """A function Typer can read: the command's signature with Typer's markers, bound args removed."""
    func = command.func
    hints = typing.get_type_hints(func, include_extras=True)
    params, annotations = [], {}
    for param in inspect.signature(func).parameters.values():
        if param.name in command.bound:
            continue
        hint = hints.get(param.name, param.annotation)
        if typing.get_origin(hint) is Annotated:
            base, *extras = typing.get_args(hint)
            hint = Annotated[(base, *(_typer_marker(x, param.name) for x in extras))]
        annotations[param.name] = hint
        params.append(param.replace(annotation=hint, kind=inspect.Parameter.KEYWORD_ONLY))

    def callback(**kwargs: Any) -> Any:
        return invoke(command, kwargs)

    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__annotations__ = annotations
    callback.__name__ = func.__name__
    callback.__doc__ = command.help or func.__doc__
    callback.__mentorlog_command__ = command  # type: ignore[attr-defined]
    return callback


def add_commands(app: typer.Typer, group: decl.Group, names: Any = None) -> None:
    for name in names or group.commands:
        command = group.commands[name]
        app.command(name, epilog=command.epilog)(typer_callback(command))


# Help is Click's plain text, as llm and git print it: readable when piped or narrow, and it spares
# every --help the ~90 ms import of typer.rich_utils (Rich's Markdown and Pygments).
HELP_MARKUP = None


def build_group(module: str) -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, rich_markup_mode=HELP_MARKUP)
    add_commands(app, importlib.import_module(module).app)
    return app


class LazyGroup(TyperGroup):
    """A command group known by its name and help text until something needs its commands."""

    def __init__(self, name: str, module: str, help: str) -> None:
        super().__init__(name=name, help=help, no_args_is_help=True, rich_markup_mode=HELP_MARKUP)
        self.module = module
        self._loaded: TyperGroup | None = None

    def load(self) -> TyperGroup:
        if self._loaded is None:
            group = typer.main.get_group(build_group(self.module))
            group.name, group.help = self.name, self.help
            self._loaded = group
        return self._loaded

    @property
    def commands(self) -> dict[str, Any]:  # type: ignore[override]
        return self.load().commands

    @commands.setter
    def commands(self, value: dict[str, Any]) -> None:
        """Click's __init__ sets an empty dict; the real commands come from load()."""


class LazyCommand(TyperCommand):
    """A top-level command known by its name, help and example until it is run or its help shown."""

    def __init__(self, name: str, module: str) -> None:
        self.module = module
        declared = importlib.import_module(module).top.commands[name]
        super().__init__(
            name=name,
            help=declared.help or inspect.getdoc(declared.func),
            epilog=declared.epilog,
            rich_markup_mode=HELP_MARKUP,
        )
        self._loaded: Any = None

    def load(self) -> Any:
        if self._loaded is None:
            app = typer.Typer(add_completion=False, rich_markup_mode=HELP_MARKUP)
            add_commands(app, importlib.import_module(self.module).top, [self.name])
            self._loaded = typer.main.get_command(app)
        return self._loaded


class MentorlogGroup(TyperGroup):
    """Runs the command and turns every failure into one `Error: ...` line and an exit code."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for name in registry.ORDER:
            if name in registry.GROUPS:
                module, text = registry.GROUPS[name]
                self.add_command(LazyGroup(name, module, text))
            else:
                self.add_command(LazyCommand(name, registry.TOP[name]))

    def resolve_command(self, ctx: Any, args: Any) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, LazyGroup | LazyCommand):
            command = command.load()
        return name, command, rest

    def main(
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = run_safely(
            lambda: super(MentorlogGroup, self).main(
                args=args,
                prog_name=prog_name or "mentorlog",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code


def run_safely(invoke: Any) -> int:
    """session.guarded, plus the failures only Typer raises (usage errors, aborts)."""
    from mentorlog.render.output import error_line

    try:
        return guarded(invoke, passthrough=(typer.Abort, typer.TyperException))
    except typer.Abort:
        error_line("aborted; nothing was changed")
        return 1
    except typer.TyperException as exc:
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        message = message.replace("Value error, ", "").rstrip(".")
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        error_line(f"{message}{hint}")
        return getattr(exc, "exit_code", 2) or 2


app = typer.Typer(
    cls=MentorlogGroup,
    name="mentorlog",
    help="A private mentorship journal: goals, meetings, advice, actions — and what to bring next time.",
    epilog="Example: mentorlog mentor add 'Alex Chen' --cadence biweekly; then: mentorlog log alex",
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode=HELP_MARKUP,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"mentorlog {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db_file: Annotated[
        str | None,
        typer.Option("--db", envvar="MENTORLOG_DB", help="Journal file to use.", metavar="PATH"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """A private mentorship journal: goals, meetings, advice, actions — and what to bring next time."""
    State.db = db_file
    if ctx.invoked_subcommand is None:
        from mentorlog.cli.reads import show_status

        show_status()
