"""Full-text search: a safe FTS5 query from what the user typed, ranked, filtered and bounded.

The index is the `search_index` FTS5 table of migration 0003, filled by triggers: one row per record,
rowid = the kind's code * 2**40 + record id (each kind in its own rowid range), with the kind, the
record's day (a meeting's UTC moment) and its mentor stored beside the text, so filters need no join.

What the user types is never FTS5 syntax. Each word becomes a quoted prefix term when its last part
has three letters or more (`deleg` and `delegat` find "delegation"), a whole word below that (a
one-letter prefix would match half the vocabulary); a word with a common English ending also matches
without it (`delegating` → `delegat*`, `meetings` → `meeting*`), which makes matching
stem-insensitive enough while a typed prefix never misses (a stemming tokenizer would: its stem of
"delegation" is "deleg", so `delegat*` found nothing). `"a phrase"` in double quotes stays one
phrase; an unclosed quote runs to the end. Inside FTS5 quotes every character is literal and the
tokenizer drops punctuation, so `NEAR`, `AND`, `OR`, `NOT`, `*`, `^`, `:` and parentheses are plain
words or nothing: no input is an FTS5 error.

Cost stays flat as the journal grows: for each kind, bm25 ranks at most its `PER_KIND` newest
matches (a cursor over that kind's rowid range, stopped there), so a common word's best goal is
ranked beside its best actions however many actions there are; snippets are made for the `LIMIT`
best only. --mentor and --since read the stored columns of each match walked, so a rare mentor or an
old --since with a very common word walks more matches.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from itertools import islice
from typing import Any

from mentorlog.core.snippets import MARK_CLOSE, MARK_OPEN
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
KIND_SPAN = 2**40  # rowid = code * KIND_SPAN + id (migration 0003)

LIMIT = 50  # rows shown, best first
PER_KIND = 50  # matches ranked at most per kind: its newest ones
PREFIX_FROM = 3  # a word of fewer letters matches whole words only
# Endings a word also matches without (longest first), when at least 3 letters remain.
ENDINGS = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ness", "ies", "es",
           "ed", "ly", "s")  # fmt: skip
SNIPPET_TOKENS = 12


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


EXPAND_AT_MOST = 16  # a prefix standing for more whole terms stays a prefix query


def _plain_word(word: str) -> str | None:
    """The token the index holds for a plain word (unicode61, diacritics removed), else None."""
    import unicodedata

    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(ch)
    )
    return folded if folded.isalnum() and folded.isascii() else None


def _groups(text: str) -> list[list[str]]:
    """What the user typed as FTS5 terms: every group must match, any alternative in a group may."""
    groups = []
    parts = _printable(text).split('"')
    for index, part in enumerate(parts):
        if index % 2:  # inside quotes (an unclosed quote runs to the end): one phrase
            phrase = " ".join(part.split())
            if _has_token(phrase):
                groups.append([f'"{phrase}"'])
            continue
        for word in part.split():
            if _has_token(word):
                groups.append(_word_terms(word))
    # A word typed twice asks nothing more: a pasted paragraph repeats most of its words, and each
    # group is a term FTS5 evaluates for every row it ranks and every snippet it cuts.
    unique: dict[tuple[str, ...], list[str]] = {}
    for group in groups:
        unique.setdefault(tuple(group), group)
    return list(unique.values())


def _render(groups: list[list[str]]) -> str | None:
    rendered = [g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups]
    # An explicit AND: FTS5 reads a term spelled NEAR, even quoted, before "(" as NEAR(...).
    return " AND ".join(rendered) or None


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed; None when it holds no word at all.

    >>> fts_query('deleg "push back" NEAR(x) decision-log meetings')
    '"deleg"* AND "push back" AND "NEAR(x)" AND "decision-log"* AND ("meetings"* OR "meeting"*)'
    """
    return _render(_groups(text))


