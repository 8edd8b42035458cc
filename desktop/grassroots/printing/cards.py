"""Membership cards: credit-card size (85.6 x 54 mm), ten to an A4 sheet, with crop marks.

The cards touch edge to edge so a guillotine or a craft knife needs only straight cuts along the
marks; nothing is printed within 4 mm of an edge, so a slightly off cut spoils nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from grassroots.core.dates import format_date
from grassroots.printing.fonts import BOLD, REGULAR, register_fonts, text_width
from grassroots.printing.letterhead import Letterhead, draw_logo
from grassroots.printing.styles import ACCENT, CROP, INK, MUTED, RULE

CARD_W, CARD_H = 85.6 * mm, 53.98 * mm
COLUMNS, ROWS = 2, 5
LEFT = (A4[0] - COLUMNS * CARD_W) / 2
BOTTOM = (A4[1] - ROWS * CARD_H) / 2
INSET = 4.5 * mm


@dataclass(frozen=True)
class Card:
    name: str
    number: int
    type_name: str
    valid_until: date | None  # None: life or honorary membership
    member_since: date | None = None

    @property
    def validity(self) -> str:
        return format_date(self.valid_until) if self.valid_until else "Life"


def _fit(text: str, font: str, size: float, room: float, smallest: float) -> float:
    while size > smallest and text_width(text, font, size) > room:
        size -= 0.5
    return size


def _crop_marks(canvas: Canvas) -> None:
    """Short hairlines in the margins along every cut, kept clear of the cards themselves."""
    gap, length = 2 * mm, 6 * mm
    top, right = BOTTOM + ROWS * CARD_H, LEFT + COLUMNS * CARD_W
    canvas.setStrokeColor(CROP)
    canvas.setLineWidth(0.3)
    for i in range(COLUMNS + 1):
        x = LEFT + i * CARD_W
        canvas.line(x, top + gap, x, top + gap + length)
        canvas.line(x, BOTTOM - gap, x, BOTTOM - gap - length)
    for j in range(ROWS + 1):
        y = BOTTOM + j * CARD_H
        canvas.line(LEFT - gap, y, LEFT - gap - length, y)
        canvas.line(right + gap, y, right + gap + length, y)


def _field(canvas: Canvas, x: float, y: float, caption: str, value: str, room: float) -> None:
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 6.5)
    canvas.drawString(x, y + 10, caption.upper())
    size = _fit(value, BOLD, 9.5, room, 6.5)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, size)
    canvas.drawString(x, y, value)


def _draw_card(
    canvas: Canvas, card: Card, head: Letterhead, logo: ImageReader | None, x: float, y: float
) -> None:
    left, right, top = x + INSET, x + CARD_W - INSET, y + CARD_H - INSET
    room = right - left
    logo_w = draw_logo(canvas, logo, left, top, 9 * mm)
    name_x = left + (logo_w + 2.5 * mm if logo_w else 0)
    size = _fit(head.name, BOLD, 10, right - name_x, 7)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, size)
    canvas.drawString(name_x, top - 10, head.name)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 6.5)
    canvas.drawString(name_x, top - 20, "MEMBERSHIP CARD")
    rule_y = top - 11.5 * mm
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(left, rule_y, right, rule_y)
    size = _fit(card.name, BOLD, 14, room, 8)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, size)
    canvas.drawString(left, rule_y - 7.5 * mm, card.name)
    if card.member_since:
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(left, rule_y - 12 * mm, f"Member since {card.member_since.year}")
    base = y + INSET + 1 * mm
    third = room / 3
    _field(canvas, left, base, "Number", str(card.number), third - 2 * mm)
    _field(canvas, left + third, base, "Type", card.type_name, third - 2 * mm)
    _field(canvas, left + 2 * third, base, "Valid until", card.validity, third)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(left, base + 19, right, base + 19)


def build_cards(cards: list[Card], head: Letterhead, out: Path) -> int:
    """Write the cards to `out`, ten to a sheet; returns the number of sheets."""
    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setTitle(f"Membership cards: {head.name}")
    canvas.setAuthor(head.name)
    canvas.setCreator("Grassroots")
    logo = head.logo()
    per_sheet = COLUMNS * ROWS
    sheets = max(1, -(-len(cards) // per_sheet))
    for sheet in range(sheets):
        _crop_marks(canvas)
        for slot, card in enumerate(cards[sheet * per_sheet : (sheet + 1) * per_sheet]):
            row, column = divmod(slot, COLUMNS)
            x = LEFT + column * CARD_W
            y = BOTTOM + (ROWS - 1 - row) * CARD_H
            _draw_card(canvas, card, head, logo, x, y)
        canvas.showPage()
    canvas.save()
    return sheets
