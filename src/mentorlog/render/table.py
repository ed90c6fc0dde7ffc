"""The lists' light table (a rule under the header, no frame), laid out in one linear pass.

Rich's Table measures and renders every cell through its whole layout engine: ~0.4 ms a row, so
`action list --all` over 50k actions took 20–46 s. Here each cell is measured once, the wrappable
columns shrink (widest first) until the table fits the terminal, and the rows are written as lines:
one Rich print of one Text on a colour terminal, plain writes otherwise. Same look as before:
right-aligned ids, three spaces between columns, long text folded onto the next lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mentorlog.render.output import safe

GAP = "   "  # a column's right padding, the separator and the next one's left padding


@dataclass
class _Line:
    """One line of a cell: its plain text, its style spans (start, end, style) and its width."""

    plain: str
    spans: tuple[tuple[int, int, str], ...] = ()


@dataclass
class Column:
    header: str
    justify: str = "left"
    no_wrap: bool = False
    min_width: int = 0
    _cells: list[Any] = field(default_factory=list)
    _lines: list[list[_Line]] | None = None  # the cells' lines, parsed once

    def lines(self) -> list[list[_Line]]:
        if self._lines is None or len(self._lines) != len(self._cells):
            self._lines = [cell_lines(cell) for cell in self._cells]
        return self._lines


class LightTable:
    """The part of rich.table.Table's interface the lists use: add_column, add_row, row_count."""

    def __init__(self, title: str | None = None) -> None:
        self.title = title
        self.columns: list[Column] = []
        self.row_styles: list[str | None] = []

    def add_column(self, header: str, **options: Any) -> None:
        self.columns.append(Column(header, **options))

    def add_row(self, *cells: Any, style: str | None = None) -> None:
        for column, cell in zip(self.columns, cells, strict=True):
            column._cells.append(cell)
        self.row_styles.append(style)

    @property
    def row_count(self) -> int:
        return len(self.row_styles)


def cell_lines(cell: Any) -> list[_Line]:
    """A cell's lines; a cell is plain text, or Rich markup when it holds a `[` (user text in
    it is escaped), or a rich Text, or a tuple of (plain text, style) lines."""
    if cell is None:
        return [_Line("")]
    if isinstance(cell, tuple):  # user text as stored: shown through the output edge's sanitiser
        return [
            _Line(line, ((0, len(line), style),) if style else ())
            for text, style in cell
            for line in safe(text).split("\n")
        ]
    if not isinstance(cell, str):
        text = cell
    elif "[" not in cell:
        return [_Line(line) for line in safe(cell).split("\n")]
    else:
        from rich.text import Text

        text = Text.from_markup(cell)
    lines = []
    for part in text.split("\n", allow_blank=True):
        spans = tuple((s.start, s.end, str(s.style)) for s in part.spans)
        if part.style:
            spans = ((0, len(part.plain), str(part.style)), *spans)
        lines.append(_Line(part.plain, spans))
    return lines or [_Line("")]


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)  # wide (CJK, emoji) and zero-width characters


def natural_width(column: Column) -> int:
    """The width the column's longest line needs."""
    widest = _width(column.header)
    for lines in column.lines():
        for line in lines:
            widest = max(widest, _width(line.plain))
    return widest


def column_widths(table: LightTable, width: int) -> list[int]:
    """Every column at its natural width; wrappable ones shrink, widest first, to their minimum
    and then, when the terminal is narrower still, below it (words break) until it fits."""
    widths = [max(natural_width(c), c.min_width) for c in table.columns]
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    soft = [
        w if c.no_wrap else min(w, max(c.min_width, 1))
        for c, w in zip(table.columns, widths, strict=True)
    ]
    hard = [w if c.no_wrap else 1 for c, w in zip(table.columns, widths, strict=True)]
    for floors in (soft, hard):
        while excess > 0:
            shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            others = [widths[i] for i in shrinkable if i != widest]
            target = max(floors[widest], max(others, default=0))  # down to the next widest
            step = min(excess, widths[widest] - target) or 1
            widths[widest] -= step
            excess -= step
    return widths


