"""The month view: whole weeks, each day listing its bookings briefly ('19:00 Pilates') with
'+3 more' when they do not fit. Double-click or Enter on a day opens it in the day view."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from grassroots.bookings.records import Occurrence
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.ui.bookings.calendar_grid import COMMAND_KEYS, GRID_LINE, TODAY_FILL, tint
from grassroots.ui.bookings.calendar_layout import label
from grassroots.ui.theme import COLOURS

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def line(o: Occurrence) -> str:
    """'19:00 Pilates', with a provisional booking said so."""
    text = f"{format_time(o.starts_at)} {label(o)}"
    return text + (" (provisional)" if o.status == "provisional" else "")


class MonthGrid(QWidget):
    open_day = Signal(object)  # date
    activated = Signal(object)  # Occurrence
    selection_changed = Signal(str)
    edge = Signal(int)
    command = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = date.today()
        self.month = date.today().month
        self.weeks = 5
        self.by_day: dict[date, list[Occurrence]] = {}
        self.colours: dict[int, QColor] = {}
        self.selected = date.today()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Month of bookings")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_month(
        self,
        first: date,
        last: date,
        month: int,
        occurrences: list[Occurrence],
        colours: dict[int, QColor],
        selected: date,
    ) -> None:
        self.first, self.month = first, month
        self.weeks = ((last - first).days + 1) // 7
        self.by_day = {}
        for o in occurrences:
            self.by_day.setdefault(o.on, []).append(o)
        self.colours = colours
        self.select_day(selected)

    def select_day(self, day: date) -> None:
        self.selected = day
        items = self.by_day.get(day, [])
        count = "no bookings" if not items else f"{len(items)} booked"
        summary = f"{day:%A} {format_date(day)}: {count}"
        text = summary
        if items:
            text += ". " + "; ".join(line(o) + f", {o.room}" for o in items)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.selection_changed.emit(summary + (" (Enter shows the day)" if items else ""))
        self.update()

    def header_height(self) -> int:
        return int(self.fontMetrics().height() * 1.8)

    def cell(self, day: date) -> QRectF:
        index = (day - self.first).days
        w = self.width() / 7
        h = (self.height() - self.header_height()) / max(1, self.weeks)
        return QRectF((index % 7) * w, self.header_height() + (index // 7) * h, w, h)

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < self.header_height():
            return None
        w = self.width() / 7
        h = (self.height() - self.header_height()) / max(1, self.weeks)
        col, row = int(pos.x() // w), int((pos.y() - self.header_height()) // h)
        if not (0 <= col < 7 and 0 <= row < self.weeks):
            return None
        return self.first + timedelta(days=row * 7 + col)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(COLOURS.surface))
        fm = self.fontMetrics()
        w = self.width() / 7
        p.setPen(QColor(COLOURS.muted))
        for i, name in enumerate(WEEKDAYS):
            text = name if w > fm.horizontalAdvance(name) + 12 else name[:3]
            p.drawText(
                QRectF(i * w, 0, w, self.header_height()), Qt.AlignmentFlag.AlignCenter, text
            )
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        today = date.today()
        for n in range(self.weeks * 7):
            day = self.first + timedelta(days=n)
            rect = self.cell(day)
            outside = day.month != self.month
            if day == today:
                p.fillRect(rect, TODAY_FILL)
            elif outside:
                p.fillRect(rect, QColor(COLOURS.surface_alt))
            p.setPen(GRID_LINE)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
            self._paint_day(p, day, rect, outside, day == today, bold)
            if day == self.selected:
                p.setPen(QPen(QColor(COLOURS.accent), 2.4 if self.hasFocus() else 1.4))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))

    def _paint_day(
        self, p: QPainter, day: date, rect: QRectF, outside: bool, today: bool, bold: QFont
    ) -> None:
        fm = self.fontMetrics()
        p.setFont(bold if today else self.font())
        p.setPen(
            QColor(COLOURS.accent_dark if today else COLOURS.muted if outside else COLOURS.text)
        )
        number = f"{day.day}" if day.day != 1 else f"1 {day:%b}"
        p.drawText(
            rect.adjusted(6, 3, -6, 0),
            Qt.AlignmentFlag.AlignLeft,
            number + ("  today" if today else ""),
        )
        p.setFont(self.font())
        items = self.by_day.get(day, [])
        line_h = fm.height() + 2
        y = rect.top() + line_h + 4
        room_for = max(0, int((rect.bottom() - y - 2) // line_h))
        shown = items if len(items) <= room_for else items[: max(0, room_for - 1)]
        for o in shown:
            colour = self.colours.get(o.room_id, QColor(COLOURS.accent))
            chip = QRectF(rect.left() + 4, y, rect.width() - 8, line_h - 1)
            provisional = o.status == "provisional"
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine) if provisional else Qt.PenStyle.NoPen)
            p.setBrush(QColor(COLOURS.surface) if provisional else tint(colour, 0.16))
            p.drawRoundedRect(chip, 3, 3)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(chip.left(), chip.top(), 3, chip.height()), 1.5, 1.5)
            p.setPen(QColor(COLOURS.text))
            suffix = " (provisional)" if provisional else ""
            room = int(chip.width()) - 10 - fm.horizontalAdvance(suffix)
            text = f"{format_time(o.starts_at)} {label(o)}"
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 20)) + suffix
            p.drawText(chip.adjusted(7, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, text)
            y += line_h
        hidden = len(items) - len(shown)
        if hidden:
            p.setPen(QColor(COLOURS.accent_dark))
            p.drawText(QRectF(rect.left() + 7, y, rect.width() - 10, line_h), f"+{hidden} more")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.select_day(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.open_day.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        key = event.key()
        if key in moves and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            day = self.selected + timedelta(days=moves[key])
            last = self.first + timedelta(days=self.weeks * 7 - 1)
            if day < self.first or day > last:
                self.edge.emit(-1 if day < self.first else 1)
                self.selected = day
                return
            self.select_day(day)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_day.emit(self.selected)
            return
        if key in COMMAND_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.command.emit(key)
            return
        event.ignore()
