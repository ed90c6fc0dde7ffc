"""The console-script entry point: every command Click would accept runs without Typer (cli/fast.py),
and so do shell completion requests (cli/complete.py); help and usage errors go through the Typer app.

A reader that goes away (`mentorlog --help | head -1`) ends the command quietly, as git does:
no traceback, no "Broken pipe" message, exit status 141 (what a shell reports for SIGPIPE).
"""

from __future__ import annotations

import os
import sys


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
        from mentorlog.cli.session import stdout_closed

        code = stdout_closed()
    sys.exit(code)
