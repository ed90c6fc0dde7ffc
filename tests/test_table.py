"""The lists' table: Rich's look (header, rule, folded text) laid out in one pass per cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorlog.render.records import _table, fit
from mentorlog.render.table import rows_as_lines


def _lines(table, width: int) -> list[str]:
    return [line.plain.rstrip() for line, _ in rows_as_lines(fit(table, width), width)]


def test_it_looks_like_the_rich_table_it_replaced():
    """The expected lines are what rich.table.Table (SIMPLE_HEAD, no edge) printed for these rows."""
    table = _table("ID", "Action", "Status", "Goal")
    table.add_row("#12", (("Send the co-led review agenda to the architects", None),), "open", "#1")
    table.add_row("#3", (("Read", None), ("→ noted it", "dim")), "done", "")
    assert _lines(table, 50) == [
        " ID   Action                         Status   Goal",
        "─" * 50,
        "#12   Send the co-led review         open       #1",
        "      agenda to the architects",
        " #3   Read                           done",
        "      → noted it",
    ]


def test_user_text_is_never_markup_and_keeps_its_lines():
    table = _table("ID", "Action")
    table.add_row("#1", (("[bold]not bold[/bold]\nsecond line", None),))
    lines = _lines(table, 60)
    assert lines[2].endswith("[bold]not bold[/bold]") and lines[3].strip() == "second line"


def test_wide_characters_count_as_two_columns():
    table = _table("ID", "Mentor", "Status")
    table.add_row("#1", "李小龍", "open")
    table.add_row("#2", "Al", "open")
    from rich.cells import cell_len

    lines = _lines(table, 40)
    assert cell_len(lines[2][: lines[2].index("open")]) == lines[3].index(
        "open"
    )  # one screen column
    assert lines[1] == "─" * cell_len(lines[0])


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet="abcdefghij ", min_size=1, max_size=40), min_size=1, max_size=6
    ),
    width=st.integers(min_value=30, max_value=120),
)
def test_every_word_shows_and_no_line_is_wider_than_the_terminal(words, width):
    table = _table("ID", "Action", "Status")
    for number, text in enumerate(words, 1):
        table.add_row(f"#{number}", ((text, None),), "open")
    lines = _lines(table, width)
    assert all(len(line) <= width for line in lines)
    shown = " ".join(lines[2:]).split()
    for text in words:
        for word in text.split():
            assert word in shown or any(word.startswith(part) for part in shown)