def _wrap(line: _Line, width: int) -> list[_Line]:
    """Fold a line onto `width` columns at spaces, breaking a word only when it is longer."""
    if _width(line.plain) <= width or width <= 0:
        return [line]
    if line.spans and not (len(line.spans) == 1 and line.spans[0][:2] == (0, len(line.plain))):
        from rich.text import Span, Text

        text = Text(line.plain, spans=[Span(*s) for s in line.spans])
        from rich.console import Console

        wrapped = text.wrap(Console(width=width), width, overflow="fold")
        return [
            _Line(part.plain, tuple((s.start, s.end, str(s.style)) for s in part.spans))
            for part in wrapped
        ]
    style = line.spans[0][2] if line.spans else None
    out: list[str] = []
    current = ""
    for word in line.plain.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        while _width(word) > width:
            cut = width
            while cut > 1 and _width(word[:cut]) > width:
                cut -= 1
            out.append(word[:cut])
            word = word[cut:]
        current = word
    out.append(current)
    return [_Line(part, ((0, len(part), style),) if style else ()) for part in out]


def rows_as_lines(
    table: LightTable, width: int, rule: str = "─"
) -> Iterator[tuple[_Line, str | None]]:
    """The table as lines of text with their spans, each with its row's style."""
    widths = column_widths(table, width)
    total = sum(widths) + len(GAP) * (len(widths) - 1)
    header = [_Line(c.header, ((0, len(c.header), "bold"),)) for c in table.columns]
    yield _join([[h] for h in header], table, widths), None
    yield _Line(rule * total), None
    for index, style in enumerate(table.row_styles):
        cells = []
        for column, cell_width in zip(table.columns, widths, strict=True):
            lines = column.lines()[index]
            if not column.no_wrap:
                lines = [part for line in lines for part in _wrap(line, cell_width)]
            cells.append(lines)
        for line in _join_rows(cells, table, widths):
            yield line, style


def _join(cells: list[list[_Line]], table: LightTable, widths: list[int]) -> _Line:
    return next(_join_rows(cells, table, widths))


def _join_rows(cells: list[list[_Line]], table: LightTable, widths: list[int]) -> Iterator[_Line]:
    height = max(len(lines) for lines in cells)
    last = len(widths) - 1
    for row in range(height):
        plain: list[str] = []
        spans: list[tuple[int, int, str]] = []
        at = 0
        for number, (column, lines, width) in enumerate(
            zip(table.columns, cells, widths, strict=True)
        ):
            line = lines[row] if row < len(lines) else _BLANK
            gap = width - _width(line.plain)
            text = line.plain
            shift = 0
            if gap > 0:
                if column.justify == "right":
                    text, shift = " " * gap + text, gap
                elif number != last:
                    text += " " * gap
            if line.spans:
                offset = at + shift
                spans.extend((a + offset, b + offset, s) for a, b, s in line.spans)
            plain.append(text)
            at += len(text) + len(GAP)
        yield _Line(GAP.join(plain), tuple(spans))


_BLANK = _Line("")


def print_table(table: LightTable, out: Any) -> None:
    """Write the table to a Rich console: styled on a colour terminal, plain lines otherwise."""
    utf = (out.encoding or "").lower().replace("-", "").startswith("utf")
    lines = rows_as_lines(table, out.width, "─" if utf else "-")
    if out.color_system is None:
        write = out.file.write
        if table.title:
            write(table.title + "\n")
        for line, _ in lines:
            write(line.plain + "\n")
        out.file.flush()
        return
    from rich.text import Span, Text

    text = Text()
    if table.title:
        text.append(table.title + "\n", style="italic")
    for line, style in lines:
        start = len(text)
        text.append(line.plain, style=style)
        text.spans.extend(Span(start + a, start + b, s) for a, b, s in line.spans)
        text.append("\n")
    out.print(text, soft_wrap=True, end="")
