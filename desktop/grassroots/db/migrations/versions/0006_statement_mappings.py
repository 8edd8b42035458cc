"""Named statement mappings: a bank's CSV column headings saved under a name

A treasurer whose bank writes unusual headings maps the columns once in the import window and
saves the mapping under a name; the command line uses it as `--mapping NAME`.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "statement_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_mappings")),
        sa.UniqueConstraint("name", name=op.f("uq_statement_mappings_name")),
    )


def downgrade() -> None:
    op.drop_table("statement_mappings")
