"""Gift Aid limits: HMRC figures the treasurer adds from the day they take effect

HMRC has changed Gift Aid and small donations figures before (the aggregation limit, the GASDS
limits); a new figure is a dated row here that extends the built-in history, so a change does
not wait for a new release.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gift_aid_limits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_aid_limits")),
        sa.UniqueConstraint("name", "since", name=op.f("uq_gift_aid_limits_name")),
    )


def downgrade() -> None:
    op.drop_table("gift_aid_limits")
