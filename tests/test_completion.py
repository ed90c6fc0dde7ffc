"""Shell completion, -V, `python -m mentorlog`, a closed stdout, command suggestions, help metavars.

The fast completer (cli/complete.py) must print exactly what Typer's completion prints for the
same request: the inputs are generated from the grammar (every command and group, with nothing,
a dash, a letter, each option's value), so a new command or option is covered when declared.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest

from mentorlog.cli import codegen, complete
from mentorlog.cli.grammar_complete import NODES

HELP_OPTS = {"-h", "--help"}


def _inputs() -> list[list[str]]:
    """Command lines to complete (the last word is the one being completed): each command and
    group with nothing, a dash, a letter; each option that completes values (choices, journal)
    bare, after `=` and started; one plain option's value and one given flag per command."""
    lines: list[list[str]] = [["-"], ["--"], ["--db", "x.db", ""], ["--db", ""], ["-V", ""]]
    for key, node in NODES.items():
        path = key.split() if key else []
        lines += [[*path, ""], [*path, "-"]]
        if len(path) < 2:
            lines += [[*path, "--", ""], [*path, "--", "-"]]
        for name in node["commands"] or ():
            lines.append([*path, name[:1]])
        plain = flag = False
        for option in node["options"]:
            opt, spec = option[1][0], option[7]
            if option[0] == "help":
                continue
            if option[3] and spec:
                lines += [[*path, opt, ""], [*path, f"{opt}="]]
                if spec[0] == "choice":
                    lines.append([*path, f"{opt}={spec[1][0][:1]}"])
            elif option[3] and not plain:
                plain = True
                lines.append([*path, opt, ""])
            elif not option[3] and not flag:
                flag = True
                lines.append([*path, opt, "-"])
        for argument in node["arguments"]:
            lines += [[*path, "1", ""]]
            if argument[2] and argument[2][0] == "mentors":
                lines.append([*path, "A"])
    return lines


INPUTS = _inputs()