def _word_terms(word: str) -> list[str]:
    """One typed word: a prefix term, or (with a common ending) either form as a prefix."""
    if _last_token_length(word) < PREFIX_FROM:
        return [f'"{word}"']
    lowered = word.lower()
    for ending in ENDINGS:
        stem = lowered[: -len(ending)]
        if lowered.endswith(ending) and _last_token_length(stem) >= PREFIX_FROM:
            return [f'"{word}"*', f'"{stem}"*']
    return [f'"{word}"*']


def match_expression(conn: sqlite3.Connection, text: str) -> str | None:
    """fts_query, with each plain prefix term replaced by the whole terms of the index it stands for
    (at most EXPAND_AT_MOST): the same rows, at a fraction of a prefix query's cost per use. None
    when nothing can match (a word the index does not hold) or nothing was typed."""
    return match_plan(conn, text)[0]


# FTS5 reads a quoted phrase by walking every one of its tokens' doclists in step: a pasted
# 1,200-word phrase of common words took 6 s to match nothing. A phrase longer than this asks FTS5
# for its distinct words (cheap, and few rows hold them all); the rows found are then checked for the
# phrase itself in Python, with the same tokens on both sides.
LONG_PHRASE = 16


def phrase_tokens(text: str) -> tuple[str, ...]:
    """Words as the index's unicode61 tokenizer sees them: letters and digits, folded, no accents."""
    import re
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return tuple(re.findall(r"[^\W_]+", plain.casefold()))


def holds_phrase(body: str | None, phrase: tuple[str, ...]) -> bool:
    if not body:
        return False
    tokens = phrase_tokens(body)
    width = len(phrase)
    first = phrase[0]
    return any(tokens[i : i + width] == phrase for i, token in enumerate(tokens) if token == first)


def match_plan(conn: sqlite3.Connection, text: str) -> tuple[str | None, list[tuple[str, ...]]]:
    """The MATCH expression and the long phrases a found row must also hold (see LONG_PHRASE)."""
    groups: list[list[str]] = []
    phrases: list[tuple[str, ...]] = []
    for group in _groups(text):
        if len(group) == 1 and group[0].startswith('"') and not group[0].endswith("*"):
            tokens = phrase_tokens(group[0][1:-1])
            if len(tokens) > LONG_PHRASE:
                phrases.append(tokens)
                groups += [[f'"{t}"'] for t in dict.fromkeys(tokens) if [f'"{t}"'] not in groups]
                continue
        alternatives: list[str] = []
        for term in group:
            alternatives += [t for t in _whole_terms(conn, term) if t not in alternatives]
        if not alternatives:
            return None, []
        groups.append(alternatives)
    return _render(groups), phrases


def _whole_terms(conn: sqlite3.Connection, term: str) -> list[str]:
    if not term.endswith("*"):
        return [term]
    token = _plain_word(term[1:-2])
    if token is None:
        return [term]
    high = token[:-1] + chr(ord(token[-1]) + 1)
    found = [
        r[0]
        for r in conn.execute(
            "SELECT term FROM search_index_terms WHERE term >= ? AND term < ? LIMIT ?",
            (token, high, EXPAND_AT_MOST + 1),
        )
    ]
    return [term] if len(found) > EXPAND_AT_MOST else [f'"{t}"' for t in found]


def _filters(
    mentor_id: int | None, since: tuple[str, str] | None
) -> tuple[list[str], dict[str, Any]]:
    """WHERE clauses after the MATCH, on the columns stored beside the text."""
    clauses, params = [], {}
    if mentor_id is not None:
        clauses.append("mentor_id = :mentor")
        params["mentor"] = mentor_id
    if since is not None:
        # a meeting's on_day is its UTC moment: compare it with the UTC start of the local day
        clauses.append(
            f"on_day >= (CASE WHEN rowid >= {KIND_CODES['meeting']} * {KIND_SPAN} "
            f"AND rowid < {KIND_CODES['meeting'] + 1} * {KIND_SPAN} "
            "THEN :since_moment ELSE :since END)"
        )
        params["since"], params["since_moment"] = since
    return clauses, params


