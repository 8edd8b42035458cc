"""Erasing a donor must not destroy the Gift Aid evidence HMRC may still ask for."""

from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts import gift_aid as ga
from grassroots.accounts.gift_aid_schedule import make_claim
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import GrassrootsError
from grassroots.core.money import Money
from grassroots.people.gdpr import erase_person
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person, get_person


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(0), date(2020, 1, 1))


def donor_who_gave(sessions, bank, on):
    data = PersonInput(
        first_name="Jane", last_name="Smith", address_line1="12 High Street", postcode="LE65 2AB"
    )
    person_id = add_person(sessions, data).id
    ga.record_declaration(sessions, person_id, date(2024, 1, 1))
    donations = next(c.id for c in books.list_categories(sessions) if c.name == "Donations")
    line = LineInput(Money(5000), donations)
    books.add_entry(sessions, EntryInput(bank.id, on, (line,), person_id=person_id))
    return person_id


def test_a_donor_whose_gift_aid_was_claimed_is_not_erased(sessions, bank, tmp_path):
    person_id = donor_who_gave(sessions, bank, date(2024, 5, 1))
    make_claim(sessions, date(2024, 12, 31), tmp_path, today=date(2025, 1, 10))

    with pytest.raises(GrassrootsError, match=r"kept as evidence until 31/03/2031"):
        erase_person(sessions, person_id)

    kept = get_person(sessions, person_id)
    assert (kept.first_name, kept.address_line1, kept.postcode, kept.erased) == (
        "Jane",
        "12 High Street",
        "LE65 2AB",
        False,
    )
    assert [d.made_on for d in ga.declarations_of(sessions, person_id)] == [date(2024, 1, 1)]


def test_the_evidence_is_kept_six_years_after_the_claims_accounting_period(
    sessions, bank, tmp_path
):
    person_id = donor_who_gave(sessions, bank, date(2024, 5, 1))
    make_claim(sessions, date(2024, 12, 31), tmp_path, today=date(2025, 1, 10))
    with sessions() as session:
        # The claim was made in the year to 31/03/2025; six years on is 31/03/2031.
        assert ga.evidence_kept_until(session, person_id) == date(2031, 3, 31)
        ga.keep_gift_aid_evidence(session, person_id, today=date(2031, 4, 1))
        with pytest.raises(GrassrootsError):
            ga.keep_gift_aid_evidence(session, person_id, today=date(2031, 3, 31))


def test_a_donor_with_nothing_claimed_can_be_erased(sessions, bank):
    person_id = donor_who_gave(sessions, bank, date(2024, 5, 1))
    erase_person(sessions, person_id)
    assert get_person(sessions, person_id).erased


def test_what_hmrc_needs_that_the_record_lacks(sessions):
    data = PersonInput(first_name="Sam", last_name="Lee", town="Ashby")
    person_id = add_person(sessions, data).id
    assert ga.missing_for_hmrc(sessions, person_id) == (ga.NO_HOUSE, ga.NO_POSTCODE)
