"""Letters to a hirer: the booking confirmation lists every date, the times with set-up and
clear-down, the charges and the deposit; the invoice shows what is still outstanding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from grassroots.bookings.documents import invoice_detail, write_confirmation, write_invoice
from grassroots.bookings.hirers import update_hirer
from grassroots.bookings.models import Invoice, InvoiceLine, InvoicePayment
from grassroots.bookings.records import HirerInput
from grassroots.bookings.service import add_booking
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat
from grassroots.group.service import get_settings, save_settings
from tests.hall import evening
from tests.printing.conftest import pdf_text


def _flat(path) -> str:
    return " ".join(pdf_text(path).split())


def test_confirmation_of_a_weekly_series(sessions, hall, out):
    update_hirer(
        sessions,
        hall.pilates.id,
        HirerInput(
            organisation="Ashby Pilates",
            band="community",
            email="a@b.org",
            address="4 Mill Lane\nAshby\nLE65 2BB",
        ),
    )
    booking = add_booking(
        sessions,
        evening(
            hall.main.id,
            date(2026, 3, 3),
            title="Pilates",
            hirer_id=hall.pilates.id,
            repeat=Repeat("weekly", times=6),
            skipped=(date(2026, 3, 17),),
            expected=25,
            deposit=Money(5000),
        ),
    )

    path = write_confirmation(sessions, booking.id, out / "confirm.pdf", today=date(2026, 2, 1))

    text = _flat(path)
    assert "Booking confirmation" in text and "Provisional" not in text
    assert "Ashby Pilates" in text and "4 Mill Lane" in text
    assert "Every Tuesday from 03/03/2026, 6 times" in text
    for on in ("03/03/2026", "10/03/2026", "24/03/2026", "31/03/2026", "07/04/2026"):
        assert f"Tue {on}" in text
    assert "Not on: Tue 17/03/2026" in text
    assert "19:00 to 21:00" in text and "15 minutes early" in text
    assert "25 people" in text
    # Community band: £10 an hour, two hours, five dates once the skipped one is left out.
    assert "£20.00 a date × 5 dates = £100.00" in text
    assert "£50.00" in text and "17 February 2026" in text  # two weeks before the first date
    assert "Main hall" in text and "LE65 1AA" in text


def test_provisional_one_off_says_so(sessions, hall, out):
    booking = add_booking(
        sessions,
        evening(
            hall.small.id,
            date(2026, 5, 9),
            title="Birthday party",
            hirer_id=hall.party.id,
            status="provisional",
            starts_at=time(14),
            ends_at=time(17),
        ),
    )

    text = _flat(write_confirmation(sessions, booking.id, out / "prov.pdf"))

    assert "This booking is provisional" in text
    assert "Sat 09/05/2026" in text and "£24.00" in text  # three hours at £8
    assert "No deposit is needed" in text


def _invoice(sessions, hall, paid: list[int]) -> int:
    with sessions.begin() as session:
        invoice = Invoice(
            number=42,
            hirer_id=hall.pilates.id,
            issued_on=date(2026, 4, 1),
            due_on=date(2026, 4, 30),
            period_from=date(2026, 3, 1),
            period_to=date(2026, 3, 31),
            total_pence=10000,
        )
        invoice.lines = [
            InvoiceLine(position=0, description="Main hall, Pilates, March 2026",
                        quantity=4, unit_pence=2000, pence=8000),
            InvoiceLine(position=1, description="Kitchen", quantity=1, unit_pence=2000,
                        pence=2000),
        ]  # fmt: skip
        invoice.payments = [
            InvoicePayment(paid_on=date(2026, 4, 10), pence=pence, method="bank transfer")
            for pence in paid
        ]
        session.add(invoice)
        session.flush()
        return invoice.id


def test_invoice_shows_what_is_outstanding_after_a_payment(sessions, hall, out):
    invoice_id = _invoice(sessions, hall, paid=[3000])

    with sessions() as session:
        detail = invoice_detail(session, invoice_id)
    assert detail.outstanding == Money(7000) and detail.reference == "INV-0042"
    text = _flat(write_invoice(sessions, invoice_id, out / "invoice.pdf"))

    assert "INV-0042" in text and "Ashby Pilates" in text
    assert "Main hall, Pilates, March 2026" in text and "£80.00" in text
    assert "Total £100.00" in text
    assert "Received £30.00" in text
    assert "Amount outstanding £70.00" in text
    assert "30/04/2026" in text
    assert "cheque payable to “Ashby Village Hall”" in text


def test_invoice_paid_in_full_and_the_groups_bank_details(sessions, hall, out):
    settings = get_settings(sessions)
    save_settings(
        sessions,
        replace(settings, payment_instructions="Bank transfer to sort code 01-02-03"),
    )
    invoice_id = _invoice(sessions, hall, paid=[4000, 6000])

    text = _flat(write_invoice(sessions, invoice_id, out / "paid.pdf"))

    assert "Amount outstanding £0.00" in text and "Paid in full" in text
    assert "sort code" not in text  # nothing to pay, so no payment instructions

    second = _invoice_with_number(sessions, hall)
    text = _flat(write_invoice(sessions, second, out / "due.pdf"))
    assert "Bank transfer to sort code 01-02-03" in text and "cheque" not in text


def _invoice_with_number(sessions, hall) -> int:
    with sessions.begin() as session:
        invoice = Invoice(
            number=43,
            hirer_id=hall.party.id,
            issued_on=date(2026, 4, 1),
            due_on=date(2026, 4, 30),
            total_pence=4500,
        )
        invoice.lines = [InvoiceLine(description="Small room", unit_pence=4500, pence=4500)]
        session.add(invoice)
        session.flush()
        return invoice.id
