"""The root command: global options, the command groups, and the one place errors become exit codes."""

import importlib
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mentorlog import __version__
from mentorlog.cli import agenda, data, demo, log, views
from mentorlog.cli.common import State
from mentorlog.cli.session import guarded

# Command groups load on first use: `mentorlog action add` builds 7 commands instead of 57, and the
# root --help shows these lines without importing any group (Click's lazy-group pattern).
GROUPS = {
    "mentor": (
        "mentorlog.cli.mentor",
        "Your mentors: who, what they help with, how often you meet.",
    ),
    "goal": ("mentorlog.cli.goal", "Goals: SMART goals, split into milestones."),
    "milestone": ("mentorlog.cli.milestone", "Milestones: the steps of a goal."),
    "meeting": (
        "mentorlog.cli.meeting",
        "Meetings you logged. Record a new one with 'mentorlog log'.",
    ),
    "agenda": ("mentorlog.cli.agenda", "Questions queued for your next meetings."),
    "advice": (
        "mentorlog.cli.advice",
        "Advice you received, and what happened when you acted on it.",
    ),
    "action": ("mentorlog.cli.action", "Actions: what you committed to do, and what came of it."),
    "win": ("mentorlog.cli.win", "Wins: achievements worth celebrating."),
    "db": ("mentorlog.cli.db", "The journal file: where it is, its health, its schema."),
}
ORDER = ("status", "prep", "log", "review", "mentor", "goal", "milestone", "action", "advice", "ask",
         "agenda", "meeting", "win", "backup", "restore", "export", "import", "db", "demo")  # fmt: skip


class LazyGroup(TyperGroup):
    """A command group known by its name and help text until something needs its commands."""

    def __init__(self, name: str, module: str, help: str) -> None:
        super().__init__(name=name, help=help, no_args_is_help=True)
        self.module = module
        self._loaded: TyperGroup | None = None

    def load(self) -> TyperGroup:
        if self._loaded is None:
            group = typer.main.get_group(importlib.import_module(self.module).app)
            group.name, group.help = self.name, self.help
            self._loaded = group
        return self._loaded

    @property
    def commands(self) -> dict[str, Any]:  # type: ignore[override]
        return self.load().commands

    @commands.setter
    def commands(self, value: dict[str, Any]) -> None:
        """Click's __init__ sets an empty dict; the real commands come from load()."""


class MentorlogGroup(TyperGroup):
    """Runs the command and turns every failure into one `Error: ...` line and an exit code."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for name, (module, text) in GROUPS.items():
            self.add_command(LazyGroup(name, module, text))
        self.commands = {name: self.commands[name] for name in ORDER}

    def resolve_command(self, ctx: Any, args: Any) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, LazyGroup):
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


app.command("status", epilog="Example: mentorlog status --json")(views.status)
app.command("prep", epilog="Example: mentorlog prep alex --format markdown -o agenda.md")(
    views.prep
)
app.command(
    "review",
    epilog="Example: mentorlog review --week --reflect 'Shipped the RFC; next: speak up earlier'",
)(views.review)
app.command(
    "log",
    epilog="Example: mentorlog log alex --notes 'Talked RFCs' --action 'Draft RFC due:+1w' --next +2w",
)(log.log)
app.command("ask", epilog="Example: mentorlog ask 'How do I get more visibility?' --mentor alex")(
    agenda.ask
)
app.command("backup", epilog="Example: mentorlog backup ~/journal-before-reorg.db")(data.backup)
app.command("restore", epilog="Example: mentorlog restore ~/journal-before-reorg.db --force")(
    data.restore
)
app.command("export", epilog="Example: mentorlog export -o mentorlog.json")(data.export)
app.command("import", epilog="Example: mentorlog import mentorlog.json --dry-run")(data.import_)
app.command("demo", epilog="Example: mentorlog demo")(demo.demo)
