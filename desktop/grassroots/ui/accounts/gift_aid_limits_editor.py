"""The "HMRC limits" part of the Gift Aid tab: the dated figures claims are worked out with,
and adding a new one from the day HMRC changes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.gift_aid_limits import KINDS, LimitLine
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.ui.context import AppContext
from grassroots.ui.members.tables import SmallTable
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import frame_form

EXPLAIN = (
    "HMRC has changed some of these figures before, so each one is kept with the day it took "
    "effect, and every donation is judged by the figure in force on its date. When HMRC "
    "announces a change (check gov.uk's Charities Online guidance), add the new figure from "
    "the day it starts; earlier donations keep the old one. Built-in figures cannot be removed."
)


class LimitsEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[LimitLine] = []
        self.dialog: QWidget | None = None
        explain = set_role(QLabel(EXPLAIN), "muted")
        explain.setWordWrap(True)
        self.table = SmallTable(
            ("Figure", "From", "Value", "Where it comes from", "Kept as"),
            "HMRC limits",
            right_aligned=(2,),
        )
        self.table.setObjectName("hmrcLimits")
        self.table.itemSelectionChanged.connect(self._update)
        self.add_button = QPushButton("Add a &new figure…")
        self.add_button.setObjectName("addLimit")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Re&move figure")
        self.remove_button.setObjectName("removeLimit")
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(explain)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.load()

    def load(self) -> None:
        from grassroots.accounts.gift_aid_limits import list_limits

        self.lines = list_limits(self.ctx.sessions)
        rows, previous = [], ""
        for line in self.lines:
            rows.append(
                (
                    line.label if line.label != previous else "",
                    format_date(line.since),
                    line.shown,
                    line.source,
                    "Built in" if line.built_in else "Added by the group",
                )
            )
            previous = line.label
        self.table.fill(rows, list(range(len(self.lines))))
        self._update()

    def _selected(self) -> LimitLine | None:
        index = self.table.current_key()
        return self.lines[index] if isinstance(index, int) and index < len(self.lines) else None

    def _update(self) -> None:
        line = self._selected()
        self.remove_button.setEnabled(line is not None and not line.built_in)

    def add(self) -> None:
        self.dialog = LimitDialog(self.ctx, self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()

    def remove(self) -> None:
        line = self._selected()
        if line is None or line.id is None:
            return
        from grassroots.accounts.gift_aid_limits import remove_limit

        sessions, limit_id = self.ctx.sessions, line.id

        def confirmed() -> None:
            self.ctx.tasks.run(lambda: remove_limit(sessions, limit_id), self._changed, parent=self)

        self.dialog = ask(
            self,
            "Remove a figure",
            f"Remove “{line.label}: {line.shown} from {format_date(line.since)}”?",
            "Remove",
            confirmed,
            detail="Donations from that day are then judged by the figure before it.",
        )

    def _changed(self, _result: object = None) -> None:
        self.load()
        self.ctx.events.changed.emit("accounts")


class LimitDialog(QDialog):
    """A figure HMRC changed, from the day it takes effect."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("limitDialog")
        self.setWindowTitle("Add a new HMRC figure")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.kind = QComboBox()
        self.kind.setObjectName("limitKind")
        for item in KINDS:
            self.kind.addItem(item.label, item)
        self.since = DateEdit(required=True)
        self.since.setObjectName("limitSince")
        self.since.setMaximumWidth(140)
        self.value = QLineEdit()
        self.value.setObjectName("limitValue")
        self.value.setMaximumWidth(140)
        self.source = QLineEdit()
        self.source.setObjectName("limitSource")
        self.source.setMaxLength(200)
        self.source.setPlaceholderText("e.g. gov.uk Charities Online guidance, 28/11/2025")
        heading = set_role(QLabel("A new figure from HMRC"), "heading")
        explain = set_role(
            QLabel("Donations from the day it takes effect are judged by the new figure."),
            "muted",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        add_field(form, "&Figure", self.kind, with_error=False)
        self.since_error = add_field(form, "&From", self.since)
        self.value_error = add_field(form, "&Value", self.value)
        add_field(form, "&Where from", self.source, with_error=False)
        self.problem, _buttons, self.ok = frame_form(
            self, heading, explain, form, "&Add figure", "saveLimit", self.submit
        )

    def submit(self) -> None:
        self.since_error.show_error(self.since.problem())
        kind, since = self.kind.currentData(), self.since.date()
        try:
            value = kind.read(self.value.text())
        except ValueError as exc:
            self.value_error.show_error(str(exc))
            return
        self.value_error.show_error("")
        if since is None:
            return
        from grassroots.accounts.gift_aid_limits import add_limit

        sessions, source = self.ctx.sessions, self.source.text()
        self.ok.setEnabled(False)
        self.ctx.tasks.run(
            lambda: add_limit(sessions, kind.name, since, value, source),
            lambda _line: self.accept(),
            self._failed,
            parent=self,
        )

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            errors = {"since": self.since_error, "value": self.value_error}
            for key, message in exc.fields.items():
                errors.get(key, self.problem).show_error(message)
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)
