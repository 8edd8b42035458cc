"""The columns of the people and members list, and the coloured status badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from grassroots.core.dates import format_date
from grassroots.members.records import MemberRow, MemberStatus
from grassroots.ui.widgets.lazy_table import CENTRE, RIGHT, ROW_ROLE, Column

# Text and background of each status badge: quiet tints that still read in greyscale.
STATUS_COLOURS: dict[MemberStatus, tuple[str, str]] = {
    MemberStatus.CURRENT: ("#1a6b34", "#e3f4e8"),
    MemberStatus.DUE: ("#8a5a00", "#fff3cd"),
    MemberStatus.LAPSED: ("#a4261b", "#fde8e6"),
    MemberStatus.ENDED: ("#4f5861", "#eceff2"),
}


def _number(row: MemberRow) -> str:
    return str(row.number) if row.number is not None else ""


def _status(row: MemberRow) -> str:
    return "" if row.status is MemberStatus.NONE else row.status.label


MEMBER_COLUMNS = (
    Column("No.", _number, "number", RIGHT, lambda r: r.number or 0),
    Column("Name", lambda r: r.sort_name, "name"),
    Column("Type", lambda r: r.type_name, "type"),
    Column("Status", _status, "status", CENTRE, lambda r: r.status.value),
    Column(
        "Expires", lambda r: format_date(r.expires_on), "expires", RIGHT, lambda r: r.expires_on
    ),
    Column("Postcode", lambda r: r.postcode, "postcode"),
    Column("Email", lambda r: r.email, "email"),
    Column("Phone", lambda r: r.phone, None),
)
STATUS_COLUMN = 3


class StatusBadgeDelegate(QStyledItemDelegate):
    """Draws the status as a small rounded badge, tinted by status."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, MemberRow) or row.status not in STATUS_COLOURS:
            super().paint(painter, option, index)
            return
        # Background and selection as usual, then the badge on top.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        text_colour, fill = STATUS_COLOURS[row.status]
        label = row.status.label
        metrics = option.fontMetrics
        pad_x, pad_y = metrics.height() * 0.55, metrics.height() * 0.12
        width = metrics.horizontalAdvance(label) + 2 * pad_x
        height = metrics.height() + 2 * pad_y
        rect = QRectF(option.rect)
        badge = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor(text_colour))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
