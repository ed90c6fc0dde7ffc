"""The daily views' output without Rich's layout engine: markup read, lines wrapped, written once.

prep, review and status print a few dozen short lines. Rich laid each section out as a grid
(measure, wrap, pad, crop, segment) and loading its console costs ~25 ms of every run. Here the
same Rich markup is read by a small parser, each line is wrapped by Rich's own word-wrap rule
(`rich._wrap.divide_line`, which imports little) with the same hanging indent, and the lines are
written as plain text — or, on a terminal, handed to Rich as one styled Text, printed once, so
colours work as before. The bytes are Rich's: the human-view tests pin them at 40–120 columns.

Not carried over: Rich's `:emoji:` codes (user text shows as typed, `:rocket:` stays `:rocket:`).
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from typing import Any

from mentorlog.render.output import safe

_TAGS = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
_TRAILING = re.compile(r"\s+$")

Span = tuple[int, int, str]


def escape(text: str) -> str:
    """rich.markup.escape, without importing Rich: user text can't open or close a style."""

    def double(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    text = _ESCAPE.sub(double, text)
    trailing = len(text) - len(text.rstrip("\\"))
    if trailing % 2:  # Rich adds one only for a single trailing backslash: 3 escaped our own tag
        return text + "\\"
    return text


def parse(markup: str) -> tuple[str, list[Span]]:
    """Rich console markup as (plain text, [(start, end, style)]), as Text.from_markup reads it
    (escaped brackets and backslashes included); tags left open run to the end."""
    parts: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []
    length = 0
    position = 0

    def text(value: str) -> None:
        nonlocal length
        value = value.replace("\\[", "[")
        parts.append(value)
        length += len(value)

    for match in _TAGS.finditer(markup):
        full, escapes, tag = match.groups()
        start, end = match.span()
        if start > position:
            text(markup[position:start])
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            if backslashes:
                parts.append("\\" * backslashes)
                length += backslashes
            if escaped:
                parts.append(full[len(escapes) :])
                length += len(full) - len(escapes)
                continue
        name = tag
        if name.startswith("/"):
            closing = name[1:].strip()
            for index in range(len(stack) - 1, -1, -1):
                if not closing or stack[index][1] == closing:
                    opened_at, style = stack.pop(index)
                    spans.append((opened_at, length, style))
                    break
            else:
                raise ValueError(f"closing tag [{name}] matches no open tag")
        else:
            stack.append((length, name))
    if position < len(markup):
        text(markup[position:])
    spans.extend((opened_at, length, style) for opened_at, style in reversed(stack))
    return "".join(parts), [s for s in spans if s[1] > s[0]]


def _cells(text: str) -> int:
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def wrap(line: str, width: int) -> list[tuple[int, int]]:
    """Where one line breaks to fit `width` cells, as Rich's Text.wrap (overflow fold) breaks
    it: (start, end) of each piece, trailing spaces beyond the width dropped."""
    if width <= 0 or _cells(line) <= width:
        return [(0, len(line))]
    from rich._wrap import divide_line

    cuts = [0, *divide_line(line, width, fold=True), len(line)]
    pieces = []
    for start, end in itertools.pairwise(cuts):
        excess = (end - start) - width  # Text.rstrip_end counts characters, not cells
        if excess > 0 and (spaces := _TRAILING.search(line, start, end)):
            end -= min(len(spaces.group(0)), excess)
        while end > start and _cells(line[start:end]) > width:
            end -= 1  # Text.truncate: a wide character that can't fit in the last cell goes
        pieces.append((start, end))
    return pieces


def height(markup: str, width: int) -> int:
    """How many lines `markup` takes wrapped at `width` cells."""
    plain, _ = parse(safe(markup))
    return sum(len(wrap(line.expandtabs(8), width)) for line in plain.split("\n"))


def plain_width() -> int:
    """The width Rich's Console would use when stdout is not a terminal: the first terminal
    among stdin, stdout and stderr, then $COLUMNS, else 80."""
    width = None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd)[0]
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def _writes_plain(stream: Any) -> bool:
    """Rich would write no styles at all: not a terminal, and nothing forcing one."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return False
    return not (hasattr(stream, "isatty") and stream.isatty())


class Screen:
    """Lines of markup, wrapped at the terminal's width under a hanging indent, written at once."""

    def __init__(self) -> None:
        self.stream = sys.stdout
        self.plain = _writes_plain(self.stream)
        self._console = None
        self.rows: int | None = None  # the terminal's height; None when writing to a pipe or file
        if self.plain:
            self.width = plain_width()
        else:
            from mentorlog.render.output import console

            self._console = console()
            self.width = self._console.width
            self.rows = self._console.height
        self.lines: list[tuple[str, list[Span]]] = []

    def print(self, markup: str = "", indent: int = 0) -> None:
        """One item: its lines (split at newlines) wrapped to the width left after `indent`."""
        plain, spans = parse(safe(markup))
        pad = " " * indent
        at = 0
        for line in plain.split("\n"):
            expanded = line.expandtabs(8) if "\t" in line else line
            here = [
                (max(a, at) - at, min(b, at + len(line)) - at, s)
                for a, b, s in spans
                if a < at + len(line) and b > at
            ]
            if expanded is not line:  # a tab moved the text: styles of this line are dropped
                here = []
            for start, end in wrap(expanded, self.width - indent):
                piece = [
                    (max(a, start) - start + indent, min(b, end) - start + indent, s)
                    for a, b, s in here
                    if a < end and b > start
                ]
                self.lines.append((pad + expanded[start:end], piece))
            at += len(line) + 1

    def close(self) -> None:
        if self.plain:
            self.stream.write("".join(text.rstrip() + "\n" for text, _ in self.lines))
            self.stream.flush()
            return
        from rich.text import Span as RichSpan
        from rich.text import Text

        out = Text()
        for text, spans in self.lines:
            start = len(out)
            out.append(text)
            out.spans.extend(RichSpan(start + a, start + b, s) for a, b, s in spans)
            out.append("\n")
        self._console.print(out, soft_wrap=True, end="")
        self.lines = []
