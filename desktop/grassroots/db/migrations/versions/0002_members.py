"""Members: membership types, memberships and subscriptions

Adds the membership register on top of the people hub.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    types = op.create_table(
        "membership_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("fee_pence", sa.Integer(), nullable=False),
        sa.Column("period_months", sa.Integer(), nullable=False),
        sa.Column("covers_household", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_types")),
        sa.UniqueConstraint("name", name=op.f("uq_membership_types_name")),
    )

    # The usual kinds of membership, so a new group can start at once; all are editable.
    op.bulk_insert(
        types,
        [
            {
                "name": "Individual",
                "fee_pence": 1000,
                "period_months": 12,
                "covers_household": False,
                "active": True,
                "description": "One adult",
            },
            {
                "name": "Household",
                "fee_pence": 1500,
                "period_months": 12,
                "covers_household": True,
                "active": True,
                "description": "Everyone at one address",
            },
            {
                "name": "Concession",
                "fee_pence": 500,
                "period_months": 12,
                "covers_household": False,
                "active": True,
                "description": "Students, pensioners and people on benefits",
            },
            {
                "name": "Life",
                "fee_pence": 15000,
                "period_months": 0,
                "covers_household": False,
                "active": True,
                "description": "Never needs renewing",
            },
            {
                "name": "Honorary",
                "fee_pence": 0,
                "period_months": 0,
                "covers_household": False,
                "active": True,
                "description": "Given by the committee in thanks",
            },
        ],
    )

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("ended_reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_memberships_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["membership_types.id"],
            name=op.f("fk_memberships_type_id_membership_types"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("number", name=op.f("uq_memberships_number")),
        sa.UniqueConstraint("person_id", name=op.f("uq_memberships_person_id")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_memberships_type_id"), ["type_id"], unique=False)

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("gift_aid", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["memberships.id"],
            name=op.f("fk_subscriptions_membership_id_memberships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subscriptions_membership_id"), ["membership_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("subscriptions")
    op.drop_table("memberships")
    op.drop_table("membership_types")
