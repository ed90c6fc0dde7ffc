"""Every command explains itself: help text and a runnable example."""

from __future__ import annotations

from pathlib import Path

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
    """The page names the command, says what it does, lists every option and ends with the example."""
    out = cli(*path, "--help").stdout
    assert out.startswith(f"Usage: mentorlog {' '.join(path)} "), out.splitlines()[0]
    first_line = " ".join(command.help.split()).split(". ")[0][:40]
    assert first_line in " ".join(out.split()), (first_line, out)
    for param in command.params:
        if getattr(param, "hidden", False) or param.param_type_name != "option":
            continue
        assert max(param.opts, key=len) in out, (param.opts, out)
    if not hasattr(command, "commands"):
        assert " ".join(command.epilog.split()) in " ".join(out.split())


LISTS_AND_SHOWS = [p for p, c in ALL if p[-1] in ("list", "show")]


@pytest.mark.parametrize("path", LISTS_AND_SHOWS, ids=[" ".join(p) for p in LISTS_AND_SHOWS])
def test_every_list_and_show_has_json(path):
    command = typer.main.get_command(app)
    for part in path:
        command = command.commands[part]
    assert any("--json" in p.opts for p in command.params), path


def test_tests_never_import_conftest():
    """conftest is pytest's; importing it as a module loads it twice. Shared helpers live in support.py."""
    import ast

    for path in Path(__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert "conftest" not in names, path.name


def _readme_commands() -> set[tuple[str, ...]]:
    """Command paths in the README's command table: `mentor add/list`, `prep [MENTOR]`, `<group> delete`."""
    import re

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Commands", 1)[1].split("\n\n", 2)[1]
    groups = {p[0] for p, c in ALL if hasattr(c, "commands")}
    found: set[tuple[str, ...]] = set()
    for cell in re.findall(r"`([^`]+)`", table):
        words = cell.split()
        if not words or words[0] == "mentorlog" or not re.fullmatch(r"[a-z<>]+", words[0]):
            continue
        if words[0] == "<group>":
            found |= {(g, words[1]) for g in groups if (g, words[1]) in LEAVES}
        elif words[0] in groups and len(words) > 1:
            found |= {(words[0], sub) for sub in words[1].split("/")}
        elif words[0] not in SUBCOMMANDS:  # `list --status S`: a note on a command, not one
            found.add((words[0],))
    return found


LEAVES = {p for p, c in ALL if not hasattr(c, "commands")}
SUBCOMMANDS = {p[-1] for p in LEAVES if len(p) > 1} - {p[0] for p in LEAVES if len(p) == 1}


def test_readme_lists_every_command_and_only_real_ones():
    """A docs test, as sqlite-utils keeps one: the README's command table and --help agree."""
    documented = _readme_commands()
    assert not LEAVES - documented, f"in --help, missing from README: {sorted(LEAVES - documented)}"
    assert not documented - LEAVES, f"in README, not a command: {sorted(documented - LEAVES)}"


PAGES = [(), *(p for p, _ in ALL)]
TYPER_METAVAR = r"<(str|bool|int|float|path|list\[\w+\]|int range|[\w-]+(\|[\w-]+)+)>"


@pytest.mark.parametrize("path", PAGES, ids=[" ".join(p) or "(root)" for p in PAGES])
def test_help_names_values_by_what_they_mean(cli, path):
    """TEXT, N, ID, DATE, FILE, [a|b]: never Typer's `<str>`, `<bool>`, `<int>` or `{NAME}`."""
    import re

    page = cli(*path, "--help").stdout
    assert not re.search(TYPER_METAVAR, page), page
    assert "{" not in page.split("Example:")[0], page
