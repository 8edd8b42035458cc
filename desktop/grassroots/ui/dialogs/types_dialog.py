"""Editing the membership types: name, fee, how long it lasts, household cover, in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.members.records import MembershipTypeInfo, MembershipTypeInput
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.money_edit import MoneyEdit


def describe(kind: MembershipTypeInfo) -> str:
    period = "never expires" if kind.never_expires else f"{kind.period_months} months"
    extra = ", whole household" if kind.covers_household else ""
    unused = " (not in use)" if not kind.active else ""
    return f"{kind.name} — {kind.fee.format()}, {period}{extra}{unused}"


class TypesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.types: list[MembershipTypeInfo] = []
        self.editing: int | None = None
        self.setObjectName("typesDialog")
        self.setWindowTitle("Membership types")
        self.setMinimumSize(680, 400)
        self.list = QListWidget()
        self.list.setObjectName("types")
        self.list.setAccessibleName("Membership types")
        self.new_button = QPushButton("&New type")
        self.new_button.setObjectName("new_type")
        self.name = QLineEdit()
        self.name.setObjectName("type_name")
        self.fee = MoneyEdit()
        self.fee.setObjectName("type_fee")
        self.fee.setMaximumWidth(140)
        self.period = QSpinBox()
        self.period.setObjectName("type_period")
        self.period.setRange(0, 120)
        self.period.setValue(12)
        self.period.setSuffix(" months")
        self.period.setSpecialValueText("Never expires")
        self.period.setMaximumWidth(160)
        self.household = QCheckBox("Covers everyone in the household")
        self.active = QCheckBox("In use (offered when people join or renew)")
        self.gift_aid = QCheckBox("Subscriptions can be Gift Aided")
        self.gift_aid.setToolTip(
            "Only when membership brings no significant benefit (a vote and a newsletter, not "
            "free entry or discounts). Reminder letters then carry a Gift Aid declaration."
        )
        self.description = QLineEdit()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_error = add_field(form, "&Name", self.name)
        self.fee_error = add_field(form, "&Fee", self.fee)
        add_field(form, "&Lasts", self.period, with_error=False)
        add_field(form, "", self.household, with_error=False)
        add_field(form, "", self.active, with_error=False)
        add_field(form, "", self.gift_aid, with_error=False)
        add_field(form, "&Description", self.description, with_error=False)
        hint = QLabel("Set 0 months for life or honorary membership that never runs out.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.save_button = QPushButton("&Save type")
        self.save_button.setObjectName("save_type")
        self.save_button.setDefault(True)
        self.problem = FieldError()
        editor = QVBoxLayout()
        self.editor_title = QLabel()
        font = self.editor_title.font()
        font.setBold(True)
        self.editor_title.setFont(font)
        editor.addWidget(self.editor_title)
        editor.addLayout(form)
        editor.addWidget(hint)
        editor.addWidget(self.problem)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        editor.addLayout(save_row)
        editor.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(12)
        body.addLayout(editor, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(body, 1)
        column.addWidget(close)
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.submit)
        self.name.textChanged.connect(self._check)
        self.fee.textChanged.connect(self._check)
        self.load()

    def load(self, select_id: int | None = None) -> None:
        from grassroots.members.service import list_types

        self.types = list_types(self.ctx.sessions, include_inactive=True)
        self.list.blockSignals(True)
        self.list.clear()
        for kind in self.types:
            item = QListWidgetItem(kind.name if kind.active else f"{kind.name} (not in use)")
            item.setToolTip(describe(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in self.types]
        row = ids.index(select_id) if select_id in ids else 0
        if self.types:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.start_new()

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.types):
            return
        kind = self.types[row]
        self.editing = kind.id
        self.editor_title.setText(f"Edit “{kind.name}”")
        self.name.setText(kind.name)
        self.fee.set_value(kind.fee)
        self.period.setValue(kind.period_months)
        self.household.setChecked(kind.covers_household)
        self.active.setChecked(kind.active)
        self.gift_aid.setChecked(kind.gift_aid_eligible)
        self.description.setText(kind.description)
        self._check()

    def start_new(self) -> None:
        self.list.clearSelection()
        self.editing = None
        self.editor_title.setText("New membership type")
        self.name.clear()
        self.fee.set_value(Money(0))
        self.period.setValue(12)
        self.household.setChecked(False)
        self.active.setChecked(True)
        self.gift_aid.setChecked(False)
        self.description.clear()
        self.name.setFocus()
        self._check()

    def _check(self) -> None:
        empty = not self.name.text().strip()
        self.name_error.show_error(
            "Give the membership type a name" if empty and self.name.isModified() else ""
        )
        self.fee_error.show_error(self.fee.problem())
        self.save_button.setEnabled(not empty and self.fee.is_valid())

    def data(self) -> MembershipTypeInput:
        return MembershipTypeInput(
            name=self.name.text().strip(),
            fee=self.fee.value() or Money(0),
            period_months=self.period.value(),
            covers_household=self.household.isChecked(),
            active=self.active.isChecked(),
            description=self.description.text().strip(),
            gift_aid_eligible=self.gift_aid.isChecked(),
        )

    def submit(self) -> None:
        from grassroots.members.service import save_type

        sessions, data, type_id = self.ctx.sessions, self.data(), self.editing
        self.problem.show_error("")
        self.ctx.tasks.run(
            lambda: save_type(sessions, data, type_id), self._saved, self._failed, parent=self
        )

    def _saved(self, kind: MembershipTypeInfo) -> None:
        self.ctx.events.changed.emit("members")
        self.load(kind.id)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self.name_error.show_error(exc.fields.get("name", ""))
            self.fee_error.show_error(exc.fields.get("fee", ""))
            self.problem.show_error(exc.fields.get("period_months", ""))
        else:
            self.problem.show_error(str(exc))
