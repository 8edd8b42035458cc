"""The group's letterhead, drawn the same way on every document.

Two forms: the full letterhead at the top of a letter or the first page of a pack (logo, name,
address, contact details, charity number), and a slim running header for the pages of a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from grassroots.printing.fonts import BOLD, REGULAR, text_width
from grassroots.printing.styles import ACCENT, INK, MARGIN, MUTED, RULE


@dataclass(frozen=True)
class Letterhead:
    """Who the paper is from; made from the group's settings by the caller."""

    name: str
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    website: str = ""
    charity_number: str = ""
    logo_png: bytes | None = None

    @property
    def charity_line(self) -> str:
        return f"Registered charity no. {self.charity_number}" if self.charity_number else ""

    @property
    def contact_line(self) -> str:
        return "  ·  ".join(p for p in (self.phone, self.email, self.website) if p)

    def logo(self) -> ImageReader | None:
        """The logo as an image, or None when there is none or it cannot be read (a damaged
        logo should never stop a letter being printed)."""
        if not self.logo_png:
            return None
        try:
            reader = ImageReader(BytesIO(self.logo_png))
            reader.getSize()
        except Exception:
            return None
        return reader


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten `text` with an ellipsis so it fits `width` (a long name never runs off a page)."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_logo(
    canvas: Canvas, logo: ImageReader | None, x: float, top: float, height: float
) -> float:
    """Draw the logo with its top-left at (x, top), `height` tall at most; returns its width."""
    if logo is None:
        return 0.0
    w, h = logo.getSize()
    scale = min(height / h, (height * 2.2) / w)
    canvas.drawImage(logo, x, top - h * scale, w * scale, h * scale, mask="auto")
    return w * scale


def draw_letterhead(
    canvas: Canvas, head: Letterhead, width: float, height: float, margin: float = MARGIN
) -> float:
    """The full letterhead across the top of the page; returns the y just below it."""
    top = height - 12 * mm
    logo_w = draw_logo(canvas, head.logo(), margin, top, 18 * mm)
    x = margin + (logo_w + 5 * mm if logo_w else 0)
    room = width - margin - x
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 17)
    canvas.drawString(x, top - 15, _fit(head.name, BOLD, 17, room))
    y = top - 15
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    lines = [", ".join(head.address_lines), head.contact_line, head.charity_line]
    for line in filter(None, lines):
        y -= 11.5
        canvas.drawString(x, y, _fit(line, REGULAR, 8.5, room))
    bottom = min(y, top - 18 * mm) - 3 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(margin, bottom, width - margin, bottom)
    return bottom


def draw_running_header(
    canvas: Canvas,
    head: Letterhead,
    title: str,
    detail: str,
    width: float,
    height: float,
    margin: float = MARGIN,
) -> None:
    """The slim header on each page of a list: logo and name left, title and detail right."""
    top = height - 12 * mm
    logo_w = draw_logo(canvas, head.logo(), margin, top + 1, 9 * mm)
    x = margin + (logo_w + 3 * mm if logo_w else 0)
    right = width - margin
    canvas.setFont(BOLD, 12)
    title_w = text_width(title, BOLD, 12)
    canvas.setFillColor(ACCENT)
    canvas.drawString(x, top - 11, _fit(head.name, BOLD, 12, right - x - title_w - 12 * mm))
    canvas.setFillColor(INK)
    canvas.drawRightString(right, top - 11, title)
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, top - 23, detail)
    if head.address_lines:
        canvas.drawString(x, top - 23, _fit(", ".join(head.address_lines), REGULAR, 8.5, 110 * mm))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(margin, top - 29, right, top - 29)


def draw_footer(
    canvas: Canvas,
    head: Letterhead,
    page: int,
    pages: int,
    width: float,
    note: str = "",
    margin: float = MARGIN,
    y: float = 9 * mm,
) -> None:
    """Charity number (or a note) on the left, 'Page X of Y' on the right."""
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    left = "   ·   ".join(p for p in (head.charity_line, note) if p)
    if left:
        canvas.drawString(margin, y, left)
    canvas.drawRightString(width - margin, y, f"Page {page} of {pages}")
