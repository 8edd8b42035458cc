"""Every released version's database opens in this version with all its data.

tests/data/released/ keeps one real database per released schema (made by make_fixture.py
there) with the facts it held; a migration that loses or garbles any of them fails here.
"""

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from grassroots.db import migrate
from grassroots.db.database import open_database
from grassroots.group.service import get_settings
from grassroots.members.records import MemberQuery
from grassroots.members.register import count_members

RELEASED = sorted((Path(__file__).parents[1] / "data" / "released").glob("grassroots-*.db"))


def test_there_is_a_database_for_the_first_release():
    assert [p.name for p in RELEASED][:1] == ["grassroots-0.1.db"]


@pytest.mark.parametrize("kept", RELEASED, ids=lambda p: p.stem)
def test_a_released_database_opens_with_all_its_data(kept, tmp_path):
    facts = json.loads(kept.with_suffix(".json").read_text())
    copy = tmp_path / kept.name
    shutil.copy(kept, copy)

    database = open_database(str(copy), tmp_path / "backups")
    try:
        assert migrate.current_revision(database.engine) == migrate.HEAD
        assert (database.backup is not None) == (facts["schema"] != migrate.HEAD)
        assert get_settings(database.sessions).name == facts["group"]
        assert count_members(database.sessions, MemberQuery()) == facts["counts"]["people"]
        members = count_members(database.sessions, MemberQuery(members_only=True))
        assert members == facts["counts"]["memberships"]
        with database.engine.connect() as conn:
            for table, count in facts["counts"].items():
                assert conn.execute(text(f"select count(*) from {table}")).scalar() == count
            pence = conn.execute(text("select sum(amount_pence) from subscriptions")).scalar()
        assert pence == facts["subscription_pence"]
    finally:
        database.close()
