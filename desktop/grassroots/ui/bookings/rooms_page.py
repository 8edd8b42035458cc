"""Venues and rooms: the group's own hall first, then the places it goes to, each with its
rooms, what they hold and what they cost; the chosen one's details beside the list. This is
where a new booking secretary starts: the venue, then its rooms and rates."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.models import BANDS
from grassroots.bookings.records import BAND_LABELS, RateRow, RoomRow, VenueRow
from grassroots.bookings.venues import list_venues, set_room_active
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.actions import page_action, page_button
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.list_page import change_note, lay_out_page
from grassroots.ui.widgets.list_tree import list_tree

CHOSEN = Qt.ItemDataRole.UserRole
COLUMNS = ("Room", "Holds", "Set-up / clear-down", *(BAND_LABELS[b] for b in BANDS))


def rate_text(rate: RateRow | None) -> str:
    """'£15.00/h · £60.00 session', '£8.00/h', or '' when the room is not let to the band."""
    if rate is None:
        return ""
    parts = []
    if rate.hourly is not None:
        parts.append(f"{rate.hourly.format()}/h")
    if rate.session is not None:
        parts.append(f"{rate.session.format()} session")
    return " · ".join(parts)


def minutes_text(room: RoomRow) -> str:
    if not room.setup_minutes and not room.cleardown_minutes:
        return "None"
    return f"{room.setup_minutes} / {room.cleardown_minutes} min"


def capacity_text(room: RoomRow) -> str:
    return "" if room.capacity is None else f"{room.capacity:,}"


class RoomsPage(QWidget):
    """`reload()` fetches the venues in the background; `loaded` says they are shown."""

    title = "Rooms and rates"
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.venues: list[VenueRow] = []
        self.dialog: QWidget | None = None  # the dialog last opened (for tests)
        self._loading = self._again = False
        self.setObjectName("roomsPage")
        self._build()
        page_action(self, "Add room", self.add_room, "Ctrl+N")
        self._enable()
        self.reload()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        heading = set_role(QLabel("Rooms and rates"), "title")
        explain = set_role(
            QLabel(
                "Your own hall and the places your group goes to, with each room's size and "
                "what it costs. Rooms you stop offering keep their past bookings."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.add_venue_button = self._button("Add &venue…", "addVenue", self.add_venue)
        self.add_room_button = self._button("Add &room…", "addRoom", self.add_room)
        set_role(self.add_room_button, "primary")
        self.change_button = self._button("C&hange…", "changeRoom", self.change_chosen)
        self.active_button = self._button("&Stop offering", "roomActive", self.toggle_active)
        buttons = QHBoxLayout()
        for button in (
            self.add_room_button,
            self.add_venue_button,
            self.change_button,
            self.active_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.tree = list_tree("roomsTree", "Venues and rooms", COLUMNS, 0)
        self.tree.setRootIsDecorated(True)
        self.tree.setItemsExpandable(True)
        self.tree.currentItemChanged.connect(lambda *_: self._chosen_changed())
        self.tree.itemActivated.connect(lambda *_: self.change_chosen())
        self.detail = DetailPanel()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.split = split

        self.empty = EmptyState()
        self.empty.setObjectName("roomsEmpty")
        self.empty.first.setObjectName("emptyAddVenue")
        set_role(self.empty.first, "primary")
        self.empty.first.clicked.connect(lambda _=False: self.add_venue())
        self.empty.show_message(
            "Set up your hall",
            "Add the venue, then its rooms and what they cost. Bookings, the calendar and "
            "invoices all start from the rooms you set up here.",
            "Add venue…",
        )
        self.empty.hide()
        self.note = change_note("roomsNote")

        lay_out_page(self, heading, explain, buttons, body=split, empty=self.empty, note=self.note)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        return page_button(text, name, slot)

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        """The area's word for reload: a tab refreshes whenever it is shown."""
        self.reload()

    def reload(self) -> None:
        """Fetch again in the background; a reload asked for while one runs follows it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: list_venues(sessions), self._loaded, self._failed, parent=self)

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.note.setText("The rooms could not be loaded.")
        self.ctx.tasks.report(exc, parent=self)

    def _loaded(self, venues: list[VenueRow]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
        self.venues = venues
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        before = self.chosen()
        key = (type(before).__name__, before.id) if before is not None else None
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        muted = QBrush(QColor(COLOURS.muted))
        again = None
        for venue in self.venues:
            kind = "our hall" if venue.own else "a place we use"
            top = QTreeWidgetItem(self.tree, [f"{venue.name}  ·  {kind}"])
            top.setData(0, CHOSEN, venue)
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            if key == ("VenueRow", venue.id):
                again = top
            if not venue.rooms:
                hint = QTreeWidgetItem(top, ["No rooms yet: choose Add room…"])
                hint.setForeground(0, muted)
                hint.setFirstColumnSpanned(True)
                hint.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for room in venue.rooms:
                name = room.name if room.active else f"{room.name} (not offered)"
                cells = [name, capacity_text(room), minutes_text(room)]
                cells += [rate_text(room.rate(b)) for b in BANDS]
                item = QTreeWidgetItem(top, cells)
                item.setData(0, CHOSEN, room)
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                if not room.active:
                    for c in range(len(cells)):
                        item.setForeground(c, muted)
                if key == ("RoomRow", room.id):
                    again = item
            top.setExpanded(True)
        if again is None and self.tree.topLevelItemCount():
            top = self.tree.topLevelItem(0)
            again = top.child(0) if top.childCount() and top.child(0).data(0, CHOSEN) else top
        if again is not None:
            self.tree.setCurrentItem(again)
        empty = not self.venues
        self.split.setVisible(not empty)
        self.empty.setVisible(empty)
        self._chosen_changed()

    # ------------------------------------------------------------ choosing
    def chosen(self) -> VenueRow | RoomRow | None:
        item = self.tree.currentItem()
        return item.data(0, CHOSEN) if item is not None else None

    def chosen_venue_id(self) -> int | None:
        chosen = self.chosen()
        if isinstance(chosen, VenueRow):
            return chosen.id
        if isinstance(chosen, RoomRow):
            return chosen.venue_id
        return self.venues[0].id if self.venues else None

    def _chosen_changed(self) -> None:
        self.detail.show_chosen(self.chosen())
        self._enable()

    def _enable(self) -> None:
        chosen = self.chosen()
        self.add_room_button.setEnabled(bool(self.venues))
        self.change_button.setEnabled(chosen is not None)
        is_room = isinstance(chosen, RoomRow)
        self.active_button.setEnabled(is_room)
        offered = not is_room or chosen.active
        self.active_button.setText("&Stop offering" if offered else "&Offer again")
        self.active_button.setAccessibleName("Stop offering" if offered else "Offer again")
        self.active_button.setToolTip(
            "Take the room off the list for new bookings; its bookings stay"
            if offered
            else "Let the room be booked again"
        )

    # ------------------------------------------------------------ doing
    def _written(self, said: str) -> None:
        self.note.setText(said)
        self.reload()
        self.tree.setFocus()

    def add_venue(self) -> None:
        from grassroots.ui.bookings.venue_dialog import VenueDialog

        self.dialog = VenueDialog(self.ctx, None, self)
        self.dialog.saved.connect(
            lambda row: self._written(f"Added {row.name}. Now add its rooms.")
        )
        self.dialog.open()

    def add_room(self) -> None:
        if not self.venues:
            self.add_venue()
            return
        from grassroots.ui.bookings.room_dialog import RoomDialog

        self.dialog = RoomDialog(self.ctx, self.venues, None, self.chosen_venue_id(), self)
        self.dialog.saved.connect(lambda row: self._written(f"Added {row.name}."))
        self.dialog.open()

    def change_chosen(self) -> None:
        chosen = self.chosen()
        if isinstance(chosen, VenueRow):
            from grassroots.ui.bookings.venue_dialog import VenueDialog

            self.dialog = VenueDialog(self.ctx, chosen, self)
        elif isinstance(chosen, RoomRow):
            from grassroots.ui.bookings.room_dialog import RoomDialog

            self.dialog = RoomDialog(self.ctx, self.venues, chosen, None, self)
        else:
            return
        self.dialog.saved.connect(lambda row: self._written(f"Changed {row.name}."))
        self.dialog.open()

    def toggle_active(self) -> None:
        room = self.chosen()
        if not isinstance(room, RoomRow):
            return
        sessions, active = self.ctx.sessions, not room.active
        said = (
            f"{room.name} is offered for bookings again."
            if active
            else f"{room.name} is no longer offered for new bookings; its bookings stay."
        )

        def done(_result: object) -> None:
            self.ctx.events.changed.emit("bookings")
            self._written(said)

        self.ctx.tasks.run(lambda: set_room_active(sessions, room.id, active), done, parent=self)


class DetailPanel(QFrame):
    """The chosen venue or room in full: what a booking secretary tells someone who rings up
    asking about the hall."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        self.heading = set_role(QLabel(""), "heading")
        self.heading.setObjectName("roomDetailHeading")
        self.heading.setWordWrap(True)
        self.where = set_role(QLabel(""), "muted")
        self.where.setWordWrap(True)
        self.rates_box = QWidget()
        self.rates_grid = QGridLayout(self.rates_box)
        self.rates_grid.setContentsMargins(0, 0, 0, 0)
        self.rates_grid.setHorizontalSpacing(12)
        self.rates_grid.setVerticalSpacing(4)
        caption = QLabel("Rates")
        bold = QFont(caption.font())
        bold.setBold(True)
        caption.setFont(bold)
        self.rates_grid.addWidget(caption, 0, 0, 1, 2)
        self.rate_values: dict[str, QLabel] = {}
        for row, band in enumerate(BANDS, start=1):
            self.rates_grid.addWidget(set_role(QLabel(BAND_LABELS[band]), "muted"), row, 0)
            value = QLabel("")
            value.setObjectName(f"rateShown_{band}")
            value.setWordWrap(True)
            self.rates_grid.addWidget(value, row, 1)
            self.rate_values[band] = value
        self.rates_grid.setColumnStretch(1, 1)
        self.body = QLabel("")
        self.body.setObjectName("roomDetail")
        self.body.setAccessibleName("The room's details")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 14)
        column.setSpacing(8)
        column.addWidget(self.heading)
        column.addWidget(self.where)
        column.addWidget(self.rates_box)
        column.addWidget(self.body)
        column.addStretch(1)

    def show_chosen(self, chosen: VenueRow | RoomRow | None) -> None:
        if isinstance(chosen, RoomRow):
            self._show_room(chosen)
        elif isinstance(chosen, VenueRow):
            self._show_venue(chosen)
        else:
            self.heading.setText("")
            self.where.setText("Choose a venue or room to see its details.")
            self.rates_box.hide()
            self.body.setText("")

    def _show_room(self, room: RoomRow) -> None:
        self.heading.setText(room.name)
        status = "" if room.active else " · not offered for new bookings"
        holds = f"holds {room.capacity:,}" if room.capacity else "size not set"
        self.where.setText(f"{room.venue} · {holds}{status}")
        self.rates_box.show()
        for band, value in self.rate_values.items():
            value.setText(rate_text(room.rate(band)) or "Not let to this band")
        self.body.setText(
            _facts(
                (
                    ("Set-up / clear-down", minutes_text(room)),
                    ("Facilities", room.facilities or "None recorded"),
                    ("Accessibility", room.accessibility or "None recorded"),
                )
            )
        )

    def _show_venue(self, venue: VenueRow) -> None:
        self.heading.setText(venue.name)
        rooms = len(venue.rooms)
        kind = "Our own hall" if venue.own else "A place we use"
        self.where.setText(f"{kind} · {rooms} room{'s' if rooms != 1 else ''}")
        self.rates_box.hide()
        address = "<br>".join(p for p in (venue.address.replace("\n", "<br>"), venue.postcode) if p)
        self.body.setText(
            _facts(
                (
                    ("Address", address or "Not recorded"),
                    ("Contact", venue.contact or "Not recorded"),
                    ("Accessibility", venue.accessibility or "None recorded"),
                    ("Notes", venue.notes or ""),
                )
            )
        )


def _facts(pairs: tuple[tuple[str, str], ...]) -> str:
    """Label above value, for the detail panel; empty values left out."""
    from html import escape

    parts = []
    for label, value in pairs:
        if not value:
            continue
        shown = value if "<br>" in value else escape(value).replace("\n", "<br>")
        parts.append(f"<p style='margin:0 0 8px 0'><b>{escape(label)}</b><br>{shown}</p>")
    return "".join(parts)
