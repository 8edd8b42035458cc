"""Bookings: venues, rooms and rates, hirers, bookings and their skipped dates, invoices

A booking is one row for a one-off or a whole repeating series; `last_on` lets a week's
calendar find the series touching it with one indexed query. Invoices keep their lines as
issued, and payments against them link to their receipt in the cash book. A meeting may name the
room booked for it. Two categories let the books hold hirers' deposits and their return.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEPOSITS = (
    ("Hire deposits", "receipt", "other_charitable"),
    ("Hire deposits returned", "payment", "charitable_activities"),
)


def upgrade() -> None:
    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("own", sa.Boolean(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("accessibility", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
        sa.UniqueConstraint("name", name=op.f("uq_venues_name")),
    )
    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("facilities", sa.Text(), nullable=False),
        sa.Column("accessibility", sa.Text(), nullable=False),
        sa.Column("setup_minutes", sa.Integer(), nullable=False),
        sa.Column("cleardown_minutes", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name=op.f("fk_rooms_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
        sa.UniqueConstraint("venue_id", "name", name=op.f("uq_rooms_venue_id")),
    )
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rooms_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "hirers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("band", sa.String(length=12), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_hirers_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hirers")),
    )
    with op.batch_alter_table("hirers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hirers_person_id"), ["person_id"], unique=False)

    op.create_table(
        "room_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=12), nullable=False),
        sa.Column("hourly_pence", sa.Integer(), nullable=True),
        sa.Column("session_pence", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_room_rates_room_id_rooms"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_rates")),
        sa.UniqueConstraint("room_id", "band", name=op.f("uq_room_rates_room_id")),
    )
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("hirer_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("repeat", sa.String(length=12), nullable=False),
        sa.Column("nth", sa.Integer(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("times", sa.Integer(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=True),
        sa.Column("setup_minutes", sa.Integer(), nullable=True),
        sa.Column("cleardown_minutes", sa.Integer(), nullable=True),
        sa.Column("charge_basis", sa.String(length=10), nullable=False),
        sa.Column("charge_pence", sa.Integer(), nullable=True),
        sa.Column("deposit_pence", sa.Integer(), nullable=False),
        sa.Column("deposit_received_on", sa.Date(), nullable=True),
        sa.Column("deposit_entry_id", sa.Integer(), nullable=True),
        sa.Column("deposit_returned_on", sa.Date(), nullable=True),
        sa.Column("deposit_kept_pence", sa.Integer(), nullable=False),
        sa.Column("deposit_return_entry_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("detached_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deposit_entry_id"],
            ["entries.id"],
            name=op.f("fk_bookings_deposit_entry_id_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["deposit_return_entry_id"],
            ["entries.id"],
            name=op.f("fk_bookings_deposit_return_entry_id_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["detached_from_id"],
            ["bookings.id"],
            name=op.f("fk_bookings_detached_from_id_bookings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["hirer_id"], ["hirers.id"], name=op.f("fk_bookings_hirer_id_hirers")
        ),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_bookings_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("uid", name=op.f("uq_bookings_uid")),
    )
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bookings_hirer_id"), ["hirer_id"], unique=False)
        batch_op.create_index(
            "ix_bookings_room_span", ["room_id", "first_on", "last_on"], unique=False
        )
        batch_op.create_index("ix_bookings_span", ["first_on", "last_on"], unique=False)

    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("hirer_id", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("total_pence", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hirer_id"], ["hirers.id"], name=op.f("fk_invoices_hirer_id_hirers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_invoices_number")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_hirer_id"), ["hirer_id"], unique=False)

    op.create_table(
        "booking_skipped_dates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_booking_skipped_dates_booking_id_bookings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_skipped_dates")),
        sa.UniqueConstraint("booking_id", "on", name=op.f("uq_booking_skipped_dates_booking_id")),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_pence", sa.Integer(), nullable=False),
        sa.Column("pence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_invoice_lines_booking_id_bookings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_invoice_lines_invoice_id_invoices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invoice_lines_booking_id"), ["booking_id"], unique=False
        )

    op.create_table(
        "invoice_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("pence", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_invoice_payments_entry_id_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_invoice_payments_invoice_id_invoices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_payments")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("room_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_meetings_room_id"), ["room_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_meetings_room_id_rooms"), "rooms", ["room_id"], ["id"]
        )

    categories = sa.table(
        "categories",
        sa.column("name", sa.String),
        sa.column("direction", sa.String),
        sa.column("heading", sa.String),
        sa.column("gift_aid_eligible", sa.Boolean),
        sa.column("active", sa.Boolean),
    )
    connection = op.get_bind()
    for name, direction, heading in DEPOSITS:
        there = connection.execute(
            sa.select(sa.func.count())
            .select_from(categories)
            .where(categories.c.name == name, categories.c.direction == direction)
        ).scalar()
        if not there:
            op.bulk_insert(
                categories,
                [
                    {
                        "name": name,
                        "direction": direction,
                        "heading": heading,
                        "gift_aid_eligible": False,
                        "active": True,
                    }
                ],
            )


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_constraint("fk_meetings_room_id_rooms", type_="foreignkey")
        batch_op.drop_index("ix_meetings_room_id")
        batch_op.drop_column("room_id")
    for table in (
        "invoice_payments",
        "invoice_lines",
        "invoices",
        "booking_skipped_dates",
        "bookings",
        "room_rates",
        "hirers",
        "rooms",
        "venues",
    ):
        op.drop_table(table)
