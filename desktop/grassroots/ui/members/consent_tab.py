"""The Consent log tab: every consent given and withdrawn, with Add and Withdraw."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from grassroots.core.dates import format_date
from grassroots.people.records import ConsentEntry
from grassroots.ui.context import AppContext
from grassroots.ui.members.tables import SmallTable
from grassroots.ui.widgets.confirm import ask


class ConsentTab(QWidget):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id, self.person_name = ctx, person_id, ""
        self.entries: tuple[ConsentEntry, ...] = ()
        self.dialog: QWidget | None = None
        intro = QLabel(
            "What this person has agreed to hear about, and on what basis. Withdrawn entries stay "
            "in the log as a record."
        )
        intro.setWordWrap(True)
        self.table = SmallTable(
            (
                "Purpose",
                "Channel",
                "Basis",
                "Given on",
                "How",
                "Source",
                "Opt-out offered",
                "Withdrawn",
            ),
            "Consent log",
        )
        self.table.setObjectName("consents")
        self.add_button = QPushButton("&Add consent…")
        self.add_button.setObjectName("add_consent")
        self.withdraw_button = QPushButton("&Withdraw")
        self.withdraw_button.setObjectName("withdraw_consent")
        self.add_button.clicked.connect(self.add)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.table.itemSelectionChanged.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)

    def show_entries(self, person_name: str, entries: tuple[ConsentEntry, ...]) -> None:
        self.person_name, self.entries = person_name, entries
        self.table.fill(
            [
                (
                    e.purpose,
                    e.channel.capitalize(),
                    e.basis.capitalize(),
                    format_date(e.given_on),
                    e.method,
                    e.source,
                    "Yes" if e.opt_out_offered else "No",
                    format_date(e.withdrawn_on),
                )
                for e in entries
            ],
            [e.id for e in entries],
        )
        self._update()

    def _selected(self) -> ConsentEntry | None:
        key = self.table.current_key()
        return next((e for e in self.entries if e.id == key), None)

    def _update(self) -> None:
        entry = self._selected()
        self.withdraw_button.setEnabled(entry is not None and entry.active)

    def add(self) -> None:
        from grassroots.ui.dialogs.consent_dialog import ConsentDialog

        self.dialog = ConsentDialog(self.ctx, self.person_id, self.person_name, self)
        self.dialog.open()

    def withdraw(self) -> None:
        entry = self._selected()
        if entry is None or not entry.active:
            return
        from grassroots.people.service import withdraw_consent

        sessions = self.ctx.sessions

        def confirmed() -> None:
            self.ctx.tasks.run(
                lambda: withdraw_consent(sessions, entry.id),
                lambda _r: self.ctx.events.changed.emit("members"),
                parent=self,
            )

        self.dialog = ask(
            self,
            "Withdraw consent",
            f"Record that {self.person_name} withdrew consent for “{entry.purpose}” by "
            f"{entry.channel} today?",
            "Withdraw",
            confirmed,
            detail="The entry stays in the log with today's date as the withdrawal.",
        )
