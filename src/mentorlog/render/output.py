"""Consoles, JSON and one-line messages; user text is never read as Rich markup."""

from __future__ import annotations

import contextlib
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def safe(text: str) -> str:
    """The one sanitiser for human output: text any terminal prints as text. Control characters
    (ESC, BEL, CR, DEL, C1...; newline and tab kept) show as their escapes, `\\x1b`, so nothing
    a journal entry holds can drive the terminal (core/controls.py); lone surrogates become
    escapes instead of crashing. Idempotent: what it returns has nothing left to escape."""
    from mentorlog.core.controls import visible

    return visible(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def _to_stderr(line: str) -> None:
    """A line on stderr, if there is one: with stderr closed or full there is nowhere left to
    complain, and print(file=None) would write to stdout instead."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def error_line(message: str) -> None:
    """The one `Error: ...` line, on stderr."""
    flat = " ".join(safe(str(message)).split())
    _to_stderr(f"Error: {flat}")


def warn(message: str) -> None:
    _to_stderr(f"Warning: {safe(message)}")


class _TrimmedLines:
    """A stream for pipes and files: each line written without the padding Rich puts at its end."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending.strip(" ") == "":
            self.pending = ""  # a padded last line: nothing but the padding
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()


_console_class: list[type] = []


def _safe_console() -> type:
    """A Console whose every string (table cells, titles, printed lines) passes through safe()
    before Rich reads it: the net under the renderers' own e() calls, so no user text reaches the
    terminal raw. (Rich's own styling is added after, so it is untouched.)"""
    if not _console_class:
        from rich.console import Console

        class SafeConsole(Console):
            def render_str(self, text: str, **kwargs: Any) -> Any:
                return super().render_str(safe(text), **kwargs)

        _console_class.append(SafeConsole)
    return _console_class[0]


def console() -> Console:
    """Rich console on stdout, made per call so test runners' swapped streams are used."""
    out = sys.stdout
    if not (hasattr(out, "isatty") and out.isatty()):
        out = _TrimmedLines(out)
    return _safe_console()(file=out, highlight=False, soft_wrap=False)


_unsent: list[str] = []


def say(message: str) -> None:
    """A plain confirmation line on stdout (no markup, so user text shows as typed).

    While it is being written it is kept: if stdout fails after a write committed, the error says
    what landed (cli/session.py's output_failed), instead of the line vanishing."""
    _unsent[:] = [message]
    print(safe(message), flush=True)
    _unsent.clear()


def unsent() -> str | None:
    """The say() line that could not be written, if that is where stdout failed."""
    return _unsent[0] if _unsent else None


def forget_unsent() -> None:
    """A new invocation (many share one process in tests)."""
    _unsent.clear()


# noun: (one, several), where adding an "s" would read wrong
PLURALS = {
    "advice": ("piece of advice", "pieces of advice"),
    "feedback": ("piece of feedback", "pieces of feedback"),
}


def plural(n: int, noun: str) -> str:
    """'1 action', '2 actions', '3 pieces of advice'."""
    one, several = PLURALS.get(noun, (noun, noun + "s"))
    return f"{n} {one if n == 1 else several}"


def a(noun: str) -> str:
    """'an action', 'a goal' (by the first letter: good enough for our nouns)."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def ids(records: Any) -> str:
    """'#3, #4' for records or rows (dicts with an id)."""
    return ", ".join(f"#{r['id']}" for r in records)


def _default(value: Any) -> str:
    if isinstance(value, datetime):
        from mentorlog.core.clock import moment_text

        return moment_text(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def print_json(data: Any) -> None:
    """Plain JSON on stdout: stable key order, ISO dates, no colour."""
    import json  # only when printing JSON: confirmations need none of it

    from mentorlog.core.controls import json_escaped

    # On a stream that can't write every character (PYTHONIOENCODING=ascii) JSON's own \\u escapes
    utf = (
        (getattr(sys.stdout, "encoding", None) or "utf-8")
        .lower()
        .replace("-", "")
        .startswith("utf")
    )
    text = json.dumps(data, indent=2, ensure_ascii=not utf, default=_default)
    sys.stdout.write(json_escaped(text) + "\n")
    sys.stdout.flush()


def confirm(question: str) -> bool:
    """Ask a yes/no question on the terminal; anything but y/yes (or end of input) is no."""
    try:
        answer = input(f"{safe(question)} [y/N]: ")
    except EOFError:
        print(flush=True)
        return False
    return answer.strip().lower() in ("y", "yes")
