"""What the bookings services take in and hand back: plain frozen dataclasses, never rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat

BAND_LABELS = {"standard": "Standard", "community": "Community", "commercial": "Commercial"}
STATUS_LABELS = {"provisional": "Provisional", "confirmed": "Confirmed", "cancelled": "Cancelled"}
BASIS_LABELS = {"hourly": "By the hour", "session": "By the session", "free": "No charge"}


@dataclass(frozen=True)
class VenueInput:
    name: str
    own: bool = True
    address: str = ""
    postcode: str = ""
    contact: str = ""
    accessibility: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RateRow:
    """A room's price for one band; None where the room is not let that way."""

    band: str
    hourly: Money | None = None
    session: Money | None = None


@dataclass(frozen=True)
class RoomInput:
    name: str
    venue_id: int
    capacity: int | None = None
    facilities: str = ""
    accessibility: str = ""
    setup_minutes: int = 0
    cleardown_minutes: int = 0


@dataclass(frozen=True)
class RoomRow:
    id: int
    venue_id: int
    venue: str
    own_venue: bool
    name: str
    capacity: int | None
    facilities: str
    accessibility: str
    setup_minutes: int
    cleardown_minutes: int
    active: bool
    rates: tuple[RateRow, ...] = ()

    @property
    def label(self) -> str:
        """The room as a list shows it: 'Main hall', or 'Upstairs room, St Helen's' when the
        room is at somebody else's venue."""
        return self.name if self.own_venue else f"{self.name}, {self.venue}"

    def rate(self, band: str) -> RateRow | None:
        return next((r for r in self.rates if r.band == band), None)


@dataclass(frozen=True)
class VenueRow:
    id: int
    name: str
    own: bool
    address: str
    postcode: str
    contact: str
    accessibility: str
    notes: str
    active: bool
    rooms: tuple[RoomRow, ...] = ()


@dataclass(frozen=True)
class HirerInput:
    """A person on our records (`person_id`), an organisation, or an organisation whose
    contact is a person on our records. Email, phone and address are the organisation's."""

    person_id: int | None = None
    organisation: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    band: str = "standard"
    notes: str = ""


@dataclass(frozen=True)
class HirerRow:
    id: int
    name: str
    person_id: int | None
    organisation: str
    contact: str
    email: str
    phone: str
    address: str
    band: str
    notes: str
    active: bool
    # The organisation's own details as kept on the hirer (email, phone, address above fall
    # back to the contact person's): what a form changes, so a person's are never copied.
    own_details: tuple[str, str, str] = ("", "", "")


@dataclass(frozen=True)
class BookingInput:
    """What a booking secretary types. `charge` overrides the rate for each occurrence;
    `skipped` (dates the series does not happen) is left as it is on an update when None."""

    room_id: int
    first_on: date
    starts_at: time
    ends_at: time
    title: str = ""
    hirer_id: int | None = None
    status: str = "confirmed"
    repeat: Repeat = field(default_factory=Repeat)
    expected: int | None = None
    setup_minutes: int | None = None
    cleardown_minutes: int | None = None
    charge_basis: str = "hourly"
    charge: Money | None = None
    deposit: Money = field(default_factory=lambda: Money(0))
    notes: str = ""
    skipped: tuple[date, ...] | None = None
    uid: str | None = None


