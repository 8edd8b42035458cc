"""The booking secretary's invoices: who owes what, what is overdue, payments coming in, and the
deposits still held. Payments and deposits taken before the treasurer has started the books
wait; a banner says so and posts them once the books exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.deposits import DepositRow, deposits_awaited, deposits_held
from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.invoices import (
    cancel_invoice,
    list_invoices,
    post_waiting_payments,
    waiting_payments,
)
from grassroots.bookings.records import HirerRow, InvoiceDetail
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.ui.bookings.deposit_dialog import DepositDialog
from grassroots.ui.bookings.invoice_dialog import InvoiceDialog
from grassroots.ui.bookings.payment_dialog import PaymentDialog
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.actions import page_button
from grassroots.ui.widgets.confirm import ask, tell
from grassroots.ui.widgets.list_tree import list_tree
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, write_then_offer

ROW = Qt.ItemDataRole.UserRole
COLUMNS = ("Number", "Hirer", "Issued", "Due", "Total", "Owed", "Status")
DEPOSIT_COLUMNS = ("Hirer", "Room", "Booking", "Deposit", "State")


def status_text(invoice: InvoiceDetail, today: date) -> str:
    """The invoice's state in words; 'Overdue' once the due date has passed unpaid."""
    if invoice.cancelled:
        return "Cancelled"
    if invoice.outstanding.pence <= 0:
        return "Paid"
    waiting = any(not p.posted for p in invoice.payments)
    state = "Overdue" if invoice.due_on < today else "Part paid" if invoice.payments else "Unpaid"
    return state + (" · payment waiting for the books" if waiting else "")


@dataclass(frozen=True)
class Snapshot:
    hirers: list[HirerRow]
    invoices: list[InvoiceDetail]
    deposits: list[DepositRow]
    waiting: int


