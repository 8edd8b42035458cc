"""Gift Aid claims keep their HMRC schedule; reversals are indexed

A claim's schedule is the evidence HMRC may ask for within six years, and the file saved on the
day can be moved or lost; keeping its bytes with the claim lets the examiner pack and the
treasurer always have it. Entries gain an index on `reverses_id`, which every "not reversed"
question (Gift Aid, the cash book) asks about.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("gift_aid_claims") as batch:
        batch.add_column(sa.Column("schedule_ods", sa.LargeBinary(), nullable=True))
    op.create_index(op.f("ix_entries_reverses_id"), "entries", ["reverses_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_entries_reverses_id"), table_name="entries")
    with op.batch_alter_table("gift_aid_claims") as batch:
        batch.drop_column("schedule_ods")
