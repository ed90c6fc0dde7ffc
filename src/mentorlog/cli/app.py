"""The Typer app, built from the declarations in the command modules (cli/decl.py, cli/registry.py).

Typer serves help, completion and every command line the fast path (cli/fast.py) does not take;
this is also the one place failures become `Error: ...` lines and exit codes on that path.
"""

import enum
import importlib
import inspect
import os
import sys
import types
import typing
from pathlib import PurePath
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from mentorlog import __version__
from mentorlog.cli import complete, decl, registry
from mentorlog.cli.session import State, StdoutClosed, guarded, pipe_closed, stdout_closed


def _parser_name(kwargs: dict[str, Any]) -> str | None:
    parser = kwargs.get("parser")
    return f"{parser.__module__}:{parser.__qualname__}" if parser is not None else None


def _metavar(hint: Any) -> str:
    """What an option's value is called in help when the declaration does not say:
    TEXT, N, FILE or the choices, instead of Typer's `<str>`, `<int>`, `<path>`, `<a|b>`."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if typing.get_origin(hint) is list:
        (hint,) = typing.get_args(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "[" + "|".join(str(member.value) for member in hint) + "]"
    if hint is int:
        return "N"
    if isinstance(hint, type) and issubclass(hint, PurePath):
        return "FILE"
    return "TEXT"


def _typer_marker(
    marker: Any, name: str, hint: Any, where: str | None, command: str, specs: dict[str, Any]
) -> Any:
    """typer.Option/typer.Argument for a declaration, with a metavar; a parameter the journal
    completes is noted in `specs` (MentorlogCommand attaches the completer)."""
    if not isinstance(marker, decl.Opt | decl.Arg):
        return marker
    kwargs = dict(marker.kwargs)
    kind = "option" if isinstance(marker, decl.Opt) else "argument"
    spec = complete.completer_for(where, command, name, kind, _parser_name(kwargs))
    if spec is not None and "autocompletion" not in kwargs:
        specs[name] = spec
    if isinstance(marker, decl.Opt):
        if "metavar" not in kwargs and hint is not bool:
            kwargs["metavar"] = _metavar(hint)
        return typer.Option(*marker.decls, **kwargs)
    # Usage reads `mentorlog ask TEXT`, not Typer's `{text}`.
    return typer.Argument(**{"metavar": name.upper(), **kwargs})


class _Argument(TyperArgument):
    """An argument shown as Click shows one: `ID`, `[MENTOR]`, `ID...` in usage, and its name
    alone (not `ID <int>`) in the Arguments list."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if not self.required:
            name = f"[{name}]"
        return f"{name}..." if self.nargs != 1 and not name.endswith("...") else name

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.metavar is not None else super().display_type_rich(ctx)


class MentorlogCommand(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        specs = getattr(self.callback, "__mentorlog_specs__", {})
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument
            if param.name in specs:  # journal values: matched and quoted as cli/complete.py does
                param._custom_shell_complete = complete.click_completer(specs[param.name])


def invoke(command: decl.Command, kwargs: dict[str, Any]) -> Any:
    """Call a command with what Typer parsed (tests record the call here)."""
    return command.func(**kwargs, **command.bound)


def typer_callback(command: decl.Command, where: str | None = None) -> Any:
    """A function Typer can read: the command's signature with Typer's markers, bound args removed."""
    func = command.func
    hints = typing.get_type_hints(func, include_extras=True)
    params, annotations, specs = [], {}, {}
    for param in inspect.signature(func).parameters.values():
        if param.name in command.bound:
            continue
        hint = hints.get(param.name, param.annotation)
        if typing.get_origin(hint) is Annotated:
            base, *extras = typing.get_args(hint)
            markers = (
                _typer_marker(x, param.name, base, where, command.name, specs) for x in extras
            )
            hint = Annotated[(base, *markers)]
        annotations[param.name] = hint
        params.append(param.replace(annotation=hint, kind=inspect.Parameter.KEYWORD_ONLY))

    def callback(**kwargs: Any) -> Any:
        return invoke(command, kwargs)

    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__annotations__ = annotations
    callback.__name__ = func.__name__
    callback.__doc__ = command.help or func.__doc__
    callback.__mentorlog_command__ = command  # type: ignore[attr-defined]
    callback.__mentorlog_specs__ = specs  # type: ignore[attr-defined]
    return callback


def add_commands(
    app: typer.Typer, group: decl.Group, names: Any = None, where: str | None = None
) -> None:
    """Register declared commands (`where`: the group's name, None at the top level)."""
    for name in names or group.commands:
        command = group.commands[name]
        callback = typer_callback(command, where)
        app.command(name, epilog=command.epilog, cls=MentorlogCommand)(callback)


# Help is Click's plain text, as llm and git print it: readable when piped or narrow, and it spares
# every --help the ~90 ms import of typer.rich_utils (Rich's Markdown and Pygments).
HELP_MARKUP = None


def build_group(module: str, name: str | None = None) -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, rich_markup_mode=HELP_MARKUP)
    add_commands(app, importlib.import_module(module).app, where=name)
    return app