def _env(shell: str, words: list[str], fish_action: str = "get-args") -> dict[str, str]:
    env = {"_MENTORLOG_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        import shlex

        env["COMP_WORDS"] = " ".join(
            ["mentorlog", *(shlex.quote(w) for w in words[:-1]), words[-1]]
        )
        env["COMP_CWORD"] = str(len(words))
    else:
        env["_TYPER_COMPLETE_ARGS"] = " ".join(["mentorlog", *words])
        env["_TYPER_COMPLETE_FISH_ACTION"] = fish_action
    return env


@pytest.fixture(scope="module")
def click_command():
    import typer

    from mentorlog.cli.app import app

    return typer.main.get_command(app)


def _typer_answer(click_command, capsys, monkeypatch) -> tuple[str, int]:
    """What Typer's own completion prints (Rich given room, so it does not wrap help lines)."""
    from typer import rich_utils
    from typer.completion import completion_init, shell_complete

    completion_init()
    monkeypatch.setattr(rich_utils, "MAX_WIDTH", 10**6)
    shell = os.environ["_MENTORLOG_COMPLETE"].partition("_")[2]
    try:
        code = shell_complete(
            click_command, {}, "mentorlog", "_MENTORLOG_COMPLETE", f"complete_{shell}"
        )
    except SystemExit as exc:
        code = exc.code
    return capsys.readouterr().out, code


def _fast_answer(capsys) -> tuple[str, int]:
    code = complete.serve()
    return capsys.readouterr().out, code


def _same(ours: str, theirs: str) -> bool:
    """Equal, except that Click lists -h/--help from a set, in either order."""
    if ours == theirs:
        return True

    def lines(text: str) -> list[str]:
        text = text.removeprefix("_arguments '*: :((").removesuffix("))'\n")
        return text.split("\n")

    def without_help(items: list[str]) -> list[str]:
        return [i for i in items if i.split("\t")[0].split(":")[0].strip('"') not in HELP_OPTS]

    mine, other = lines(ours), lines(theirs)
    return Counter(mine) == Counter(other) and without_help(mine) == without_help(other)


@pytest.mark.parametrize(
    ("shell", "fish_action"),
    [("bash", ""), ("zsh", ""), ("fish", "get-args"), ("fish", "is-args")],
)
def test_fast_completion_prints_what_typer_prints(
    journal, db_file, monkeypatch, capsys, click_command, shell, fish_action
):
    monkeypatch.setenv("MENTORLOG_DB", str(db_file))
    before = db_file.read_bytes()
    mismatches = []
    for words in INPUTS:
        for key, value in _env(shell, words, fish_action).items():
            monkeypatch.setenv(key, value)
        ours = _fast_answer(capsys)
        theirs = _typer_answer(click_command, capsys, monkeypatch)
        if ours[1] != theirs[1] or not _same(ours[0], theirs[0]):
            mismatches.append((words, ours, theirs))
    assert not mismatches, f"{len(mismatches)} of {len(INPUTS)} differ, e.g. {mismatches[:3]}"
    assert len(INPUTS) > 300
    assert db_file.read_bytes() == before


def _complete_zsh(monkeypatch, capsys, typed: str) -> str:
    monkeypatch.setenv("_MENTORLOG_COMPLETE", "complete_zsh")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", typed)
    assert complete.serve() == 0
    return capsys.readouterr().out


def test_mentor_names_and_open_ids_come_from_the_journal(journal, db_file, monkeypatch, capsys):
    monkeypatch.setenv("MENTORLOG_DB", str(db_file))
    out = _complete_zsh(monkeypatch, capsys, "mentorlog prep ")
    assert '"Alex Chen":"system design"' in out and '"Sam Rivera"' in out
    out = _complete_zsh(monkeypatch, capsys, "mentorlog action done ")
    assert '"1":"Draft the RFC due\\\\:2026-11-20"' not in out  # the due date is not in the text
    assert '"1":"Draft the RFC"' in out and '"2":"Read DDIA chapter 1"' in out
    monkeypatch.delenv("_MENTORLOG_COMPLETE")  # or the command below would be a completion request
    journal("action", "done", "1", "--result", "ok")
    out = _complete_zsh(monkeypatch, capsys, "mentorlog action done ")
    assert '"1"' not in out and '"2":"Read DDIA chapter 1"' in out  # open ones only
    out = _complete_zsh(monkeypatch, capsys, "mentorlog log --discussed ")
    assert "How do I push back on scope?" in out
    out = _complete_zsh(monkeypatch, capsys, "mentorlog goal show ")
    assert "Lead a design review" in out and "Get promoted" in out
    out = _complete_zsh(monkeypatch, capsys, "mentorlog action list --goal=")
    assert "Lead a design review" in out


def test_no_journal_means_no_journal_suggestions(private_env, monkeypatch, capsys):
    out = _complete_zsh(monkeypatch, capsys, "mentorlog prep ")
    assert out == "_files\n"
    monkeypatch.setenv("MENTORLOG_DB", str(private_env / "not-a-journal.db"))
    (private_env).mkdir(exist_ok=True)
    (private_env / "not-a-journal.db").write_text("garbage, not sqlite")
    assert _complete_zsh(monkeypatch, capsys, "mentorlog action done ") == "_files\n"
    assert not (private_env / "journal.db").exists()


HEAVY = {"typer", "click", "rich", "sqlalchemy", "sqlmodel", "pydantic"}


def _run(env: dict[str, str], *argv: str, importtime: bool = False):
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run([sys.executable, *flags, "-m", "mentorlog", *argv], capture_output=True,
                          text=True, env={**os.environ, **env}, stdin=subprocess.DEVNULL)  # fmt: skip


def test_a_completion_request_never_runs_a_command(private_env):
    """No dashboard, no journal created, nothing on stderr, and no Typer imported."""
    env = _env("bash", [""])
    result = _run(env, importtime=True)
    assert result.returncode == 0
    assert result.stdout.split("\n")[:3] == ["status", "prep", "log"]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}  # fmt: skip
    assert not HEAVY & imported
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert not private_env.exists() or not any(private_env.iterdir())


