"""Membership types say whether their subscriptions may be Gift Aided

HMRC allows Gift Aid on a membership subscription only when membership brings no significant
benefit, so it is the committee's decision per type. Existing types start as not eligible;
reminder letters then leave out the Gift Aid declaration until the group says otherwise.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("membership_types") as batch_op:
        batch_op.add_column(
            sa.Column("gift_aid_eligible", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("membership_types") as batch_op:
        batch_op.drop_column("gift_aid_eligible")
