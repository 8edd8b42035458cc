"""The balance of each account today, shown above the cash book, and what is left to do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from grassroots.accounts.records import Balance
from grassroots.core.money import Money
from grassroots.ui.theme import COLOURS, set_role


class BalanceCard(QFrame):
    """One account's name and balance; red when overdrawn."""

    def __init__(self, name: str, amount: Money, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.name = set_role(QLabel(name), "muted")
        self.amount = QLabel(amount.format())
        self.amount.setObjectName("balanceAmount")
        font = self.amount.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.amount.setFont(font)
        colour = COLOURS.error if amount.pence < 0 else COLOURS.text
        self.amount.setStyleSheet(f"color: {colour};")
        self.setAccessibleName(f"{name}: {amount.format()}")
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 8, 18, 10)
        column.setSpacing(2)
        column.addWidget(self.name)
        column.addWidget(self.amount)


class BalanceStrip(QWidget):
    """A card per account and the total; a link to the entries still to categorise."""

    categorise_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("balanceStrip")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(10)
        self.cards: list[BalanceCard] = []
        self.to_do = QPushButton()
        self.to_do.setObjectName("toCategoriseLink")
        set_role(self.to_do, "link")
        self.to_do.clicked.connect(self.categorise_requested)
        self.row.addStretch(1)
        self.row.addWidget(self.to_do)

    def show_balances(self, balances: list[Balance], to_categorise: int) -> None:
        for card in self.cards:
            self.row.removeWidget(card)
            card.deleteLater()
        self.cards = [BalanceCard(b.name, b.amount) for b in balances]
        if len(balances) > 1:
            total = Money(sum(b.amount.pence for b in balances))
            self.cards.append(BalanceCard("All accounts", total))
        for position, card in enumerate(self.cards):
            self.row.insertWidget(position, card)
        noun = "entry" if to_categorise == 1 else "entries"
        self.to_do.setText(f"{to_categorise:,} {noun} to categorise")
        self.to_do.setVisible(to_categorise > 0)

    def balance_texts(self) -> dict[str, str]:
        return {card.name.text(): card.amount.text() for card in self.cards}
