"""Money moved between the group's own accounts (cash paid into the bank, savings moved):
one dialog, two entries, neither income nor spending."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from grassroots.accounts import books
from grassroots.accounts.records import BookAccountInfo
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import frame_form
from grassroots.ui.widgets.money_edit import MoneyEdit


class TransferDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        accounts: list[BookAccountInfo],
        on: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("transferDialog")
        self.setWindowTitle("Transfer between accounts")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.source, self.target = QComboBox(), QComboBox()
        self.source.setObjectName("transferFrom")
        self.target.setObjectName("transferTo")
        for account in accounts:
            self.source.addItem(account.name, account.id)
            self.target.addItem(account.name, account.id)
        cash = next((i for i, a in enumerate(accounts) if a.kind == "cash"), 0)
        self.source.setCurrentIndex(cash)
        self.target.setCurrentIndex(1 if cash == 0 and len(accounts) > 1 else 0)
        self.on = DateEdit(required=True)
        self.on.setObjectName("transferDate")
        self.on.set_date(on or date.today())
        self.amount = MoneyEdit(required=True)
        self.amount.setObjectName("transferAmount")
        self.note = QLineEdit()
        self.note.setObjectName("transferNote")
        self.note.setPlaceholderText("e.g. Cash from the coffee morning paid in")
        heading = set_role(QLabel("Move money between your accounts"), "heading")
        explain = set_role(
            QLabel(
                "This is neither income nor spending: it adds two entries, one in each account."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "from": add_field(form, "&From", self.source),
            "to": add_field(form, "&To", self.target),
            "on": add_field(form, "&Date", self.on),
            "amount": add_field(form, "&Amount (£)", self.amount),
        }
        add_field(form, "&Note", self.note, with_error=False)
        self.problem, self.buttons, self.ok = frame_form(
            self, heading, explain, form, "&Transfer", "transferOk", self.submit
        )
        em = self.fontMetrics().horizontalAdvance("M")
        for edit in (self.on, self.amount):
            edit.setFixedWidth(int(8 * em))
        self.amount.setFocus()

    def submit(self) -> None:
        problems = {}
        if self.source.currentData() == self.target.currentData():
            problems["to"] = "Choose a different account to move the money into"
        if self.on.date() is None:
            problems["on"] = self.on.problem() or "Enter a date"
        amount = self.amount.value()
        if amount is None or amount.pence <= 0:
            problems["amount"] = self.amount.problem() or "Enter an amount more than £0.00"
        for key, error in self.errors.items():
            if error is not None:
                error.show_error(problems.get(key, ""))
        if problems:
            return
        sessions = self.ctx.sessions
        source, target, on, note = (
            self.source.currentData(),
            self.target.currentData(),
            self.on.date(),
            self.note.text().strip(),
        )
        self.ok.setEnabled(False)
        self.ctx.tasks.run(
            lambda: books.transfer_between_accounts(sessions, source, target, amount, on, note),
            self._saved,
            self._failed,
            label="Saving…",
            parent=self,
        )

    def _saved(self, _entries) -> None:
        self.ctx.events.changed.emit("accounts")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.problem.show_error(" ".join(exc.fields.values()))
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)
