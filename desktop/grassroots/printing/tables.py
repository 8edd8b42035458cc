"""A plain, quick table: shaded header repeated on every page, zebra rows, wrapped cells.

ReportLab's own Table re-measures every remaining row each time it splits across a page, which
takes minutes for a register of 5,000 members. This one measures each row once and splits by
slicing, so a long list costs no more per row than a short one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from grassroots.printing.fonts import BOLD, REGULAR, text_width
from grassroots.printing.styles import HEADER_FILL, INK, RULE, ZEBRA_FILL

MAX_LINES = 30  # a cell taller than this is cut short rather than overflowing the page


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the width left over; 0 = exactly as wide as its widest text
    align: str = "left"  # left | right
    bold: bool = False


@dataclass
class _Layout:
    """Measurements made once for the whole table and shared by the pieces it splits into."""

    widths: list[float]
    header: list[list[str]]
    header_height: float
    lines: list[list[list[str]]]
    heights: list[float]


class ZebraTable(Flowable):
    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        size: float,
        leading: float,
        *,
        first: int = 0,
        last: int | None = None,
        layout: _Layout | None = None,
        width: float | None = None,
        total_row: bool = False,
    ):
        super().__init__()
        self.columns, self.rows = list(columns), rows
        self.size, self.leading = size, leading
        self.pad = size * 0.45
        self.gutter = size * 1.1
        self.first, self.last = first, len(rows) if last is None else last
        self.layout = layout
        self.fixed_width = width  # None: the full width of the frame
        self.total_row = total_row  # the last row is a total: bold, with a rule above

    # ------------------------------------------------------------ measuring

    def _cell_lines(self, text: str, width: float, font: str) -> list[str]:
        if "\n" not in text and text_width(text, font, self.size) <= width:
            return [text]
        lines = simpleSplit(text, font, self.size, width) or [""]
        return lines[:MAX_LINES]

    def _natural(self, index: int) -> float:
        column = self.columns[index]
        font = BOLD if column.bold else REGULAR
        texts = {row[index] for row in self.rows}
        widest = max(
            (text_width(line, font, self.size) for text in texts for line in text.split("\n")),
            default=0.0,
        )
        return max(widest, text_width(column.title, BOLD, self.size)) + self.gutter

    def _widths(self, avail_width: float) -> list[float]:
        fixed = {i: self._natural(i) for i, c in enumerate(self.columns) if c.weight == 0}
        room = max(avail_width - sum(fixed.values()), 0.0)
        total = sum(c.weight for c in self.columns) or 1.0
        return [fixed.get(i, room * c.weight / total) for i, c in enumerate(self.columns)]

    def _measure(self, avail_width: float) -> _Layout:
        widths = self._widths(avail_width)
        inner = [w - self.gutter for w in widths]
        header = [
            self._cell_lines(c.title, w, BOLD) for c, w in zip(self.columns, inner, strict=True)
        ]
        fonts = [BOLD if c.bold else REGULAR for c in self.columns]
        lines, heights = [], []
        for row in self.rows:
            cells = [
                self._cell_lines(text, w, font)
                for text, w, font in zip(row, inner, fonts, strict=True)
            ]
            lines.append(cells)
            heights.append(max(len(c) for c in cells) * self.leading + 2 * self.pad)
        header_height = max(len(h) for h in header) * self.leading + 2 * self.pad
        return _Layout(widths, header, header_height, lines, heights)

    def wrap(self, avail_width, avail_height):
        if self.layout is None:
            self.layout = self._measure(min(avail_width, self.fixed_width or avail_width))
        self.width = sum(self.layout.widths)
        self.height = self.layout.header_height + sum(self.layout.heights[self.first : self.last])
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        room = avail_height - self.layout.header_height
        end = self.first
        while end < self.last and self.layout.heights[end] <= room:
            room -= self.layout.heights[end]
            end += 1
        if end == self.first:
            return []
        return [self._piece(self.first, end), self._piece(end, self.last)]

    def _piece(self, first: int, last: int) -> ZebraTable:
        return ZebraTable(
            self.columns,
            self.rows,
            self.size,
            self.leading,
            first=first,
            last=last,
            layout=self.layout,
            width=self.fixed_width,
            total_row=self.total_row,
        )

    # ------------------------------------------------------------ drawing

    def _draw_cells(self, text, cells: list[list[str]], top: float, fonts: list[str]) -> None:
        """Add one row's cells to `text` (one text object per page keeps long lists quick)."""
        x = 0.0
        baseline = top - self.pad - self.size * 0.95
        for column, width, lines, font in zip(
            self.columns, self.layout.widths, cells, fonts, strict=True
        ):
            if font != text._fontname:
                text.setFont(font, self.size, self.leading)
            for i, line in enumerate(lines):
                left = x + self.gutter / 2
                if column.align == "right":
                    left = x + width - self.gutter / 2 - text_width(line, font, self.size)
                text.setTextOrigin(left, baseline - i * self.leading)
                text.textOut(line)
            x += width

    def _rows(self) -> list[tuple[int, float, bool]]:
        """(index, top, is the total) for each row on this piece, top to bottom."""
        top, placed = self.height - self.layout.header_height, []
        for index in range(self.first, self.last):
            placed.append((index, top, self.total_row and index == len(self.rows) - 1))
            top -= self.layout.heights[index]
        return placed

    def draw(self):
        canvas, layout = self.canv, self.layout
        rows = self._rows()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, self.height - layout.header_height, self.width, layout.header_height, 0, 1)
        canvas.setFillColor(ZEBRA_FILL)
        for index, top, total in rows:
            if index % 2 and not total:
                canvas.rect(0, top - layout.heights[index], self.width, layout.heights[index], 0, 1)
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(RULE)
        rule = self.height - layout.header_height
        canvas.line(0, rule, self.width, rule)
        canvas.line(0, 0, self.width, 0)
        text = canvas.beginText()
        text.setFillColor(INK)
        text.setFont(BOLD, self.size, self.leading)
        self._draw_cells(text, layout.header, self.height, [BOLD] * len(self.columns))
        fonts = [BOLD if c.bold else REGULAR for c in self.columns]
        for index, top, total in rows:
            if total:
                canvas.setStrokeColor(INK)
                canvas.setLineWidth(0.8)
                canvas.line(0, top, self.width, top)
            self._draw_cells(
                text, layout.lines[index], top, [BOLD] * len(fonts) if total else fonts
            )
        canvas.drawText(text)