def ranking_sql(clauses: list[str], checked: bool = False) -> str:
    """One kind's newest matches (a walk down its rowid range, stopped at PER_KIND), with bm25;
    `checked`: with the body, and no limit (the caller stops once enough rows hold the phrases)."""
    where = " AND ".join(["search_index MATCH :q", "rowid BETWEEN :low AND :high", *clauses])
    extra, limit = (", body", "") if checked else ("", f" LIMIT {PER_KIND}")
    return f"""
        SELECT rowid, bm25(search_index) AS score{extra} FROM search_index
        WHERE {where} ORDER BY rowid DESC{limit}"""


# FTS5's snippet() weighs every window around every hit: quadratic in the hits of one row (a pasted
# transcript with 16k hits took 3 s). Past this many characters the row is highlighted instead
# (linear) and the window cut here, around the first hit.
LONG_BODY = 20_000


def snippet_sql(rowids: list[int]) -> str:
    """Snippets for the chosen rows of one kind: a walk between its lowest and highest chosen."""
    chosen = ", ".join(str(int(r)) for r in rowids)
    return f"""
        SELECT rowid, on_day, mentor_id,
               CASE WHEN length(body) <= {LONG_BODY} THEN
                   snippet(search_index, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS})
               ELSE
                   highlight(search_index, 1, '{MARK_OPEN}', '{MARK_CLOSE}')
               END AS snippet,
               length(body) > {LONG_BODY} AS whole
        FROM search_index
        WHERE search_index MATCH :q AND rowid BETWEEN :low AND :high AND +rowid IN ({chosen})"""


def _kind_range(kind: str) -> dict[str, int]:
    code = KIND_CODES[kind]
    return {"low": code * KIND_SPAN, "high": (code + 1) * KIND_SPAN - 1}


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
    clauses, params = _filters(mentor_id, bounds)
    query, phrases = match_plan(conn, text)
    if query is None:
        return []
    params["q"] = query
    sql = ranking_sql(clauses, checked=bool(phrases))
    ranked = []
    for kind in sorted(set(kinds or KIND_CODES), key=KIND_CODES.__getitem__):
        rows = conn.execute(sql, {**params, **_kind_range(kind)})
        if phrases:  # newest first, until PER_KIND rows hold every long phrase
            rows = islice(
                (r[:2] for r in rows if all(holds_phrase(r[2], p) for p in phrases)), PER_KIND
            )
        ranked += list(rows)
    ranked.sort(key=lambda r: (r[1], -r[0]))
    rowids = [r[0] for r in ranked[:LIMIT]]
    if not rowids:
        return []
    found: dict[int, Row] = {}
    for code in sorted({r // KIND_SPAN for r in rowids}):
        mine = [r for r in rowids if r // KIND_SPAN == code]
        bounds_of_kind = {"q": query, "low": min(mine), "high": max(mine)}
        found.update((r["rowid"], r) for r in fetch_all(conn, snippet_sql(mine), bounds_of_kind))
    names = _mentor_names(conn, {r["mentor_id"] for r in found.values()})
    rows = []
    for rowid in rowids:
        hit = found.get(rowid)
        if hit is None:  # pragma: no cover - same snapshot, same query: always found
            continue
        kind = KINDS_BY_CODE.get(rowid // KIND_SPAN, "record")
        on = hit["on_day"]
        rows.append(
            {
                "kind": kind,
                "id": rowid % KIND_SPAN,
                "on": iso_moment(on) if kind == "meeting" and on else on,
                "mentor": names.get(hit["mentor_id"]),
                "snippet": " ".join(
                    (window(hit["snippet"]) if hit["whole"] else hit["snippet"] or "").split()
                ),
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


def window(marked: str, tokens: int = SNIPPET_TOKENS) -> str:
    """About `tokens` words around the first marked hit of a highlighted body, '…' where cut."""
    words = marked.split()
    first = next((i for i, word in enumerate(words) if MARK_OPEN in word), 0)
    start = max(0, first - tokens // 3)
    end = min(len(words), start + tokens)
    return ("…" if start else "") + " ".join(words[start:end]) + ("…" if end < len(words) else "")
