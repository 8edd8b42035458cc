"""Add or change a venue: the group's own hall (whose rooms it lets) or a place it goes to
(whose rooms it books for its own meetings)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from grassroots.bookings.records import VenueInput, VenueRow
from grassroots.bookings.venues import add_venue, update_venue
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import SavingDialog, show_problems

KINDS = (
    (True, "Our own hall (we let its rooms to hirers)"),
    (False, "A place we use (we book rooms there)"),
)


def notes_box(name: str, lines: int = 2, placeholder: str = "") -> QPlainTextEdit:
    """A few lines of free text, sized to `lines` so the form stays compact; Tab moves on."""
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


class VenueDialog(SavingDialog):
    """A new venue (`venue` None) or a change to `venue`; `saved` gives the VenueRow."""

    area = "bookings"

    def __init__(
        self, ctx: AppContext, venue: VenueRow | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.venue = ctx, venue
        self.setObjectName("venueDialog")
        self.setWindowTitle("Change a venue" if venue else "Add a venue")
        self.name = QLineEdit()
        self.name.setObjectName("venueName")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText("e.g. Ashby Village Hall")
        self.kind = QComboBox()
        self.kind.setObjectName("venueKind")
        for own, label in KINDS:
            self.kind.addItem(label, own)
        self.address = notes_box("venueAddress", 2)
        self.postcode = QLineEdit()
        self.postcode.setObjectName("venuePostcode")
        self.postcode.setMaxLength(10)
        self.postcode.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 9)
        self.contact = QLineEdit()
        self.contact.setObjectName("venueContact")
        self.contact.setPlaceholderText("Who to ask about bookings, and how to reach them")
        self.accessibility = notes_box(
            "venueAccessibility", 2, "Parking, step-free entrance, accessible toilet, hearing loop…"
        )
        self.notes = notes_box("venueNotes", 2, "Keys, alarm code held by…, bins…")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {
            "name": add_field(form, "&Name", self.name),
            "own": add_field(form, "&Kind of venue", self.kind, with_error=False),
            "address": add_field(form, "&Address", self.address, with_error=False),
            "postcode": add_field(form, "&Postcode", self.postcode, with_error=False),
            "contact": add_field(form, "&Contact", self.contact, with_error=False),
            "accessibility": add_field(
                form, "Acc&essibility", self.accessibility, with_error=False
            ),
            "notes": add_field(form, "N&otes", self.notes, with_error=False),
        }
        self.frame(
            "Change the venue" if venue else "Add a venue",
            "A venue is a building: your own hall, whose rooms you let to hirers, or a place "
            "your group goes to. Add its rooms once the venue is saved.",
            form,
            "&Save" if venue else "&Add venue",
            "venueOk",
        )
        if venue is not None:
            self.name.setText(venue.name)
            self.kind.setCurrentIndex(0 if venue.own else 1)
            self.address.setPlainText(venue.address)
            self.postcode.setText(venue.postcode)
            self.contact.setText(venue.contact)
            self.accessibility.setPlainText(venue.accessibility)
            self.notes.setPlainText(venue.notes)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 38)
        self.name.textEdited.connect(lambda _text: self.errors["name"].show_error(""))
        self.name.setFocus()

    def data(self) -> VenueInput:
        return VenueInput(
            name=self.name.text(),
            own=bool(self.kind.currentData()),
            address=self.address.toPlainText(),
            postcode=self.postcode.text(),
            contact=self.contact.text(),
            accessibility=self.accessibility.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def submit(self) -> None:
        problems = {} if self.name.text().strip() else {"name": "Give the venue a name"}
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, data, venue = self.ctx.sessions, self.data(), self.venue
        if venue is None:
            self.run_save(lambda: add_venue(sessions, data))
        else:
            self.run_save(lambda: update_venue(sessions, venue.id, data))
