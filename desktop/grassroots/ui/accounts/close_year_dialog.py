"""Closing a financial year: what it means, what the checks found, the trustees' approval, and
a deliberate confirmation, since closing cannot be undone from the window.

The checks shown are the page's; `close_year` runs them again before it closes anything.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.year_end_checks import YearEndStatus, close_year
from grassroots.core.dates import format_date
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.form_dialog import show_failure, show_problems

GOOD = "#2f6b3a"


def _paragraph(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if role:
        set_role(label, role)
    return label


def carried_forward(status: YearEndStatus) -> list[str]:
    """'Roof appeal: £1,171.40' for each restricted or endowment fund with money left."""
    return [
        f"{fund.name}: {fund.at_end.format()}"
        for fund in status.assets.cash_by_fund
        if fund.column in ("restricted", "endowment") and fund.at_end.pence != 0
    ]


class CloseYearDialog(QDialog):
    """`closed(FinancialYearInfo)` once the year is closed."""

    closed = Signal(object)

    def __init__(self, ctx: AppContext, status: YearEndStatus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.status = ctx, status
        year = status.year
        self.setObjectName("closeYearDialog")
        self.setWindowTitle(f"Close the year {year.name}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        column.addWidget(set_role(QLabel(f"Close the year {year.name}"), "heading"))
        column.addWidget(self._meaning())
        column.addWidget(set_role(QLabel("Checks"), "heading"))
        self.check_lines = self._checks()
        for line in self.check_lines:
            column.addWidget(line)
        column.addWidget(set_role(QLabel("The trustees’ approval"), "heading"))
        column.addWidget(
            _paragraph(
                "Close the year once the trustees have approved the accounts, as recorded in "
                "the minutes. The name and date are printed on the accounts.",
                "muted",
            )
        )
        column.addLayout(self._approval_form())
        self.confirm = QCheckBox(
            f"I understand that closing {year.name} locks its entries and cannot be undone"
        )
        self.confirm.setObjectName("confirmClose")
        self.confirm.toggled.connect(self._update_ok)
        column.addWidget(self.confirm)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setAccessibleName(f"Closing {year.name}")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.problem = FieldError()
        self.problem.setObjectName("closeProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("&Close the year", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("closeYearOk")
        set_role(self.ok, "primary")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.problem)
        outer.addWidget(self.buttons)
        # Enter closes the year only once the confirmation is ticked (the button is off before).
        self.ok.setDefault(True)
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(int(50 * em))
        self.resize(int(56 * em), int(64 * em))
        self._update_ok()
        if status.blocking:
            self.problem.show_error("Put right the problems marked ✘ before closing the year.")
        self.name.setFocus()

    # ------------------------------------------------------------ parts

    def _meaning(self) -> QFrame:
        year = self.status.year
        funds = carried_forward(self.status)
        carried = (
            "Unspent restricted money carries forward into next year, in the same fund: "
            + "; ".join(funds)
            + "."
            if funds
            else "Any unspent restricted money would carry forward into next year in the "
            "same fund; this year there is none."
        )
        points = (
            f"Every entry from {format_date(year.starts_on)} to {format_date(year.ends_on)} "
            "is locked: it can no longer be changed or deleted, and nothing new can be "
            "entered in those dates.",
            "A mistake found later is put right with a new entry in an open year (Reverse, "
            "in the cash book), so the approved accounts never change under the trustees.",
            carried,
            "The lists of other assets and liabilities stay as they are now.",
        )
        box = QFrame()
        box.setObjectName("card")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(14, 10, 14, 10)
        inner.addWidget(_paragraph("<b>What closing the year means</b>"))
        for point in points:
            inner.addWidget(_paragraph(f"•&nbsp;{point}"))
        return box

    def _checks(self) -> list[QLabel]:
        status = self.status
        lines = []
        if status.cash_agrees:
            lines.append(_paragraph(f"<span style='color:{GOOD}'>✔ {status.cash_check}</span>"))
        for check in status.checks:
            if check.blocking:
                text = (
                    f"<span style='color:{COLOURS.error}'>✘ <b>{check.title}.</b></span> "
                    f"{check.explanation} <i>This must be put right before closing.</i>"
                )
            else:
                text = (
                    f"<span style='color:{COLOURS.warning}'>⚠ <b>{check.title}.</b></span> "
                    f"{check.explanation} <i>You can still close; the trustees should know.</i>"
                )
            line = _paragraph(text)
            line.setObjectName("blockingCheck" if check.blocking else "warningCheck")
            lines.append(line)
        if not status.checks:
            lines.append(
                _paragraph(f"<span style='color:{GOOD}'>✔ Nothing else to put right.</span>")
            )
        return lines

    def _approval_form(self) -> QFormLayout:
        self.name = QLineEdit()
        self.name.setObjectName("approvedBy")
        self.name.setMaxLength(120)
        self.name.setPlaceholderText("The trustee who signs, e.g. Margaret Ellis")
        self.role = QLineEdit()
        self.role.setObjectName("approvedRole")
        self.role.setMaxLength(60)
        self.role.setPlaceholderText("e.g. Chair, Treasurer")
        self.approved_on = DateEdit(required=True)
        self.approved_on.setObjectName("approvedOn")
        self.approved_on.set_date(date.today())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "approved_by": add_field(form, "Approved &by", self.name),
            "role": add_field(form, "&Role", self.role),
            "approved_on": add_field(form, "Approved &on", self.approved_on),
        }
        em = self.fontMetrics().horizontalAdvance("M")
        self.approved_on.setFixedWidth(int(8 * em))
        return form

    # ------------------------------------------------------------ closing

    def _update_ok(self) -> None:
        blocked = bool(self.status.blocking)
        self.ok.setEnabled(self.confirm.isChecked() and not blocked)
        self.confirm.setEnabled(not blocked)
        if blocked:
            self.ok.setToolTip("Put right the problems marked ✘ first")

    def submit(self) -> None:
        problems = {}
        if not self.name.text().strip():
            problems["approved_by"] = "Give the name of the trustee who approved the accounts"
        if self.approved_on.date() is None:
            problems["approved_on"] = self.approved_on.problem() or "Enter a date"
        show_problems(self.errors, problems)
        if problems or not self.ok.isEnabled():
            return
        sessions, starts_on = self.ctx.sessions, self.status.year.starts_on
        name, role, on = self.name.text(), self.role.text(), self.approved_on.date()
        self.ok.setEnabled(False)
        self.ctx.tasks.run(
            lambda: close_year(sessions, starts_on, name, role, on),
            self._closed,
            self._failed,
            label="Closing the year…",
            parent=self,
        )

    def _closed(self, year) -> None:
        self.closed.emit(year)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._update_ok()
        show_failure(self, self.ctx.tasks, exc, self.errors, self.problem)
