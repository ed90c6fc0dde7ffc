"""Full-text search: a safe FTS5 query from what the user typed, ranked, filtered and bounded.

The index is the `search_index` FTS5 table of migration 0003, filled by triggers: one row per record,
rowid = record id * 16 + the kind's code, with the kind, the record's day (a meeting's UTC moment)
and its mentor stored beside the text, so filters need no join.

What the user types is never FTS5 syntax. Each word becomes a quoted term, a prefix term when its
last part has three letters or more (`deleg` finds "delegation"; the porter tokenizer makes
`delegating` find it too), a whole word below that (a one-letter prefix would match half the
vocabulary). `"a phrase"` in double quotes stays one phrase; an unclosed quote runs to the end.
Inside FTS5 quotes every character is literal and the tokenizer drops punctuation, so `NEAR`, `AND`,
`OR`, `NOT`, `*`, `^`, `:` and parentheses are plain words or nothing: no input is an FTS5 error.

Cost stays flat as the journal grows: bm25 ranks at most the `WINDOW` newest-numbered matches (the
cursor walks the index by rowid from the top and stops there), and snippets are made for the
`LIMIT` best only, in a second walk over that window. A query matching fewer than `WINDOW` records
is ranked in full; a very common word ranks the newest-numbered ones (add a word, --kind or --since
to reach older ones). --kind costs nothing per match (it is read off the rowid); --mentor and
--since read the stored columns of each match walked, so a rare mentor or an old --since with a
very common word walks all its matches.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from mentorlog.store.queries import fetch_all, iso_moment

Row = dict[str, Any]

# kind: code in the rowid (frozen in migration 0003's SEARCH_KINDS; a test keeps them equal)
KIND_CODES = {
    "meeting": 1,
    "advice": 2,
    "action": 3,
    "goal": 4,
    "milestone": 5,
    "question": 6,
    "win": 7,
    "feedback": 8,
    "gave": 9,
    "resource": 10,
    "intro": 11,
    "checkin": 12,
    "reflection": 13,
}
KINDS_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}
MEETING_CODE = KIND_CODES["meeting"]

LIMIT = 50  # rows shown, best first
WINDOW = 1000  # matches ranked at most: the newest-numbered ones
PREFIX_FROM = 3  # a word of fewer letters matches whole words only
SNIPPET_TOKENS = 12
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # around each match in a snippet (user text has no controls)


def _printable(text: str) -> str:
    """Control characters (NUL ends an FTS5 string) and lone surrogates become spaces."""
    return "".join(
        " " if ch < " " or ch == "\x7f" or "\ud800" <= ch <= "\udfff" else ch for ch in text
    )


def _has_token(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _last_token_length(word: str) -> int:
    """Letters in the word's last token: `*` makes that token a prefix (`decision-log` → `log`)."""
    tail = word
    while tail and not tail[-1].isalnum():
        tail = tail[:-1]
    length = 0
    while length < len(tail) and tail[-1 - length].isalnum():
        length += 1
    return length


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed; None when it holds no word at all.

    >>> fts_query('deleg "push back" NEAR(x) decision-log')
    '"deleg"* "push back" "NEAR(x)" "decision-log"*'
    """
    terms = []
    parts = _printable(text).split('"')
    for index, part in enumerate(parts):
        if index % 2:  # inside quotes (an unclosed quote runs to the end): one phrase
            phrase = " ".join(part.split())
            if _has_token(phrase):
                terms.append(f'"{phrase}"')
            continue
        for word in part.split():
            if _has_token(word):
                prefix = _last_token_length(word) >= PREFIX_FROM
                terms.append(f'"{word}"*' if prefix else f'"{word}"')
    return " ".join(terms) or None


def _filters(
    kinds: list[str] | None, mentor_id: int | None, since: tuple[str, str] | None
) -> tuple[list[str], dict[str, Any]]:
    """WHERE clauses after the MATCH: the kind is read off the rowid (no row read), the mentor and
    the day off the columns stored beside the text."""
    clauses, params = [], {}
    if kinds:
        codes = ", ".join(str(KIND_CODES[kind]) for kind in sorted(set(kinds)))
        clauses.append(f"rowid % 16 IN ({codes})")
    if mentor_id is not None:
        clauses.append("mentor_id = :mentor")
        params["mentor"] = mentor_id
    if since is not None:
        # a meeting's on_day is its UTC moment: compare it with the UTC start of the local day
        clauses.append(
            f"on_day >= (CASE WHEN rowid % 16 = {MEETING_CODE} THEN :since_moment ELSE :since END)"
        )
        params["since"], params["since_moment"] = since
    return clauses, params


def ranking_sql(clauses: list[str]) -> str:
    """The window (newest-numbered matches, walked by rowid from the top) ranked by bm25."""
    where = " AND ".join(["search_index MATCH :q", *clauses])
    return f"""
        SELECT rowid, score FROM (
            SELECT rowid, bm25(search_index) AS score FROM search_index
            WHERE {where} ORDER BY rowid DESC LIMIT {WINDOW}
        ) ORDER BY score, rowid DESC LIMIT {LIMIT}"""


def snippet_sql(rowids: list[int]) -> str:
    """Snippets for the chosen rows only: the same walk, from the lowest chosen rowid up."""
    chosen = ", ".join(str(int(r)) for r in rowids)
    return f"""
        SELECT rowid, on_day, mentor_id,
               snippet(search_index, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS})
                   AS snippet
        FROM search_index
        WHERE search_index MATCH :q AND rowid >= :low AND +rowid IN ({chosen})"""


def search(
    conn: sqlite3.Connection,
    text: str,
    kinds: list[str] | None = None,
    mentor_id: int | None = None,
    since: date | None = None,
) -> list[Row]:
    """Best matches first: rows {kind, id, on, mentor, snippet}; snippet marks matches with
    MARK_OPEN/MARK_CLOSE (see `plain`)."""
    query = fts_query(text)
    if query is None:
        return []
    bounds = None
    if since is not None:
        from mentorlog.store.timeline import utc_bounds

        bounds = (since.isoformat(), utc_bounds(since, since)[0])
    clauses, params = _filters(kinds, mentor_id, bounds)
    params["q"] = query
    ranked = conn.execute(ranking_sql(clauses), params).fetchall()
    if not ranked:
        return []
    rowids = [r[0] for r in ranked]
    found = {
        r["rowid"]: r
        for r in fetch_all(conn, snippet_sql(rowids), {"q": query, "low": min(rowids)})
    }
    names = _mentor_names(conn, {r["mentor_id"] for r in found.values()})
    rows = []
    for rowid in rowids:
        hit = found.get(rowid)
        if hit is None:  # pragma: no cover - same snapshot, same query: always found
            continue
        kind = KINDS_BY_CODE.get(rowid % 16, "record")
        on = hit["on_day"]
        rows.append(
            {
                "kind": kind,
                "id": rowid // 16,
                "on": iso_moment(on) if kind == "meeting" and on else on,
                "mentor": names.get(hit["mentor_id"]),
                "snippet": " ".join((hit["snippet"] or "").split()),
            }
        )
    return rows


def _mentor_names(conn: sqlite3.Connection, ids: set[Any]) -> dict[Any, str]:
    wanted = sorted(i for i in ids if isinstance(i, int))
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    return {
        r["id"]: r["name"]
        for r in fetch_all(conn, f"SELECT id, name FROM mentor WHERE id IN ({marks})", wanted)
    }


def plain(snippet: str) -> str:
    """A snippet without its match markers (JSON, and wherever no highlighting is wanted)."""
    return snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
