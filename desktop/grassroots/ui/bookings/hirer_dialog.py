"""Add or change a hirer: an organisation (with its own email, phone and address, and
perhaps a contact person on our records) or a person on our records, whose details come from
their record; the band sets which of a room's rates they pay."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from grassroots.bookings.hirers import add_hirer, update_hirer
from grassroots.bookings.models import BANDS
from grassroots.bookings.records import BAND_LABELS, HirerInput, HirerRow
from grassroots.ui.bookings.venue_dialog import notes_box
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems
from grassroots.ui.widgets.person_field import PersonField

BANDS_EXPLAINED = (
    "Standard is the usual rate. Community is the lower rate for local clubs, charities and "
    "groups; Commercial is for businesses and anyone hiring to make money."
)


class HirerDialog(SavingDialog):
    """A new hirer (`hirer` None) or a change to `hirer`; `saved` gives the HirerRow."""

    area = "bookings"

    def __init__(
        self, ctx: AppContext, hirer: HirerRow | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.hirer = ctx, hirer
        self.setObjectName("hirerDialog")
        self.setWindowTitle("Change a hirer" if hirer else "Add a hirer")
        self.is_org = QRadioButton("An &organisation")
        self.is_org.setObjectName("hirerIsOrganisation")
        self.is_person = QRadioButton("A &person on our records")
        self.is_person.setObjectName("hirerIsPerson")
        kinds = QButtonGroup(self)
        kinds.addButton(self.is_org)
        kinds.addButton(self.is_person)
        self.is_org.setChecked(True)
        kind_row = QWidget()
        kind_row.setAccessibleName("Who is hiring")
        row = QHBoxLayout(kind_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.is_org)
        row.addWidget(self.is_person)
        row.addStretch(1)

        self.organisation = QLineEdit()
        self.organisation.setObjectName("hirerOrganisation")
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText("e.g. Ashby Pilates")
        self.contact = PersonField(ctx.sessions)
        self.contact.setObjectName("hirerContact")
        self.contact.setPlaceholderText("Optional: someone on our records")
        self.person = PersonField(ctx.sessions)
        self.person.setObjectName("hirerPerson")
        self.email = QLineEdit()
        self.email.setObjectName("hirerEmail")
        self.email.setMaxLength(200)
        self.phone = QLineEdit()
        self.phone.setObjectName("hirerPhone")
        self.phone.setMaxLength(40)
        self.address = notes_box("hirerAddress", 2)
        self.from_record = set_role(
            QLabel(
                "Their email, phone and address come from their record in People; change "
                "them there."
            ),
            "muted",
        )
        self.from_record.setWordWrap(True)
        self.band = QComboBox()
        self.band.setObjectName("hirerBand")
        for band in BANDS:
            self.band.addItem(BAND_LABELS[band], band)
        bands_hint = set_role(QLabel(BANDS_EXPLAINED), "muted")
        bands_hint.setWordWrap(True)
        self.notes = notes_box("hirerNotes", 2, "e.g. Needs the key by 18:30; pays by transfer")

        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(kind_row)
        self.errors = {
            "organisation": add_field(form, "&Name", self.organisation),
            "contact": add_field(form, "Con&tact person", self.contact),
            "person_id": add_field(form, "P&erson", self.person),
            "email": add_field(form, "E&mail", self.email),
            "phone": add_field(form, "P&hone", self.phone),
            "address": add_field(form, "&Address", self.address, with_error=False),
        }
        form.addRow("", self.from_record)
        self.errors["band"] = add_field(form, "&Band", self.band)
        form.addRow("", bands_hint)
        self.errors["notes"] = add_field(form, "N&otes", self.notes, with_error=False)
        self.frame(
            "Change the hirer" if hirer else "Add a hirer",
            "Who hires a room: a club or business, or someone on your records hiring for "
            "themselves (a birthday party, a wake).",
            form,
            "&Save" if hirer else "&Add hirer",
            "hirerOk",
        )
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self.is_org.toggled.connect(lambda _on: self._show_kind())
        self.person.person_changed.connect(lambda _id: self.errors["person_id"].show_error(""))
        self.contact.person_changed.connect(lambda _id: self.errors["contact"].show_error(""))
        if hirer is not None:
            self._fill(hirer)
        self._show_kind()
        self.organisation.textEdited.connect(
            lambda _text: self.errors["organisation"].show_error("")
        )
        self.organisation.setFocus()

    def _fill(self, hirer: HirerRow) -> None:
        if hirer.organisation:
            self.organisation.setText(hirer.organisation)
            self.contact.set_person(hirer.person_id, hirer.contact)
            email, phone, address = hirer.own_details
            self.email.setText(email)
            self.phone.setText(phone)
            self.address.setPlainText(address)
        else:
            self.is_person.setChecked(True)
            self.person.set_person(hirer.person_id, hirer.name)
        self.band.setCurrentIndex(max(self.band.findData(hirer.band), 0))
        self.notes.setPlainText(hirer.notes)

    def organisation_chosen(self) -> bool:
        return self.is_org.isChecked()

    def _show_kind(self) -> None:
        org = self.organisation_chosen()
        for field in (self.organisation, self.contact, self.email, self.phone, self.address):
            self.form.setRowVisible(self._row_of(field), org)
        self.form.setRowVisible(self._row_of(self.person), not org)
        self.form.setRowVisible(self.from_record, not org)
        self.adjustSize()

    def _row_of(self, field: QWidget) -> QWidget:
        """The form row's widget: the field itself, or the holder that carries its error."""
        holder = field.parentWidget()
        return field if holder is None or holder is self else holder

    def data(self) -> HirerInput:
        if self.organisation_chosen():
            return HirerInput(
                person_id=self.contact.person_id(),
                organisation=self.organisation.text(),
                email=self.email.text(),
                phone=self.phone.text(),
                address=self.address.toPlainText(),
                band=self.band.currentData(),
                notes=self.notes.toPlainText(),
            )
        return HirerInput(
            person_id=self.person.person_id(),
            band=self.band.currentData(),
            notes=self.notes.toPlainText(),
        )

    def submit(self) -> None:
        problems: dict[str, str] = {}
        if self.organisation_chosen():
            if not self.organisation.text().strip():
                problems["organisation"] = "Name the organisation"
            problems["contact"] = self.contact.problem()
        elif self.person.person_id() is None:
            problems["person_id"] = self.person.problem() or "Choose the person who is hiring"
        problems = {k: v for k, v in problems.items() if v}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, data, hirer = self.ctx.sessions, self.data(), self.hirer
        if hirer is None:
            self.run_save(lambda: add_hirer(sessions, data))
        else:
            self.run_save(lambda: update_hirer(sessions, hirer.id, data))
