"""Long pasted queries: the same rows as FTS5's own phrase and AND, without its cost per token."""

from __future__ import annotations

import pytest

from mentorlog.store import search as search_store

WORDS = [f"w{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x" for i in range(60)]
NOTES = " ".join(WORDS)


@pytest.fixture
def pasted(journal):
    journal("log", "sam", "--on", "2026-11-18 10:00", "--notes", f"Transcript: {NOTES}. Done.")
    journal("log", "sam", "--on", "2026-11-19 10:00", "--notes", " ".join(reversed(WORDS)))
    return journal


def _hits(cli, query: str) -> list[tuple[str, int]]:
    return [(r["kind"], r["id"]) for r in cli.json("search", query)]


@pytest.mark.parametrize("length", [search_store.LONG_PHRASE + 1, 40, 60])
def test_a_long_phrase_matches_only_in_its_order(pasted, length):
    phrase = " ".join(WORDS[:length])
    assert _hits(pasted, f'"{phrase}"') == [("meeting", 2)]
    assert _hits(pasted, f'"{phrase.upper()}"') == [("meeting", 2)]  # folded as FTS5 folds
    gap = " ".join(WORDS[:5] + WORDS[6:length])
    assert _hits(pasted, f'"{gap}"') == []  # a word left out is not the phrase
    assert sorted(_hits(pasted, phrase)) == [("meeting", 2), ("meeting", 3)]  # the words: both


def test_a_long_phrase_with_words_the_index_lacks_finds_nothing(pasted):
    assert _hits(pasted, '"' + " ".join([*WORDS[:20], "zzznotthere"]) + '"') == []


def test_words_typed_many_times_ask_once():
    groups = search_store._groups("scope " * 500 + "latency")
    assert groups == [['"scope"*'], ['"latency"*']]


def test_short_phrases_still_go_to_fts5_whole(pasted):
    phrase = " ".join(WORDS[: search_store.LONG_PHRASE])
    assert _hits(pasted, f'"{phrase}"') == [("meeting", 2)]
    query, phrases = search_store.match_plan(None, f'"{phrase}"')
    assert phrases == [] and query == f'"{phrase}"'
