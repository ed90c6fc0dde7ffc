"""The marks around each match in a search snippet, and how to take them out.

The store puts them in (FTS5 `snippet()`), the renderers turn them into highlighting; user text
holds no control characters, so these two never clash with what was typed.
"""

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def plain(snippet: str) -> str:
    """A snippet without its match markers (JSON, and wherever no highlighting is wanted)."""
    return snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
