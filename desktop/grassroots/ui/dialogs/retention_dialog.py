"""The retention review: people whose membership lapsed or ended longer ago than the group keeps
details for. Each is erased, or kept for another year with a reason noted on their record."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.ui.context import AppContext
from grassroots.ui.members.tables import SmallTable
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.field_error import FieldError


class RetentionDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cases: list = []
        self.box: QWidget | None = None
        self.setObjectName("retentionDialog")
        self.setWindowTitle("Retention review")
        self.setMinimumSize(640, 440)
        months = ctx.settings().retention_months
        intro = QLabel(
            f"These people left more than {months} months ago. UK GDPR says not to keep "
            "personal details longer than needed: erase each one, or keep them for another "
            "year and say why (for example, a life member's family asked us to)."
        )
        intro.setWordWrap(True)
        self.table = SmallTable(("Name", "Left on", "Last reviewed"), "People due for review")
        self.table.setObjectName("retention_cases")
        self.empty = QLabel(
            f"Nobody is due for review. Lapsed members appear here after {months} months."
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("keep_reason")
        self.reason.setPlaceholderText("Why keep them? e.g. rejoining at the AGM")
        self.reason.setAccessibleName("Reason for keeping")
        reason_label = QLabel("&Reason")
        reason_label.setBuddy(self.reason)
        self.keep_button = QPushButton("&Keep for a year")
        self.keep_button.setObjectName("keep_button")
        self.erase_button = QPushButton("&Erase…")
        self.erase_button.setObjectName("erase_button")
        self.problem = FieldError()
        actions = QHBoxLayout()
        actions.addWidget(reason_label)
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.keep_button)
        actions.addSpacing(12)
        actions.addWidget(self.erase_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        column.addLayout(actions)
        column.addWidget(self.problem)
        column.addWidget(close)
        self.table.itemSelectionChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.keep_button.clicked.connect(self.keep)
        self.erase_button.clicked.connect(self.confirm_erase)
        self.load()

    def load(self) -> None:
        from grassroots.members.retention import retention_queue

        self.cases = retention_queue(self.ctx.sessions)
        self.table.fill(
            [
                (c.name, format_date(c.left_on), format_date(c.reviewed_on) or "Never")
                for c in self.cases
            ],
            [c.person_id for c in self.cases],
        )
        self.table.setVisible(bool(self.cases))
        self.empty.setVisible(not self.cases)
        if self.cases:
            self.table.selectRow(0)
        self._update()

    def _selected(self):
        key = self.table.current_key()
        return next((c for c in self.cases if c.person_id == key), None)

    def _update(self) -> None:
        case = self._selected()
        self.erase_button.setEnabled(case is not None)
        self.keep_button.setEnabled(case is not None and bool(self.reason.text().strip()))

    def keep(self) -> None:
        from grassroots.members.retention import keep_after_review

        case, reason, sessions = self._selected(), self.reason.text(), self.ctx.sessions
        if case is None:
            return
        self._run(lambda: keep_after_review(sessions, case.person_id, reason))

    def confirm_erase(self) -> None:
        case = self._selected()
        if case is None:
            return
        from grassroots.people.gdpr import erase_person

        sessions = self.ctx.sessions
        self.box = ask(
            self,
            "Erase this person",
            f"Erase {case.name}? This cannot be undone.",
            "Erase",
            lambda: self._run(lambda: erase_person(sessions, case.person_id)),
            detail="Their details and consent log are removed. Payments stay in the accounts, "
            "anonymised, because the law requires financial records to be kept.",
        )

    def _run(self, job) -> None:
        def done(_r: object) -> None:
            self.reason.clear()
            self.ctx.events.changed.emit("members")
            self.load()

        self.ctx.tasks.run(job, done, lambda exc: self.problem.show_error(str(exc)), parent=self)