@dataclass(frozen=True)
class Occurrence:
    """One date of a booking, or a meeting held in a booked room (then `meeting_id` is set and
    `booking_id` is None). Set-up and clear-down are the minutes kept free either side."""

    booking_id: int | None
    meeting_id: int | None
    on: date
    starts_at: time
    ends_at: time
    room_id: int
    room: str
    title: str
    hirer_id: int | None
    hirer: str
    status: str
    repeats: bool
    setup_minutes: int = 0
    cleardown_minutes: int = 0

    @property
    def busy(self) -> tuple[int, int]:
        """The minutes of the day the room is taken, set-up and clear-down included."""
        start = self.starts_at.hour * 60 + self.starts_at.minute - self.setup_minutes
        end = self.ends_at.hour * 60 + self.ends_at.minute + self.cleardown_minutes
        return start, end

    @property
    def who(self) -> str:
        """The name a sheet or calendar shows: the title, with the hirer when they differ."""
        if self.hirer and self.title and self.hirer != self.title:
            return f"{self.title} ({self.hirer})"
        return self.title or self.hirer or "Booking"

    def describe(self) -> str:
        """'Tue 03/03/2026 19:00–21:00, Main hall: Ashby Pilates (provisional)'."""
        status = "" if self.status == "confirmed" else f" ({self.status})"
        return (
            f"{self.on:%a} {format_date(self.on)} {format_time(self.starts_at)}–"
            f"{format_time(self.ends_at)}, {self.room}: {self.who}{status}"
        )


@dataclass(frozen=True)
class Clash:
    """A date on which what is being booked overlaps `other` (set-up and clear-down included)."""

    on: date
    other: Occurrence

    def describe(self) -> str:
        return self.other.describe()


@dataclass(frozen=True)
class BookingCheck:
    """What a booking secretary should see before saving: clashes, and warnings that do not
    stop the booking (more people than the room holds, no rate for the hirer's band)."""

    clashes: tuple[Clash, ...] = ()
    warnings: tuple[str, ...] = ()
    dates: int = 0


@dataclass(frozen=True)
class BookingDetail:
    id: int
    uid: str
    room: RoomRow
    hirer: HirerRow | None
    title: str
    status: str
    first_on: date
    last_on: date
    starts_at: time
    ends_at: time
    repeat: Repeat
    description: str
    skipped: tuple[date, ...]
    expected: int | None
    setup_minutes: int
    cleardown_minutes: int
    setup_override: int | None
    cleardown_override: int | None
    charge_basis: str
    charge_override: Money | None
    charge_each: Money
    deposit: Money
    deposit_received_on: date | None
    deposit_returned_on: date | None
    deposit_kept: Money
    notes: str
    sequence: int
    detached_from_id: int | None

    def as_input(self) -> BookingInput:
        """The booking as the form that would make it again (for editing)."""
        return BookingInput(
            room_id=self.room.id,
            first_on=self.first_on,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            title=self.title,
            hirer_id=self.hirer.id if self.hirer else None,
            status=self.status,
            repeat=self.repeat,
            expected=self.expected,
            setup_minutes=self.setup_override,
            cleardown_minutes=self.cleardown_override,
            charge_basis=self.charge_basis,
            charge=self.charge_override,
            deposit=self.deposit,
            notes=self.notes,
            uid=self.uid,
        )


@dataclass(frozen=True)
class InvoiceLineRow:
    description: str
    quantity: int
    unit: Money
    amount: Money
    booking_id: int | None = None


@dataclass(frozen=True)
class PaymentRow:
    """Money received against an invoice; `posted` once it is a receipt in the cash book."""

    id: int
    paid_on: date
    amount: Money
    method: str
    posted: bool


@dataclass(frozen=True)
class InvoiceDetail:
    """An invoice as issued: its lines are frozen, so a reprint matches what the hirer got."""

    id: int
    number: int
    hirer: HirerRow
    issued_on: date
    due_on: date
    period_from: date | None
    period_to: date | None
    lines: tuple[InvoiceLineRow, ...]
    payments: tuple[PaymentRow, ...]
    total: Money
    cancelled: bool
    notes: str

    @property
    def paid(self) -> Money:
        return Money(sum(p.amount.pence for p in self.payments))

    @property
    def outstanding(self) -> Money:
        return Money(0) if self.cancelled else self.total - self.paid

    @property
    def reference(self) -> str:
        """What the hirer quotes when they pay: 'INV-0042'."""
        return f"INV-{self.number:04d}"
