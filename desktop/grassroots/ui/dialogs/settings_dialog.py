"""Group settings: who the group is, how membership years run, and what letters say.

Also holds the small form pieces the set-up wizard shares (a field with its error underneath,
a day-and-month picker), so both screens look and behave alike.
"""

from __future__ import annotations

import calendar
from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.errors import ValidationError
from grassroots.group.service import (
    MEMBERSHIP_RULES,
    QUORUM_RULES,
    GroupSettings,
    save_settings,
)
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role

LOGO_MAX_SIDE = 800  # big enough for a crisp letterhead, small enough to keep the file light


class FieldRow(QWidget):
    """An editor with a hint and a red error line under it, shown only when something is wrong."""

    def __init__(self, editor: QWidget, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        if hint:
            hint_label = set_role(QLabel(hint), "muted")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        self.error = set_role(QLabel(), "error")
        self.error.setWordWrap(True)
        self.error.setObjectName(f"{editor.objectName()}Error")
        self.error.hide()
        layout.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.error.setAccessibleName(f"Problem: {message}" if message else "")
        self.editor.setProperty("invalid", bool(message))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


class FieldErrors:
    """Shows a ValidationError's messages beside the fields they are about."""

    def __init__(self) -> None:
        self.rows: dict[str, FieldRow] = {}

    def add(self, field: str, row: FieldRow) -> FieldRow:
        self.rows[field] = row
        return row

    def clear(self) -> None:
        for row in self.rows.values():
            row.set_error(None)

    def show(self, errors: dict[str, str]) -> FieldRow | None:
        """Mark each field; return the first marked row (to focus it). Messages for fields
        without a row are put on the first row, so no message is ever lost."""
        self.clear()
        first, stray = None, []
        for field, message in errors.items():
            row = self.rows.get(field)
            if row is None:
                stray.append(message)
                continue
            row.set_error(message)
            first = first or row
        if stray and self.rows:
            target = first or next(iter(self.rows.values()))
            target.set_error("\n".join(filter(None, [target.error.text(), *stray])))
            first = first or target
        return first


class DayMonthEdit(QWidget):
    """A day (1-28, so every month has it) and a month name: the start of a year."""

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.day = QSpinBox()
        self.day.setRange(1, 28)
        self.day.setAccessibleName(f"{label}: day")
        self.month = QComboBox()
        self.month.addItems(list(calendar.month_name)[1:])
        self.month.setAccessibleName(f"{label}: month")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day)
        layout.addWidget(self.month)
        layout.addStretch(1)
        self.setFocusProxy(self.day)

    def value(self) -> tuple[int, int]:
        return self.day.value(), self.month.currentIndex() + 1

    def set_value(self, day: int, month: int) -> None:
        self.day.setValue(day)
        self.month.setCurrentIndex(month - 1)


