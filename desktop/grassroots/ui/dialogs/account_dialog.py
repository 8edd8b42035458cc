"""Add a bank, savings or cash account, with its balance on the day the books start; or
change one (its name, kind and details, and its opening balance while nothing closed or
reconciled relies on it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from grassroots.accounts import books, setup
from grassroots.accounts.setup import AccountRow
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, frame_form, show_problems
from grassroots.ui.widgets.money_edit import MoneyEdit

KINDS = (("Bank current account", "bank"), ("Savings account", "savings"), ("Cash", "cash"))


class AccountDialog(SavingDialog):
    area = "accounts"  # `saved` gives the BookAccountInfo when added, AccountRow when changed

    def __init__(
        self,
        ctx: AppContext,
        starts_on: date,
        parent: QWidget | None = None,
        account: AccountRow | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.setObjectName("accountDialog")
        self.setWindowTitle("Change an account" if account else "Add an account")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.name = QLineEdit()
        self.name.setObjectName("accountName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText("e.g. Current account, Petty cash")
        self.kind = QComboBox()
        self.kind.setObjectName("accountKind")
        for label, kind in KINDS:
            self.kind.addItem(label, kind)
        self.details = QLineEdit()
        self.details.setObjectName("accountDetails")
        self.details.setMaxLength(100)
        self.details.setPlaceholderText("e.g. Lloyds, account ending 1234")
        self.opening_on = DateEdit(required=True)
        self.opening_on.setObjectName("accountOpeningOn")
        self.opening_on.set_date(starts_on)
        self.opening = MoneyEdit(required=True, allow_negative=True)
        self.opening.setObjectName("accountOpening")
        self.opening.setText("£0.00")
        heading = set_role(
            QLabel(f"Change {account.name}" if account else "Add a bank or cash account"),
            "heading",
        )
        explain = set_role(
            QLabel(
                "Give the balance on the day your books start, as on the bank statement (or "
                "counted, for cash). Entries before that day are not needed."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "name": add_field(form, "&Name", self.name),
            "kind": add_field(form, "&Kind", self.kind),
        }
        add_field(form, "&Bank details", self.details, with_error=False)
        self.errors["opening_on"] = add_field(form, "Books &start on", self.opening_on)
        self.errors["opening"] = add_field(form, "&Balance that day (£)", self.opening)
        ok_text = "&Save" if account else "&Add account"
        self.problem, self.buttons, self.ok = frame_form(
            self, heading, explain, form, ok_text, "accountOk", self.submit
        )
        em = self.fontMetrics().horizontalAdvance("M")
        for edit in (self.opening_on, self.opening):
            edit.setFixedWidth(int(8 * em))
        if account is not None:
            self._fill(account, explain)
        self.name.setFocus()

    def _fill(self, account: AccountRow, explain: QLabel) -> None:
        """Show the account to change; its opening fixed (and why) once the books rely on it."""
        self.name.setText(account.name)
        self.kind.setCurrentIndex(max(self.kind.findData(account.kind), 0))
        self.details.setText(account.bank_details)
        self.details.setCursorPosition(0)
        self.setMinimumWidth(int(40 * self.fontMetrics().horizontalAdvance("M")))
        self.opening_on.set_date(account.opening_on)
        self.opening.setText(account.opening.format())
        if account.opening_fixed:
            for edit in (self.opening_on, self.opening):
                edit.setEnabled(False)
            explain.setText(
                f"{account.opening_fixed}, so the opening balance and date stay as they are; "
                "a mistake in them is put right with a correcting entry."
            )
        else:
            explain.setText(
                "The opening balance is the balance on the day the books start, as on the "
                "bank statement (or counted, for cash)."
            )

    def submit(self) -> None:
        problems = {}
        if not self.name.text().strip():
            problems["name"] = "Give the account a name"
        if self.opening_on.date() is None:
            problems["opening_on"] = self.opening_on.problem() or "Enter a date"
        if self.opening.value() is None:
            problems["opening"] = self.opening.problem() or "Enter the balance (0 if none)"
        show_problems(self.errors, problems)
        if problems:
            return
        sessions = self.ctx.sessions
        name, kind, details = self.name.text().strip(), self.kind.currentData(), self.details.text()
        opening, opening_on = self.opening.value(), self.opening_on.date()
        account = self.account
        if account is None:
            job = lambda: books.add_account(  # noqa: E731
                sessions, name, kind, opening, opening_on, bank_details=details.strip()
            )
        else:
            job = lambda: setup.change_account(  # noqa: E731
                sessions, account.id, name, kind, details, opening, opening_on
            )
        self.run_save(job)