class LazyGroup(TyperGroup):
    """A command group known by its name and help text until something needs its commands."""

    def __init__(self, name: str, module: str, help: str) -> None:
        super().__init__(name=name, help=help, no_args_is_help=True, rich_markup_mode=HELP_MARKUP)
        self.module = module
        self._loaded: TyperGroup | None = None

    def load(self) -> TyperGroup:
        if self._loaded is None:
            group = typer.main.get_group(build_group(self.module, self.name))
            group.name, group.help = self.name, self.help
            default = importlib.import_module(self.module).app.default
            if default is not None:  # `mentorlog sync` alone runs `mentorlog sync run`
                group.__class__ = DefaultingGroup
                group.default_command = default
                group.no_args_is_help = False
            self._loaded = group
        return self._loaded

    @property
    def commands(self) -> dict[str, Any]:  # type: ignore[override]
        return self.load().commands

    @commands.setter
    def commands(self, value: dict[str, Any]) -> None:
        """Click's __init__ sets an empty dict; the real commands come from load()."""


class DefaultingGroup(TyperGroup):
    """A group that runs its default command when named without one (decl.Group(default=...))."""

    default_command: str

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # completing `sync <TAB>` lists them all
            args = [self.default_command]
        return super().parse_args(ctx, args)


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

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """`--install-completion zsh`: the shell may follow either completion option. Any word
        there that is not a command names the shell, so `tcsh` is refused, not ignored."""
        args = list(args)
        index = 0
        while index < len(args) and args[index].startswith("-"):
            word = args[index]
            if word in COMPLETION_OPTIONS:
                following = args[index + 1] if index + 1 < len(args) else "-"
                if not following.startswith("-") and following not in registry.ORDER:
                    ctx.meta[SHELL_KEY] = args.pop(index + 1)
                break
            index += 2 if word == "--db" else 1
        return super().parse_args(ctx, args)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except (BrokenPipeError, SystemExit) as exc:  # --help into a closed pipe: not "exit 1"
            if pipe_closed(exc):
                raise StdoutClosed() from None
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (BrokenPipeError, SystemExit) as exc:
            if pipe_closed(exc):
                raise StdoutClosed() from None
            raise

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: Any = None
    ) -> None:
        """Typer registers its bash/zsh/fish protocols only with add_completion; do it here."""
        if os.environ.get(complete_var or complete.COMPLETE_VAR):
            from typer.completion import completion_init

            completion_init()
            _quote_zsh_completions_as_zsh_reads_them()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

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
        argv = list(args) if args is not None else sys.argv[1:]
        code = run_safely(
            lambda: super(MentorlogGroup, self).main(
                args=argv,
                prog_name=prog_name or "mentorlog",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            ),
            argv,
        )
        if standalone_mode:
            sys.exit(code)
        return code


