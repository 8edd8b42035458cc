"""The tear-off return slip at the foot of a renewal letter, with a Gift Aid declaration.

The slip always sits at the bottom of a page, so it can be cut off along the dashed line
without cutting through the letter. If the letter leaves too little room (large print, a long
payment note), the slip moves to the foot of the next page.

The declaration follows HMRC's model wording: it names the charity, covers past and future
gifts, and has the donor confirm they understand they must pay enough tax to cover the claim.
It carries the member's name and home address, which a declaration must have.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from grassroots.printing.fonts import BOLD, REGULAR, text_width
from grassroots.printing.styles import CROP, INK, MUTED, RULE, ZEBRA_FILL, Sheet


@dataclass(frozen=True)
class SlipDetails:
    group_name: str
    name: str
    address_lines: tuple[str, ...]
    number: int
    amount_due: str
    methods: tuple[str, ...]
    gift_aid: bool


def gift_aid_wording(group_name: str) -> str:
    return (
        f"I want to Gift Aid my membership subscription and any donations I make in the future "
        f"or have made in the past 4 years to {group_name}. I am a UK taxpayer and understand "
        "that if I pay less Income Tax and/or Capital Gains Tax than the amount of Gift Aid "
        "claimed on all my donations in that tax year it is my responsibility to pay any "
        "difference."
    )


GIFT_AID_HEADING = "Gift Aid: add 25p to every £1 you give, at no extra cost to you"
GIFT_AID_NOTE = (
    "Please tell us if you want to cancel this declaration, change your name or home address, "
    "or no longer pay enough tax on your income and/or capital gains."
)


def _ellipsis(text: str, font: str, size: float, room: float) -> str:
    if text_width(text, font, size) <= room:
        return text
    while text and text_width(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip(" ,") + "…"


def draw_scissors(canvas: Canvas, x: float, y: float, size: float) -> None:
    """A small pair of open scissors pointing right along the cut line, drawn as lines so it
    needs no symbol font (which a printer may not have)."""
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(size * 0.09)
    r = size * 0.2
    canvas.circle(x + r, y + size * 0.3, r, 1, 0)
    canvas.circle(x + r, y - size * 0.3, r, 1, 0)
    pivot = (x + size * 0.62, y)
    canvas.line(x + r * 1.7, y + size * 0.18, x + size * 1.15, y - size * 0.12)
    canvas.line(x + r * 1.7, y - size * 0.18, x + size * 1.15, y + size * 0.12)
    canvas.circle(*pivot, size * 0.04, 1, 1)
    canvas.restoreState()


class ReturnSlip(Flowable):
    """Fills the rest of the frame and draws the slip at its foot."""

    def __init__(self, details: SlipDetails, styles: Sheet, page_width: float, margin: float):
        super().__init__()
        self.details, self.styles = details, styles
        self.page_width, self.margin = page_width, margin
        self.size = styles.body_size * (1.0 if styles.large else 0.9)
        self.line = self.size * 1.5
        self.stacked = styles.large  # large print: one column, so nothing is cramped

    # ------------------------------------------------------------ measuring

    def _paragraphs(self, width: float) -> list[Paragraph]:
        base = self.styles.small
        body = base.clone(
            "slip", fontSize=self.size * 0.92, leading=self.size * 1.22, textColor=INK
        )
        head = body.clone("slip_head", fontName=BOLD, fontSize=self.size, leading=self.size * 1.25)
        note = body.clone(
            "slip_note", textColor=MUTED, fontSize=self.size * 0.8, leading=self.size * 1.05
        )
        texts = (
            (GIFT_AID_HEADING, head),
            (gift_aid_wording(self.details.group_name), body),
            (GIFT_AID_NOTE, note),
        )
        paragraphs = [Paragraph(escape(text), style) for text, style in texts]
        for paragraph in paragraphs:
            paragraph.wrap(width, 1000)
        return paragraphs

    def _text_x(self) -> float:
        return 4 * mm + self.size * 1.05 + 0.6 * self.size

    def _gift_aid_height(self, width: float) -> float:
        if not self.details.gift_aid:
            return 0.0
        heading, declaration, note = self._paragraphs(width - self._text_x() - 4 * mm)
        return 8 * mm + heading.height + declaration.height + note.height + self.line * 2.4

    def _method_rows(self) -> int:
        return 2 + (len(self.details.methods) + 1) // 2

    def _body_rows(self) -> int:
        if self.stacked:
            return 4 + 0.5 + self._method_rows()
        return max(4, self._method_rows())

    def _needed(self, width: float) -> float:
        return 13 * mm + self.line * (self._body_rows() + 1.6) + self._gift_aid_height(width)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.slip_height = self._needed(avail_width)
        self.height = max(self.slip_height, avail_height)
        return self.width, self.height

    # ------------------------------------------------------------ drawing

    def draw(self):
        canvas = self.canv
        y = self.slip_height - 3 * mm
        self._cut_line(canvas, y)
        y -= 8 * mm
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, self.size * 1.15)
        canvas.drawString(0, y, "Membership renewal")
        canvas.setFont(REGULAR, self.size * 0.9)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.width, y, self.details.group_name)
        y -= self.line * 1.4
        if self.stacked:
            self._fields(canvas, y, self.width)
            self._methods(canvas, 0, y - self.line * 4.5)
        else:
            self._fields(canvas, y, self.width * 0.56)
            self._methods(canvas, self.width * 0.6, y)
        y -= self.line * (self._body_rows() + 0.2)
        if self.details.gift_aid:
            self._gift_aid(canvas, y + self.size)

    def _cut_line(self, canvas: Canvas, y: float) -> None:
        left, right = -self.margin + 9 * mm, self.page_width - self.margin - 9 * mm
        draw_scissors(canvas, left, y, 4.2 * mm)
        canvas.setStrokeColor(CROP)
        canvas.setLineWidth(0.7)
        canvas.setDash(4, 3)
        canvas.line(left + 6.5 * mm, y, right, y)
        canvas.setDash()
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawRightString(
            self.width, y + 3, "Please cut along the line and return this slip with your payment"
        )

    def _address(self, room: float) -> str:
        """As much of the address as fits, never losing the house and the postcode, which are
        what a Gift Aid declaration needs."""
        lines = self.details.address_lines
        full = ", ".join(lines)
        if text_width(full, BOLD, self.size) <= room or len(lines) < 2:
            return _ellipsis(full, BOLD, self.size, room)
        tail = f", {lines[-1]}"
        first = _ellipsis(lines[0], BOLD, self.size, room - text_width(tail, BOLD, self.size))
        return first + tail

    def _fields(self, canvas: Canvas, y: float, width: float) -> None:
        d = self.details
        label_w = text_width("Membership no.", REGULAR, self.size) + 3 * mm
        room = width - label_w
        rows = (
            ("Name", _ellipsis(d.name, BOLD, self.size, room)),
            ("Address", self._address(room)),
            ("Membership no.", str(d.number)),
            ("Amount due", d.amount_due),
        )
        for label, value in rows:
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, self.size)
            canvas.drawString(0, y, label)
            canvas.setFillColor(INK)
            canvas.setFont(BOLD, self.size)
            if value:
                canvas.drawString(label_w, y, value)
            else:  # nothing on record: a line to write it on
                canvas.setStrokeColor(MUTED)
                canvas.setLineWidth(0.5)
                canvas.line(label_w, y - 2, label_w + room * 0.9, y - 2)
            y -= self.line

    def _box(self, canvas: Canvas, x: float, y: float) -> float:
        side = self.size * 1.05
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.rect(x, y - side * 0.18, side, side, 1, 0)
        return side

    def _methods(self, canvas: Canvas, x0: float, y: float) -> None:
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, self.size)
        canvas.drawString(x0, y, "I am paying by")
        methods = self.details.methods
        half = (len(methods) + 1) // 2
        col_w = (self.width - x0) / 2
        canvas.setFont(REGULAR, self.size)
        for i, method in enumerate(methods):
            column, row = divmod(i, half)
            x, yy = x0 + column * col_w, y - self.line * (row + 1)
            side = self._box(canvas, x, yy)
            canvas.setFillColor(INK)
            canvas.drawString(x + side + 2 * mm, yy, method)
        yy = y - self.line * (half + 1)
        label = "Amount enclosed  £"
        canvas.drawString(x0, yy, label)
        start = x0 + text_width(label, REGULAR, self.size) + 1 * mm
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.5)
        canvas.line(start, yy - 2, min(self.width, start + 45 * mm), yy - 2)

    def _gift_aid(self, canvas: Canvas, top: float) -> None:
        box_h = self._gift_aid_height(self.width) - 3 * mm
        canvas.setFillColor(ZEBRA_FILL)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.roundRect(0, top - box_h, self.width, box_h, 2 * mm, 1, 1)
        text_x = self._text_x()
        heading, declaration, note = self._paragraphs(self.width - text_x - 4 * mm)
        y = top - 4 * mm
        self._box(canvas, 4 * mm, y - self.size * 0.95)
        heading.drawOn(canvas, text_x, y - heading.height)
        y -= heading.height + self.size * 0.3
        declaration.drawOn(canvas, text_x, y - declaration.height)
        y -= declaration.height + self.line * 1.3
        self._signature_line(canvas, text_x, y)
        y -= self.line * 0.55
        note.drawOn(canvas, text_x, y - note.height)

    def _signature_line(self, canvas: Canvas, x: float, y: float) -> None:
        right = self.width - 4 * mm
        split = x + (right - x) * 0.64
        canvas.setFont(REGULAR, self.size)
        canvas.setFillColor(INK)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.5)
        for label, start, end in (("Signature", x, split - 6 * mm), ("Date", split, right)):
            canvas.drawString(start, y, label)
            canvas.line(start + text_width(label + " ", REGULAR, self.size), y - 2, end, y - 2)