def test_a_broken_completion_request_is_quiet(private_env):
    result = _run({"_MENTORLOG_COMPLETE": "complete_bash", "COMP_WORDS": "mentorlog", "COMP_CWORD": "x"})  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script_for_the_named_shell(cli, shell):
    out = cli("--show-completion", shell).stdout
    assert "_MENTORLOG_COMPLETE=complete_" + shell in out
    assert "mentorlog" in out


def test_install_completion_writes_the_script(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = cli("--install-completion", "fish")
    script = tmp_path / ".config/fish/completions/mentorlog.fish"
    assert "_MENTORLOG_COMPLETE=complete_fish" in script.read_text()
    assert "fish completion installed" in result.stdout


def test_an_unknown_shell_is_a_clear_error(cli, monkeypatch):
    import typer._completion_shared as shared

    monkeypatch.setattr(shared, "_get_shell_name", lambda: "tcsh")
    line = cli.fails("--show-completion", code=2)
    assert "tcsh" in line and "bash|zsh|fish" in line


def test_typer_path_completion_works_too(journal, db_file, monkeypatch, capsys, click_command):
    """`source_bash` and friends are Typer's; its completion protocol is registered."""
    monkeypatch.setenv("MENTORLOG_DB", str(db_file))
    for key, value in _env("zsh", ["prep", ""]).items():
        monkeypatch.setenv(key, value)
    out, code = _typer_answer(click_command, capsys, monkeypatch)
    assert code == 0 and '"Alex Chen":"system design"' in out


def test_the_completion_grammar_is_current():
    assert codegen.COMPLETE_TARGET.read_text(encoding="utf-8") == codegen.render_complete()


# ------------------------------------------------------------------ -V and python -m


def test_dash_v_is_version_on_both_paths(cli, capsys):
    from mentorlog import __version__
    from mentorlog.cli import fast

    assert cli("-V").stdout == f"mentorlog {__version__}\n"
    assert cli("--version").stdout == f"mentorlog {__version__}\n"
    for argv in (["-V"], ["--version"], ["--db", "x.db", "-V"]):
        assert fast.run(argv) == 0
        assert capsys.readouterr().out == f"mentorlog {__version__}\n"
    assert fast.run(["-V", "--help"]) is None  # Typer's: help and version, in Click's order


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_python_dash_m_mentorlog(private_env, flag):
    from mentorlog import __version__

    result = _run({}, flag, importtime=True)
    assert (result.returncode, result.stdout) == (0, f"mentorlog {__version__}\n")
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}  # fmt: skip
    assert not HEAVY & imported


# ------------------------------------------------------------------ a reader that goes away


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["action", "add", "--help"], ["action", "list"], ["export"], ["nosuch", "--help"]],
)
def test_a_closed_stdout_is_a_quiet_exit(journal, db_file, argv):
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    proc = subprocess.Popen([sys.executable, "-m", "mentorlog", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)  # fmt: skip
    proc.stdout.close()  # before it writes anything: every write fails with EPIPE
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = proc.wait()
    if argv == ["nosuch", "--help"]:
        assert code == 2 and err.startswith("Error: no such command")
        return
    assert (code, err) == (141, "")


def test_output_buffered_until_exit_into_a_closed_pipe_is_quiet(journal, db_file):
    """`mentorlog --help | head -1`: head is gone by the time the buffer is flushed at exit."""
    script = "import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1); sys.argv = ['mentorlog', *sys.argv[1:]]; from mentorlog.cli.entry import main; main()"  # fmt: skip
    for argv in (["--help"], ["action", "list"]):
        result = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True,
                                env={**os.environ, "MENTORLOG_DB": str(db_file)})  # fmt: skip
        assert (result.returncode, result.stderr) == (141, ""), argv


# ------------------------------------------------------------------ did you mean


def test_an_unknown_command_suggests_the_near_one(cli):
    assert cli.fails("prpe", code=2) == "Error: no such command 'prpe'. Did you mean 'prep'?"
    line = cli.fails("action", "dnoe", code=2)
    assert line == "Error: no such command 'dnoe'. Did you mean 'done'?"
    line = cli.fails("zzzz", code=2)
    assert line == "Error: no such command 'zzzz' (see 'mentorlog --help')"
