"""Shell completion, -V, `python -m mentorlog`, a closed stdout, command suggestions, help metavars.

The fast completer (cli/complete.py) must print exactly what Typer's completion prints for the
same request: the inputs are generated from the grammar (every command and group, with nothing,
a dash, a letter, each option's value), so a new command or option is covered when declared.
Commands, options and choices are Typer's own; mentor names and ids come from our completer on
both paths (cli/app.py puts it in place of Typer's `autocompletion` wrapper), because Typer's
would be wrong there: it prints `Alex Chen` bare to bash (two words) and keeps only values that
start with exactly what was typed (`al` finds nothing). Those are tested on their own below.
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
                lines += [[*path, "A"], [*path, "al"], [*path, "S"], [*path, "x"]]
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

    from mentorlog.cli.app import _quote_zsh_completions_as_zsh_reads_them

    completion_init()
    _quote_zsh_completions_as_zsh_reads_them()  # as the app's group does on a completion request
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
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    result = cli("--install-completion", "fish")
    script = tmp_path / ".config/fish/completions/mentorlog.fish"
    assert "_MENTORLOG_COMPLETE=complete_fish" in script.read_text()
    assert "fish completion installed" in result.stdout


def test_fish_completion_goes_where_fish_reads_it(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    result = cli("--install-completion", "fish")
    script = tmp_path / "xdg/fish/completions/mentorlog.fish"
    assert "_MENTORLOG_COMPLETE=complete_fish" in script.read_text()
    assert str(script) in result.stdout and not (tmp_path / "home").exists()


def test_zsh_install_sets_up_zshrc_as_the_readme_says(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    cli("--install-completion", "zsh")
    zshrc = (tmp_path / ".zshrc").read_text().splitlines()
    assert "fpath+=~/.zfunc; autoload -Uz compinit; compinit" in zshrc
    assert "zstyle ':completion:*' menu select" in zshrc
    assert "_MENTORLOG_COMPLETE=complete_zsh" in (tmp_path / ".zfunc/_mentorlog").read_text()


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


# ------------------------------------------------------------------ names bash can insert


ODD_NAME = "Émile O'Brien (ACME) & co"


def _complete(monkeypatch, capsys, shell: str, words: list[str], fish_action="get-args") -> str:
    for key, value in _env(shell, words, fish_action).items():
        monkeypatch.setenv(key, value)
    assert complete.serve() == 0
    return capsys.readouterr().out


def _bash_reads(word: str) -> list[str]:
    """The arguments bash makes of `word` when it stands in a command line."""
    script = 'eval "set -- $1"; printf "%s\\0" "$@"'
    result = subprocess.run(["bash", "--norc", "-c", script, "_", word], capture_output=True,
                            text=True, check=True)  # fmt: skip
    return result.stdout.split("\0")[:-1]


@pytest.fixture
def odd_journal(journal, db_file, monkeypatch):
    journal("mentor", "add", ODD_NAME)
    monkeypatch.setenv("MENTORLOG_DB", str(db_file))
    return journal


def test_bash_gets_each_mentor_name_as_one_word(odd_journal, monkeypatch, capsys):
    out = _complete(monkeypatch, capsys, "bash", ["prep", ""])
    assert out.splitlines() == [
        "Alex\\ Chen",
        "Sam\\ Rivera",
        "\u00c9mile\\ O\\'Brien\\ \\(ACME\\)\\ \\&\\ co",
    ]
    assert [_bash_reads(line) for line in out.splitlines()] == [
        ["Alex Chen"],
        ["Sam Rivera"],
        [ODD_NAME],
    ]
    # after a quote the user opened, bash inserts the name inside it
    quoted = _complete(monkeypatch, capsys, "bash", ["prep", "'\u00e9"]).strip()
    assert _bash_reads("'" + quoted + "'") == [ODD_NAME]
    quoted = _complete(monkeypatch, capsys, "bash", ["prep", '"\u00e9']).strip()
    assert _bash_reads('"' + quoted + '"') == [ODD_NAME]
    # zsh and fish quote what they insert themselves: they get the name as it is
    out = _complete(monkeypatch, capsys, "zsh", ["prep", "e"])
    assert out == "_arguments '*: :((\"\u00c9mile O'\\''Brien (ACME) & co\"))'\n"
    out = _complete(monkeypatch, capsys, "fish", ["prep", "A"])
    assert out == "Alex Chen\tsystem design\n"


def test_typer_path_quotes_names_for_bash_too(odd_journal, monkeypatch, capsys, click_command):
    for key, value in _env("bash", ["prep", "em"]).items():
        monkeypatch.setenv(key, value)
    out, code = _typer_answer(click_command, capsys, monkeypatch)
    assert (code, out) == (0, "\u00c9mile\\ O\\'Brien\\ \\(ACME\\)\\ \\&\\ co\n")


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("", ["Alex Chen", "Sam Rivera", ODD_NAME]),
        ("al", ["Alex Chen"]),
        ("ALEX\\ C", ["Alex Chen"]),
        ("e", [ODD_NAME]),
        ("\u00e9m", [ODD_NAME]),
        ("'EMILE O'\\''B", [ODD_NAME]),
        ("s", ["Sam Rivera"]),
        ("chen", []),  # resolve_mentor takes a prefix of the name, not of a later word
        ("x", []),
    ],
)
def test_mentor_names_match_as_resolve_mentor_reads_them(
    odd_journal, db_file, monkeypatch, capsys, typed, names
):
    """Case and accents aside, exactly the names `resolve_mentor` would take `typed` for
    (`typed` as it stands in the command line)."""
    from mentorlog.errors import AmbiguousError, NotFoundError
    from mentorlog.store.db import read_connection
    from mentorlog.store.queries import resolve_mentor

    out = _complete(monkeypatch, capsys, "fish", ["prep", typed])
    shown = [n + ("\tsystem design" if n == "Alex Chen" else "") for n in names]
    assert [line for line in out.splitlines() if line] == shown
    for option in (["log", "--mentor", typed], ["goal", "list", f"--mentor={typed}"]):
        out = _complete(monkeypatch, capsys, "fish", option)
        assert [line.split("\t")[0] for line in out.splitlines() if line] == names
    if typed:
        with read_connection(db_file) as conn:
            try:
                accepted = [resolve_mentor(conn, complete._split(typed)[0])["name"]]
            except AmbiguousError:
                accepted = names
            except NotFoundError:
                accepted = []
        assert accepted == names


def test_bash_inserts_the_completed_name_as_one_argument(odd_journal, db_file, tmp_path):
    """In a real interactive bash: type a prefix, press Tab, run the line."""
    import pty
    import select
    import shutil
    import time

    if shutil.which("bash") is None:
        pytest.skip("no bash here")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "mentorlog"  # completes like mentorlog, runs as a printer of its arguments
    fake.write_text(
        "#!/bin/bash\n"
        f'[ -n "$_MENTORLOG_COMPLETE" ] && exec {sys.executable} -m mentorlog "$@"\n'
        "printf 'ARG<%s>\\n' \"$@\"\n"
    )
    fake.chmod(0o700)
    script = tmp_path / "mentorlog.bash"
    script.write_text(subprocess.run([sys.executable, "-m", "mentorlog", "--show-completion", "bash"],
                                     capture_output=True, text=True, check=True).stdout)  # fmt: skip
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PS1": "$ ",
           "MENTORLOG_DB": str(db_file), "INPUTRC": "/dev/null"}  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)

    def read_until(marker: str, timeout: float = 10.0) -> str:
        out, end = "", time.monotonic() + timeout
        while marker not in out and time.monotonic() < end:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    out += os.read(fd, 65536).decode(errors="replace")
                except OSError:
                    break
        return out

    got = {}
    try:
        os.write(fd, f"source {script}; echo READY$((6*7))\n".encode())
        read_until("READY42")
        for typed in ("mentorlog prep al", "mentorlog prep 'em", "mentorlog prep \u00e9mile\\ o"):
            os.write(fd, typed.encode() + b"\t")
            time.sleep(1.0)  # the completion request runs mentorlog once
            os.write(fd, b"; echo DONE$((6*7))\n")  # the output ends at DONE42, the line not
            out = read_until("DONE42")
            got[typed] = [line[4:-1] for line in out.splitlines() if line.startswith("ARG<")]
        os.write(fd, b"exit\n")
    finally:
        os.close(fd)
        os.waitpid(pid, 0)
    assert got == {
        "mentorlog prep al": ["prep", "Alex Chen"],
        "mentorlog prep 'em": ["prep", ODD_NAME],
        "mentorlog prep \u00e9mile\\ o": ["prep", ODD_NAME],
    }


ZSH_NAMES = ("O'Brien, Pat", 'Dana "DJ" Jones', "\u00c9mile $HOME `x` a:b\\c")


def test_zsh_inserts_names_with_quotes_as_one_argument(journal, db_file, tmp_path):
    """In a real interactive zsh with compinit: type a prefix, press Tab, run the line. Typer's
    escaping doubled quotes inside single quotes, which zsh does not read as a quote: O'Brien
    completed to OBrien and a name with a double quote lost it."""
    import pty
    import select
    import shutil
    import time

    if shutil.which("zsh") is None:
        pytest.skip("no zsh here (.ci/run installs it)")
    for name in ZSH_NAMES:
        journal("mentor", "add", name)
    bin_dir, functions = tmp_path / "bin", tmp_path / "functions"
    bin_dir.mkdir()
    functions.mkdir()
    fake = bin_dir / "mentorlog"  # completes like mentorlog, runs as a printer of its arguments
    fake.write_text(
        "#!/bin/bash\n"
        f'[ -n "$_MENTORLOG_COMPLETE" ] && exec {sys.executable} -m mentorlog "$@"\n'
        "printf 'ARG<%s>\\n' \"$@\"\n"
    )
    fake.chmod(0o700)
    (functions / "_mentorlog").write_text(subprocess.run(
        [sys.executable, "-m", "mentorlog", "--show-completion", "zsh"],
        capture_output=True, text=True, check=True).stdout)  # fmt: skip
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PS1": "$ ",
           "MENTORLOG_DB": str(db_file), "TERM": "dumb"}  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe("zsh", ["zsh", "-f", "-i"], env)

    def read_until(marker: str, timeout: float = 10.0) -> str:
        out, end = "", time.monotonic() + timeout
        while marker not in out and time.monotonic() < end:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    out += os.read(fd, 65536).decode(errors="replace")
                except OSError:
                    break
        return out

    def completed(typed: str) -> list[str]:
        os.write(fd, typed.encode() + b"\t")
        time.sleep(1.5)  # the completion request runs mentorlog once
        os.write(fd, b"; echo DONE$((6*7))\n")
        out = read_until("DONE42").replace("\r", "")
        return [line[4:-1] for line in out.splitlines() if line.startswith("ARG<")]

    got = {}
    try:
        os.write(fd, f"fpath=({functions} $fpath); autoload -Uz compinit; compinit -u; "
                     "echo READY$((6*7))\n".encode())  # fmt: skip
        read_until("READY42")
        completed("mentorlog prep A")  # the first Tab of a session loads the completion system
        for typed in ("mentorlog prep O", "mentorlog prep 'O", 'mentorlog prep "Da', "mentorlog prep Da",
                      "mentorlog prep \u00c9"):  # fmt: skip
            got[typed] = completed(typed)
        os.write(fd, b"exit\n")
    finally:
        os.close(fd)
        os.waitpid(pid, 0)
    obrien, dana, emile = ZSH_NAMES
    assert got == {
        "mentorlog prep O": ["prep", obrien],
        "mentorlog prep 'O": ["prep", obrien],
        'mentorlog prep "Da': ["prep", dana],
        "mentorlog prep Da": ["prep", dana],
        "mentorlog prep \u00c9": ["prep", emile],
    }


# ------------------------------------------------------------------ shells we have no script for


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
@pytest.mark.parametrize("shell", ["tcsh", "powershell", "pwsh", "ksh"])
def test_an_unsupported_shell_named_is_refused(cli, tmp_path, monkeypatch, option, shell):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = cli(option, shell, code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and shell in lines[0]
    assert "bash, zsh and fish" in lines[0]
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


def test_a_command_after_show_completion_is_not_a_shell(cli, monkeypatch):
    import typer._completion_shared as shared

    monkeypatch.setattr(shared, "_get_shell_name", lambda: "zsh")
    assert "#compdef mentorlog" in cli("--show-completion", "prep").stdout


# ------------------------------------------------------------------ a reader that leaves mid-output


def _grow(db_file, times: int) -> None:
    """Double the meetings and actions `times` times (new uuids), straight in SQLite."""
    import sqlite3

    conn = sqlite3.connect(db_file)
    for table in ("meeting", "action"):
        cols = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] != "id"]
        values = ", ".join("lower(hex(randomblob(16)))" if c == "uuid" else c for c in cols)
        for _ in range(times):
            conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {values} FROM {table}")
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def big_journal(journal_template, tmp_path_factory):
    """The small journal with its meetings and actions doubled 9 times: built once, only read."""
    import shutil

    path = tmp_path_factory.mktemp("big") / "journal.db"
    shutil.copyfile(journal_template, path)
    path.chmod(0o600)
    _grow(path, 9)
    return path


MAIN = "import sys; sys.argv = ['mentorlog', *sys.argv[1:]]; from mentorlog.cli.entry import main; main()"  # fmt: skip
TYPER_ONLY = "import mentorlog.cli.fast as fast; fast.run = lambda argv: None; " + MAIN


@pytest.mark.parametrize("path", ["fast", "typer"])
@pytest.mark.parametrize(
    "argv",
    [
        ["export"],
        ["export", "--format", "markdown"],
        ["meeting", "list", "--json"],
    ],
)
def test_a_reader_leaving_mid_output_is_exit_141(big_journal, path, argv):
    """`mentorlog export | head -1`: more than a pipe holds (64 KiB), the reader takes one line
    and goes; whether the command writes through sys.stdout.write or print_json, exit 141."""
    env = {**os.environ, "MENTORLOG_DB": str(big_journal)}
    script = MAIN if path == "fast" else TYPER_ONLY
    command = [sys.executable, "-c", script, *argv]
    if path == "fast":  # the premise, once per command: the output is more than a pipe holds
        whole = subprocess.run(command, capture_output=True, env=env, stdin=subprocess.DEVNULL)
        assert whole.returncode == 0 and len(whole.stdout) > 65536, len(whole.stdout)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env)  # fmt: skip
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert (proc.wait(), err) == (141, "")
