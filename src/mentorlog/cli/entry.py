"""The console-script entry point: every command Click would accept runs without Typer (cli/fast.py);
help, completion and usage errors go through the Typer app."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.umask(0o077)  # every file we create is private, whatever the user's umask
    from mentorlog.cli import fast

    code = fast.run(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from mentorlog.cli.app import app

    app()
