"""Every command explains itself: help text and a runnable example."""

from __future__ import annotations

import pytest
import typer

from mentorlog.cli.app import app


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield path, command
            yield from _commands(command, path)
        else:
            yield path, command


ALL = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize(("path", "command"), ALL, ids=[" ".join(p) for p, _ in ALL])
def test_every_command_has_help_and_an_example(path, command):
    assert command.help, f"mentorlog {' '.join(path)} has no help text"
    if not hasattr(command, "commands"):
        assert command.epilog and command.epilog.startswith("Example: mentorlog "), path


@pytest.mark.parametrize(("path", "command"), ALL, ids=[" ".join(p) for p, _ in ALL])
def test_help_runs(cli, path, command):
    result = cli(*path, "--help")
    assert "Usage" in result.stdout


LISTS_AND_SHOWS = [p for p, c in ALL if p[-1] in ("list", "show")]


@pytest.mark.parametrize("path", LISTS_AND_SHOWS, ids=[" ".join(p) for p in LISTS_AND_SHOWS])
def test_every_list_and_show_has_json(path):
    command = typer.main.get_command(app)
    for part in path:
        command = command.commands[part]
    assert any("--json" in p.opts for p in command.params), path
