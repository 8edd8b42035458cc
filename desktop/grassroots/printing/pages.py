"""Page plumbing shared by every document: A4, margins, "Page X of Y" and building the PDF.

"Page X of Y" needs Y before any page is written, so the canvas keeps each finished page and
draws the footers once the last page is known. Pages can be grouped into sections (one per
letter in a batch of reminders) so each letter is numbered on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer

from grassroots.printing.letterhead import Letterhead, draw_footer, draw_letterhead
from grassroots.printing.styles import MARGIN, sheet

# Draws the footer of one page: (canvas, page within its section, pages in that section).
Footer = Callable[[Canvas, int, int], None]


def numbered_canvas(footer: Footer) -> type[Canvas]:
    """A canvas class that holds pages back until the end so `footer` can say 'of Y'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.section = 0
            self._held: list[dict] = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            totals = Counter(state["section"] for state in self._held)
            seen: Counter = Counter()
            for state in self._held:
                self.__dict__.update(state)
                seen[self.section] += 1
                footer(self, seen[self.section], totals[self.section])
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class SectionStart(Flowable):
    """Marks the page it lands on as the first of a new section (a new letter)."""

    def __init__(self, number: int):
        super().__init__()
        self.number = number

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv.section = self.number


def build(
    out: Path,
    templates: Sequence[PageTemplate],
    story: list[Flowable],
    footer: Footer,
    title: str,
    author: str,
    pagesize: tuple[float, float] = A4,
) -> Path:
    """Lay `story` out over `templates` and write the PDF to `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(out),
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        title=title,
        author=author,
        creator="Grassroots",
        pageTemplates=list(templates),
    )
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return out


def build_notice(out: Path, head: Letterhead, title: str, message: str) -> Path:
    """A one-page PDF saying there is nothing to print, so the file asked for always exists
    and says why it is empty rather than leaving the user with a stale or missing file."""
    width, height = A4
    styles = sheet()

    def first(canvas: Canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    frame = Frame(MARGIN, 20 * mm, width - 2 * MARGIN, height - 60 * mm, 0, 0, 0, 0)
    story = [
        Spacer(1, 12),
        Paragraph(title, styles.title),
        Paragraph(message, styles.body),
    ]
    return build(
        out,
        [PageTemplate("notice", [frame], onPage=first)],
        story,
        lambda c, p, n: draw_footer(c, head, p, n, width),
        title,
        head.name,
    )
