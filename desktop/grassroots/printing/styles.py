"""One style sheet for every document: a calm palette, sizes for standard and large print.

Large print follows the RNIB's clear print guidance: at least 16 point body text, left aligned,
no italics for running text, generous spacing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from grassroots.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1F2933")  # near-black text: softer than pure black, still crisp
MUTED = colors.HexColor("#5F6B76")  # secondary text: dates, captions, footers
ACCENT = colors.HexColor("#1D5C63")  # a deep teal for the group name and headings
RULE = colors.HexColor("#C9D1D6")  # hairlines and borders
HEADER_FILL = colors.HexColor("#E3ECEE")  # table header shading
ZEBRA_FILL = colors.HexColor("#F4F7F8")  # every other table row
CROP = colors.HexColor("#9AA5AE")  # crop marks and cut lines

MARGIN = 18 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 16 * mm


@dataclass(frozen=True)
class Sheet:
    """Paragraph styles and sizes for one print size."""

    large: bool
    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    title: ParagraphStyle
    note: ParagraphStyle
    table_size: float
    table_leading: float

    @property
    def body_size(self) -> float:
        return self.body.fontSize


@cache
def sheet(large: bool = False) -> Sheet:
    """The styles for standard print, or large print (16 point body) when `large`."""
    register_fonts()
    size = 16.0 if large else 10.5
    leading = size * 1.4
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=size,
        leading=leading,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=size * 0.7,
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=size * 0.85, leading=size * 1.15, spaceAfter=2
    )
    return Sheet(
        large=large,
        body=body,
        small=small,
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=size * 1.25,
            leading=size * 1.6,
            textColor=ACCENT,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.3,
        ),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=BOLD, spaceBefore=size * 0.4, spaceAfter=2
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=BOLD,
            fontSize=size * 1.7,
            leading=size * 2.1,
            textColor=INK,
            spaceAfter=size * 0.5,
        ),
        note=ParagraphStyle(
            "note",
            parent=small,
            textColor=MUTED,
            # Italics are harder to read in large print, so the note stays upright there.
            fontName=REGULAR if large else ITALIC,
        ),
        table_size=16.0 if large else 8.5,
        table_leading=(16.0 if large else 8.5) * 1.3,
    )
