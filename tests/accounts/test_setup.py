"""Setting up and tidying the books: categories under headings, funds that close only when
spent, accounts whose opening balance is fixed once the books rely on it."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from grassroots.accounts import books, categories, funds, reconcile, setup
from grassroots.accounts.models import AuditRecord
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

START = date(2025, 4, 1)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(50_000), START)


def category(sessions, name):
    return next(c for c in categories.list_category_rows(sessions) if c.name == name)


def fund(sessions, name):
    return next(f for f in funds.list_fund_rows(sessions) if f.name == name)


def enter(sessions, account, pence, category_id=None, fund_id=None, on=date(2025, 5, 1)):
    line = LineInput(Money(pence), category_id, fund_id)
    return books.add_entry(sessions, EntryInput(account.id, on, (line,), payee="Someone"))


def audit_trail(sessions, table):
    with sessions() as session:
        rows = session.scalars(select(AuditRecord).where(AuditRecord.table_name == table))
        return [(r.action, json.loads(r.before or "{}"), json.loads(r.after or "{}")) for r in rows]


# ---------------------------------------------------------------- categories


def test_the_seeded_chart_sits_under_the_forms_headings(sessions):
    rows = categories.list_category_rows(sessions)
    assert {c.heading_label for c in rows} <= {h.label for h in categories.HEADINGS}
    assert category(sessions, "Donations").heading_label == "Donations"
    assert category(sessions, "Bank charges").heading_label.startswith("Governance")
    assert rows[0].direction == "receipt" and rows[-1].direction == "payment"


def test_a_new_category_goes_under_a_heading_and_is_offered_for_entries(sessions):
    added = categories.add_category(sessions, "Coffee mornings", "receipt", "fundraising")
    assert added.heading_label == "Fundraising" and added.uses == 0
    assert "Coffee mornings" in {c.name for c in books.list_categories(sessions, "receipt")}
    with pytest.raises(ValidationError) as no_heading:
        categories.add_category(sessions, "Raffles", "receipt", "")
    assert "heading" in no_heading.value.fields
    with pytest.raises(ValidationError) as wrong_side:
        categories.add_category(sessions, "Raffles", "receipt", "governance")
    assert "receipts" in wrong_side.value.fields["heading"]
    assert audit_trail(sessions, "categories")[0][0] == "added"


def test_category_names_are_unique_whatever_the_capitals(sessions):
    with pytest.raises(ValidationError) as taken:
        categories.add_category(sessions, "  donations ", "receipt", "donations")
    assert taken.value.fields["name"] == "There is already a category called donations"
    insurance = category(sessions, "Insurance")
    with pytest.raises(ValidationError):
        categories.change_category(sessions, insurance.id, "UTILITIES", insurance.heading, False)


def test_only_receipts_can_be_eligible_for_gift_aid(sessions):
    with pytest.raises(ValidationError) as refused:
        categories.add_category(sessions, "Gifts given", "payment", "grants_made", True)
    assert "Gift Aid" in refused.value.fields["gift_aid"]


def test_a_category_is_renamed_moved_and_flagged_with_its_entries_kept(sessions, bank):
    hire = category(sessions, "Hire income")
    entry = enter(sessions, bank, 4_000, hire.id)
    changed = categories.change_category(sessions, hire.id, "Room hire", "rents", True)
    assert (changed.name, changed.heading_label, changed.gift_aid_eligible) == (
        "Room hire",
        "Rents",
        True,
    )
    assert changed.uses == 1
    assert books.get_entry(sessions, entry.id).lines[0].category == "Room hire"
    action, before, after = audit_trail(sessions, "categories")[-1]
    assert action == "changed"
    assert (before["name"], after["name"]) == ("Hire income", "Room hire")
    assert (before["heading"], after["heading"]) == ("other_charitable", "rents")


def test_a_used_category_keeps_its_side_an_unused_one_may_move(sessions, bank):
    hire = category(sessions, "Hire income")
    enter(sessions, bank, 4_000, hire.id)
    with pytest.raises(ValidationError) as refused:
        categories.change_category(
            sessions, hire.id, hire.name, "charitable_activities", False, direction="payment"
        )
    assert "used by 1 entry" in refused.value.fields["direction"]
    fresh = categories.add_category(sessions, "Raffle prizes", "receipt", "fundraising")
    moved = categories.change_category(
        sessions, fresh.id, fresh.name, "fundraising_costs", False, direction="payment"
    )
    assert moved.direction == "payment"


def test_a_retired_category_is_hidden_from_new_entries_and_kept_on_old_ones(sessions, bank):
    hire = category(sessions, "Hire income")
    entry = enter(sessions, bank, 4_000, hire.id)
    retired = categories.retire_category(sessions, hire.id)
    assert not retired.active
    assert "Hire income" not in {c.name for c in books.list_categories(sessions)}
    assert books.get_entry(sessions, entry.id).lines[0].category == "Hire income"
    assert not category(sessions, "Hire income").active  # still listed for set-up
    assert categories.restore_category(sessions, hire.id).active
    assert "Hire income" in {c.name for c in books.list_categories(sessions)}


def test_a_used_category_cannot_be_deleted_an_unused_one_can(sessions, bank):
    hire = category(sessions, "Hire income")
    enter(sessions, bank, 4_000, hire.id)
    with pytest.raises(ValidationError) as refused:
        categories.delete_category(sessions, hire.id)
    assert "retire it instead" in refused.value.fields["category"]
    typo = categories.add_category(sessions, "Dontaions", "receipt", "donations")
    categories.delete_category(sessions, typo.id)
    assert "Dontaions" not in {c.name for c in categories.list_category_rows(sessions)}
    assert audit_trail(sessions, "categories")[-1][0] == "removed"


def test_categories_other_services_find_by_name_keep_it(sessions):
    subs = category(sessions, "Subscriptions")
    with pytest.raises(ValidationError) as renamed:
        categories.change_category(sessions, subs.id, "Member subs", subs.heading, False)
    assert "membership payments" in renamed.value.fields["name"]
    with pytest.raises(ValidationError):
        categories.retire_category(sessions, category(sessions, "Gift Aid reclaimed").id)
    moved = categories.change_category(sessions, subs.id, subs.name, "donations", False)
    assert moved.heading == "donations"


# ---------------------------------------------------------------- funds


def test_a_restricted_fund_keeps_its_purpose_and_funder(sessions):
    added = funds.open_fund(
        sessions,
        "Youth club grant",
        "restricted",
        "Sessions for 11-16 year olds",
        "National Lottery Awards for All, grant 12345",
    )
    assert (added.purpose, added.funder) == (
        "Sessions for 11-16 year olds",
        "National Lottery Awards for All, grant 12345",
    )
    assert added.balance == Money(0) and added.active and not added.general
    assert "Youth club grant" in {f.name for f in books.list_funds(sessions)}
    with pytest.raises(ValidationError) as no_purpose:
        funds.open_fund(sessions, "Roof appeal", "restricted", "")
    assert "spent on" in no_purpose.value.fields["purpose"]
    with pytest.raises(ValidationError):
        funds.open_fund(sessions, "YOUTH CLUB GRANT", "designated", "Spare")


def test_a_fund_is_renamed_and_its_purpose_changed(sessions):
    added = funds.open_fund(sessions, "Roof", "designated", "Put by for the roof")
    changed = funds.change_fund(sessions, added.id, "Roof repairs", "designated", "Gutters too")
    assert (changed.name, changed.purpose, changed.funder) == ("Roof repairs", "Gutters too", "")
    action, before, after = audit_trail(sessions, "funds")[-1]
    assert (action, before["name"], after["description"]) == ("changed", "Roof", "Gutters too")


def test_a_fund_with_a_balance_cannot_close_until_it_is_transferred(sessions, bank):
    grant = funds.open_fund(sessions, "Youth club grant", "restricted", "Youth sessions")
    enter(sessions, bank, 30_000, category(sessions, "Grants received").id, grant.id)
    with pytest.raises(ValidationError) as refused:
        funds.close_fund(sessions, grant.id)
    assert refused.value.fields["balance"] == (
        "Youth club grant still holds £300.00. Transfer the balance to another fund first, "
        "then close it"
    )
    general = fund(sessions, "General fund")
    books.transfer_between_funds(sessions, grant.id, general.id, Money(30_000), START, bank.id)
    closed = funds.close_fund(sessions, grant.id)
    assert not closed.active and closed.balance == Money(0)
    assert "Youth club grant" in {f.name for f in books.list_funds(sessions) if not f.active}


def test_the_general_fund_stays_open_unrestricted_and_named(sessions, bank):
    general = fund(sessions, "General fund")
    assert general.general and general.balance == Money(50_000)  # the opening balance
    with pytest.raises(ValidationError) as closing:
        funds.close_fund(sessions, general.id)
    assert "cannot be closed" in closing.value.fields["fund"]
    with pytest.raises(ValidationError) as restricting:
        funds.change_fund(sessions, general.id, general.name, "restricted", "Anything")
    assert "unrestricted" in restricting.value.fields["kind"]
    with pytest.raises(ValidationError):
        funds.change_fund(sessions, general.id, "Free money", "unrestricted", "")
    kept = funds.change_fund(sessions, general.id, general.name, "unrestricted", "Day to day")
    assert kept.purpose == "Day to day"


def test_a_funds_kind_stays_once_a_closed_year_shows_it(sessions, bank):
    grant = funds.open_fund(sessions, "Minibus", "restricted", "A minibus")
    enter(sessions, bank, 1_000, category(sessions, "Donations").id, grant.id)
    books.mark_year_closed(sessions, START, date(2026, 3, 31))
    with pytest.raises(ValidationError) as refused:
        funds.change_fund(sessions, grant.id, "Minibus", "unrestricted", "A minibus")
    assert "31/03/2026" in refused.value.fields["kind"]
    assert funds.change_fund(sessions, grant.id, "Minibus fund", "restricted", "A minibus")


# ---------------------------------------------------------------- accounts


def test_an_account_is_renamed_and_its_details_shown_masked(sessions, bank):
    changed = setup.change_account(
        sessions,
        bank.id,
        "Lloyds current",
        "bank",
        "Lloyds 30-90-12 12345678",
        Money(50_000),
        START,
    )
    assert changed.name == "Lloyds current"
    assert changed.masked_details == "Lloyds ••-••-•• ••••5678"
    assert books.account_named(sessions, "lloyds current").id == bank.id
    books.add_account(sessions, "Petty cash", "cash", Money(0), START)
    with pytest.raises(ValidationError) as taken:
        setup.change_account(sessions, bank.id, "PETTY CASH", "bank", "", Money(0), START)
    assert "already an account" in taken.value.fields["name"]
    assert audit_trail(sessions, "book_accounts")[0][2]["name"] == "Lloyds current"


def test_the_opening_balance_changes_until_a_reconciliation_relies_on_it(sessions, bank):
    setup.change_account(sessions, bank.id, bank.name, "bank", "", Money(60_000), START)
    assert setup.get_account_row(sessions, bank.id).balance == Money(60_000)
    done = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(60_000))
    reconcile.finish_reconciliation(sessions, done.id)
    row = setup.get_account_row(sessions, bank.id)
    assert "30/04/2025" in row.opening_fixed
    with pytest.raises(ValidationError) as refused:
        setup.change_account(sessions, bank.id, bank.name, "bank", "", Money(1), START)
    assert "correcting entry" in refused.value.fields["opening"]
    renamed = setup.change_account(
        sessions, bank.id, "Main account", "bank", "", Money(60_000), START
    )
    assert renamed.name == "Main account"


def test_the_opening_date_cannot_pass_the_first_entry_or_a_closed_year(sessions, bank):
    enter(sessions, bank, 100, on=date(2025, 6, 1))
    with pytest.raises(ValidationError) as late:
        setup.change_account(
            sessions, bank.id, bank.name, "bank", "", bank.opening, date(2025, 7, 1)
        )
    assert "entries from 01/06/2025" in late.value.fields["opening_on"]
    books.mark_year_closed(sessions, START, date(2026, 3, 31))
    with pytest.raises(ValidationError) as closed:
        setup.change_account(sessions, bank.id, bank.name, "bank", "", Money(1), START)
    assert "closed year ending 31/03/2026" in closed.value.fields["opening"]


def test_an_account_closes_only_at_nil(sessions, bank):
    cash = books.add_account(sessions, "Petty cash", "cash", Money(2_500), START)
    with pytest.raises(ValidationError) as refused:
        setup.close_account(sessions, cash.id)
    assert refused.value.fields["balance"].startswith("Petty cash still holds £25.00. Transfer")
    books.transfer_between_accounts(sessions, cash.id, bank.id, Money(2_500), START)
    closed = setup.close_account(sessions, cash.id)
    assert not closed.active
    assert [a.name for a in books.list_accounts(sessions)] == ["Current account"]
    assert [a.name for a in setup.list_account_rows(sessions)] == ["Current account", "Petty cash"]
    assert setup.reopen_account(sessions, cash.id).active