class InvoicesPage(QWidget):
    """A tab of the Bookings area. `loaded` is emitted each time the lists are shown afresh."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.setObjectName("invoicesPage")
        self.hirers: list[HirerRow] = []
        self._wanted: int | None = None  # a hirer asked for before the list of hirers is in
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(set_role(QLabel("Invoices"), "title"))

        self.banner = QFrame()
        self.banner.setObjectName("notice")
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel("")
        self.banner_text.setObjectName("invoicesWaiting")
        self.banner_text.setWordWrap(True)
        self.post_now = QPushButton("&Post them now")
        self.post_now.setObjectName("invoicesPostNow")
        self.post_now.clicked.connect(self.post_waiting)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.post_now)
        self.banner.hide()
        column.addWidget(self.banner)

        filters = QHBoxLayout()
        self.hirer = QComboBox()
        self.hirer.setObjectName("invoicesHirer")
        self.hirer.setAccessibleName("Show invoices for")
        self.hirer.addItem("Every hirer", None)
        self.unpaid = QCheckBox("&Unpaid only")
        self.unpaid.setObjectName("invoicesUnpaid")
        caption = QLabel("&Show")
        caption.setBuddy(self.hirer)
        filters.addWidget(caption)
        filters.addWidget(self.hirer, 1)
        filters.addWidget(self.unpaid)
        filters.addStretch(1)
        column.addLayout(filters)

        self.table = list_tree("invoicesTable", "Invoices", COLUMNS, 1)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemActivated.connect(lambda *_: self.record_payment())
        column.addWidget(self.table, 3)

        buttons = QHBoxLayout()
        self.new_button = self._button(buttons, "&New invoice…", "invoicesNew", self.new_invoice)
        self.pay_button = self._button(
            buttons, "&Record payment…", "invoicesPay", self.record_payment
        )
        self.print_button = self._button(buttons, "&Print…", "invoicesPrint", self.print_invoice)
        self.cancel_button = self._button(buttons, "&Cancel invoice", "invoicesCancel", self.cancel)
        set_role(self.new_button, "primary")
        buttons.addStretch(1)
        self.count = set_role(QLabel(""), "muted")
        buttons.addWidget(self.count)
        column.addLayout(buttons)

        column.addWidget(set_role(QLabel("Deposits"), "heading"))
        explain = QLabel(
            "Deposits asked for and not yet paid, and those held until the hirer has left the "
            "hall as they found it. A part kept back is not paid out, so it stays in the books."
        )
        set_role(explain, "muted").setWordWrap(True)
        column.addWidget(explain)
        self.deposits = list_tree("depositsTable", "Deposits", DEPOSIT_COLUMNS, 0)
        self.deposits.itemSelectionChanged.connect(self._enable)
        self.deposits.itemActivated.connect(lambda *_: self.settle_deposit())
        column.addWidget(self.deposits, 2)
        deposit_buttons = QHBoxLayout()
        self.deposit_button = self._button(
            deposit_buttons, "&Deposit received…", "depositsSettle", self.settle_deposit
        )
        deposit_buttons.addStretch(1)
        column.addLayout(deposit_buttons)

        self.hirer.currentIndexChanged.connect(self.reload)
        self.unpaid.toggled.connect(self.reload)
        ctx.events.changed.connect(self._changed)
        self._enable()
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, name: str, slot) -> QPushButton:
        button = page_button(text, name, slot)
        row.addWidget(button)
        return button

    def _today(self) -> date:
        return self.today or date.today()

    def _changed(self, area: str) -> None:
        if area in ("bookings", "accounts"):
            self.reload()

    def show_hirer(self, hirer_id: int) -> None:
        """Show only this hirer's invoices (from a hirer's page)."""
        self._wanted = hirer_id
        index = self.hirer.findData(hirer_id)
        if index >= 0:
            self.hirer.setCurrentIndex(index)
        else:
            self.reload()

    def refresh(self) -> None:
        """The area's word for reload: a tab refreshes whenever it is shown."""
        self.reload()

    def reload(self) -> None:
        sessions = self.ctx.sessions
        wanted = self._wanted or self.hirer.currentData()
        unpaid = self.unpaid.isChecked()

        def job() -> Snapshot:
            return Snapshot(
                list_hirers(sessions, include_inactive=True),
                list_invoices(sessions, wanted, unpaid),
                deposits_awaited(sessions) + deposits_held(sessions),
                waiting_payments(sessions),
            )

        self.ctx.tasks.run(job, self._show, parent=self)

    def _show(self, snap: Snapshot) -> None:
        wanted = self._wanted or self.hirer.currentData()
        self._wanted = None
        self.hirers = snap.hirers
        self.hirer.blockSignals(True)
        self.hirer.clear()
        self.hirer.addItem("Every hirer", None)
        for row in snap.hirers:
            self.hirer.addItem(row.name, row.id)
        self.hirer.setCurrentIndex(max(self.hirer.findData(wanted), 0))
        self.hirer.blockSignals(False)
        chosen = self.chosen()
        self.table.clear()
        today = self._today()
        for invoice in snap.invoices:
            item = QTreeWidgetItem(
                [
                    invoice.reference,
                    invoice.hirer.name,
                    format_date(invoice.issued_on),
                    format_date(invoice.due_on),
                    invoice.total.format(),
                    invoice.outstanding.format(),
                    status_text(invoice, today),
                ]
            )
            item.setData(0, ROW, invoice)
            for col in (4, 5):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            self.table.addTopLevelItem(item)
            if chosen and chosen.id == invoice.id:
                self.table.setCurrentItem(item)
        owed = sum(i.outstanding.pence for i in snap.invoices)
        self.count.setText(
            f"{len(snap.invoices)} invoice{'s' if len(snap.invoices) != 1 else ''}, "
            f"{Money(owed).format()} owed"
        )
        self.deposits.clear()
        for deposit in snap.deposits:
            item = QTreeWidgetItem(
                [
                    deposit.who,
                    deposit.room,
                    format_date(deposit.first_on),
                    deposit.amount.format(),
                    deposit.state + ("" if deposit.posted else " · waiting for the books"),
                ]
            )
            item.setData(0, ROW, deposit)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
            self.deposits.addTopLevelItem(item)
        if snap.waiting:
            self.banner_text.setText(
                f"{snap.waiting} payment{'s' if snap.waiting != 1 else ''} taken before the "
                "treasurer started the books "
                f"{'is' if snap.waiting == 1 else 'are'} waiting to go into the cash book."
            )
        self.banner.setVisible(bool(snap.waiting))
        self._enable()
        self.loaded.emit()

    def chosen(self) -> InvoiceDetail | None:
        item = self.table.currentItem()
        return item.data(0, ROW) if item is not None and item.isSelected() else None

    def chosen_deposit(self) -> DepositRow | None:
        item = self.deposits.currentItem()
        return item.data(0, ROW) if item is not None and item.isSelected() else None

    def _enable(self) -> None:
        invoice = self.chosen()
        live = invoice is not None and not invoice.cancelled
        self.pay_button.setEnabled(live and invoice.outstanding.pence > 0)
        self.print_button.setEnabled(invoice is not None)
        self.cancel_button.setEnabled(live and not invoice.payments)
        deposit = self.chosen_deposit()
        self.deposit_button.setEnabled(deposit is not None)
        self.deposit_button.setText(
            "&Return deposit…" if deposit and deposit.received_on else "&Deposit received…"
        )

    def _open(self, dialog) -> None:
        dialog.saved.connect(lambda _result: self.reload())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_invoice(self) -> InvoiceDialog:
        active = [h for h in self.hirers if h.active]
        dialog = InvoiceDialog(
            self.ctx, active, self.hirer.currentData(), self._today(), parent=self
        )
        self._open(dialog)
        return dialog

    def record_payment(self) -> PaymentDialog | None:
        invoice = self.chosen()
        if invoice is None or not self.pay_button.isEnabled():
            return None
        dialog = PaymentDialog(self.ctx, invoice, self._today(), parent=self)
        self._open(dialog)
        return dialog

    def settle_deposit(self) -> DepositDialog | None:
        deposit = self.chosen_deposit()
        if deposit is None:
            return None
        dialog = DepositDialog(self.ctx, deposit, self._today(), parent=self)
        self._open(dialog)
        return dialog

    def cancel(self):
        invoice = self.chosen()
        if invoice is None or not self.cancel_button.isEnabled():
            return None
        sessions = self.ctx.sessions

        def go() -> None:
            self.ctx.tasks.run(
                lambda: cancel_invoice(sessions, invoice.id),
                lambda _r: self.ctx.events.changed.emit("bookings"),
                lambda exc: tell(self, "Not cancelled", str(exc)),
                parent=self,
            )

        return ask(
            self,
            "Cancel invoice",
            f"Cancel {invoice.reference} to {invoice.hirer.name} for {invoice.total.format()}?",
            "Cancel invoice",
            go,
            detail="Its dates become due again and can go on a new invoice. "
            "The number is not used again.",
        )

    def print_invoice(self) -> None:
        invoice = self.chosen()
        if invoice is None:
            return
        path = ask_save_path(self, "Save the invoice", f"{invoice.reference}.pdf", PDF_FILTER)
        if path is not None:
            self.write_invoice(invoice, path)

    def write_invoice(self, invoice: InvoiceDetail, path) -> None:
        sessions = self.ctx.sessions

        def job():
            from grassroots.bookings.documents import write_invoice

            return write_invoice(sessions, invoice.id, path)

        write_then_offer(self.ctx, self, path, job, "Writing the invoice…")

    def post_waiting(self) -> None:
        sessions = self.ctx.sessions

        def done(posted: int) -> None:
            self.ctx.events.changed.emit("accounts")
            if not posted:
                tell(
                    self,
                    "Still waiting",
                    "Nothing could go into the books yet: the treasurer needs to add an "
                    "account open on the days the money was taken.",
                )

        self.ctx.tasks.run(lambda: post_waiting_payments(sessions), done, parent=self)
