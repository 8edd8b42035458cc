"""Take a booking's deposit, or hand it back less any part kept. A part kept is not paid out,
so it stays in the books as received under Hire deposits."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from grassroots.bookings.deposits import DepositRow, deposit_received, deposit_returned
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.ui.bookings.payment_dialog import method_box
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.money_edit import MoneyEdit


class DepositDialog(SavingDialog):
    """Received (when `row` has not been received yet) or returned (when it is held)."""

    area = "bookings"  # saved gives the DepositRow

    def __init__(
        self,
        ctx: AppContext,
        row: DepositRow,
        today: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.returning = row.received_on is not None
        self.setObjectName("depositDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle("Return a deposit" if self.returning else "Deposit received")
        self.on = DateEdit(required=True)
        self.on.setObjectName("depositDate")
        self.on.set_date(today or date.today())
        self.method = method_box("depositMethod")
        form = QFormLayout()
        self.errors = {"on": add_field(form, "&Date", self.on)}
        self.kept = MoneyEdit()
        self.kept.setObjectName("depositKept")
        self.kept.set_value(Money(0))
        self.reason = QLineEdit()
        self.reason.setObjectName("depositReason")
        self.reason.setPlaceholderText("e.g. Two chairs broken")
        if self.returning:
            self.errors["kept"] = add_field(form, "&Kept back", self.kept)
            self.errors["reason"] = add_field(form, "&Why kept", self.reason)
        self.errors["method"] = add_field(form, "&How", self.method)
        booking = f"{row.who}, {row.room}, {format_date(row.first_on)}"
        if self.returning:
            heading = f"Return {row.who}'s {row.amount.format()} deposit"
            explain = (
                f"{booking}. Held since {format_date(row.received_on)}. What is returned is "
                "paid out of the books as Hire deposits returned; anything kept back is not "
                "paid out, so it stays in the books as received."
            )
        else:
            heading = f"{row.who} has paid the {row.amount.format()} deposit"
            explain = f"{booking}. It goes into the cash book as Hire deposits."
        self.frame(
            heading, explain, form, "&Return" if self.returning else "&Received", "depositOk"
        )

    def submit(self) -> None:
        problems = {"on": self.on.problem()}
        if self.returning:
            problems["kept"] = self.kept.problem()
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, booking_id = self.ctx.sessions, self.row.booking_id
        on, method = self.on.date(), self.method.currentData()
        if self.returning:
            kept, reason = self.kept.value() or Money(0), self.reason.text()
            self.run_save(lambda: deposit_returned(sessions, booking_id, on, kept, method, reason))
        else:
            self.run_save(lambda: deposit_received(sessions, booking_id, on, method))
