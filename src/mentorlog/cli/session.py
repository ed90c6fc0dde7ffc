"""What a command invocation shares, without Typer: the journal it works on and the error guard.

Kept free of Typer so the fast read path (cli/fast.py) can use it without paying for Typer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path


class State:
    """This invocation: its global options (set by the root callback or the fast path) and the
    journal once opened, so a command that reads and then writes opens and checks it once."""

    db: str | None = None
    opened: Path | None = None

    @classmethod
    def reset(cls) -> None:
        cls.opened = None


def journal() -> Path:
    """The journal file, created or upgraded as needed; warns when others could read it.

    Opened once per invocation: later calls return the same path without a second check."""
    if State.opened is not None:
        return State.opened
    from mentorlog.paths import db_path, exposure_warnings
    from mentorlog.render.output import warn
    from mentorlog.store.db import open_store

    explicit = State.db is not None
    path = open_store(db_path(State.db), make_folder=not explicit, notify=note)
    for message in exposure_warnings(path, check_folder=not explicit):
        warn(message)
    State.opened = path
    return path


def note(message: str) -> None:
    """A plain line on stderr for what the store reports (it never prints itself)."""
    import sys

    from mentorlog.render.output import safe

    print(safe(message), file=sys.stderr, flush=True)


@contextlib.contextmanager
def reading() -> Iterator[sqlite3.Connection]:
    """A read-only snapshot of the journal for list/show/view commands."""
    from mentorlog.store.db import read_connection

    with read_connection(journal()) as conn:
        yield conn


def guarded(invoke: Callable[[], Any], passthrough: tuple[type[BaseException], ...] = ()) -> int:
    """Exit 0 on success, 1 when the journal says no, 2 when the command line is wrong.

    Tracebacks never reach the screen (they can hold journal text) unless MENTORLOG_DEBUG is set.
    Exceptions in `passthrough` are left for the caller (the Typer layer handles its own).
    """
    from mentorlog import landed
    from mentorlog.errors import MentorlogError
    from mentorlog.render.output import error_line, forget_unsent

    _forget_config()
    State.reset()
    forget_unsent()
    landed.reset()  # not at the end: a failure at the final flush of stdout still asks
    try:
        result = invoke()
        return result if isinstance(result, int) else 0
    except passthrough:
        raise
    except StdoutFailed as exc:
        return output_failed(exc)
    except MentorlogError as exc:
        error_line(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        error_line(f"interrupted; {_what_landed()}")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        if os.environ.get("MENTORLOG_DEBUG"):
            raise
        error_line(
            f"unexpected internal error ({type(exc).__name__}); {_what_landed()}. "
            "Details are hidden to keep your journal private; rerun with MENTORLOG_DEBUG=1 to see them"
        )
        return 1
    finally:
        _forget_config()
        State.reset()


def _what_landed() -> str:
    """The truth about the journal after a failure: a write that committed is not undone."""
    from mentorlog import landed

    return "the change was saved before that" if landed.anything() else "nothing was changed"


class StdoutFailed(OSError):
    """Standard output can't be written: full (ENOSPC), closed (EBADF), an I/O error. Raised by
    cli/entry.py's stdout in place of the plain OSError, so it is told apart from a failing file
    write. (A reader that went away is BrokenPipeError, handled as a quiet exit, as git does.)"""


def output_failed(exc: OSError) -> int:
    """One `Error:` line for output that could not be written, saying what landed if a write
    committed before (its confirmation is what could not be printed): exit 1."""
    from mentorlog import landed
    from mentorlog.render.output import error_line, unsent

    message = f"could not write to stdout ({exc.strerror or type(exc).__name__})"
    if landed.anything():
        line = unsent()
        message += ", but the change was saved" + (f": {line}" if line else "")
    error_line(message)
    return 1


def _forget_config() -> None:
    """The date format is read once per invocation; many invocations share a process in tests."""
    config = sys.modules.get("mentorlog.config")
    if config is not None:
        config.forget()


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