def run_safely(invoke: Any, argv: list[str] | None = None) -> int:
    """session.guarded, plus the failures only Typer raises (usage errors, aborts).

    A `log` the parser refuses still keeps the notes piped into it (cli/log.py)."""
    from mentorlog.render.output import error_line

    try:
        return guarded(invoke, passthrough=(typer.Abort, typer.TyperException, StdoutClosed))
    except StdoutClosed:
        return stdout_closed()
    except typer.Abort:
        error_line("aborted; nothing was changed")
        return 1
    except typer.TyperException as exc:
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        message = message.replace("Value error, ", "").rstrip(".")
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        if message.startswith("No such command"):
            message = "n" + message[1:]
            if "Did you mean" in message:
                hint = ""
        if ctx is not None and ctx.info_name == "log" and ctx.parent and not ctx.parent.parent:
            from mentorlog.cli.log import keep_refused_notes

            piped = keep_refused_notes(argv or [])
            if piped is not None:
                hint = piped.told(hint)
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


COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
SHELL_KEY = "mentorlog.shell"


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        print(f"mentorlog {__version__}")
        raise typer.Exit()


def _shell(ctx: typer.Context, option: str) -> str:
    from mentorlog.errors import UsageProblem

    shell = ctx.meta.get(SHELL_KEY)
    if shell is None:
        from typer._completion_shared import _get_shell_name

        shell = _get_shell_name()
    if shell not in complete.SHELLS:
        if SHELL_KEY in ctx.meta:
            found = f"completion is not available for {shell!r}"
        else:
            found = f"found {shell!r}" if shell else "could not tell which shell this is"
        raise UsageProblem(
            f"{found}; it works in bash, zsh and fish: mentorlog {option} bash|zsh|fish"
        )
    return shell


def _install_completion(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    from mentorlog.render.output import say

    shell = _shell(ctx, "--install-completion")
    if shell == "fish":  # where fish reads it: Typer's install ignores $XDG_CONFIG_HOME
        path = _install_fish()
    else:
        shell, path = install(
            shell=shell, prog_name="mentorlog", complete_var=complete.COMPLETE_VAR
        )
    say(f"{shell} completion installed in {path}; it takes effect in a new shell.")
    raise typer.Exit()


def _install_fish() -> Any:
    from pathlib import Path

    from typer._completion_shared import get_completion_script

    config = os.environ.get("XDG_CONFIG_HOME") or ""
    base = Path(config) if os.path.isabs(config) else Path.home() / ".config"
    path = base / "fish" / "completions" / "mentorlog.fish"
    path.parent.mkdir(parents=True, exist_ok=True)
    script = get_completion_script(
        prog_name="mentorlog", complete_var=complete.COMPLETE_VAR, shell="fish"
    )
    path.write_text(f"{script}\n", encoding="utf-8")
    return path


def _show_completion(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    shell = _shell(ctx, "--show-completion")
    print(
        get_completion_script(
            prog_name="mentorlog", complete_var=complete.COMPLETE_VAR, shell=shell
        )
    )
    raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db_file: Annotated[
        str | None,
        typer.Option("--db", envvar="MENTORLOG_DB", help="Journal file to use.", metavar="PATH"),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            help="Install completion for this shell, or the one named after it (bash, zsh, fish).",
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script (for this shell, or bash, zsh, fish named after it).",
        ),
    ] = False,
) -> None:
    """A private mentorship journal: goals, meetings, advice, actions — and what to bring next time."""
    State.db = db_file
    if ctx.invoked_subcommand is None:
        from mentorlog.cli.reads import show_status

        show_status()


def _quote_zsh_completions_as_zsh_reads_them() -> None:
    """Typer's ZshComplete, with the fast path's quoting (cli/complete.py: zsh_item)."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import ZshComplete, _sanitize_help_text

    class QuotedZsh(ZshComplete):
        def format_completion(self, item: Any) -> str:
            help = _sanitize_help_text(item.help) if item.help else None
            return complete.zsh_item(item.value, help)

        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            items = self.get_completions(args, incomplete)
            return complete.zsh_response([self.format_completion(i) for i in items])

    add_completion_class(QuotedZsh, QuotedZsh.name)
