"""People: one index that covers the list's name order and its search

Replaces the plain last-name index, which it starts with. Measured on 100,000 people by
tests/perf/bench_search.py.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_index("ix_people_last_name")
        batch_op.create_index(
            "ix_people_name_search",
            ["last_name", "first_name", "erased_at", "search_text"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_index("ix_people_name_search")
        batch_op.create_index("ix_people_last_name", ["last_name"], unique=False)
