"""Recording one consent (or other lawful basis) for contacting a person: what for, how, when,
where it came from and whether they were offered a way out — what UK GDPR asks us to show."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from grassroots.people.records import ConsentInput
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field

PURPOSES = (
    "Newsletter",
    "News and events",
    "Renewal reminders",
    "Fundraising appeals",
    "Volunteering opportunities",
)
CHANNELS = (("Email", "email"), ("Post", "post"), ("Phone", "phone"), ("Text message", "sms"))
BASES = (
    ("Consent", "consent"),
    ("Charitable soft opt-in", "charitable soft opt-in"),
    ("Legitimate interest", "legitimate interest"),
    ("Membership (contract)", "contract"),
)
METHODS = (
    "Tick box on membership form",
    "Online form",
    "Told us by email",
    "Told us in person",
    "Phone call",
)


class ConsentDialog(QDialog):
    def __init__(
        self, ctx: AppContext, person_id: int, person_name: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.setObjectName("consentDialog")
        self.setWindowTitle(f"Record consent — {person_name}")
        self.setMinimumWidth(480)
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(PURPOSES)
        self.purpose.setObjectName("purpose")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for label, value in CHANNELS:
            self.channel.addItem(label, value)
        self.basis = QComboBox()
        self.basis.setObjectName("basis")
        for label, value in BASES:
            self.basis.addItem(label, value)
        self.given_on = DateEdit(required=True)
        self.given_on.set_date(date.today())
        self.given_on.setMaximumWidth(140)
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems(METHODS)
        self.source = QLineEdit()
        self.source.setPlaceholderText("e.g. 2026 membership form, summer fete stall")
        self.opt_out = QCheckBox("They were offered a simple way to opt out")
        self.opt_out.setChecked(True)
        self.note = QLineEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.purpose_error = add_field(form, "&What for", self.purpose)
        add_field(form, "&Channel", self.channel, with_error=False)
        add_field(form, "&Lawful basis", self.basis, with_error=False)
        self.date_error = add_field(form, "&Given on", self.given_on)
        add_field(form, "&How", self.method, with_error=False)
        add_field(form, "&Source", self.source, with_error=False)
        add_field(form, "", self.opt_out, with_error=False)
        add_field(form, "&Note", self.note, with_error=False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.problem = FieldError()
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.hint)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.basis.currentIndexChanged.connect(self._update)
        self.given_on.textChanged.connect(self._update)
        self.purpose.currentTextChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        basis = self.basis.currentData()
        self.hint.setText(
            {
                "charitable soft opt-in": "Only for a charity's own purposes, with details given "
                "while showing interest or support, and an opt-out offered then and in every "
                "message.",
                "legitimate interest": "Note why contacting them is expected and fair.",
                "contract": "Messages needed to run their membership (renewals, AGM notices).",
            }.get(basis, "They actively agreed, and can withdraw at any time.")
        )
        self.date_error.show_error(self.given_on.problem())
        empty = not self.purpose.currentText().strip()
        self.purpose_error.show_error("Say what the consent is for" if empty else "")
        self.save.setEnabled(self.given_on.is_valid() and not empty)

    def data(self) -> ConsentInput:
        return ConsentInput(
            purpose=self.purpose.currentText().strip(),
            given_on=self.given_on.date() or date.today(),
            channel=self.channel.currentData(),
            basis=self.basis.currentData(),
            method=self.method.currentText().strip(),
            source=self.source.text().strip(),
            opt_out_offered=self.opt_out.isChecked(),
            note=self.note.text().strip(),
        )

    def submit(self) -> None:
        from grassroots.people.service import record_consent

        sessions, person_id, data = self.ctx.sessions, self.person_id, self.data()
        self.save.setEnabled(False)
        self.ctx.tasks.run(
            lambda: record_consent(sessions, person_id, data),
            self._saved,
            self._failed,
            parent=self,
        )

    def _saved(self, _entry: object) -> None:
        self.ctx.events.changed.emit("members")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.problem.show_error(str(exc))
        self.save.setEnabled(True)
