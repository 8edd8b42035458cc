"""Join, renew, change type or end a membership: one dialog, four modes, each one service call.

The amount is prefilled from the membership type's fee and typed as money ('£12.50'); the
dialog shows what the new expiry will be before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.members.records import MemberRow, MembershipTypeInfo, MemberStatus, PaymentInput
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.money_edit import MoneyEdit

END_REASONS = ("Resigned", "Moved away", "Died", "Did not renew", "Other")


class Mode(StrEnum):
    JOIN = "join"
    RENEW = "renew"
    CHANGE_TYPE = "change type"
    END = "end"


_TITLES = {
    Mode.JOIN: "Join as a member",
    Mode.RENEW: "Renew membership",
    Mode.CHANGE_TYPE: "Change membership type",
    Mode.END: "End membership",
}
_BUTTONS = {
    Mode.JOIN: "Join",
    Mode.RENEW: "Record renewal",
    Mode.CHANGE_TYPE: "Change type",
    Mode.END: "End membership",
}


class MembershipDialog(QDialog):
    """One membership action for one person, or a renewal for several selected members.

    `person_id` is needed to join; `members` (rows from the list) for renew, change type and
    end. The write runs through ctx.tasks; on success "members" changes and the dialog closes.
    """

    def __init__(
        self,
        ctx: AppContext,
        mode: Mode,
        person_name: str = "",
        person_id: int | None = None,
        members: Sequence[MemberRow] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.mode, self.person_id = ctx, mode, person_id
        self.members = tuple(members)
        self.settings = ctx.settings()
        self.types = _types_for(ctx, self.members)
        self.setObjectName("membershipDialog")
        self.setWindowTitle(_TITLES[mode])
        self.setMinimumWidth(460)
        self.errors: dict[str, FieldError | None] = {}

        self.heading = QLabel(self._heading(person_name))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.type = QComboBox()
        self.type.setObjectName("type")
        for kind in self.types:
            self.type.addItem(_type_label(kind), kind.id)
        self.on_date = DateEdit(required=True)
        self.on_date.setObjectName("on_date")
        self.on_date.set_date(date.today())
        self.on_date.setMaximumWidth(140)
        self.amount = MoneyEdit()
        self.amount.setObjectName("amount")
        self.amount.setMaximumWidth(140)
        self.method = QComboBox()
        self.method.setObjectName("method")
        from grassroots.members.models import PAYMENT_METHODS

        for method in PAYMENT_METHODS:
            self.method.addItem(method.capitalize(), method)
        self.gift_aid = QCheckBox("Gift Aid declared on this payment")
        self.gift_aid.setObjectName("gift_aid")
        self.paid = QCheckBox("A payment was made")
        self.paid.setObjectName("paid")
        self.paid.setChecked(True)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(END_REASONS)
        self.reason.setObjectName("reason")
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_BUTTONS[mode])
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.problem = FieldError()
        self._layout()
        self._prefill()
        for signal in (
            self.type.currentIndexChanged,
            self.on_date.textChanged,
            self.amount.textChanged,
            self.paid.toggled,
        ):
            signal.connect(self._update)
        self.type.currentIndexChanged.connect(self._fee_for_type)
        self._update()

    # ------------------------------------------------------------ layout
    def _heading(self, person_name: str) -> str:
        if len(self.members) > 1:
            return f"Renew {len(self.members)} memberships"
        if self.members:
            row = self.members[0]
            expiry = format_date(row.expires_on) or "never"
            return f"{row.name} — member no. {row.number}, {row.type_name}, paid up to {expiry}"
        return person_name

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        many = len(self.members) > 1
        if self.mode is Mode.END:
            self.errors["on_date"] = add_field(form, "&Ended on", self.on_date)
            add_field(form, "&Reason", self.reason, with_error=False)
        else:
            if not many:
                add_field(form, "Membership &type", self.type, with_error=False)
            if self.mode is Mode.JOIN:
                self.errors["on_date"] = add_field(form, "&Joined on", self.on_date)
                add_field(form, "", self.paid, with_error=False)
            elif self.mode is Mode.RENEW:
                self.errors["on_date"] = add_field(form, "&Paid on", self.on_date)
            if self.mode is not Mode.CHANGE_TYPE:
                if not many:
                    self.errors["amount"] = add_field(form, "&Amount", self.amount)
                add_field(form, "Paid &by", self.method, with_error=False)
                add_field(form, "", self.gift_aid, with_error=False)
            add_field(form, "&Note", self.note, with_error=False)
        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.preview)
        column.addWidget(self.problem)
        column.addStretch(1)
        column.addWidget(self.buttons)
        if self.mode is Mode.CHANGE_TYPE:
            self.on_date.hide()

    def _prefill(self) -> None:
        if len(self.members) == 1:
            current = next((t for t in self.types if t.name == self.members[0].type_name), None)
            if current is not None:
                self.type.setCurrentIndex(self.type.findData(current.id))
        self._fee_for_type()

    def _fee_for_type(self) -> None:
        kind = self.chosen_type()
        if kind is not None:
            self.amount.set_value(kind.fee)

    def chosen_type(self) -> MembershipTypeInfo | None:
        type_id = self.type.currentData()
        return next((t for t in self.types if t.id == type_id), None)

    # ------------------------------------------------------------ checking
    def _update(self) -> None:
        for key, widget in (("on_date", self.on_date), ("amount", self.amount)):
            error = self.errors.get(key)
            if error is not None:
                error.show_error(widget.problem())
        self.amount.setEnabled(self.paid.isChecked())
        self.method.setEnabled(self.paid.isChecked())
        self.gift_aid.setEnabled(self.paid.isChecked())
        self.preview.setText(self._preview())
        self.ok.setEnabled(self._valid())

    def _valid(self) -> bool:
        if not self.on_date.is_valid() and self.mode is not Mode.CHANGE_TYPE:
            return False
        needs_amount = (
            self.mode in (Mode.JOIN, Mode.RENEW)
            and len(self.members) <= 1
            and self.paid.isChecked()
        )
        if needs_amount and not self.amount.is_valid():
            return False
        return self.mode is Mode.END or len(self.members) > 1 or self.chosen_type() is not None

    def _preview(self) -> str:
        from grassroots.members.terms import period_from, renewal_period

        when, kind = self.on_date.date(), self.chosen_type()
        if when is None:
            return ""
        if self.mode is Mode.END:
            return "The record and payment history stay; they can rejoin at any time."
        if kind is None or len(self.members) > 1:
            return "Each membership is renewed at its own type's fee."
        if self.mode is Mode.JOIN:
            end = period_from(when, kind.period_months, self.settings)
        elif self.mode is Mode.RENEW:
            row = self.members[0]
            ended = when if row.status is MemberStatus.ENDED else None
            _, end = renewal_period(row.expires_on, ended, when, kind.period_months, self.settings)
        else:
            return "The paid-up date stays as it is; the new type applies from now on."
        return f"Paid up to: {format_date(end)}" if end else "Paid up to: never expires"

    # ------------------------------------------------------------ saving
    def payment(self, amount_from: MembershipTypeInfo | None = None) -> PaymentInput | None:
        if self.mode is Mode.JOIN and not self.paid.isChecked():
            return None
        amount = self.amount.value() if amount_from is None else amount_from.fee
        return PaymentInput(
            paid_on=self.on_date.date() or date.today(),
            amount=amount if amount is not None else (self.chosen_type() or self.types[0]).fee,
            method=self.method.currentData(),
            gift_aid=self.gift_aid.isChecked(),
            note=self.note.text().strip(),
        )

    def job(self) -> Callable[[], Any]:
        """The service call this dialog stands for (runs off the UI thread)."""
        from grassroots.members import service

        sessions, mode = self.ctx.sessions, self.mode
        type_id, when = self.type.currentData(), self.on_date.date() or date.today()
        if mode is Mode.JOIN:
            person_id, payment = self.person_id, self.payment()
            return lambda: service.join(sessions, person_id, type_id, when, payment)
        if mode is Mode.END:
            reason, ids = self.reason.currentText(), [m.membership_id for m in self.members]
            return lambda: service.end_memberships(sessions, ids, when, reason)
        if mode is Mode.CHANGE_TYPE:
            ids = [m.membership_id for m in self.members]
            return lambda: service.change_types(sessions, ids, type_id)
        if len(self.members) == 1:
            member_id, payment = self.members[0].membership_id, self.payment()
            return lambda: service.renew(sessions, member_id, payment, type_id)
        by_name = {t.name: t for t in self.types}
        plans = [(m.membership_id, self.payment(by_name.get(m.type_name))) for m in self.members]
        return lambda: service.renew_many(sessions, plans)

    def submit(self) -> None:
        if not self._valid():
            return
        self.ok.setEnabled(False)
        self.problem.show_error("")
        self.ctx.tasks.run(self.job(), self._saved, self._failed, label="Saving…", parent=self)

    def _saved(self, _result: object) -> None:
        self.ctx.events.changed.emit("members")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from grassroots.core.errors import GrassrootsError, ValidationError

        if isinstance(exc, ValidationError):
            self.problem.show_error(" ".join(exc.fields.values()))
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)
        self.ok.setEnabled(True)


def _types_for(ctx: AppContext, members: Sequence[MemberRow]) -> list[MembershipTypeInfo]:
    """Active types, plus any inactive type a chosen member still has."""
    from grassroots.members.service import list_types

    every = list_types(ctx.sessions, include_inactive=True)
    held = {m.type_name for m in members}
    return [t for t in every if t.active or t.name in held]


def _type_label(kind: MembershipTypeInfo) -> str:
    if kind.never_expires:
        period = "never expires"
    elif kind.period_months == 12:
        period = "a year"
    else:
        period = f"{kind.period_months} months"
    return f"{kind.name} — {kind.fee.format()}, {period}"
