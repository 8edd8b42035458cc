"""Gift Aid declarations, what they cover, and which donations can be claimed (and why not)."""

from datetime import date

import pytest
from sqlalchemy import select

from grassroots.accounts import books
from grassroots.accounts import gift_aid as ga
from grassroots.accounts import gift_aid_rules as rules
from grassroots.accounts.gift_aid_schedule import make_claim
from grassroots.accounts.models import EntryLine
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.people.gdpr import erase_person
from grassroots.people.models import Person
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person

TODAY = date(2026, 6, 1)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(0), date(2008, 1, 1))


def category_id(sessions, name):
    return next(c.id for c in books.list_categories(sessions) if c.name == name)


def donor(sessions, first="Jane", last="Smith", line1="12 High Street", postcode="le65 2ab"):
    data = PersonInput(
        first_name=first, last_name=last, title="Mrs", address_line1=line1, postcode=postcode
    )
    return add_person(sessions, data).id


def give(sessions, bank, person_id, on, pence, category="Donations", method="cheque"):
    line = LineInput(Money(pence), category_id(sessions, category))
    entry = EntryInput(bank.id, on, (line,), person_id=person_id, method=method)
    return books.add_entry(sessions, entry)


def declared(sessions, first="Jane", last="Smith", made_on=date(2025, 4, 1), **address):
    person_id = donor(sessions, first, last, **address)
    ga.record_declaration(sessions, person_id, made_on, "written")
    return person_id


def problems(sessions, up_to=TODAY, today=TODAY):
    return {d.entry_id: d.problems for d in ga.donations_to_fix(sessions, up_to, today)}


# ---------------------------------------------------------------- declarations


def test_a_declaration_covers_four_years_back_and_every_future_gift(sessions):
    person_id = donor(sessions)
    made = ga.record_declaration(sessions, person_id, date(2025, 6, 1), "online")
    assert made.covers_from == date(2021, 6, 1)
    assert made.covers(date(2021, 6, 1)) and not made.covers(date(2021, 5, 31))
    assert made.covers(date(2040, 1, 1))
    assert ga.declarations_of(sessions, person_id) == [made]


def test_a_cancelled_declaration_still_covers_what_came_before(sessions):
    person_id = donor(sessions)
    made = ga.record_declaration(sessions, person_id, date(2025, 6, 1))
    cancelled = ga.cancel_declaration(sessions, made.id, date(2026, 1, 10))
    assert cancelled.covers(date(2026, 1, 10)) and cancelled.covers(date(2023, 1, 1))
    assert not cancelled.covers(date(2026, 1, 11))
    assert ga.declarations_of(sessions, person_id)[0].cancelled_on == date(2026, 1, 10)


def test_a_declaration_for_one_day_covers_that_day_only(sessions):
    person_id = donor(sessions)
    made = ga.record_declaration(
        sessions, person_id, date(2025, 6, 1), "oral", covers_past=False, covers_future=False
    )
    assert made.covers(date(2025, 6, 1))
    assert not made.covers(date(2025, 5, 31)) and not made.covers(date(2025, 6, 2))


def test_declarations_refuse_what_cannot_be(sessions):
    person_id = donor(sessions)
    with pytest.raises(ValidationError) as caught:
        ga.record_declaration(sessions, person_id, date(2025, 6, 1), "telepathy")
    assert set(caught.value.fields) == {"method"}
    with pytest.raises(NotFound):
        ga.record_declaration(sessions, 9999, date(2025, 6, 1))
    made = ga.record_declaration(sessions, person_id, date(2025, 6, 1))
    with pytest.raises(ValidationError):
        ga.cancel_declaration(sessions, made.id, date(2025, 5, 1))
    ga.cancel_declaration(sessions, made.id, date(2025, 7, 1))
    with pytest.raises(ValidationError):
        ga.cancel_declaration(sessions, made.id, date(2025, 8, 1))


# ---------------------------------------------------------------- the donor's address


@pytest.mark.parametrize(
    ("line1", "house"),
    [
        ("12 High Street", "12"),
        ("12a High Street", "12a"),
        ("12 - 14 Mill Lane", "12-14"),
        ("Rose Cottage, Main Street", "Rose Cottage"),
        ("Flat 3 Mill House", "Flat 3"),
        ("The Old Forge", "The Old Forge"),
        ("  ", ""),
    ],
)
def test_house_name_or_number_comes_from_the_first_line(line1, house):
    assert ga.house_of(line1) == house


# ---------------------------------------------------------------- eligibility


def test_a_declared_donor_with_a_full_address_can_be_claimed(sessions, bank):
    person_id = declared(sessions)
    entry = give(sessions, bank, person_id, date(2025, 5, 3), 5000)
    [item] = ga.eligible_donations(sessions, TODAY, TODAY)
    assert (item.entry_id, item.line_id, item.on, item.amount) == (
        entry.id,
        entry.lines[0].id,
        date(2025, 5, 3),
        Money(5000),
    )
    assert (item.title, item.first_name, item.last_name, item.house, item.postcode) == (
        "Mrs",
        "Jane",
        "Smith",
        "12",
        "LE65 2AB",
    )
    assert item.eligible and ga.donations_to_fix(sessions, TODAY, TODAY) == []


