"""The first-run wizard: name the group and say how its years run, in four short steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from grassroots.core.errors import ValidationError
from grassroots.core.validate import normalise_postcode
from grassroots.group.service import GroupSettings, set_up_group
from grassroots.ui.context import AppContext
from grassroots.ui.dialogs.settings_dialog import (
    DayMonthEdit,
    FieldErrors,
    FieldRow,
    add_row,
    form_layout,
    line_edit,
    rule_combo,
    text_edit,
)
from grassroots.ui.icons import icon
from grassroots.ui.theme import set_role


def _words(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _lay_out(page: QWizardPage, form: QFormLayout) -> None:
    """The form at the top of the page, with any spare room below it (not between rows)."""
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addStretch(1)


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Welcome to Grassroots")
        self.setSubTitle("Let's set up your group. It takes a couple of minutes.")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _words(
                "Grassroots keeps your group's records on this computer: people, members, "
                "renewals and more. Nothing is sent anywhere."
            )
        )
        layout.addWidget(
            _words(
                "First, tell us a little about the group. Everything you enter here can be "
                "changed later from Group ▸ Settings."
            )
        )
        layout.addStretch(1)


class NamePage(QWizardPage):
    """Name (required), address and postcode; the postcode is checked before moving on."""

    def __init__(self, errors: FieldErrors, s: GroupSettings) -> None:
        super().__init__()
        self.errors = errors
        self.setTitle("Your group")
        self.setSubTitle("The name and address printed on letters and membership cards.")
        self.name = line_edit("name", "Group name", s.name, "e.g. Ashby Village Hall")
        self.address = text_edit("address", "Address", s.address)
        self.postcode = line_edit("postcode", "Postcode", s.postcode, "e.g. LE65 1AA")
        form = form_layout()
        add_row(form, "Group &name:", errors.add("name", FieldRow(self.name)))
        add_row(
            form,
            "&Address:",
            errors.add("address", FieldRow(self.address, "Street, town and county, one per line")),
        )
        add_row(form, "&Postcode:", errors.add("postcode", FieldRow(self.postcode)))
        _lay_out(self, form)
        self.registerField("name*", self.name)

    def validatePage(self) -> bool:
        try:
            normalise_postcode(self.postcode.text())
        except ValueError as exc:
            self.errors.rows["postcode"].set_error(str(exc))
            self.postcode.setFocus()
            return False
        self.errors.rows["postcode"].set_error(None)
        self.errors.rows["name"].set_error(None)
        return True


class NumbersPage(QWizardPage):
    def __init__(self, errors: FieldErrors, s: GroupSettings) -> None:
        super().__init__()
        self.setTitle("Registration")
        self.setSubTitle("Leave these blank if they don't apply to your group.")
        self.is_charity = QCheckBox("We are a registered charity")
        self.is_charity.setObjectName("is_charity")
        self.is_charity.setChecked(s.is_charity)
        self.charity_number = line_edit("charity_number", "Charity number", s.charity_number)
        self.company_number = line_edit("company_number", "Company number", s.company_number)
        form = form_layout()
        form.addRow("", self.is_charity)
        add_row(
            form,
            "&Charity number:",
            errors.add(
                "charity_number",
                FieldRow(self.charity_number, "From the Charity Commission, OSCR or CCNI register"),
            ),
        )
        add_row(
            form,
            "C&ompany number:",
            errors.add(
                "company_number",
                FieldRow(self.company_number, "Only if the group is also a company"),
            ),
        )
        self.is_charity.toggled.connect(self.charity_number.setEnabled)
        self.charity_number.setEnabled(s.is_charity)
        _lay_out(self, form)


class YearsPage(QWizardPage):
    def __init__(self, errors: FieldErrors, s: GroupSettings) -> None:
        super().__init__()
        self.setTitle("Your group's year")
        self.setSubTitle("When the accounts year starts, and how long a membership lasts.")
        self.fy_start = DayMonthEdit("Financial year starts")
        self.fy_start.set_value(s.fy_start_day, s.fy_start_month)
        self.rule = rule_combo(s.membership_rule)
        self.membership_year = DayMonthEdit("Membership year starts")
        self.membership_year.set_value(s.membership_year_day, s.membership_year_month)
        form = form_layout()
        add_row(
            form,
            "&Financial year starts:",
            errors.add(
                "fy_start_month",
                FieldRow(
                    self.fy_start, "Many groups use 1 April; check your constitution if unsure"
                ),
            ),
        )
        add_row(form, "&Membership runs:", errors.add("membership_rule", FieldRow(self.rule)))
        add_row(
            form,
            "Membership &year starts:",
            errors.add(
                "membership_year_month",
                FieldRow(self.membership_year, "Only used when all memberships end together"),
            ),
        )
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        note = set_role(_words("Press Finish to start using Grassroots."), "muted")
        layout.addWidget(note)

    def _rule_changed(self) -> None:
        self.membership_year.setEnabled(self.rule.currentData() == "fixed")


class SetupWizard(QWizard):
    """Set up your group. Finishing saves through the group service and marks it set up."""

    PAGE_OF_FIELD = {
        "name": 1,
        "address": 1,
        "postcode": 1,
        "charity_number": 2,
        "company_number": 2,
    }

    def __init__(
        self, ctx: AppContext, settings: GroupSettings | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.stored: GroupSettings | None = None
        self.errors = FieldErrors()
        s = settings or GroupSettings()
        self.setObjectName("setupWizard")
        self.setWindowTitle("Set up your group")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        em = self.fontMetrics().height()
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setPixmap(
            QWizard.WizardPixmap.LogoPixmap, icon("grassroots").pixmap(int(em * 2.6), int(em * 2.6))
        )
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.welcome = WelcomePage()
        self.names = NamePage(self.errors, s)
        self.numbers = NumbersPage(self.errors, s)
        self.years = YearsPage(self.errors, s)
        size = self.font().pointSizeF() * 1.45
        for page in (self.welcome, self.names, self.numbers, self.years):
            page.setTitle(
                f'<span style="font-size:{size:.1f}pt; font-weight:600">{page.title()}</span>'
            )
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Finish")
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            set_role(self.button(which), "primary")
        self.resize(em * 36, em * 26)

    def answers(self) -> dict[str, object]:
        fy_day, fy_month = self.years.fy_start.value()
        my_day, my_month = self.years.membership_year.value()
        return {
            "address": self.names.address.toPlainText().strip(),
            "postcode": self.names.postcode.text(),
            "is_charity": self.numbers.is_charity.isChecked(),
            "charity_number": self.numbers.charity_number.text().strip(),
            "company_number": self.numbers.company_number.text().strip(),
            "fy_start_day": fy_day,
            "fy_start_month": fy_month,
            "membership_rule": self.years.rule.currentData(),
            "membership_year_day": my_day,
            "membership_year_month": my_month,
        }

    def accept(self) -> None:
        """Save first; close only once the group is really set up."""
        name = self.names.name.text().strip()
        if not name:
            self._show_errors({"name": "The group needs a name"})
            return
        answers, sessions = self.answers(), self.ctx.sessions
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.ctx.tasks.run(
            lambda: set_up_group(sessions, name, **answers), self._saved, self._failed, parent=self
        )

    def _saved(self, stored: GroupSettings) -> None:
        self.stored = stored
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.ctx.events.changed.emit("settings")
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_errors(exc.fields)
        else:
            self.ctx.tasks.report(exc, parent=self)

    def _show_errors(self, fields: dict[str, str]) -> None:
        first = self.errors.show(fields)
        field = next((f for f in fields if f in self.errors.rows), "name")
        target = self.PAGE_OF_FIELD.get(field, 3)
        while self.currentId() > target:
            self.back()
        if first is not None:
            first.editor.setFocus()
