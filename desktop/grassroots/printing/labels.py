"""Address labels on A4 sheets of 21 (Avery L7160 / J8160 and their many equivalents).

`start_position` lets a volunteer use up a part-used sheet: labels already peeled off are
skipped, counting across then down from 1 at the top left.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from grassroots.printing.fonts import BOLD, REGULAR, register_fonts, text_width
from grassroots.printing.styles import INK


@dataclass(frozen=True)
class Label:
    """One address: the name first, then the address lines (postcode last)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class LabelSheet:
    """The geometry of a sheet of labels, as the maker publishes it (millimetres)."""

    name: str
    columns: int
    rows: int
    width: float
    height: float
    top: float
    left: float
    across: float  # from one label's left edge to the next one's
    down: float  # from one label's top edge to the next one's

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Bottom-left corner (points) of label `slot` (0-based, across then down)."""
        row, column = divmod(slot, self.columns)
        x = (self.left + column * self.across) * mm
        y = A4[1] - (self.top + row * self.down + self.height) * mm
        return x, y


L7160 = LabelSheet("Avery L7160 / J8160", 3, 7, 63.5, 38.1, 15.15, 7.25, 66.04, 38.1)

PADDING = 5 * mm
LARGEST, SMALLEST = 11.0, 7.0
MAX_LINES = 6
READABLE = 9.0  # a name is broken over two lines only if that keeps the type this size


def _size_for(lines: int, room_h: float) -> float:
    """The largest type size (11pt down to 7pt) at which `lines` lines fit the label's height;
    every label with as many lines gets the same size, so a sheet looks even."""
    size = LARGEST
    while size > SMALLEST and lines * size * 1.25 > room_h:
        size -= 0.5
    return size


def _fitted(line: str, font: str, size: float, room: float) -> tuple[str, float]:
    """Shrink one over-long line (down to 7pt), then shorten it if it still does not fit."""
    while size > SMALLEST and text_width(line, font, size) > room:
        size -= 0.5
    while line and text_width(line, font, size) > room:
        line = line[:-1]
    return line, size


def _name_on_two_lines(lines: tuple[str, ...], room_w: float, room_h: float) -> tuple[str, ...]:
    """Break a name too long for one line ('Mrs M Thompson & Revd P Thompson', 'The
    Okonkwo-Fairweather household') over two, after the '&' if it has one, rather than print
    it in tiny type; only while the extra line leaves every line at a readable size."""
    name = lines[0]
    if text_width(name, BOLD, _size_for(len(lines), room_h) - 1) <= room_w:
        return lines  # a point smaller on one line reads better than broken in two
    size = _size_for(len(lines) + 1, room_h)
    if size < READABLE:
        return lines
    words = name.split(" ")
    cuts = [i for i in range(1, len(words)) if words[i - 1] == "&"] or range(len(words) - 1, 0, -1)
    for cut in cuts:
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if max(text_width(first, BOLD, size), text_width(second, BOLD, size)) <= room_w:
            return (first, second, *lines[1:])
    return lines


def _draw_label(canvas: Canvas, label: Label, x: float, y: float, sheet: LabelSheet) -> None:
    room_w = sheet.width * mm - 2 * PADDING
    room_h = sheet.height * mm - 6 * mm
    lines = tuple(label.lines[:MAX_LINES])
    lines = _name_on_two_lines(lines, room_w, room_h) if lines else lines
    named = len(lines) - len(label.lines[:MAX_LINES]) + 1  # lines the name takes, in bold
    size = _size_for(len(lines), room_h)
    leading = size * 1.25
    block = leading * (len(lines) - 1) + size
    baseline = y + (sheet.height * mm + block) / 2 - size * 0.8
    canvas.setFillColor(INK)
    for i, line in enumerate(lines):
        font = BOLD if i < named else REGULAR
        text, fitted = _fitted(line, font, size, room_w)
        canvas.setFont(font, fitted)
        canvas.drawString(x + PADDING, baseline - i * leading, text)


def build_labels(
    labels: list[Label], out: Path, start_position: int = 1, sheet: LabelSheet = L7160
) -> int:
    """Write the labels to `out`; returns the number of sheets used."""
    if not 1 <= start_position <= sheet.per_sheet:
        raise ValueError(f"The first label must be between 1 and {sheet.per_sheet}")
    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setTitle(f"Address labels ({sheet.name})")
    canvas.setCreator("Grassroots")
    slot, sheets = start_position - 1, 1
    for label in labels:
        if slot == sheet.per_sheet:
            canvas.showPage()
            slot, sheets = 0, sheets + 1
        _draw_label(canvas, label, *sheet.origin(slot), sheet)
        slot += 1
    canvas.showPage()
    canvas.save()
    return sheets
