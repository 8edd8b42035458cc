"""A Gift Aid declaration form: HMRC's model wording on the group's letterhead.

HMRC accepts a declaration only if it names the charity, gives the donor's full name and home
address (house name or number and postcode), says which donations it covers and has the donor
confirm they understand they must pay enough tax to cover the claim. The form follows HMRC's
model declaration for several donations (the past four years and the future), so nothing a
claim rests on is left out. It comes filled in with a person's name and address when one is
given, or blank, one form a page, for a stack to hand out at the door.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer

from grassroots.printing.fonts import BOLD, REGULAR, text_width
from grassroots.printing.letterhead import Letterhead, draw_footer, draw_letterhead
from grassroots.printing.pages import SectionStart, build
from grassroots.printing.styles import ACCENT, INK, MARGIN, MUTED, RULE, ZEBRA_FILL, sheet

TITLE = "Gift Aid declaration"
LEAD = "Boost your donation by 25p of Gift Aid for every £1 you donate"
EXPLAIN = (
    "Gift Aid is reclaimed by the charity from the tax you pay for the current tax year. Your "
    "address is needed to identify you as a current UK taxpayer."
)
INSTRUCTION = "In order to Gift Aid your donation you must tick the box below:"
NOTIFY = (
    "Please notify {charity} if you want to cancel this declaration, change your name or home "
    "address, or no longer pay sufficient tax on your income and/or capital gains."
)
HIGHER_RATE = (
    "If you pay Income Tax at the higher or additional rate and want to receive the additional "
    "tax relief due to you, you must include all your Gift Aid donations on your Self "
    "Assessment tax return or ask HM Revenue and Customs to adjust your tax code."
)


def declaration_wording(charity: str) -> str:
    """HMRC's model wording for a declaration covering past and future donations."""
    return (
        f"I want to Gift Aid my donation and any donations I make in the future or have made "
        f"in the past 4 years to {charity}. I am a UK taxpayer and understand that if I pay "
        "less Income Tax and/or Capital Gains Tax than the amount of Gift Aid claimed on all my "
        "donations in that tax year it is my responsibility to pay any difference."
    )


@dataclass(frozen=True)
class Donor:
    """What the form is filled in with; empty strings leave a line to write on."""

    title: str = ""
    first_name: str = ""
    last_name: str = ""
    address_lines: tuple[str, ...] = ()
    postcode: str = ""


@dataclass(frozen=True)
class DeclarationForm:
    letterhead: Letterhead
    donor: Donor | None = None  # None: blank forms
    copies: int = 1

    @property
    def charity(self) -> str:
        return self.letterhead.name


class TickBox(Flowable):
    """The box the donor ticks, beside the declaration's wording."""

    def __init__(self, text: Paragraph, size: float):
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.pad = 4 * mm
        self.text_x = self.pad + self.size * 1.6 + 3 * mm
        _w, h = self.text.wrap(avail_width - self.text_x - self.pad, avail_height)
        self.height = h + 2 * self.pad
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setFillColor(ZEBRA_FILL)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.roundRect(0, 0, self.width, self.height, 2 * mm, 1, 1)
        side = self.size * 1.6
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1)
        canvas.rect(self.pad, self.height - self.pad - side, side, side, 1, 0)
        self.text.drawOn(canvas, self.text_x, self.pad)


class DetailLines(Flowable):
    """The donor's details: each label with what is known, or a line to write on."""

    def __init__(self, rows: list[tuple[str, str]], size: float):
        super().__init__()
        self.rows, self.size = rows, size
        self.line = size * 2.6

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.line * len(self.rows)
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        label_w = max(text_width(label, REGULAR, self.size) for label, _ in self.rows) + 4 * mm
        y = self.height - self.line + self.size * 0.6
        for label, value in self.rows:
            canvas.setFont(REGULAR, self.size)
            canvas.setFillColor(MUTED)
            canvas.drawString(0, y, label)
            canvas.setStrokeColor(MUTED)
            canvas.setLineWidth(0.5)
            canvas.line(label_w, y - 3, self.width, y - 3)
            if value:
                canvas.setFont(BOLD, self.size)
                canvas.setFillColor(INK)
                canvas.drawString(label_w + 1 * mm, y, _fit(value, self.size, self.width - label_w))
            y -= self.line


def _fit(text: str, size: float, room: float) -> str:
    while text and text_width(text, BOLD, size) > room - 2 * mm:
        text = text[:-1]
    return text


def _rows(donor: Donor | None) -> list[tuple[str, str]]:
    d = donor or Donor()
    address = list(d.address_lines) + [""] * max(0, 3 - len(d.address_lines))
    return [
        ("Title", d.title),
        ("First name or initial", d.first_name),
        ("Surname", d.last_name),
        ("Full home address", address[0]),
        ("", address[1]),
        ("", ", ".join(address[2:])),
        ("Postcode", d.postcode),
        ("Signature", ""),
        ("Date", ""),
    ]


def _one_form(form: DeclarationForm) -> list[Flowable]:
    styles = sheet()
    size = styles.body_size
    lead = styles.heading.clone("lead", textColor=ACCENT, spaceBefore=0)
    wording = Paragraph(
        f"<b>{escape(declaration_wording(form.charity))}</b>",
        styles.body.clone("wording", spaceAfter=0),
    )
    return [
        Paragraph(TITLE, styles.title),
        Paragraph(escape(LEAD), lead),
        Paragraph(escape(EXPLAIN), styles.body),
        Paragraph(escape(INSTRUCTION), styles.subheading),
        Spacer(1, 2 * mm),
        TickBox(wording, size),
        Spacer(1, 6 * mm),
        Paragraph("My details", styles.subheading),
        DetailLines(_rows(form.donor), size),
        Spacer(1, 4 * mm),
        Paragraph(escape(NOTIFY.format(charity=form.charity)), styles.small),
        Paragraph(escape(HIGHER_RATE), styles.small),
    ]


def build_declaration_form(form: DeclarationForm, out: Path) -> Path:
    """The form(s) as a PDF: one filled-in form, or `copies` blank ones, one a page."""
    width, height = A4
    head = form.letterhead
    top_gap = 40 * mm

    def page(canvas: Canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    frame = Frame(MARGIN, 18 * mm, width - 2 * MARGIN, height - top_gap - 18 * mm, 0, 0, 0, 0)
    copies = 1 if form.donor is not None else max(1, form.copies)
    story: list[Flowable] = []
    for number in range(copies):
        if number:
            story.append(PageBreak())
        story += [SectionStart(number), *_one_form(form)]  # each form is "Page 1 of 1"
    note = "Keep this declaration: HMRC may ask to see it for six years after a claim"
    return build(
        out,
        [PageTemplate("declaration", [frame], onPage=page)],
        story,
        lambda c, p, n: draw_footer(c, head, p, n, width, note=note),
        TITLE,
        head.name,
    )
