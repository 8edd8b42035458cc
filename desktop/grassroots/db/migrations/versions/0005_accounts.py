"""Accounts: the treasurer's books, statements, reconciliation, year end and Gift Aid

The whole accounts schema in one revision, with a chart of categories for a small group
(each mapped to the receipts-and-payments headings) and a general unrestricted fund.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 06:12:03.579056
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_records")),
    )
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_records_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_records_row_id"), ["row_id"], unique=False)

    op.create_table(
        "book_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("bank_details", sa.String(length=100), nullable=False),
        sa.Column("opening_pence", sa.Integer(), nullable=False),
        sa.Column("opening_on", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("statement_mapping", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_book_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_book_accounts_name")),
    )
    categories = op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("heading", sa.String(length=40), nullable=False),
        sa.Column("gift_aid_eligible", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("name", "direction", name=op.f("uq_categories_name")),
    )
    op.create_table(
        "financial_years",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_financial_years")),
        sa.UniqueConstraint("starts_on", name=op.f("uq_financial_years_starts_on")),
    )
    funds = op.create_table(
        "funds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funds")),
        sa.UniqueConstraint("name", name=op.f("uq_funds_name")),
    )
    # Receipts and payments a small group meets, each with the heading it falls under in the
    # year-end accounts (the OSCR statement's fixed lines; asset sales and purchases are
    # sections of their own in both forms). All editable.
    receipts = [
        ("Subscriptions", "other_charitable", False),
        ("Donations", "donations", True),
        ("Gift Aid reclaimed", "donations", False),
        ("Grants received", "grants", False),
        ("Legacies", "legacies", False),
        ("Fundraising events", "fundraising", False),
        ("Hire income", "other_charitable", False),
        ("Sales and trading", "trading", False),
        ("Bank interest", "investment", False),
        ("Sale of equipment", "sale_fixed_assets", False),
        ("Other income", "other_charitable", False),
    ]
    payments = [
        ("Hire and rent", "charitable_activities"),
        ("Insurance", "charitable_activities"),
        ("Equipment and materials", "charitable_activities"),
        ("Activities and events", "charitable_activities"),
        ("Printing and postage", "charitable_activities"),
        ("Volunteer expenses", "charitable_activities"),
        ("Utilities", "charitable_activities"),
        ("Repairs and maintenance", "charitable_activities"),
        ("Grants made", "grants_made"),
        ("Fundraising costs", "fundraising_costs"),
        ("Independent examination", "governance"),
        ("Bank charges", "governance"),
        ("Purchase of equipment for own use", "purchase_fixed_assets"),
        ("Other payments", "charitable_activities"),
    ]
    op.bulk_insert(
        categories,
        [
            {
                "name": name,
                "direction": "receipt",
                "heading": heading,
                "gift_aid_eligible": eligible,
                "active": True,
            }
            for name, heading, eligible in receipts
        ]
        + [
            {
                "name": name,
                "direction": "payment",
                "heading": heading,
                "gift_aid_eligible": False,
                "active": True,
            }
            for name, heading in payments
        ],
    )
    op.bulk_insert(
        funds,
        [
            {
                "name": "General fund",
                "kind": "unrestricted",
                "active": True,
                "description": "Money the committee may spend on any of the group's purposes",
            }
        ],
    )

    op.create_table(
        "budgets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("year_starts_on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_budgets_category_id_categories")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budgets")),
        sa.UniqueConstraint("category_id", "year_starts_on", name=op.f("uq_budgets_category_id")),
    )
    op.create_table(
        "reconciliations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("statement_on", sa.Date(), nullable=False),
        sa.Column("statement_pence", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["book_accounts.id"],
            name=op.f("fk_reconciliations_account_id_book_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliations")),
    )
    with op.batch_alter_table("reconciliations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reconciliations_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "year_end_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_starts_on", sa.Date(), nullable=False),
        sa.Column("section", sa.String(length=20), nullable=False),
        sa.Column("details", sa.String(length=300), nullable=False),
        sa.Column("fund_id", sa.Integer(), nullable=True),
        sa.Column("amount_pence", sa.Integer(), nullable=True),
        sa.Column("cost_pence", sa.Integer(), nullable=True),
        sa.Column("due", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["funds.id"], name=op.f("fk_year_end_items_fund_id_funds")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_year_end_items")),
    )
    with op.batch_alter_table("year_end_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_year_end_items_year_starts_on"), ["year_starts_on"], unique=False
        )

    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("payee", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=50), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("attachment", sa.String(length=500), nullable=False),
        sa.Column("transfer_key", sa.String(length=36), nullable=True),
        sa.Column("reconciliation_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["book_accounts.id"], name=op.f("fk_entries_account_id_book_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_entries_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["reconciliation_id"],
            ["reconciliations.id"],
            name=op.f("fk_entries_reconciliation_id_reconciliations"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["entries.id"], name=op.f("fk_entries_reverses_id_entries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
        info={
            "title": "Payment or receipt",
            "purpose": "To account for money the group received from you or paid to you.",
            "kept": "Six years after the end of the financial year, as the law requires.",
        },
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entries_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entries_on"), ["on"], unique=False)
        batch_op.create_index(batch_op.f("ix_entries_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_entries_reconciliation_id"), ["reconciliation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_entries_transfer_key"), ["transfer_key"], unique=False)

    op.create_table(
        "gift_aid_declarations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("covers_past", sa.Boolean(), nullable=False),
        sa.Column("covers_future", sa.Boolean(), nullable=False),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_gift_aid_declarations_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_aid_declarations")),
        info={
            "title": "Gift Aid declaration",
            "purpose": "To claim Gift Aid on your donations, as you asked.",
            "kept": "Six years after the last donation it covers, as HMRC requires.",
        },
    )
    with op.batch_alter_table("gift_aid_declarations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gift_aid_declarations_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "gift_aid_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("up_to", sa.Date(), nullable=False),
        sa.Column("donations_pence", sa.Integer(), nullable=False),
        sa.Column("claimed_pence", sa.Integer(), nullable=False),
        sa.Column("gasds_pence", sa.Integer(), nullable=False),
        sa.Column("received_entry_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["received_entry_id"],
            ["entries.id"],
            name=op.f("fk_gift_aid_claims_received_entry_id_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_aid_claims")),
    )
    op.create_table(
        "statement_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("fitid", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("balance_pence", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["book_accounts.id"],
            name=op.f("fk_statement_lines_account_id_book_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name=op.f("fk_statement_lines_entry_id_entries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_lines")),
    )
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statement_lines_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_statement_lines_fingerprint"), ["fingerprint"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_statement_lines_fitid"), ["fitid"], unique=False)

    op.create_table(
        "entry_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("fund_id", sa.Integer(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("gift_aid_claim_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_entry_lines_category_id_categories")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_entry_lines_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["funds.id"], name=op.f("fk_entry_lines_fund_id_funds")
        ),
        sa.ForeignKeyConstraint(
            ["gift_aid_claim_id"],
            ["gift_aid_claims.id"],
            name=op.f("fk_entry_lines_gift_aid_claim_id_gift_aid_claims"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_lines")),
    )
    with op.batch_alter_table("entry_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_entry_lines_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_entry_lines_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entry_lines_fund_id"), ["fund_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_entry_lines_gift_aid_claim_id"), ["gift_aid_claim_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("entry_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_lines_gift_aid_claim_id"))
        batch_op.drop_index(batch_op.f("ix_entry_lines_fund_id"))
        batch_op.drop_index(batch_op.f("ix_entry_lines_entry_id"))
        batch_op.drop_index(batch_op.f("ix_entry_lines_category_id"))

    op.drop_table("entry_lines")
    with op.batch_alter_table("statement_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_lines_fitid"))
        batch_op.drop_index(batch_op.f("ix_statement_lines_fingerprint"))
        batch_op.drop_index(batch_op.f("ix_statement_lines_account_id"))

    op.drop_table("statement_lines")
    op.drop_table("gift_aid_claims")
    with op.batch_alter_table("gift_aid_declarations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gift_aid_declarations_person_id"))

    op.drop_table("gift_aid_declarations")
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entries_transfer_key"))
        batch_op.drop_index(batch_op.f("ix_entries_reconciliation_id"))
        batch_op.drop_index(batch_op.f("ix_entries_person_id"))
        batch_op.drop_index(batch_op.f("ix_entries_on"))
        batch_op.drop_index(batch_op.f("ix_entries_account_id"))

    op.drop_table("entries")
    with op.batch_alter_table("year_end_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_year_end_items_year_starts_on"))

    op.drop_table("year_end_items")
    with op.batch_alter_table("reconciliations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reconciliations_account_id"))

    op.drop_table("reconciliations")
    op.drop_table("budgets")
    op.drop_table("funds")
    op.drop_table("financial_years")
    op.drop_table("categories")
    op.drop_table("book_accounts")
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_records_row_id"))
        batch_op.drop_index(batch_op.f("ix_audit_records_at"))

    op.drop_table("audit_records")
