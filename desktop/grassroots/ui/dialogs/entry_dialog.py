"""A receipt or payment typed in, one after another: Enter saves and clears for the next.

Saving runs in the background worker (one transaction per entry); the form keeps the date,
account and direction for the next entry, because a treasurer types a paying-in book or a
bank statement in runs.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from grassroots.accounts import books
from grassroots.accounts.cash_book import payee_suggestions
from grassroots.accounts.records import EntryView
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.core.money import Money
from grassroots.ui.accounts.entry_form import SPLIT_KEYS, EntryForm
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.field_error import FieldError

FIELD_NAMES = {"on", "account", "amount", "category", "fund", "method", "payee", "reference"}


class EntryDialog(QDialog):
    """New entries (`entry` None: Save and next) or one entry to change (Save)."""

    saved = Signal(object)  # the EntryView written

    def __init__(
        self,
        ctx: AppContext,
        entry: EntryView | None = None,
        last_date: date | None = None,
        account_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.saving = False
        self.count = 0
        self.setObjectName("entryDialog")
        self.setWindowTitle("Change entry" if entry else "New entries")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        sessions = ctx.sessions
        self.form = EntryForm(lambda prefix: payee_suggestions(sessions, prefix))
        self.form.set_choices(
            books.list_accounts(sessions),
            books.list_categories(sessions),
            books.list_funds(sessions),
        )
        heading = QLabel("Change this entry" if entry else "Type a receipt or payment")
        set_role(heading, "heading")
        hint = QLabel(
            ("Enter saves the entry." if entry else "Enter saves each entry and starts the next.")
            + f"\n{SPLIT_KEYS} splits it across categories or funds."
        )
        hint.setObjectName("entryHint")
        set_role(hint, "muted")
        hint.setWordWrap(True)
        self.last = QLabel()
        self.last.setObjectName("lastSaved")
        set_role(self.last, "muted")
        self.last.hide()
        self.problem = FieldError()
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton(
            "Save" if entry else "Save and next", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save.setObjectName("saveEntry")
        self.save.setAutoDefault(True)
        self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if entry
            else QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addSpacing(4)
        column.addWidget(self.form)
        column.addWidget(self.problem)
        column.addStretch(1)
        column.addWidget(self.last)
        column.addWidget(self.buttons)
        self.save.setDefault(True)  # once in the dialog, so Enter presses it
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(int(50 * em))
        if entry is not None:
            self.form.load(entry)
        else:
            self.form.on.set_date(last_date or date.today())
            if account_id is not None:
                index = self.form.account.findData(account_id)
                self.form.account.setCurrentIndex(max(index, 0))
        self.form.on.setFocus()
        self.form.on.selectAll()

    def submit(self) -> None:
        """Save what is typed (Enter). A new entry clears the form for the next one."""
        if self.saving:
            return
        self.problem.show_error("")
        try:
            data = self.form.entry_input()
        except ValidationError:
            return
        self.saving = True
        self.save.setEnabled(False)
        sessions, entry = self.ctx.sessions, self.entry
        if entry is None:
            job = lambda: books.add_entry(sessions, data)  # noqa: E731
        else:
            job = lambda: books.change_entry(sessions, entry.id, data)  # noqa: E731
        self.ctx.tasks.run(job, self._saved, self._failed, label="Saving…", parent=self)

    def _saved(self, view: EntryView) -> None:
        self.saving = False
        self.save.setEnabled(True)
        self.count += 1
        self.ctx.events.changed.emit("accounts")
        self.saved.emit(view)
        if self.entry is not None:
            self.accept()
            return
        way = "in" if view.amount.pence >= 0 else "out"
        who = view.payee or "no payee"
        self.last.setText(
            f"Saved: {view.on:%d/%m/%Y}, {who}, {Money(abs(view.amount.pence)).format()} {way}"
            f" — {self.count} saved so far"
        )
        self.last.show()
        self.form.start_next(view.on)

    def _failed(self, exc: Exception) -> None:
        self.saving = False
        self.save.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.form.show_problems({k: v for k, v in exc.fields.items() if k in FIELD_NAMES})
            others = [v for k, v in exc.fields.items() if k not in FIELD_NAMES]
            self.problem.show_error(" ".join(others))
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)
