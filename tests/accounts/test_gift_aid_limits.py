"""HMRC's figures are dated settings: the treasurer adds a new figure from a day, and donations
from that day are judged by it, without a new release."""

from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts import gift_aid as ga
from grassroots.accounts import gift_aid_limits as limits
from grassroots.accounts import gift_aid_rules as rules
from grassroots.accounts.gift_aid_schedule import make_claim
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(0), date(2018, 1, 1))


def give(sessions, bank, person_id, on, pence, method="cheque"):
    category = next(c.id for c in books.list_categories(sessions) if c.name == "Donations")
    line = LineInput(Money(pence), category)
    return books.add_entry(
        sessions, EntryInput(bank.id, on, (line,), person_id=person_id, method=method)
    )


def declared(sessions):
    data = PersonInput(
        first_name="Jane", last_name="Smith", address_line1="12 High Street", postcode="LE65 2AB"
    )
    person_id = add_person(sessions, data).id
    ga.record_declaration(sessions, person_id, date(2025, 4, 1))
    return person_id


def test_the_built_in_figures_are_the_ones_in_the_standards():
    on = date(2026, 6, 1)
    assert rules.in_force(rules.AGGREGATE_EACH_PENCE, on) == 2000  # £20 or less
    assert rules.in_force(rules.AGGREGATE_LINE_PENCE, on) == 100_000
    assert rules.in_force(rules.SCHEDULE_ROWS, on) == 1000
    assert rules.in_force(rules.GASDS_EACH_PENCE, on) == 3000
    assert rules.in_force(rules.GASDS_YEAR_PENCE, on) == 800_000
    assert rules.in_force(rules.GASDS_CLAIM_WINDOW_YEARS, on) == 2


def test_with_nothing_added_the_built_in_history_is_used(sessions):
    assert limits.current_limits(sessions) == rules.BUILT_IN
    lines = [line for line in limits.list_limits(sessions) if line.name == "aggregate_each"]
    assert [(ln.since, ln.shown, ln.built_in) for ln in lines] == [
        (date(2013, 4, 22), "£20.00", True)
    ]


def test_a_new_aggregation_limit_applies_from_its_day_only(sessions, bank, tmp_path):
    person_id = declared(sessions)
    give(sessions, bank, person_id, date(2026, 3, 31), 2500)
    give(sessions, bank, person_id, date(2026, 4, 6), 2500)
    added = limits.add_limit(
        sessions, "aggregate_each", date(2026, 4, 6), 2999, "gov.uk: under £30"
    )
    assert (added.shown, added.built_in) == ("£29.99", False)

    result = make_claim(sessions, date(2026, 5, 1), tmp_path, today=date(2026, 5, 1))

    from odfdo import Document

    table = Document(result.files[0]).body.get_table(0)
    rows = [[c.text_content for c in r.get_cells()] for r in table.get_rows()]
    donations = [r[2:] for r in rows[24:]]  # HMRC's template: Title..Amount from C25
    # Before 6 April the gift is over £20: its own row with the donor. From then it is small
    # enough to go on an aggregated line, with no name.
    assert [(r[2], r[5], r[8]) for r in donations] == [
        ("Smith", "", "25.00"),
        ("", "Donations 2026/27", "25.00"),
    ]


def test_a_new_gasds_yearly_limit_caps_the_top_up(sessions, bank):
    for n in range(4):
        give(sessions, bank, None, date(2026, 5, 1 + n), 3000, method="cash")
    limits.add_limit(sessions, "gasds_year", date(2026, 4, 6), 10_000)
    position = ga.gasds_position(sessions, date(2026, 4, 6))
    assert (position.donations, position.eligible) == (Money(12_000), Money(10_000))
    assert position.top_up == Money(2_500)


def test_a_figure_added_by_mistake_is_removed_and_built_in_ones_stay(sessions):
    added = limits.add_limit(sessions, "schedule_rows", date(2026, 1, 1), 500)
    assert rules.in_force(limits.current_limits(sessions).schedule_rows, date(2026, 2, 1)) == 500
    limits.remove_limit(sessions, added.id)
    assert limits.current_limits(sessions) == rules.BUILT_IN


@pytest.mark.parametrize(
    ("name", "since", "value", "field"),
    [
        ("aggregate_each", date(2026, 1, 1), 0, "value"),
        ("basic_rate", date(2026, 1, 1), 100, "value"),
        ("aggregate_each", date(1980, 1, 1), 3000, "since"),
        ("no_such_figure", date(2026, 1, 1), 3000, "name"),
    ],
)
def test_a_wrong_figure_is_refused_with_the_reason(sessions, name, since, value, field):
    with pytest.raises(ValidationError) as caught:
        limits.add_limit(sessions, name, since, value)
    assert field in caught.value.fields


def test_two_figures_from_the_same_day_are_refused(sessions):
    limits.add_limit(sessions, "aggregate_each", date(2026, 4, 6), 3000)
    with pytest.raises(ValidationError, match="already added"):
        limits.add_limit(sessions, "aggregate_each", date(2026, 4, 6), 2999)


def test_typed_figures_are_read_in_their_unit():
    assert limits.kind("aggregate_each").read("£29.99") == 2999
    assert limits.kind("schedule_rows").read("1,000") == 1000
    assert limits.kind("basic_rate").read("20%") == 20
    with pytest.raises(ValueError, match="whole number"):
        limits.kind("schedule_rows").read("lots")


def test_card_gifts_count_for_gasds_only_from_april_2019(sessions, bank):
    give(sessions, bank, None, date(2019, 4, 5), 1000, method="card")
    give(sessions, bank, None, date(2019, 4, 5), 1500, method="cash")
    assert ga.gasds_position(sessions, date(2018, 4, 6)).donations == Money(1500)
    give(sessions, bank, None, date(2019, 4, 6), 2000, method="card")
    assert ga.gasds_position(sessions, date(2019, 4, 6)).donations == Money(2000)
