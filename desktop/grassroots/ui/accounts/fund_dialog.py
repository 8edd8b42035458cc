"""Add or change a fund: its name, kind, what it is for, and (when restricted) who gave it.

The kinds are explained in the list itself, since "restricted" and "designated" are words a
new treasurer meets here first. The General fund's name and kind are shown but fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from grassroots.accounts import funds
from grassroots.accounts.funds import GIVEN_KINDS, FundRow
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, frame_form, show_problems

KINDS = (
    ("Restricted: the giver said what it is for", "restricted"),
    ("Designated: the committee set it aside", "designated"),
    ("Unrestricted: for any of the group's purposes", "unrestricted"),
    ("Endowment: capital to keep, not spend", "endowment"),
)
KIND_NAMES = {
    "restricted": "Restricted",
    "designated": "Designated",
    "unrestricted": "Unrestricted",
    "endowment": "Endowment",
}


class FundDialog(SavingDialog):
    """A new fund (`fund` None) or one to change."""

    area = "accounts"  # `saved` gives the FundRow

    def __init__(self, ctx: AppContext, fund: FundRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.fund = ctx, fund
        self.setObjectName("fundDialog")
        self.setWindowTitle("Change a fund" if fund else "Add a fund")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._make_fields()
        title = set_role(QLabel(f"Change {fund.name}" if fund else "Add a fund"), "heading")
        explain = set_role(QLabel(self._explanation()), "muted")
        explain.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "name": add_field(form, "&Name", self.name),
            "kind": add_field(form, "&Kind", self.kind),
            "purpose": add_field(form, "&Purpose", self.purpose),
            "funder": add_field(form, "&Given by", self.funder),
        }
        ok_text = "&Save" if fund else "&Add fund"
        self.problem, self.buttons, self.ok = frame_form(
            self, title, explain, form, ok_text, "fundOk", self.submit
        )
        self._fill(fund)
        self.name.setFocus()

    def _make_fields(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("fundName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText("e.g. Youth club grant, Roof appeal")
        self.kind = QComboBox()
        self.kind.setObjectName("fundKind")
        for label, kind in KINDS:
            self.kind.addItem(label, kind)
        self.purpose = QPlainTextEdit()
        self.purpose.setObjectName("fundPurpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setPlaceholderText("What the money may be spent on")
        self.purpose.setFixedHeight(int(self.fontMetrics().lineSpacing() * 4.2))
        self.funder = QLineEdit()
        self.funder.setObjectName("fundFunder")
        self.funder.setMaxLength(200)
        self.funder.setPlaceholderText("e.g. National Lottery Awards for All, grant 12345")
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _explanation(self) -> str:
        if self.fund is not None and self.fund.general:
            return (
                "The General fund holds the money the committee may spend on anything; "
                "its name and kind stay as they are."
            )
        return (
            "Keep money given for a purpose in a fund of its own, so the accounts show it "
            "went where the giver asked."
        )

    def _fill(self, fund: FundRow | None) -> None:
        if fund is not None:
            self.name.setText(fund.name)
            self.kind.setCurrentIndex(max(self.kind.findData(fund.kind), 0))
            self.purpose.setPlainText(fund.purpose)
            self.funder.setText(fund.funder)
            if fund.general:
                self.name.setReadOnly(True)
                self.kind.setEnabled(False)
        self._kind_changed()

    def _kind_changed(self, _index: int = 0) -> None:
        given = self.kind.currentData() in GIVEN_KINDS
        self.funder.setEnabled(given)
        self.funder.setPlaceholderText(
            "e.g. National Lottery Awards for All, grant 12345" if given else "Not needed"
        )

    # ------------------------------------------------------------ saving
    def submit(self) -> None:
        problems = {}
        if not self.name.text().strip():
            problems["name"] = "Give the fund a name"
        if self.kind.currentData() == "restricted" and not self.purpose.toPlainText().strip():
            problems["purpose"] = "Say what the money may be spent on"
        show_problems(self.errors, problems)
        if problems:
            return
        self.run_save(self._job())

    def _job(self):
        sessions, fund = self.ctx.sessions, self.fund
        name, kind = self.name.text(), self.kind.currentData()
        purpose, funder = self.purpose.toPlainText(), self.funder.text()
        if fund is None:
            return lambda: funds.open_fund(sessions, name, kind, purpose, funder)
        return lambda: funds.change_fund(sessions, fund.id, name, kind, purpose, funder)
