"""The fonts every document uses: Noto Sans, shipped in resources/fonts.

ReportLab's built-in Helvetica has no ŵ or ŷ, so a Welsh name or address would print with gaps.
Noto Sans covers £, € and the Welsh letters, and is embedded (subset) in each PDF so it prints
the same on any computer.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from grassroots.settings import resources_dir

REGULAR = "GrassrootsSans"
BOLD = "GrassrootsSans-Bold"
ITALIC = "GrassrootsSans-Italic"
BOLD_ITALIC = "GrassrootsSans-BoldItalic"
# The scissors on a tear-off slip come from the standard Zapf Dingbats font (character "\x22").
DINGBATS = "ZapfDingbats"

_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular font's name."""
    folder = resources_dir() / "fonts" / "noto-sans"
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FileNotFoundError(
                f"The font file {path} is missing; reinstall Grassroots to restore it."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, name in (
        (0, 0, REGULAR),
        (1, 0, BOLD),
        (0, 1, ITALIC),
        (1, 1, BOLD_ITALIC),
    ):
        addMapping(REGULAR, bold, italic, name)
    return REGULAR


def text_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
