"""The schema moves only by migration: models equal head, and old databases keep their data."""

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from grassroots import schema
from grassroots.db import migrate
from grassroots.db.database import open_database
from grassroots.db.engine import make_engine
from grassroots.members import register
from grassroots.members import service as members
from grassroots.members.records import MemberQuery


def test_head_constant_names_the_newest_migration():
    assert migrate.script_directory().get_current_head() == migrate.HEAD


def test_models_equal_upgrade_head(tmp_path):
    engine = make_engine(str(tmp_path / "head.db"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []


def test_every_revision_upgrades_and_downgrades(tmp_path):
    engine = make_engine(str(tmp_path / "walk.db"))
    from alembic import command

    with engine.begin() as conn:
        config = migrate.alembic_config(conn)
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_a_first_release_database_is_backed_up_and_upgraded_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "insert into people (id, title, first_name, last_name, preferred_name, "
            "address_line1, address_line2, town, county, postcode, email, phone, mobile, notes,"
            " contact_by_email, contact_by_post, contact_by_phone, source, search_text, "
            "created_at, updated_at) values (1, 'Mrs', 'Ann', 'Smith', '', '1 Main Street', '',"
            " 'Ashby', '', 'LE65 1AA', 'ann@example.org', '', '', 'kept', 0, 1, 0, 'fete', "
            "'ann smith', '2024-01-01 10:00:00', '2024-01-01 10:00:00')"
        )
        conn.execute(
            "insert into group_settings (id, name, address, postcode, email, phone, "
            "website, charity_number, company_number, is_charity, fy_start_month, "
            "fy_start_day, membership_rule, membership_year_month, "
            "membership_year_day, renewal_window_days, retention_months, "
            "payment_instructions, set_up) values (1, 'Old Group', '', '', '', '', '',"
            " '', '', 1, 4, 1, 'anniversary', 1, 1, 30, 24, '', 1)"
        )
    conn.close()

    db = open_database(str(path), tmp_path / "backups")

    assert db.backup is not None and db.backup.exists()
    with sqlite3.connect(db.backup) as conn:
        assert conn.execute("select version_num from alembic_version").fetchone() == ("0001",)
    conn.close()
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    rows = register.search_members(db.sessions, MemberQuery(text="smith"))
    assert [(r.first_name, r.last_name, r.postcode) for r in rows] == [("Ann", "Smith", "LE65 1AA")]
    assert [t.name for t in members.list_types(db.sessions)][:2] == ["Individual", "Household"]
    db.close()


def test_upgrading_a_database_full_of_members_keeps_every_link(tmp_path):
    """Table rebuilds (SQLite's way to alter a table) must not trip the foreign keys."""
    from datetime import date

    from grassroots.demo import make_demo
    from grassroots.group.service import set_up_group

    path = tmp_path / "full.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0003")
    engine.dispose()
    # Fill it through today's code, then put the schema back to 0003's shape and stamp.
    filled = open_database(str(tmp_path / "donor.db"), tmp_path / "b")
    set_up_group(filled.sessions, "Donor")
    make_demo(filled.sessions, "small", seed=3, today=date(2026, 11, 22))
    filled.close()
    with sqlite3.connect(path) as conn:
        conn.execute("attach database ? as donor", (str(tmp_path / "donor.db"),))
        for table in (
            "group_settings",
            "households",
            "people",
            "consents",
            "memberships",
            "subscriptions",
        ):
            columns = [r[1] for r in conn.execute(f"pragma main.table_info({table})")]
            names = ", ".join(columns)
            conn.execute(f"insert into main.{table} ({names}) select {names} from donor.{table}")
        conn.execute("delete from main.membership_types")
        conn.execute(
            "insert into main.membership_types select id, name, fee_pence, "
            "period_months, covers_household, active, description "
            "from donor.membership_types"
        )
        before = conn.execute("select count(*), sum(amount_pence) from subscriptions").fetchone()
    conn.close()

    db = open_database(str(path), tmp_path / "backups")

    with db.engine.connect() as conn:
        after = conn.exec_driver_sql("select count(*), sum(amount_pence) from subscriptions")
        assert after.fetchone() == before
        assert conn.exec_driver_sql("pragma foreign_key_check").fetchall() == []
        assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1
    assert migrate.current_revision(db.engine) == migrate.HEAD
    db.close()


def test_links_broken_before_an_upgrade_do_not_block_it(tmp_path):
    """Another tool (which leaves foreign keys off) may have left an orphan; upgrading must
    still work, and must leave that row alone."""
    path = tmp_path / "old.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(path) as conn:  # foreign keys are off in a plain sqlite3 connection
        conn.execute(
            "insert into consents (person_id, purpose, channel, basis, given_on, "
            "method, source, opt_out_offered, note, recorded_at) values (9999, "
            "'Newsletter', 'email', 'consent', '2026-01-01', '', '', 0, '', "
            "'2026-01-01 10:00:00')"
        )
    conn.close()

    db = open_database(str(path), tmp_path / "backups")

    assert migrate.current_revision(db.engine) == migrate.HEAD
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from consents").scalar() == 1
    db.close()
