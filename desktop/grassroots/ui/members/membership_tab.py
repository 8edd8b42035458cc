"""The Membership tab of a person's record: status, number, dates and payment history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.members.records import MemberRow, MembershipDetail, MemberStatus
from grassroots.ui.context import AppContext
from grassroots.ui.members.columns import STATUS_COLOURS
from grassroots.ui.members.tables import SmallTable


def as_row(detail: MembershipDetail) -> MemberRow:
    """The list's row for a membership, so the dialogs take one shape whichever screen asks."""
    first, _, last = detail.person_name.rpartition(" ")
    from grassroots.core.money import Money

    return MemberRow(
        detail.person_id,
        "",
        first,
        last,
        "",
        "",
        "",
        detail.id,
        detail.number,
        detail.type.name,
        detail.type.fee if detail.type else Money(0),
        detail.joined_on,
        detail.expires_on,
        detail.status,
    )


class MembershipTab(QWidget):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.detail: MembershipDetail | None = None
        self.person_name = ""
        self.dialog: QWidget | None = None
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("status", "Status"),
            ("number", "Member number"),
            ("type", "Type"),
            ("joined", "Joined"),
            ("expires", "Paid up to"),
            ("ended", "Ended"),
        ):
            value = QLabel()
            value.setObjectName(f"membership_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label)
            caption.setBuddy(value)
            value.setAccessibleName(label)
            self.values[key] = value
            form.addRow(caption, value)
        self.payments = SmallTable(
            ("Paid on", "Amount", "Method", "Period", "Gift Aid", "Note"),
            "Payment history",
            right_aligned=(1,),
        )
        self.payments.setObjectName("payments")
        self.join_button = QPushButton("&Join…")
        self.renew_button = QPushButton("&Renew…")
        self.change_button = QPushButton("C&hange type…")
        self.end_button = QPushButton("&End membership…")
        buttons = QHBoxLayout()
        for button, mode in (
            (self.join_button, "join"),
            (self.renew_button, "renew"),
            (self.change_button, "change type"),
            (self.end_button, "end"),
        ):
            button.setObjectName(f"{mode.replace(' ', '_')}_button")
            button.clicked.connect(lambda _c=False, m=mode: self.open_action(m))
            buttons.addWidget(button)
        buttons.addStretch(1)
        history = QLabel("Payment history")
        history.setBuddy(self.payments)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addSpacing(8)
        column.addWidget(history)
        column.addWidget(self.payments, 1)

    def load(self, person_name: str) -> None:
        from grassroots.members.service import membership_of

        self.person_name = person_name
        self.detail = detail = membership_of(self.ctx.sessions, self.person_id)
        member = detail is not None
        self.join_button.setEnabled(not member)
        for button in (self.renew_button, self.change_button):
            button.setEnabled(member)
        self.end_button.setEnabled(member and detail.status is not MemberStatus.ENDED)
        if detail is None:
            self._show_status(MemberStatus.NONE)
            for key in ("number", "type", "joined", "expires", "ended"):
                self.values[key].setText("—")
            self.payments.fill([])
            return
        self._show_status(detail.status)
        self.values["number"].setText(str(detail.number))
        self.values["type"].setText(f"{detail.type.name} ({detail.type.fee.format()})")
        self.values["joined"].setText(format_date(detail.joined_on))
        self.values["expires"].setText(format_date(detail.expires_on) or "Never expires")
        ended = format_date(detail.ended_on)
        if ended and detail.ended_reason:
            ended = f"{ended} ({detail.ended_reason})"
        self.values["ended"].setText(ended or "—")
        self.payments.fill(
            [
                (
                    format_date(s.paid_on),
                    s.amount.format(),
                    s.method.capitalize(),
                    f"{format_date(s.period_start)} to {format_date(s.period_end) or 'never'}",
                    "Yes" if s.gift_aid else "No",
                    s.note,
                )
                for s in reversed(detail.subscriptions)
            ]
        )

    def _show_status(self, status: MemberStatus) -> None:
        label = self.values["status"]
        label.setText(status.label)
        colours = STATUS_COLOURS.get(status)
        label.setStyleSheet(
            f"color: {colours[0]}; background: {colours[1]}; border-radius: 8px;"
            " padding: 1px 10px; font-weight: 600;"
            if colours
            else ""
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setFixedWidth(label.fontMetrics().horizontalAdvance(status.label) + 36)

    def open_action(self, mode: str):
        from grassroots.ui.dialogs.membership_dialog import MembershipDialog, Mode

        members = [as_row(self.detail)] if self.detail is not None else []
        dialog = MembershipDialog(
            self.ctx, Mode(mode), self.person_name, self.person_id, members, self
        )
        dialog.accepted.connect(lambda: self.load(self.person_name))
        dialog.open()
        self.dialog = dialog
        return dialog
