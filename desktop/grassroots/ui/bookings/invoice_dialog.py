"""Invoice a hirer for a period: choose who and when, see the lines and total, then issue."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTreeWidgetItem,
    QWidget,
)

from grassroots.bookings.invoices import charges_due, issue_invoice
from grassroots.bookings.records import HirerRow, InvoiceLineRow
from grassroots.core.errors import GrassrootsError
from grassroots.core.money import Money
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.list_tree import list_tree


def last_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


class InvoiceDialog(SavingDialog):
    """A new invoice; the preview shows exactly what issuing would charge."""

    area = "bookings"  # saved gives the InvoiceDetail

    def __init__(
        self,
        ctx: AppContext,
        hirers: list[HirerRow],
        hirer_id: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        today = today or date.today()
        self.setObjectName("invoiceDialog")
        self.setWindowTitle("New invoice")
        self.resize(620, 520)
        self.hirer = QComboBox()
        self.hirer.setObjectName("invoiceHirer")
        for row in hirers:
            self.hirer.addItem(row.name, row.id)
        if hirer_id is not None:
            self.hirer.setCurrentIndex(max(self.hirer.findData(hirer_id), 0))
        lo, hi = last_month(today)
        self.lo, self.hi = DateEdit(required=True), DateEdit(required=True)
        self.lo.setObjectName("invoiceFrom")
        self.hi.setObjectName("invoiceTo")
        self.lo.set_date(lo)
        self.hi.set_date(hi)
        self.issued = DateEdit(required=True)
        self.issued.setObjectName("invoiceIssued")
        self.issued.set_date(today)
        self.days = QSpinBox()
        self.days.setObjectName("invoiceDueDays")
        self.days.setRange(0, 120)
        self.days.setValue(14)
        self.days.setSuffix(" days")
        self.notes = QLineEdit()
        self.notes.setObjectName("invoiceNotes")
        self.notes.setPlaceholderText("e.g. Thank you for hiring the hall")
        self.lines = list_tree(
            "invoicePreview", "What the invoice charges", ("For", "Number", "Each", "Amount"), 0
        )
        self.lines.setMinimumHeight(140)
        self.total = set_role(QLabel(""), "heading")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setObjectName("invoiceTotal")
        self.total.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "hirer_id": add_field(form, "&Hirer", self.hirer),
            "lo": add_field(form, "&From", self.lo),
            "period": add_field(form, "&To", self.hi),
            "issued_on": add_field(form, "&Issued on", self.issued),
            "due_days": add_field(form, "&Payable within", self.days, with_error=False),
            "notes": add_field(form, "&Note", self.notes, with_error=False),
        }
        form.addRow(self.lines)
        form.addRow(self.total)
        self.frame(
            "Invoice a hirer",
            "Charges every date of the hirer's bookings in the period that has not been "
            "invoiced already. Cancelled bookings, skipped dates and free bookings are left out.",
            form,
            "&Issue invoice",
            "invoiceOk",
        )
        self.hirer.currentIndexChanged.connect(self.preview)
        self.lo.editingFinished.connect(self.preview)
        self.hi.editingFinished.connect(self.preview)
        self.due: list[InvoiceLineRow] = []
        self.preview()

    def preview(self) -> None:
        hirer_id, lo, hi = self.hirer.currentData(), self.lo.date(), self.hi.date()
        if hirer_id is None or lo is None or hi is None:
            self._show([], "Choose the hirer and the period to see what is due.")
            return
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: charges_due(sessions, hirer_id, lo, hi),
            lambda rows: self._show(rows),
            lambda exc: self._show([], str(exc)) if isinstance(exc, GrassrootsError) else None,
            parent=self,
        )

    def _show(self, rows: list[InvoiceLineRow], words: str = "") -> None:
        self.due = rows
        self.lines.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [row.description, str(row.quantity), row.unit.format(), row.amount.format()]
            )
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.lines.addTopLevelItem(item)
        total = Money(sum(r.amount.pence for r in rows))
        self.total.setText(
            words or (f"Total {total.format()}" if rows else "Nothing is due for this period.")
        )
        self.ok.setEnabled(bool(rows))

    def submit(self) -> None:
        problems = {
            "lo": self.lo.problem(),
            "period": self.hi.problem(),
            "issued_on": self.issued.problem(),
        }
        if self.hirer.currentData() is None:
            problems["hirer_id"] = "Choose the hirer"
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, hirer_id = self.ctx.sessions, self.hirer.currentData()
        lo, hi, issued = self.lo.date(), self.hi.date(), self.issued.date()
        days, notes = self.days.value(), self.notes.text()
        self.run_save(lambda: issue_invoice(sessions, hirer_id, lo, hi, issued, days, notes))
