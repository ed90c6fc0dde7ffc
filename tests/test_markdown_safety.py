"""User text can never change the structure of a Markdown document we write (prep, review, brag,
export): read back with markdown-it, any text in any field gives exactly the headings, lists,
quotes and rules of the same document with plain words there, and never HTML or code blocks.

Every user-text column of the demo journal is set to a marker; each example replaces the markers
(in the views' data, after the queries) with texts hypothesis draws, renders, and compares."""

from __future__ import annotations

import os
import re
import sqlite3
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from support import build_sample_journal

STRESS = float(os.environ.get("MENTORLOG_STRESS", "0.5"))
MARK = re.compile(r"ZQ[a-z_]+\d+Q")
# the characters Markdown gives meaning to, often, and anything else now and then
MARKDOWN_CHARS = [*list("#>-+*=_`~|[]()!<>&\\:;.0123456789 \t\n\r\u00a0ax/\"'{}"), "\n\n", "    "]
TEXTS = st.lists(
    st.one_of(
        st.lists(st.sampled_from(MARKDOWN_CHARS), min_size=1, max_size=30).map("".join),
        st.text(min_size=1, max_size=30),
    ).filter(str.strip),
    min_size=1,
    max_size=6,
)
NASTY = [
    "# heading",
    "---",
    "x\n===",
    "***",
    "<b>bold</b> <!-- c --> <?php ?>",
    "<div>\n\nblock",
    "```\ncode",
    "~~~",
    "    indented code",
    "1. one\n2) two",
    "- a\n* b\n+ c",
    "> quoted",
    "a | b\n--- | ---\nc | d",
    "[ref]: http://example.com",
    "line\\",
    "\\<b>x</b>",
    "`<b>` and ``<i>``",
    "<http://example.com> <a@b.co>",
    "text\n\n# after a blank line\n\n    code after a blank",
    "| a |\n|:-:|",
    "x #",
    "#",
    "-",
    "12345678. big",
    "\t- tab item",
]


def _parser() -> MarkdownIt:
    """CommonMark with raw HTML on (its default), plus GFM tables and strikethrough."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def structure(document: str) -> list[tuple[str, str, int]]:
    """The document's block structure (headings, lists and items, quotes, rules, tables, code),
    paragraphs aside; any HTML or code is a failure on its own."""
    shape = []
    for token in _parser().parse(document):
        assert token.type not in ("html_block", "code_block", "fence"), (token, document)
        for child in token.children or []:
            assert child.type != "html_inline", (child, document)
        if token.type not in ("paragraph_open", "paragraph_close", "inline"):
            shape.append((token.type, token.tag, token.level))
    return shape


def _user_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Per table, the columns holding text the user typed: VARCHAR/TEXT, not a uuid, a cadence
    or a column a CHECK limits to a vocabulary."""
    found = {}
    for table, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND name NOT LIKE '%search%' AND name != 'alembic_version' AND name NOT LIKE 'sync%'"
    ):
        columns = []
        for _, name, kind, *_ in conn.execute(f"PRAGMA table_info({table})"):
            text = (kind or "").upper().startswith(("VARCHAR", "TEXT"))
            limited = re.search(rf"\b{name}\b\s+IN\s*\(", sql or "", re.IGNORECASE)
            if text and name not in ("uuid", "cadence") and not limited:
                columns.append(name)
        if columns:
            found[table] = columns
    return found


@cache
def _views(home_text: str) -> dict[str, object]:
    """The demo journal with a marker in every user-text field, and each document's data."""
    from pathlib import Path

    from support import Cli, frozen_outside_tests

    home = Path(home_text)
    path = build_sample_journal(home)
    conn = sqlite3.connect(path)
    with conn:
        for table, columns in _user_columns(conn).items():
            for column in columns:
                conn.execute(f"UPDATE {table} SET {column} = 'ZQ{table}_{column}' || id || 'Q'")
    conn.close()
    with frozen_outside_tests(home):
        cli = Cli()
        mentors = cli.json("mentor", "list")
        views: dict[str, object] = {
            f"prep {m['name']}": ("prep", cli.json("prep", m["name"])) for m in mentors
        }
        views["review"] = ("review", cli.json("review"))
        views["review month"] = ("review", cli.json("review", "--month"))
        views["brag"] = ("brag", cli.json("brag", "--since", "-1y"))
        views["brag mentor"] = ("brag mentor", cli.json("brag", "--since", "-1y"))
        from mentorlog.store.contents import journal_contents
        from mentorlog.store.db import connect

        reading = connect(path, readonly=True)
        try:
            views["export"] = ("export", journal_contents(reading))
        finally:
            reading.close()
        views["mentor name"] = ("name", mentors[0]["name"])
    return views


def _substitute(value, texts: list[str], order: dict[str, int]):
    if isinstance(value, str):
        return MARK.sub(lambda m: texts[order.setdefault(m[0], len(order)) % len(texts)], value)
    if isinstance(value, dict):
        return {k: _substitute(v, texts, order) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, texts, order) for v in value]
    return value


def _render(kind: str, data, mentor: str) -> str:
    from mentorlog.render.briefing import prep_markdown, review_markdown
    from mentorlog.render.explore import brag_markdown
    from mentorlog.render.export_markdown import export_markdown

    if kind == "prep":
        return prep_markdown(data)
    if kind == "review":
        return review_markdown(data)
    if kind == "brag":
        return brag_markdown(data)
    if kind == "brag mentor":
        return brag_markdown(data, mentor)
    return export_markdown(data)


@pytest.fixture(scope="module")
def views(tmp_path_factory):
    return _views(str(tmp_path_factory.mktemp("markers") / "home"))


def test_every_document_carries_the_markers(views, clock):
    """The property below means something: each document shows user text from many fields."""
    mentor = views["mentor name"][1]
    for name, (kind, data) in views.items():
        if kind == "name":
            continue
        document = _render(kind, data, mentor)
        fields = {m.rstrip("0123456789Q") for m in MARK.findall(document)}
        assert len(fields) >= 4, (name, fields)
        assert structure(document)
    exported = {
        m.rstrip("0123456789Q") for m in MARK.findall(_render("export", views["export"][1], mentor))
    }
    assert len(exported) >= 30, sorted(exported)  # every user-text column of the journal


@settings(
    max_examples=int(120 * STRESS) or 1, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(texts=TEXTS)
@example(texts=NASTY)
@example(texts=NASTY[::-1])
@example(texts=["\n".join(NASTY)])
def test_user_text_never_changes_a_documents_structure(views, clock, texts):
    mentor = views["mentor name"][1]
    for name, (kind, data) in views.items():
        if kind == "name":
            continue
        order: dict[str, int] = {}
        plain = _render(kind, _substitute(data, ["plain words"], {}), "plain words")
        document = _render(kind, _substitute(data, texts, order), _substitute(mentor, texts, order))
        assert structure(document) == structure(plain), name
