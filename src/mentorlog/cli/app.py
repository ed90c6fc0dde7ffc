"""The root command: global options, the command groups, and the one place errors become exit codes."""

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mentorlog import __version__
from mentorlog.cli import (
    action,
    advice,
    agenda,
    data,
    db,
    demo,
    goal,
    log,
    meeting,
    mentor,
    milestone,
    views,
    win,
)
from mentorlog.cli.common import State
from mentorlog.cli.session import guarded


class MentorlogGroup(TyperGroup):
    """Runs the command and turns every failure into one `Error: ...` line and an exit code."""

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
app.add_typer(mentor.app, name="mentor")
app.add_typer(goal.app, name="goal")
app.add_typer(milestone.app, name="milestone")
app.command(
    "log",
    epilog="Example: mentorlog log alex --notes 'Talked RFCs' --action 'Draft RFC due:+1w' --next +2w",
)(log.log)
app.add_typer(meeting.app, name="meeting")
app.command("ask", epilog="Example: mentorlog ask 'How do I get more visibility?' --mentor alex")(
    agenda.ask
)
app.add_typer(agenda.app, name="agenda")
app.add_typer(advice.app, name="advice")
app.add_typer(action.app, name="action")
app.add_typer(win.app, name="win")
app.add_typer(db.app, name="db")
app.command("backup", epilog="Example: mentorlog backup ~/journal-before-reorg.db")(data.backup)
app.command("restore", epilog="Example: mentorlog restore ~/journal-before-reorg.db --force")(
    data.restore
)
app.command("export", epilog="Example: mentorlog export -o mentorlog.json")(data.export)
app.command("import", epilog="Example: mentorlog import mentorlog.json --dry-run")(data.import_)
app.command("demo", epilog="Example: mentorlog demo")(demo.demo)
