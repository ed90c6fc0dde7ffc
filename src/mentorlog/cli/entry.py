"""The console-script entry point: every command Click would accept runs without Typer (cli/fast.py),
and so do shell completion requests (cli/complete.py); help and usage errors go through the Typer app.

A reader that goes away (`mentorlog --help | head -1`) ends the command quietly, as git does:
no traceback, no "Broken pipe" message, exit status 141 (what a shell reports for SIGPIPE).
"""

from __future__ import annotations

import os
import sys

STDOUT_CLOSED = 141  # 128 + SIGPIPE


class StdoutClosed(Exception):
    """Whoever read our output closed the pipe (raised instead of BrokenPipeError, an OSError
    that Click's main turns into a bare `exit 1`)."""


def pipe_closed(exc: BaseException) -> bool:
    """A BrokenPipeError, or the SystemExit(1) Rich raises while handling one."""
    return isinstance(exc, BrokenPipeError) or (
        isinstance(exc, SystemExit) and isinstance(exc.__context__, BrokenPipeError)
    )


def stdout_closed() -> int:
    """Point stdout at /dev/null so nothing left in its buffer fails at exit; the exit status."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout)
        pass
    return STDOUT_CLOSED


def run(argv: list[str]) -> int:
    from mentorlog.cli import fast

    code = fast.run(argv)
    if code is None:
        from mentorlog.cli.app import app

        code = app(args=argv, standalone_mode=False)
    return code if isinstance(code, int) else 0


def main() -> None:
    os.umask(0o077)  # every file we create is private, whatever the user's umask
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()  # here, not at interpreter exit, where a closed pipe prints a warning
    except BrokenPipeError:
        code = stdout_closed()
    sys.exit(code)
