"""Meetings: agendas, attendance, minutes, decisions, actions; the constitution's meeting rules

A meeting holds its attendance, its agenda items (each with the discussion the minutes record),
the decisions and actions taken under each item, and amendments recorded after the minutes were
approved. The group's settings gain the quorum rule and the notice periods, with defaults that
existing groups get straight away.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SETTINGS = (
    ("quorum_rule", sa.String(length=20), "number"),
    ("quorum_number", sa.Integer(), "3"),
    ("quorum_numerator", sa.Integer(), "1"),
    ("quorum_denominator", sa.Integer(), "3"),
    ("general_quorum_number", sa.Integer(), "10"),
    ("committee_notice_days", sa.Integer(), "7"),
    ("agm_notice_days", sa.Integer(), "14"),
)


def upgrade() -> None:
    _meetings()
    _attendance()
    _agenda_items()
    _decisions()
    _actions()
    _amendments()
    with op.batch_alter_table("group_settings") as batch:
        for name, type_, default in _SETTINGS:
            batch.add_column(sa.Column(name, type_, nullable=False, server_default=default))


def _person(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["people.id"], name=op.f(f"fk_{table}_{column}_people")
    )


def _meetings() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("minute_taker_id", sa.Integer(), nullable=True),
        sa.Column("notice_sent_on", sa.Date(), nullable=True),
        sa.Column("minutes_approved_on", sa.Date(), nullable=True),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _person("chair_id", "meetings"),
        _person("minute_taker_id", "meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    op.create_index(op.f("ix_meetings_chair_id"), "meetings", ["chair_id"])
    op.create_index(op.f("ix_meetings_minute_taker_id"), "meetings", ["minute_taker_id"])
    op.create_index(op.f("ix_meetings_on"), "meetings", ["on"])


def _attendance() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_attendance_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        _person("person_id", "attendance"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("meeting_id", "person_id", name=op.f("uq_attendance_meeting_id")),
    )
    op.create_index(op.f("ix_attendance_person_id"), "attendance", ["person_id"])


def _agenda_items() -> None:
    op.create_table(
        "agenda_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=True),
        sa.Column("minutes_allowed", sa.Integer(), nullable=True),
        sa.Column("papers", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_agenda_items_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        _person("presenter_id", "agenda_items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_items")),
    )
    op.create_index("ix_agenda_items_meeting_position", "agenda_items", ["meeting_id", "position"])
    op.create_index(op.f("ix_agenda_items_presenter_id"), "agenda_items", ["presenter_id"])


def _item_link(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["item_id"],
        ["agenda_items.id"],
        name=op.f(f"fk_{table}_item_id_agenda_items"),
        ondelete="CASCADE",
    )


def _decisions() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("motion", sa.Text(), nullable=False),
        sa.Column("proposer_id", sa.Integer(), nullable=True),
        sa.Column("seconder_id", sa.Integer(), nullable=True),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("votes_abstain", sa.Integer(), nullable=True),
        sa.Column("carried", sa.Boolean(), nullable=False),
        _item_link("decisions"),
        _person("proposer_id", "decisions"),
        _person("seconder_id", "decisions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    for column in ("item_id", "proposer_id", "seconder_id"):
        op.create_index(op.f(f"ix_decisions_{column}"), "decisions", [column])


def _actions() -> None:
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("carried_from_action_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["carried_from_action_id"],
            ["actions.id"],
            name=op.f("fk_actions_carried_from_action_id_actions"),
            ondelete="SET NULL",
        ),
        _item_link("actions"),
        _person("owner_id", "actions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    for column in ("carried_from_action_id", "due_on", "item_id", "owner_id", "status"):
        op.create_index(op.f(f"ix_actions_{column}"), "actions", [column])


def _amendments() -> None:
    op.create_table(
        "minutes_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("agreed_at_meeting_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreed_at_meeting_id"],
            ["meetings.id"],
            name=op.f("fk_minutes_amendments_agreed_at_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_items.id"],
            name=op.f("fk_minutes_amendments_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_minutes_amendments_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_amendments")),
    )
    op.create_index(op.f("ix_minutes_amendments_meeting_id"), "minutes_amendments", ["meeting_id"])


def downgrade() -> None:
    with op.batch_alter_table("group_settings") as batch:
        for name, _type, _default in reversed(_SETTINGS):
            batch.drop_column(name)
    for table in (
        "minutes_amendments",
        "decisions",
        "actions",
        "agenda_items",
        "attendance",
        "meetings",
    ):
        op.drop_table(table)
