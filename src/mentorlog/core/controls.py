"""Control characters in user text, and what the output edge shows instead (tables only: pure).

A journal entry can hold anything a terminal would act on — ESC (OSC 52 writes the clipboard,
OSC 0 the title, OSC 8 links, CSI 2J clears the screen), BEL, CR (overwrites the line), DEL and
the C1 controls U+0080–U+009F (U+009B is CSI on some terminals). Human output shows each as its
escape (`\\x1b`, four characters), keeping newline and tab; JSON output escapes the ones
json.dumps(ensure_ascii=False) leaves raw (DEL, C1, and U+2028/U+2029, which end a line in
JavaScript), as `\\u00XX`, which every JSON reader decodes back to the same character.
"""

from __future__ import annotations

KEPT = {0x09, 0x0A}  # tab and newline: layout, not commands

CONTROLS = [*(c for c in range(0x20) if c not in KEPT), 0x7F, *range(0x80, 0xA0)]

# str.translate tables
VISIBLE = {c: f"\\x{c:02x}" for c in CONTROLS}
JSON_RAW = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), 0x2028, 0x2029)}


def visible(text: str) -> str:
    """Every control character but newline and tab as its escape, `\\x1b`."""
    return text.translate(VISIBLE)


def json_escaped(encoded: str) -> str:
    """JSON text (from json.dumps(ensure_ascii=False)) with DEL, C1 and U+2028/2029 escaped.

    Valid because outside strings JSON text is ASCII punctuation, digits and words: these
    characters can only be inside a string, where `\\u0085` means the same character."""
    return encoded.translate(JSON_RAW)