def line_edit(name: str, accessible: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_edit(name: str, accessible: str, text: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * (lines + 1))
    return edit


def rule_combo(current: str = "anniversary") -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("membership_rule")
    combo.setAccessibleName("How membership years run")
    for key, text in MEMBERSHIP_RULES.items():
        combo.addItem(text, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def add_row(form: QFormLayout, text: str, row: FieldRow) -> FieldRow:
    """A labelled row whose label's mnemonic (the &-letter) jumps to the editor."""
    caption = QLabel(text)
    caption.setBuddy(row.editor)
    form.addRow(caption, row)
    return row


def image_to_png(image: QImage) -> bytes:
    """`image` shrunk to fit LOGO_MAX_SIDE (never enlarged), as PNG bytes."""
    if max(image.width(), image.height()) > LOGO_MAX_SIDE:
        image = image.scaled(
            LOGO_MAX_SIDE,
            LOGO_MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class LogoPicker(QWidget):
    """A preview of the logo with Choose… and Remove buttons; holds the PNG bytes."""

    changed = Signal()

    def __init__(self, png: bytes | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.png = png
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setAccessibleName("Logo preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        em = self.fontMetrics().height()
        self.preview.setMinimumSize(em * 8, em * 5)
        self.preview.setStyleSheet(
            "QLabel#logoPreview { border: 1px solid palette(mid);"
            " border-radius: 0.3em; background: palette(base); }"
        )
        self.choose = QPushButton("Choose picture…")
        self.choose.setAccessibleName("Choose a logo picture")
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName("Remove the logo")
        self.choose.clicked.connect(self._ask_for_file)
        self.remove.clicked.connect(self.clear)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setFocusProxy(self.choose)
        self._show()

    def load_file(self, path: str) -> str | None:
        """Take the picture at `path`; return a message if it cannot be read."""
        image = QImage(path)
        if image.isNull():
            return f"{path} is not a picture Grassroots can read. Choose a PNG or JPEG file."
        self.png = image_to_png(image)
        self._show()
        self.changed.emit()
        return None

    def clear(self) -> None:
        self.png = None
        self._show()
        self.changed.emit()

    def _ask_for_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the group's logo", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if path:
            problem = self.load_file(path)
            row = self.parent()
            while row is not None and not isinstance(row, FieldRow):
                row = row.parent()
            if row is not None:
                row.set_error(problem)

    def _show(self) -> None:
        self.remove.setEnabled(self.png is not None)
        if self.png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("No logo")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.png)
        size = self.preview.minimumSize() * 0.9
        self.preview.setPixmap(
            pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )


class SettingsDialog(QDialog):
    """Edit the group's settings; errors appear under the fields and nothing typed is lost."""

    saved = Signal(object)  # the GroupSettings as stored

    def __init__(self, ctx: AppContext, settings: GroupSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.original = ctx, settings
        self.errors = FieldErrors()
        self.setWindowTitle("Group settings")
        self.setObjectName("settingsDialog")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings sections")
        self._tab_of: dict[str, int] = {}
        self._add_tab("Group", self._group_form(settings))
        self._add_tab("Registration && logo", self._registration_form(settings))
        self._add_tab("Membership", self._membership_form(settings))
        self._add_tab("Money && letters", self._money_form(settings))
        self._add_tab("Meetings", self._meetings_form(settings))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save settings")
        self.save_button.setDefault(True)
        set_role(self.save_button, "primary")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().height()
        self.resize(em * 38, em * 28)

    # ---------------------------------------------------------------- building the form

    def _row(
        self, form: QFormLayout, label: str, field: str, editor: QWidget, hint: str = ""
    ) -> FieldRow:
        row = add_row(form, label, self.errors.add(field, FieldRow(editor, hint)))
        self._tab_of[field] = self.tabs.count()
        return row

    def _add_tab(self, title: str, form: QFormLayout) -> None:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addLayout(form)
        outer.addStretch(1)
        self.tabs.addTab(page, title)

    def _group_form(self, s: GroupSettings) -> QFormLayout:
        form = form_layout()
        self.name = line_edit("name", "Group name", s.name)
        self.address = text_edit("address", "Address", s.address)
        self.postcode = line_edit("postcode", "Postcode", s.postcode)
        self.email = line_edit("email", "Email", s.email, "e.g. hello@ourgroup.org.uk")
        self.phone = line_edit("phone", "Phone", s.phone)
        self.website = line_edit("website", "Website", s.website)
        self._row(form, "&Name:", "name", self.name)
        self._row(form, "&Address:", "address", self.address, "Street, town, county")
        self._row(form, "&Postcode:", "postcode", self.postcode)
        self._row(form, "&Email:", "email", self.email)
        self._row(form, "P&hone:", "phone", self.phone)
        self._row(form, "&Website:", "website", self.website)
        return form

    def _registration_form(self, s: GroupSettings) -> QFormLayout:
        form = form_layout()
        self.is_charity = QCheckBox("The group is a registered charity")
        self.is_charity.setObjectName("is_charity")
        self.is_charity.setChecked(s.is_charity)
        self.charity_number = line_edit("charity_number", "Charity number", s.charity_number)
        self.company_number = line_edit("company_number", "Company number", s.company_number)
        self.logo = LogoPicker(s.logo_png)
        self.logo.setObjectName("logo_png")
        form.addRow("", self.is_charity)
        self._row(
            form,
            "&Charity number:",
            "charity_number",
            self.charity_number,
            "Printed on letters and receipts",
        )
        self._row(
            form,
            "C&ompany number:",
            "company_number",
            self.company_number,
            "Only if the group is also a company (e.g. a CIO or charitable company)",
        )
        self._row(form, "&Logo:", "logo_png", self.logo, "A PNG or JPEG; shown on letters")
        self.is_charity.toggled.connect(self.charity_number.setEnabled)
        self.charity_number.setEnabled(s.is_charity)
        return form

    def _membership_form(self, s: GroupSettings) -> QFormLayout:
        form = form_layout()
        self.rule = rule_combo(s.membership_rule)
        self.membership_year = DayMonthEdit("Membership year starts")
        self.membership_year.set_value(s.membership_year_day, s.membership_year_month)
        self.renewal_window = QSpinBox()
        self.renewal_window.setObjectName("renewal_window_days")
        self.renewal_window.setAccessibleName("Renewal reminders start, days before")
        self.renewal_window.setRange(0, 366)
        self.renewal_window.setSuffix(" days before")
        self.renewal_window.setValue(s.renewal_window_days)
        self.renewal_window.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.retention = QSpinBox()
        self.retention.setObjectName("retention_months")
        self.retention.setAccessibleName("Review former members after, months")
        self.retention.setRange(1, 240)
        self.retention.setSuffix(" months")
        self.retention.setValue(s.retention_months)
        self.retention.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._row(form, "&Membership runs:", "membership_rule", self.rule)
        self._row(
            form,
            "Membership &year starts:",
            "membership_year_month",
            self.membership_year,
            "Used when all memberships end together",
        )
        self._row(
            form,
            "&Renewals due from:",
            "renewal_window_days",
            self.renewal_window,
            "When a membership starts to show as due for renewal",
        )
        self._row(
            form,
            "Re&view former members after:",
            "retention_months",
            self.retention,
            "Keep personal data no longer than needed (UK GDPR)",
        )
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()
        return form

    def _money_form(self, s: GroupSettings) -> QFormLayout:
        form = form_layout()
        self.fy_start = DayMonthEdit("Financial year starts")
        self.fy_start.set_value(s.fy_start_day, s.fy_start_month)
        self.payment_instructions = text_edit(
            "payment_instructions", "How to pay", s.payment_instructions, lines=5
        )
        self._row(form, "&Financial year starts:", "fy_start_month", self.fy_start)
        self._row(
            form,
            "How to &pay:",
            "payment_instructions",
            self.payment_instructions,
            "Printed on renewal reminders, e.g. bank details or where to pay in person",
        )
        return form

    def _meetings_form(self, s: GroupSettings) -> QFormLayout:
        """The constitution's meeting rules: the quorum, and the notice each meeting needs."""
        form = form_layout()
        self.quorum_rule = QComboBox()
        self.quorum_rule.setObjectName("quorum_rule")
        self.quorum_rule.setAccessibleName("How the quorum is worked out")
        for key, label in QUORUM_RULES.items():
            self.quorum_rule.addItem(label, key)
        self.quorum_rule.setCurrentIndex(max(self.quorum_rule.findData(s.quorum_rule), 0))
        self.quorum_number = _spin("quorum_number", "Quorum, trustees", 1, 100, " trustees")
        self.quorum_number.setValue(s.quorum_number)
        self.quorum_numerator = _spin("quorum_numerator", "Quorum fraction, top", 1, 100, "")
        self.quorum_numerator.setValue(s.quorum_numerator)
        self.quorum_denominator = _spin("quorum_denominator", "Quorum fraction, bottom", 1, 100)
        self.quorum_denominator.setValue(s.quorum_denominator)
        fraction = QWidget()
        row = QHBoxLayout(fraction)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.quorum_numerator)
        row.addWidget(QLabel("of every"))
        row.addWidget(self.quorum_denominator)
        row.addWidget(QLabel("trustees"))
        row.addStretch(1)
        self.general_quorum = _spin("general_quorum_number", "AGM quorum, members", 1, 1000)
        self.general_quorum.setSuffix(" members")
        self.general_quorum.setValue(s.general_quorum_number)
        self.committee_notice = _spin(
            "committee_notice_days", "Notice of committee meetings, clear days", 0, 90, " days"
        )
        self.committee_notice.setValue(s.committee_notice_days)
        self.agm_notice = _spin("agm_notice_days", "Notice of an AGM or EGM, clear days", 0, 90)
        self.agm_notice.setSuffix(" days")
        self.agm_notice.setValue(s.agm_notice_days)
        self._row(
            form,
            "&Quorum:",
            "quorum_rule",
            self.quorum_rule,
            "As your constitution says; checked and shown on each meeting",
        )
        self._row(form, "Fixed &number:", "quorum_number", self.quorum_number)
        self._row(form, "Fr&action:", "quorum_numerator", fraction)
        self._row(
            form,
            "AGM q&uorum:",
            "general_quorum_number",
            self.general_quorum,
            "Members present at an AGM or EGM",
        )
        self._row(
            form,
            "&Committee notice:",
            "committee_notice_days",
            self.committee_notice,
            "Clear days between sending the agenda and the meeting",
        )
        self._row(form, "AG&M notice:", "agm_notice_days", self.agm_notice)
        self.quorum_rule.currentIndexChanged.connect(self._quorum_changed)
        self._quorum_changed()
        return form

    def _quorum_changed(self) -> None:
        rule = self.quorum_rule.currentData()
        self.quorum_number.setEnabled(rule in ("number", "greater"))
        for spin in (self.quorum_numerator, self.quorum_denominator):
            spin.setEnabled(rule in ("fraction", "greater"))

    def _rule_changed(self) -> None:
        self.membership_year.setEnabled(self.rule.currentData() == "fixed")

    # ---------------------------------------------------------------- saving

    def settings(self) -> GroupSettings:
        """What the form says now, on top of the settings it was opened with."""
        fy_day, fy_month = self.fy_start.value()
        my_day, my_month = self.membership_year.value()
        return replace(
            self.original,
            name=self.name.text(),
            address=self.address.toPlainText().strip(),
            postcode=self.postcode.text(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            website=self.website.text().strip(),
            charity_number=self.charity_number.text().strip(),
            company_number=self.company_number.text().strip(),
            is_charity=self.is_charity.isChecked(),
            logo_png=self.logo.png,
            fy_start_day=fy_day,
            fy_start_month=fy_month,
            membership_rule=self.rule.currentData(),
            membership_year_day=my_day,
            membership_year_month=my_month,
            renewal_window_days=self.renewal_window.value(),
            retention_months=self.retention.value(),
            payment_instructions=self.payment_instructions.toPlainText().strip(),
            quorum_rule=self.quorum_rule.currentData(),
            quorum_number=self.quorum_number.value(),
            quorum_numerator=self.quorum_numerator.value(),
            quorum_denominator=self.quorum_denominator.value(),
            general_quorum_number=self.general_quorum.value(),
            committee_notice_days=self.committee_notice.value(),
            agm_notice_days=self.agm_notice.value(),
        )

    def save(self) -> None:
        self.errors.clear()
        self.save_button.setEnabled(False)
        wanted, sessions = self.settings(), self.ctx.sessions
        self.ctx.tasks.run(
            lambda: save_settings(sessions, wanted), self._saved, self._failed, parent=self
        )

    def _saved(self, stored: GroupSettings) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(stored)
        self.ctx.events.changed.emit("settings")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            self.ctx.tasks.report(exc, parent=self)
            return
        first = self.errors.show(exc.fields)
        if first is not None:
            field = next(f for f, row in self.errors.rows.items() if row is first)
            self.tabs.setCurrentIndex(self._tab_of.get(field, 0))
            first.editor.setFocus()


def _spin(name: str, spoken: str, low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setAccessibleName(spoken)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return spin
