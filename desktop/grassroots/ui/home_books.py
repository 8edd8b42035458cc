"""Home's card for the treasurer: what is held, and the jobs the books are waiting for.

Each job is a link to the Accounts tab where it is done; the card asks the main window to go
there (through `accounts_requested`) rather than knowing the Accounts area itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from grassroots.accounts.summary import BooksSummary
from grassroots.core.dates import format_date
from grassroots.ui.icons import icon
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.links import link_button

# What a link asks for: a tab of the Accounts area, or "to_categorise" for the cash book
# filtered to the lines still waiting for a category.
TO_CATEGORISE = "to_categorise"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _year(start) -> str:
    return f"{start.year}–{str(start.year + 1)[-2:]}"


def jobs(summary: BooksSummary) -> list[tuple[str, str, str]]:
    """(link text, where it leads, a longer spoken name) for each job waiting, most urgent
    first; empty when the books are up to date."""
    found = []
    if summary.to_categorise:
        text = f"Categorise {_plural(summary.to_categorise, 'entry', 'entries')}"
        found.append((text, TO_CATEGORISE, f"{text} imported from the bank"))
    for late in summary.unreconciled:
        when = (
            f"last done {format_date(late.last_reconciled)}"
            if late.last_reconciled
            else "never reconciled"
        )
        found.append(
            (f"Reconcile {late.account} ({when})", "bank", f"Reconcile {late.account}, {when}")
        )
    if summary.gift_aid_donations:
        text = f"Claim {summary.gift_aid_tax.format()} Gift Aid"
        spoken = f"{text} on {_plural(summary.gift_aid_donations, 'donation')}"
        found.append((text, "gift_aid", spoken))
    if summary.year_to_close is not None:
        text = f"Close the {_year(summary.year_to_close)} year"
        found.append((text, "year_end", f"{text}: print the accounts and record approval"))
    return found


class BooksCard(QFrame):
    """The money held, and a link for each job waiting."""

    accounts_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("The books")
        head = QHBoxLayout()
        picture = QLabel()
        size = int(self.fontMetrics().height() * 1.3)
        picture.setPixmap(icon("accounts").pixmap(size, size))
        head.addWidget(picture)
        head.addWidget(set_role(QLabel("The books"), "heading"), 1)
        self.held = set_role(QLabel("–"), "big-number")
        self.held.setObjectName("booksHeld")
        self.caption = set_role(QLabel(""), "muted")
        self.caption.setWordWrap(True)
        self.jobs = QWidget()
        self.open_link = self._link("Open the cash book", "cash_book", "Open the cash book")
        self.open_link.setObjectName("booksOpenLink")
        layout = QVBoxLayout(self)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em, int(em * 0.8), em, int(em * 0.8))
        layout.addLayout(head)
        layout.addWidget(self.held)
        layout.addWidget(self.caption)
        layout.addWidget(self.jobs)
        layout.addStretch(1)
        layout.addWidget(self.open_link)

    def _link(self, text: str, where: str, spoken: str) -> QPushButton:
        button = link_button(text, "booksJobLink", spoken)
        button.clicked.connect(lambda _=False, w=where: self._ask(w))
        return button

    def _ask(self, where: str) -> None:
        self.accounts_requested.emit(where)

    def show_summary(self, summary: BooksSummary) -> None:
        self.held.setText(summary.held.format())
        self.held.setAccessibleName(f"Held in the books: {summary.held.format()}")
        waiting = jobs(summary)
        accounts = _plural(summary.accounts, "account")
        self.caption.setText(
            f"held in {accounts} today" + ("" if waiting else " · the books are up to date")
        )
        box = QWidget()
        lines = QVBoxLayout(box)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        for text, where, spoken in waiting:
            lines.addWidget(self._link(text, where, spoken))
        old = self.jobs
        self.layout().replaceWidget(old, box)
        old.hide()
        old.setParent(None)
        old.deleteLater()
        box.show()
        self.jobs = box
