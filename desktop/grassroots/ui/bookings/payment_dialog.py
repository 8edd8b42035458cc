"""Record money a hirer has paid against an invoice; it goes into the cash book as Hire income
(or waits, when the treasurer has not yet started the books)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from grassroots.accounts.models import ENTRY_METHODS
from grassroots.bookings.invoices import goes_into_books, record_payment
from grassroots.bookings.records import InvoiceDetail
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.money_edit import MoneyEdit


def method_box(name: str, chosen: str = "bank transfer") -> QComboBox:
    """How the money came: the cash book's own list of methods."""
    box = QComboBox()
    box.setObjectName(name)
    for method in ENTRY_METHODS:
        box.addItem(method[0].upper() + method[1:], method)
    box.setCurrentIndex(max(box.findData(chosen), 0))
    return box


class PaymentDialog(SavingDialog):
    """Money received against `invoice`; the amount starts at what is still owed."""

    area = "bookings"  # saved gives the InvoiceDetail

    def __init__(
        self,
        ctx: AppContext,
        invoice: InvoiceDetail,
        today: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.invoice = ctx, invoice
        self.setObjectName("paymentDialog")
        self.setWindowTitle(f"Record a payment for {invoice.reference}")
        self.setMinimumWidth(460)
        self.paid_on = DateEdit(required=True)
        self.paid_on.setObjectName("paymentDate")
        self.paid_on.set_date(today or date.today())
        self.amount = MoneyEdit()
        self.amount.setObjectName("paymentAmount")
        self.amount.set_value(invoice.outstanding)
        self.method = method_box("paymentMethod")
        self.books = set_role(QLabel(""), "muted")
        self.books.setObjectName("paymentBooks")
        self.books.setWordWrap(True)
        self.books.setMinimumHeight(self.books.fontMetrics().lineSpacing() * 3)
        form = QFormLayout()
        self.errors = {
            "paid_on": add_field(form, "&Paid on", self.paid_on),
            "amount": add_field(form, "&Amount", self.amount),
            "method": add_field(form, "&How", self.method),
        }
        form.addRow(self.books)
        self.frame(
            f"{invoice.hirer.name} pays {invoice.reference}",
            f"{invoice.outstanding.format()} of {invoice.total.format()} is still owed.",
            form,
            "&Record payment",
            "paymentOk",
        )
        self.paid_on.editingFinished.connect(self._check_books)
        self.method.currentIndexChanged.connect(self._check_books)
        self._check_books()

    def _check_books(self) -> None:
        on, method, sessions = self.paid_on.date(), self.method.currentData(), self.ctx.sessions
        if on is None:
            return
        self.ctx.tasks.run(
            lambda: goes_into_books(sessions, on, method), self._show_books, parent=self
        )

    def _show_books(self, now: bool) -> None:
        self.books.setText(
            "It goes into the cash book now, as Hire income."
            if now
            else "The books have not been started for that day, so it will wait and go into "
            "the cash book once the treasurer adds the account."
        )
        self.adjustSize()

    def submit(self) -> None:
        problems = {"paid_on": self.paid_on.problem(), "amount": self.amount.problem()}
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, invoice_id = self.ctx.sessions, self.invoice.id
        on, amount, method = self.paid_on.date(), self.amount.value(), self.method.currentData()
        self.run_save(lambda: record_payment(sessions, invoice_id, on, amount, method))
