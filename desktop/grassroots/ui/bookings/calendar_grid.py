"""The day and week views: a custom-painted time grid, one column per day (week) or per room
(day), with blocks that can be selected, opened, dragged and moved from the keyboard.

Painting rather than one widget per block keeps a busy week smooth; all the block geometry
comes from `blocks()`, which painting, hit-testing and the tests share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from grassroots.bookings.records import Occurrence
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.ui.bookings.calendar_layout import (
    DAY_ENDS,
    DAY_STARTS,
    SLOT,
    SNAP,
    clock,
    describe,
    label,
    lay_out,
    minutes,
    snap,
)
from grassroots.ui.theme import COLOURS

COMMAND_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_T,
                Qt.Key.Key_D, Qt.Key.Key_W, Qt.Key.Key_M)  # fmt: skip
GRID_LINE = QColor("#e3e9e6")
HOUR_LINE = QColor("#cfd9d4")
TODAY_FILL = QColor("#f1f8f4")


@dataclass(frozen=True)
class Column:
    """One column of the grid: a day, and the room it is for (None = every room)."""

    on: date
    room_id: int | None
    heading: str
    today: bool = False
    room: str = ""  # the room's name when the column is one room's (the day view)


@dataclass(frozen=True)
class Block:
    occurrence: Occurrence
    column: int
    rect: QRectF


def tint(colour: QColor, strength: float) -> QColor:
    """`colour` mixed with white: `strength` 0 is white, 1 the colour itself."""
    r, g, b = (
        int(255 - (255 - c) * strength) for c in (colour.red(), colour.green(), colour.blue())
    )
    return QColor(r, g, b)


def key_of(o: Occurrence) -> tuple:
    return (o.booking_id, o.meeting_id, o.on)


class TimeHeader(QWidget):
    """The column headings over the grid (days, or rooms), aligned with its columns."""

    def __init__(self, grid: TimeGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setAccessibleName("Column headings")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(int(self.fontMetrics().height() * 2.6))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(COLOURS.surface))
        grid = self.grid
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for i, col in enumerate(grid.columns):
            x, w = grid.column_x(i), grid.column_width()
            cell = QRectF(x, 0, w, self.height())
            if col.today:
                p.fillRect(cell, TODAY_FILL)
            p.setPen(QColor(COLOURS.accent_dark if col.today else COLOURS.text))
            p.setFont(bold if col.today else self.font())
            text = col.heading
            metrics = p.fontMetrics()
            if col.today and metrics.horizontalAdvance(f"{text}  ·  today") < w - 8:
                text += "  ·  today"
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(w) - 8)
            p.drawText(cell, Qt.AlignmentFlag.AlignCenter, elided)
            p.setPen(GRID_LINE)
            p.drawLine(int(x), 0, int(x), self.height())
        p.setPen(QPen(QColor(COLOURS.border), 1))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)


class TimeGrid(QWidget):
    """The scrolling body of the day and week views."""

    activated = Signal(object)  # Occurrence
    slot_chosen = Signal(object, object, int)  # date, time, room id (0 = any)
    move_requested = Signal(object, object, object, object)  # occurrence, date, start, room
    selection_changed = Signal(str)
    edge = Signal(int)  # -1/+1: the keyboard went past the first or last column
    command = Signal(int)  # a calendar key (Page Up/Down, T, Home, D, W, M) for the calendar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: list[Column] = []
        self.occurrences: list[Occurrence] = []
        self.colours: dict[int, QColor] = {}
        self.show_room = True
        self.selected: tuple | None = None
        self.cursor: tuple[int, int] = (0, 8 * 60)  # column, minute of the selected slot
        self._blocks: list[Block] | None = None
        self._press: tuple[QPoint, Block] | None = None
        self._ghost: tuple[int, int] | None = None  # column, start minute while dragging
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAccessibleName("Bookings calendar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.row_height() * ((DAY_ENDS - DAY_STARTS) // SLOT) + 1)

    # -- geometry -------------------------------------------------------------------------
    def row_height(self) -> int:
        return max(22, int(self.fontMetrics().height() * 1.45))

    def gutter(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 18

    def column_width(self) -> float:
        return (self.width() - self.gutter()) / max(1, len(self.columns))

    def column_x(self, index: int) -> float:
        return self.gutter() + index * self.column_width()

    def y_of(self, minute: int) -> float:
        return (minute - DAY_STARTS) * self.row_height() / SLOT

    def minute_at(self, y: float) -> int:
        return int(DAY_STARTS + y * SLOT / self.row_height())

    def column_at(self, x: float) -> int:
        if not self.columns:
            return -1
        index = int((x - self.gutter()) // self.column_width())
        return max(0, min(index, len(self.columns) - 1))

    def column_for(self, o: Occurrence) -> int:
        for i, col in enumerate(self.columns):
            if col.on == o.on and (col.room_id is None or col.room_id == o.room_id):
                return i
        return -1

    def blocks(self) -> list[Block]:
        """Where each occurrence is drawn (cached until the data or the size changes)."""
        if self._blocks is not None:
            return self._blocks
        per_column: dict[int, list[Occurrence]] = {}
        for o in self.occurrences:
            index = self.column_for(o)
            if index >= 0:
                per_column.setdefault(index, []).append(o)
        found = []
        width = self.column_width()
        for index, items in per_column.items():
            for placed in lay_out(items):
                o = placed.occurrence
                lane_w = (width - 6) / placed.lanes
                x = self.column_x(index) + 2 + placed.lane * lane_w
                top = self.y_of(max(minutes(o.starts_at), DAY_STARTS - 60))
                bottom = self.y_of(max(minutes(o.ends_at), minutes(o.starts_at) + SNAP))
                rect = QRectF(x, top, lane_w - 2, max(bottom - top, 14.0))
                found.append(Block(o, index, rect))
        self._blocks = found
        return found

    def block_at(self, pos: QPoint) -> Block | None:
        for block in reversed(self.blocks()):
            if block.rect.contains(pos.toPointF()):
                return block
        return None

    def selected_occurrence(self) -> Occurrence | None:
        for o in self.occurrences:
            if key_of(o) == self.selected:
                return o
        return None

    # -- data -----------------------------------------------------------------------------
    def set_data(
        self,
        columns: list[Column],
        occurrences: list[Occurrence],
        colours: dict[int, QColor],
        show_room: bool,
    ) -> None:
        self.columns, self.occurrences = columns, occurrences
        self.colours, self.show_room = colours, show_room
        self._blocks = None
        if self.selected is not None and self.selected_occurrence() is None:
            self.selected = None
        column, minute = self.cursor
        self.cursor = (max(0, min(column, len(columns) - 1)), minute)
        self._announce()
        self.update()

    def choose_block(self, o: Occurrence | None) -> None:
        self.selected = key_of(o) if o is not None else None
        if o is not None:
            self.cursor = (max(0, self.column_for(o)), minutes(o.starts_at))
        self._announce()
        self.update()

    def select_slot(self, column: int, minute: int) -> None:
        minute = max(0, min(minute, 24 * 60 - SLOT))
        self.cursor = (column, minute)
        covering = [
            b.occurrence
            for b in self.blocks()
            if b.column == column
            and minutes(b.occurrence.starts_at) <= minute < minutes(b.occurrence.ends_at)
        ]
        self.selected = key_of(covering[0]) if covering else None
        self._announce()
        self.update()

    def _announce(self) -> None:
        o = self.selected_occurrence()
        if o is not None:
            text = describe(o)
        elif self.columns:
            column, minute = self.cursor
            col = self.columns[column]
            where = f", {col.room}" if col.room else ""
            at = format_time(clock(minute))
            text = f"Free slot: {col.on:%A} {format_date(col.on)} at {at}{where}"
        else:
            text = ""
        self.setAccessibleDescription(text)
        self.setToolTip(text if o is not None else "")
        self.selection_changed.emit(text)

    def resizeEvent(self, event) -> None:
        self._blocks = None
        super().resizeEvent(event)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(COLOURS.surface))
        self._paint_grid(p)
        for block in self.blocks():
            self._paint_block(p, block)
        self._paint_cursor(p)
        self._paint_ghost(p)

    def _paint_grid(self, p: QPainter) -> None:
        gutter, rows = self.gutter(), (DAY_ENDS - DAY_STARTS) // SLOT
        for i, col in enumerate(self.columns):
            if col.today:
                p.fillRect(
                    QRectF(self.column_x(i), 0, self.column_width(), self.height()), TODAY_FILL
                )
        p.setFont(self.font())
        for row in range(rows + 1):
            y = int(row * self.row_height())
            on_hour = row % 2 == 0
            p.setPen(HOUR_LINE if on_hour else GRID_LINE)
            p.drawLine(gutter, y, self.width(), y)
            if on_hour and row < rows:
                p.setPen(QColor(COLOURS.muted))
                text = format_time(clock(DAY_STARTS + row * SLOT))
                p.drawText(
                    QRectF(0, y + 1, gutter - 8, self.row_height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    text,
                )
        p.setPen(GRID_LINE)
        for i in range(len(self.columns) + 1):
            x = int(self.column_x(i))
            p.drawLine(x, 0, x, self.height())

    def _colour(self, o: Occurrence) -> QColor:
        return self.colours.get(o.room_id, QColor(COLOURS.accent))

    def _paint_block(self, p: QPainter, block: Block) -> None:
        o, rect = block.occurrence, block.rect
        colour = self._colour(o)
        px_per_min = self.row_height() / SLOT
        if o.setup_minutes:  # set-up and clear-down: faint, so the room is seen to be held
            p.fillRect(
                QRectF(rect.x() + 3, rect.top() - o.setup_minutes * px_per_min, rect.width() - 6,
                       o.setup_minutes * px_per_min), tint(colour, 0.12),
            )  # fmt: skip
        if o.cleardown_minutes:
            p.fillRect(
                QRectF(rect.x() + 3, rect.bottom(), rect.width() - 6,
                       o.cleardown_minutes * px_per_min), tint(colour, 0.12),
            )  # fmt: skip
        provisional = o.status == "provisional"
        meeting = o.meeting_id is not None
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(COLOURS.surface) if provisional else tint(colour, 0.2))
        p.drawRoundedRect(rect, 4, 4)
        if provisional:  # hatched and dashed, and said in words below
            hatch = QBrush(tint(colour, 0.45), Qt.BrushStyle.BDiagPattern)
            p.setBrush(hatch)
            p.drawRoundedRect(rect, 4, 4)
        stripe = QRectF(rect.x(), rect.y(), 4, rect.height())
        p.setBrush(colour)
        p.drawRoundedRect(stripe, 2, 2)
        pen = QPen(colour, 1.2)
        if provisional:
            pen.setStyle(Qt.PenStyle.DashLine)
        if meeting:
            pen.setWidthF(1.6)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        if key_of(o) == self.selected:
            focus = QPen(QColor(COLOURS.text), 2.4)
            p.setPen(focus)
            p.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5)
        self._paint_text(p, o, rect)

    def _paint_text(self, p: QPainter, o: Occurrence, rect: QRectF) -> None:
        fm = self.fontMetrics()
        inner = rect.adjusted(8, 3, -4, -2)
        lines: list[tuple[str, bool, bool]] = []  # text, bold, muted
        times = f"{format_time(o.starts_at)}–{format_time(o.ends_at)}"
        if o.status == "provisional":
            times += " · provisional"
        if o.meeting_id is not None:
            lines.append(("◆ Meeting", True, False))
        lines.append((times, False, True))
        lines.append((label(o) if o.meeting_id is None else o.title, True, False))
        if self.show_room:
            lines.append((o.room, False, True))
        small_height = inner.height() < fm.height() * 2 + 2
        if small_height:  # a short block: one line with the essentials
            who = label(o)
            text = f"{format_time(o.starts_at)} {who}"
            if o.status == "provisional":
                text += " (provisional)"
            lines = [(text, True, False)]
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        y = inner.top()
        for text, is_bold, muted in lines:
            if y + fm.height() > inner.bottom() + 2:
                break
            p.setFont(bold if is_bold else self.font())
            p.setPen(QColor(COLOURS.muted if muted else COLOURS.text))
            metrics = p.fontMetrics()
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
            p.drawText(QRectF(inner.left(), y, inner.width(), fm.height()), shown)
            y += fm.height()

    def _paint_cursor(self, p: QPainter) -> None:
        if self.selected is not None or not self.columns or not self.hasFocus():
            return
        column, minute = self.cursor
        rect = QRectF(self.column_x(column) + 1, self.y_of(minute), self.column_width() - 2,
                      self.row_height())  # fmt: skip
        p.setPen(QPen(QColor(COLOURS.accent), 2))
        p.setBrush(QColor(220, 235, 227, 140))
        p.drawRect(rect)

    def _paint_ghost(self, p: QPainter) -> None:
        if self._ghost is None or self._press is None:
            return
        column, start = self._ghost
        o = self._press[1].occurrence
        length = minutes(o.ends_at) - minutes(o.starts_at)
        rect = QRectF(self.column_x(column) + 2, self.y_of(start), self.column_width() - 6,
                      length * self.row_height() / SLOT)  # fmt: skip
        colour = self._colour(o)
        p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        fill = tint(colour, 0.35)
        fill.setAlpha(200)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(QColor(COLOURS.text))
        p.drawText(rect.adjusted(8, 3, -4, -2), f"{format_time(clock(start))} {label(o)}")

    # -- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        block = self.block_at(pos)
        if block is not None:
            self.choose_block(block.occurrence)
            self._press = (pos, block) if block.occurrence.meeting_id is None else None
        elif pos.x() > self.gutter():
            self.select_slot(self.column_at(pos.x()), self.minute_at(pos.y()) // SLOT * SLOT)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        start_pos, block = self._press
        pos = event.position().toPoint()
        if self._ghost is None and (
            (pos - start_pos).manhattanLength() < QApplication.startDragDistance()
        ):
            return
        self._ghost = self.drop_target(block, start_pos, pos)
        self.update()

    def drop_target(self, block: Block, start: QPoint, pos: QPoint) -> tuple[int, int]:
        """The column and snapped start minute a block dragged from `start` to `pos` lands on."""
        o = block.occurrence
        moved = (pos.y() - start.y()) * SLOT / self.row_height()
        return self.column_at(pos.x()), snap(minutes(o.starts_at) + int(moved))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, ghost = self._press, self._ghost
        self._press, self._ghost = None, None
        if press is None or ghost is None:
            return
        self.update()
        self.drop(press[1].occurrence, *ghost)

    def drop(self, o: Occurrence, column: int, start: int) -> None:
        """Ask to move `o` to a column and start minute (a drag's drop, or the keyboard)."""
        col = self.columns[column]
        room = col.room_id if col.room_id is not None else o.room_id
        if col.on == o.on and room == o.room_id and start == minutes(o.starts_at):
            return
        self.move_requested.emit(o, col.on, clock(start), room)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        block = self.block_at(pos)
        if block is not None:
            self.activated.emit(block.occurrence)
        elif pos.x() > self.gutter() and self.columns:
            column = self.column_at(pos.x())
            self.select_slot(column, self.minute_at(pos.y()) // SLOT * SLOT)
            self._choose_slot()

    def _choose_slot(self) -> None:
        column, minute = self.cursor
        col = self.columns[column]
        self.slot_chosen.emit(col.on, clock(minute), col.room_id or 0)

    # -- keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        arrows = {Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
                  Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0)}  # fmt: skip
        if key in arrows and self.columns:
            dx, dy = arrows[key]
            if mods & Qt.KeyboardModifier.ControlModifier:
                self._nudge(dx, dy)
            else:
                self._step(dx, dy)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.columns:
            o = self.selected_occurrence()
            if o is not None:
                self.activated.emit(o)
            else:
                self._choose_slot()
            return
        if key in COMMAND_KEYS and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.command.emit(key)  # the scroll area would take Page Up/Down for itself
            return
        event.ignore()

    def _step(self, dx: int, dy: int) -> None:
        column, minute = self.cursor
        o = self.selected_occurrence()
        if dy:
            if o is not None:
                minute = minutes(o.ends_at) if dy > 0 else minutes(o.starts_at) - SLOT
                minute = minute // SLOT * SLOT if dy < 0 else -(-minute // SLOT) * SLOT
            else:
                minute += dy * SLOT
            self.select_slot(column, max(0, minute))
            return
        column += dx
        if column < 0 or column >= len(self.columns):
            self.edge.emit(dx)
            return
        self.select_slot(column, minute)

    def _nudge(self, dx: int, dy: int) -> None:
        o = self.selected_occurrence()
        if o is None:
            return
        if o.meeting_id is not None:
            self.move_requested.emit(o, None, None, None)  # the calendar says why not
            return
        start = minutes(o.starts_at) + dy * SNAP
        column = self.column_for(o)
        if dx:  # a day either way, in the same room
            self.move_requested.emit(o, o.on + timedelta(days=dx), o.starts_at, o.room_id)
            return
        self.drop(o, column, start)

    def scroll_minute(self) -> int:
        return 8 * 60

    def cursor_time(self) -> time:
        return clock(self.cursor[1])