def test_each_missing_detail_is_named(sessions, bank):
    on = date(2025, 5, 3)
    cash = give(sessions, bank, None, on, 1000, method="cash")
    undeclared = give(sessions, bank, donor(sessions, "Ann", "Lee"), on, 1000)
    no_first = give(sessions, bank, declared(sessions, "", "Bloggs"), on, 1000)
    no_last = give(sessions, bank, declared(sessions, "Cher", ""), on, 1000)
    no_house = give(sessions, bank, declared(sessions, "Tom", "Ward", line1=""), on, 1000)
    no_postcode = give(sessions, bank, declared(sessions, "Sam", "Hill", postcode=""), on, 1000)
    bad_postcode_person = declared(sessions, "Amy", "Cole")
    with sessions.begin() as session:
        session.get(Person, bad_postcode_person).postcode = "75001"
    bad_postcode = give(sessions, bank, bad_postcode_person, on, 1000)
    found = problems(sessions)
    assert found == {
        cash.id: (ga.NO_DONOR,),
        undeclared.id: (ga.NO_DECLARATION,),
        no_first.id: (ga.NO_FIRST_NAME,),
        no_last.id: (ga.NO_LAST_NAME,),
        no_house.id: (ga.NO_HOUSE,),
        no_postcode.id: (ga.NO_POSTCODE,),
        bad_postcode.id: (ga.BAD_POSTCODE,),
    }
    assert ga.eligible_donations(sessions, TODAY, TODAY) == []


def test_a_gift_outside_the_declaration_is_not_covered(sessions, bank):
    person_id = declared(sessions, made_on=date(2025, 6, 1))
    made = ga.declarations_of(sessions, person_id)[0]
    ga.cancel_declaration(sessions, made.id, date(2025, 12, 31))
    before = give(sessions, bank, person_id, date(2021, 5, 31), 1000)
    inside = give(sessions, bank, person_id, date(2025, 12, 31), 1000)
    after = give(sessions, bank, person_id, date(2026, 1, 1), 1000)
    assert [d.entry_id for d in ga.eligible_donations(sessions, TODAY, date(2025, 6, 1))] == [
        inside.id
    ]
    found = problems(sessions, today=date(2025, 6, 1))
    assert found == {before.id: (ga.NO_DECLARATION,), after.id: (ga.NO_DECLARATION,)}


def test_an_erased_donor_cannot_be_claimed_for(sessions, bank):
    person_id = declared(sessions)
    entry = give(sessions, bank, person_id, date(2025, 5, 3), 1000)
    erase_person(sessions, person_id)
    [item] = ga.donations_to_fix(sessions, TODAY, TODAY)
    assert (item.entry_id, item.problems, item.last_name) == (entry.id, (ga.ERASED,), "")


def test_the_four_year_window_runs_from_the_end_of_the_accounting_period(sessions, bank):
    # The group's year starts on 1 April: a gift of 01/05/2021 falls in the year to
    # 31/03/2022, so it can be claimed up to 31/03/2026 and not a day later.
    person_id = declared(sessions, made_on=date(2025, 4, 1))
    old = give(sessions, bank, person_id, date(2021, 5, 1), 1000)
    assert ga.claim_deadline(date(2021, 5, 1), 4, 1) == date(2026, 3, 31)
    last_day = date(2026, 3, 31)
    assert [d.entry_id for d in ga.eligible_donations(sessions, last_day, last_day)] == [old.id]
    assert problems(sessions, last_day, date(2026, 4, 1)) == {old.id: (ga.TOO_OLD,)}


def test_gifts_from_long_ago_are_simply_out_of_time(sessions, bank):
    person_id = declared(sessions, made_on=date(2009, 6, 1))
    gift = give(sessions, bank, person_id, date(2009, 5, 1), 1000)
    assert problems(sessions) == {gift.id: (ga.TOO_OLD,)}


def test_only_unclaimed_gifts_in_gift_aid_categories_are_looked_at(sessions, bank):
    person_id = declared(sessions)
    give(sessions, bank, person_id, date(2025, 5, 3), 3000, category="Subscriptions")
    give(sessions, bank, person_id, date(2025, 5, 4), -500)  # a refund
    reversed_gift = give(sessions, bank, person_id, date(2025, 5, 5), 2500)
    books.reverse_entry(sessions, reversed_gift.id, date(2025, 5, 6))
    later = give(sessions, bank, person_id, date(2025, 7, 1), 4000)
    kept = give(sessions, bank, person_id, date(2025, 5, 7), 4000)
    up_to = date(2025, 6, 30)
    assert [d.entry_id for d in ga.eligible_donations(sessions, up_to, TODAY)] == [kept.id]
    with sessions.begin() as session:
        line = session.scalar(select(EntryLine).where(EntryLine.entry_id == kept.id))
        assert line.gift_aid_claim_id is None
    assert [d.entry_id for d in ga.eligible_donations(sessions, TODAY, TODAY)] == [
        kept.id,
        later.id,
    ]


