"""render/screen.py reads markup, escapes and wraps exactly as Rich does (the daily views'
bytes are Rich's, without its layout engine): properties against Rich itself."""

from __future__ import annotations

import io

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table
from rich.text import Text

from mentorlog.render import screen

WORDS = st.text(alphabet=st.sampled_from(list("ab [/]\\#@xyé漢 -\t\n")), max_size=60)


@given(WORDS)
@example("[bold]x[/bold]")
@example("a\\")
@example("\\[bold]")
def test_escape_is_richs(text):
    trailing = len(text) - len(text.rstrip("\\"))
    if trailing % 2 and trailing > 1:  # Rich leaves 3, 5... so they escape the tag after them
        assert screen.escape(text) == rich_escape(text) + "\\"
    else:
        assert screen.escape(text) == rich_escape(text)


PLAIN_WORDS = st.text(alphabet=st.sampled_from(list("ab [/]\\xyé漢 -\t\n")), max_size=60)
OURS = ("[bold]", "[dim]", "[red]", "[yellow]")
# user text ('@' and '#' open Rich's meta and colour tags, which we never write) between our tags
TAGGED = st.lists(st.one_of(PLAIN_WORDS, st.sampled_from(OURS)), max_size=8)


def _balanced(parts: list[str]) -> str:
    """Our markup as the renderers build it: each run of user text escaped as one value, our
    own tags around it, every tag closed."""
    runs: list[str] = []
    for part in parts:
        if part not in OURS and runs and runs[-1] not in OURS:
            runs[-1] += part
        else:
            runs.append(part)
    opened = [p[1:-1] for p in runs if p in OURS]
    body = "".join(p if p in OURS else screen.escape(p) for p in runs)
    return body + "".join(f"[/{name}]" for name in reversed(opened))


@given(TAGGED)
def test_parse_reads_what_rich_reads(parts):
    markup = _balanced(parts)
    plain, spans = screen.parse(markup)
    text = Text.from_markup(markup, emoji=False)
    assert plain == text.plain
    assert sorted(spans) == sorted(
        (s.start, s.end, str(s.style)) for s in text.spans if s.end > s.start
    )


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from(list("abc de  fgh漢字-")), max_size=120), st.integers(1, 40)
)
@example("hello world", 5)
@example("   indented words", 6)
def test_wrap_breaks_where_rich_breaks(line, width):
    ours = [line[a:b].rstrip() for a, b in screen.wrap(line, width)]
    rich = [
        part.plain.rstrip() for part in Text(line).wrap(Console(width=200), width, overflow="fold")
    ]
    assert ours == rich


@settings(max_examples=150)
@given(st.lists(PLAIN_WORDS.filter(lambda w: "\t" not in w).map(screen.escape), min_size=1,
                max_size=4), st.integers(10, 90))  # fmt: skip
# (a tab: Rich folds the 8 spaces it expands to one blank line per cell; we keep them on one)
def test_a_section_prints_as_richs_grid(items, width):
    expected = io.StringIO()
    console = Console(file=expected, width=width, color_system=None, highlight=False, emoji=False)
    grid = Table.grid(padding=(0, 0))
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("", item)
    console.print(grid)
    out = screen.Screen.__new__(screen.Screen)
    out.plain, out.width, out.lines = True, width, []
    out.stream = io.StringIO()
    for item in items:
        out.print(item, indent=2)
    out.close()
    assert out.stream.getvalue() == "".join(
        line.rstrip() + "\n" for line in expected.getvalue().splitlines()
    )


@given(PLAIN_WORDS, st.sampled_from(["[bold]x[/bold]", "[/dim]"]))
@example("a\\\\\\", "[/dim]")
def test_user_text_never_escapes_the_tag_after_it(text, tag):
    markup = f"[dim]{screen.escape(text)}{tag}" + ("[/dim]" if tag != "[/dim]" else "")
    plain, _ = screen.parse(markup)  # no "closing tag matches no open tag"
    assert "[/dim]" not in plain and "[bold]" not in plain  # our tags stay tags
