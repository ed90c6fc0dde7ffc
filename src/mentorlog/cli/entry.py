"""The console-script entry point: every command Click would accept runs without Typer (cli/fast.py),
and so do shell completion requests (cli/complete.py); help and usage errors go through the Typer app.

A reader that goes away (`mentorlog --help | head -1`) ends the command quietly, as git does:
no traceback, no "Broken pipe" message, exit status 141 (what a shell reports for SIGPIPE).
A stdout that can't be written (full, `> /dev/full`; closed, `>&-`; an I/O error) is one
`Error:` line and exit 1, saying what landed when a write committed first (cli/session.py).
"""

from __future__ import annotations

import errno
import os
import sys


class _WholeWrites:
    """Standard output's file descriptor, written in full or not at all.

    When the reader goes away in the middle of one large write (`mentorlog export | head -1`),
    write(2) reports the part that got through, and Python's buffered stdout takes that short
    count as success and drops the rest: no BrokenPipeError, exit 0. Writing again here for
    the rest gets EPIPE, so every way of printing (print, sys.stdout.write, Rich) fails alike."""

    def __init__(self, fd: int, missing: bool = False) -> None:
        self.fd = fd
        self.closed = False
        self.missing = missing  # stdout was closed when we started (`>&-`): fd is /dev/null
        self.failed = False

    def write(self, data: bytes) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        if self.failed:  # reported once already: what is left in the buffer goes nowhere
            return total
        try:
            if self.missing:
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            while view:
                view = view[os.write(self.fd, view) :]
        except BrokenPipeError:
            raise
        except OSError as exc:
            from mentorlog.cli.session import StdoutFailed

            self.failed = True
            raise StdoutFailed(exc.errno, exc.strerror) from None
        return total

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        pass

    def close(self) -> None:  # the descriptor is the process's, not ours to close
        self.closed = True


def whole_writes() -> None:
    """Make sys.stdout report a reader that left mid-write (see _WholeWrites); main() calls this
    first, before anything is printed."""
    import io

    old = sys.stdout
    if old is None:  # fd 1 was closed when Python started (`>&-`)
        _stdout_missing()
        return
    try:
        fd = old.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (captured in tests)
        return
    old.flush()
    raw = _WholeWrites(fd)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),  # type: ignore[arg-type]
        encoding=old.encoding,
        errors=old.errors if speaks_unicode(old) else "backslashreplace",
        line_buffering=old.line_buffering,
    )


def speaks_unicode(stream) -> bool:
    """Whether the stream's encoding writes any text (PYTHONIOENCODING=ascii, LANG=C: it does not)."""
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "").startswith("utf")


def _stdout_missing() -> None:
    """No stdout at all: fd 1 gets /dev/null, so no file we open (the journal, an export) can
    become fd 1, and sys.stdout a stream whose first write fails with EBADF (reported, exit 1),
    instead of None, which print() silently skips and everything else crashes on."""
    import io

    devnull = os.open(os.devnull, os.O_WRONLY)
    if devnull != 1:
        os.dup2(devnull, 1)
        os.close(devnull)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(1, missing=True)),  # type: ignore[arg-type]
        encoding="utf-8",
        line_buffering=False,
    )


def run(argv: list[str]) -> int:
    from mentorlog.cli import fast

    code = fast.run(argv)
    if code is None:
        from mentorlog.cli.app import app

        code = app(args=argv, standalone_mode=False)
    return code if isinstance(code, int) else 0


def main() -> None:
    os.umask(0o077)  # every file we create is private, whatever the user's umask
    if not speaks_unicode(sys.stderr) and hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")  # an error about é is still one line
    whole_writes()  # a reader gone mid-write is a closed pipe, however the output was written
    from mentorlog.cli.session import StdoutFailed

    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()  # here, not at interpreter exit, where a closed pipe prints a warning
    except BrokenPipeError:
        from mentorlog.cli.session import stdout_closed

        code = stdout_closed()
    except StdoutFailed as exc:  # what a command left in the buffer, written only now
        from mentorlog.cli.session import output_failed

        code = output_failed(exc)
    sys.exit(code)