# ---------------------------------------------------------------- dated rules


def test_figures_are_taken_from_the_date_of_the_gift():
    assert rules.in_force(rules.GASDS_EACH_PENCE, date(2016, 4, 5)) == 2000
    assert rules.in_force(rules.GASDS_EACH_PENCE, date(2016, 4, 6)) == 3000
    assert rules.in_force(rules.GASDS_YEAR_PENCE, date(2016, 4, 6)) == 800_000
    assert rules.in_force(rules.AGGREGATE_EACH_PENCE, date(2026, 1, 1)) == 2000
    assert rules.tax_on(Money(20000), date(2025, 5, 1)) == Money(5000)
    assert rules.tax_on(Money(20000), date(2007, 5, 1)) == Money(5641)  # 22/78 before 2008
    with pytest.raises(ValueError):
        rules.in_force(rules.GASDS_EACH_PENCE, date(2012, 1, 1))


# ---------------------------------------------------------------- GASDS


def cash_gifts(sessions, bank, on, count, pence, method="cash"):
    line = LineInput(Money(pence), category_id(sessions, "Donations"))
    with sessions.begin() as session:
        for _ in range(count):
            books.new_entry(session, EntryInput(bank.id, on, (line,), method=method))


def test_gasds_counts_small_cash_gifts_and_caps_them(sessions, bank):
    cash_gifts(sessions, bank, date(2025, 5, 1), 300, 3000)  # £9,000
    cash_gifts(sessions, bank, date(2025, 5, 1), 2, 3001)  # over £30 each
    cash_gifts(sessions, bank, date(2025, 5, 1), 2, 1000, method="bank transfer")
    person_id = declared(sessions)
    give(sessions, bank, person_id, date(2025, 5, 2), 1000, method="cash")  # declared
    position = ga.gasds_position(sessions, date(2025, 4, 6))
    assert (position.count, position.donations) == (300, Money(900_000))
    assert (position.eligible, position.top_up) == (Money(800_000), Money(200_000))
    assert position.claim_by == date(2028, 4, 5)
    assert not position.gift_aid_claimed_in_year and not position.can_claim
    assert position.claimable == Money(0)  # nothing claimed on to match


def test_gasds_is_matched_to_ten_times_the_gift_aid_donations(sessions, bank, tmp_path):
    cash_gifts(sessions, bank, date(2025, 5, 1), 20, 2000)  # £400
    give(sessions, bank, declared(sessions), date(2025, 5, 2), 3000)
    make_claim(sessions, date(2025, 5, 31), tmp_path, today=date(2025, 6, 1))
    position = ga.gasds_position(sessions, date(2025, 4, 6))
    assert (position.eligible, position.gift_aid_donations) == (Money(40_000), Money(3000))
    assert (position.claimable, position.claimable_top_up) == (Money(30_000), Money(7500))
    assert position.can_claim


def test_gasds_needs_a_gift_aid_claim_in_the_same_tax_year(sessions, bank, tmp_path):
    cash_gifts(sessions, bank, date(2025, 5, 1), 2, 2000)
    give(sessions, bank, declared(sessions), date(2025, 5, 2), 5000)
    make_claim(sessions, date(2025, 5, 31), tmp_path / "claims", today=date(2026, 4, 6))
    assert not ga.gasds_position(sessions, date(2025, 4, 6)).can_claim
    give(sessions, bank, declared(sessions, "Bob"), date(2025, 6, 2), 5000)
    make_claim(sessions, date(2025, 6, 30), tmp_path / "claims", today=date(2026, 4, 5))
    position = ga.gasds_position(sessions, date(2025, 4, 6))
    assert position.can_claim and position.claimable_top_up == Money(1000)


def test_gasds_years_run_from_6_april_to_5_april(sessions, bank):
    cash_gifts(sessions, bank, date(2025, 4, 5), 1, 1000)
    cash_gifts(sessions, bank, date(2025, 4, 6), 1, 2000)
    cash_gifts(sessions, bank, date(2026, 4, 5), 1, 400)
    cash_gifts(sessions, bank, date(2026, 4, 6), 1, 800)
    earlier = ga.gasds_position(sessions, date(2024, 4, 6))
    this = ga.gasds_position(sessions, date(2025, 9, 1))  # any day of the year will do
    assert (earlier.tax_year_end, earlier.donations) == (date(2025, 4, 5), Money(1000))
    assert (this.tax_year_start, this.tax_year_end) == (date(2025, 4, 6), date(2026, 4, 5))
    assert this.donations == Money(2400)


def test_gasds_before_april_2016_used_the_old_limits(sessions, bank):
    cash_gifts(sessions, bank, date(2015, 5, 1), 2, 2500)  # over the £20 of the time
    cash_gifts(sessions, bank, date(2015, 5, 1), 260, 2000)  # £5,200
    position = ga.gasds_position(sessions, date(2015, 4, 6))
    assert (position.count, position.eligible) == (260, Money(500_000))
    with pytest.raises(ValidationError):
        ga.gasds_position(sessions, date(2012, 4, 6))
