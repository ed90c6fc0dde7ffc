"""Text an edit takes away leaves the journal's files, as a delete's does.

SQLite's secure_delete zeroes the cell an UPDATE frees, but two copies outlive it: FTS5 (3.40 has no
secure-delete option) keeps the old words in its index segments until they are merged, and the WAL
keeps the pages written before. So an update that removes a word marks its transaction; before the
commit the index is rewritten without the old words ('optimize'), after it the WAL is folded in and
emptied. An edit that only adds words (a result, a takeaway, `--append`) costs nothing extra.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

_WORD = re.compile(r"[^\W_]+")
_marked: set[int] = set()  # id() of the connections whose transaction removed a word


def _words(value: Any) -> set[str]:
    return set(_WORD.findall(value.casefold())) if isinstance(value, str) else set()


def note_update(conn: sqlite3.Connection, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Mark the transaction when a changed text column loses a word it held."""
    for column, value in new.items():
        before = old.get(column)
        if isinstance(before, str) and before != value and _words(before) - _words(value):
            _marked.add(id(conn))
            return


def before_commit(conn: sqlite3.Connection) -> bool:
    """Rewrite the search index without removed words; whether the WAL must be emptied after."""
    if id(conn) not in _marked:
        return False
    _marked.discard(id(conn))
    conn.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
    return True


def forget(conn: sqlite3.Connection) -> None:
    """The transaction ended (rolled back, or committed and handled)."""
    _marked.discard(id(conn))
