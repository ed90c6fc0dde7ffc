"""User text inside the Markdown mentorlog writes (prep, review, brag, export): it reads as typed
and can never change the document's structure: no heading, list, rule, quote, code block, table or
HTML comes from what the user wrote.

How: in every piece of user text `\\`, `` ` `` and `<` are backslash-escaped (no code span, no raw
HTML, no autolink can start there; emphasis and links stay, they are inline). Wherever a line starts
with user text, the line's first character is escaped when it is punctuation (`#`, `>`, `-`, `+`,
`*`, `=`, `|`, `[`...) and a leading number loses its list dot (`1\\.`), and indentation becomes
no-break spaces (four spaces would open a code block). A multi-line text keeps its lines as hard
breaks, indented under its list item.
"""

from __future__ import annotations

import re
from typing import Any

NBSP = "\u00a0"
_INLINE = str.maketrans({"\\": "\\\\", "`": "\\`", "<": "\\<"})
_NUMBERED = re.compile(r"(\d+)([.)])")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")


def inline(text: Any) -> str:
    """One line of user text to put after other text on a line: whitespace runs (newlines too)
    become one space, and nothing in it opens a code span or HTML."""
    return " ".join(str(text).split()).translate(_INLINE)


def guard(line: str) -> str:
    """A line that starts with user text (already escaped): nothing at its start opens a block.
    Idempotent: a line that starts with a backslash or a no-break space is left as it is."""
    if not line or line[0] in ("\\", NBSP):
        return line
    if line[0] in _PUNCTUATION:
        return "\\" + line
    return _NUMBERED.sub(r"\1\\\2", line, count=1)


def heading(text: Any) -> str:
    """User text inside a heading: one line, and no `#` that could close (or open) one."""
    return inline(text).replace("#", "\\#")


def text(value: Any, blank_lines: bool = False) -> str:
    """User text that may span lines, for a list item or a paragraph: its lines joined by "\\n"
    (the renderer turns them into hard breaks under the item), each escaped, every line after the
    first guarded (it starts a line of the document), its indentation kept as no-break spaces.
    Blank lines are dropped (they would end the list item) unless `blank_lines`."""
    out: list[str] = []
    for raw in str(value).splitlines():
        body = raw.strip()
        if not body:
            if blank_lines and out and out[-1]:
                out.append("")
            continue
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        line = " ".join(body.split()).translate(_INLINE)
        out.append(NBSP * indent + guard(line))
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def block(value: str, first: str = "", indent: str | None = None) -> list[str]:
    """Lines of the document for one item or paragraph: `first` (a list marker, or a quote's
    `> `) before the first line, `indent` (default: spaces as wide as `first`) before the others;
    lines of one paragraph end in a hard break (two spaces). User text in `value` comes from
    `text` (every line of it guarded); the rest is the document's own."""
    rest = " " * len(first) if indent is None else indent
    parts = value.split("\n")
    lines = []
    for number, part in enumerate(parts):
        lead = first if number == 0 else rest
        if not part:
            lines.append(lead.rstrip())
            continue
        following = parts[number + 1] if number + 1 < len(parts) else ""
        lines.append(lead + part + ("  " if following else ""))
    return lines


def quote(value: str) -> list[str]:
    """Free text (meeting notes, a reflection) as a block quote of escaped lines, then a blank."""
    body = text(value, blank_lines=True)
    return [*block(body, "> ", "> "), ""] if body else []
