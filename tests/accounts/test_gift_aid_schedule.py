"""Gift Aid claims: the HMRC schedule read back cell by cell, aggregation, the 1,000-row
split, a donation never claimed twice, and the repayment posted back to the books."""

from dataclasses import replace
from datetime import date

import pytest
from odfdo import Document
from sqlalchemy import func, select

from grassroots.accounts import books
from grassroots.accounts import gift_aid as ga
from grassroots.accounts import gift_aid_schedule as gs
from grassroots.accounts.models import Entry, EntryLine, GiftAidClaim
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person

TODAY = date(2026, 6, 1)
UP_TO = date(2026, 3, 31)
FY = (4, 1)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(0), date(2020, 1, 1))


def category_id(sessions, name):
    return next(c.id for c in books.list_categories(sessions) if c.name == name)


def declared(sessions, first="Jane", last="Smith", title="Mrs", line1="12 High Street"):
    data = PersonInput(
        first_name=first, last_name=last, title=title, address_line1=line1, postcode="le65 2ab"
    )
    person_id = add_person(sessions, data).id
    ga.record_declaration(sessions, person_id, date(2025, 4, 1))
    return person_id


def gifts(sessions, bank, person_id, on, pence):
    line = LineInput(Money(pence), category_id(sessions, "Donations"))
    return books.add_entry(sessions, EntryInput(bank.id, on, (line,), person_id=person_id)).id


def many_gifts(sessions, bank, person_id, on, pence, count):
    """Rows straight into the tables: the books' own checks are tested elsewhere, and a
    thousand audited entries would only slow this down."""
    fund_id = books.list_funds(sessions)[0].id
    category = category_id(sessions, "Donations")
    with sessions.begin() as session:
        session.add_all(
            Entry(
                account_id=bank.id,
                on=on,
                amount_pence=pence,
                person_id=person_id,
                lines=[EntryLine(category_id=category, fund_id=fund_id, amount_pence=pence)],
            )
            for _ in range(count)
        )


def cell_texts(path):
    table = Document(path).body.get_table(0)
    return [[cell.text_content for cell in row.get_cells()] for row in table.get_rows()]


def donation(line_id, on, pence, category="Donations"):
    return ga.EligibleDonation(
        line_id, line_id, on, Money(pence), category, 1, "Mr", "Al", "Bo", "1", "LE65 2AB"
    )


# ---------------------------------------------------------------- the file HMRC reads


def test_the_schedule_holds_hmrc_cells_exactly(sessions, bank, tmp_path):
    long_first = "Bartholomew Alexander Christopher Dominic"
    jane = declared(sessions)
    bart = declared(sessions, long_first, "House-Martin", title="Prof.", line1="Rose Cottage, Lane")
    rev = declared(sessions, "Ann", "Lee", title="Reverend", line1="3b Church Row")
    gifts(sessions, bank, jane, date(2025, 5, 3), 20000)
    gifts(sessions, bank, bart, date(2025, 6, 14), 5050)
    gifts(sessions, bank, rev, date(2025, 4, 2), 1500)
    gifts(sessions, bank, jane, date(2025, 7, 9), 2000)

    result = gs.make_claim(sessions, UP_TO, tmp_path, today=TODAY)

    [path] = result.files
    assert path.suffix == ".ods" and path.parent == tmp_path
    rows = cell_texts(path)
    first = "Bartholomew Alexander Christopher D"  # 35 characters
    # HMRC's template: Box 1 in D13, the headings in B23:K23, donations from row 25 (B25).
    assert Document(path).body.get_table(0).name == "R68GAD_V1_00_0_EN"
    assert rows[12] == ["", "Box 1", gs.EARLIEST_LABEL, "02/04/25"]
    assert rows[22] == ["", "Item", *gs.COLUMNS]
    assert all(row == [""] for n, row in enumerate(rows[:24]) if n not in (12, 22))
    assert rows[24:] == [
        ["", "1", "Mrs", "Jane", "Smith", "12", "LE65 2AB", "", "", "03/05/25", "200.00"],
        [
            "",
            "2",
            "Prof",
            first,
            "House Martin",
            "Rose Cottage",
            "LE65 2AB",
            "",
            "",
            "14/06/25",
            "50.50",
        ],
        ["", "3", "", "", "", "", "", "Donations 2025/26", "", "09/07/25", "35.00"],
    ]
    assert all(text == text.strip() for row in rows for text in row)
    assert (result.donations, result.tax, result.rows) == (Money(28550), Money(7137), 3)


def test_empty_cells_are_truly_empty(sessions, bank, tmp_path):
    gifts(sessions, bank, declared(sessions, title=""), date(2025, 5, 3), 3000)
    path = gs.make_claim(sessions, UP_TO, tmp_path, today=TODAY).files[0]
    table = Document(path).body.get_table(0)
    cells = table.get_row(24).get_cells()[2:]  # Title..Amount, from column C
    assert [c.value for c in cells[:1] + cells[5:7]] == [None, None, None]
    assert (cells[8].type, cells[8].text_content) == ("float", "30.00")
    assert table.height == 25  # no blank rows after the donations


# ---------------------------------------------------------------- aggregation


def test_small_gifts_are_added_together_and_larger_ones_stay_apart():
    small = [donation(i, date(2025, 5, 1 + i), 2000) for i in range(3)]
    larger = donation(10, date(2025, 5, 2), 2001)
    rows = gs.schedule_rows([*small, larger], FY)
    assert [(r.aggregated, r.amount, r.on, r.last_name) for r in rows] == [
        ("", Money(2001), date(2025, 5, 2), "Bo"),
        ("Donations 2025/26", Money(6000), date(2025, 5, 3), ""),
    ]
    assert rows[1].line_ids == (0, 1, 2) and rows[1].earliest == date(2025, 5, 1)


def test_a_regular_donor_can_be_one_row_per_accounting_period():
    monthly = [
        replace(donation(i, date(2025, month, 1), 2500), person_id=1)
        for i, month in enumerate((2, 3, 4, 5))
    ]
    other = replace(donation(9, date(2025, 5, 1), 5000), person_id=2, last_name="Cy")
    rows = gs.schedule_rows([*monthly, other], FY, one_row_per_donor=True)
    assert [(r.last_name, r.amount, r.on, r.earliest, r.line_ids) for r in rows] == [
        ("Bo", Money(5000), date(2025, 3, 1), date(2025, 2, 1), (0, 1)),
        ("Bo", Money(5000), date(2025, 5, 1), date(2025, 4, 1), (2, 3)),
        ("Cy", Money(5000), date(2025, 5, 1), date(2025, 5, 1), (9,)),
    ]
    assert len(gs.schedule_rows([*monthly, other], FY)) == 5


def test_an_aggregated_line_holds_at_most_1000_pounds():
    small = [donation(i, date(2025, 5, 1), 2000) for i in range(60)]
    rows = gs.schedule_rows(small, FY)
    assert [r.amount for r in rows] == [Money(100_000), Money(20_000)]
    assert sum(len(r.line_ids) for r in rows) == 60


def test_aggregation_never_crosses_an_accounting_period():
    rows = gs.schedule_rows(
        [donation(1, date(2025, 3, 31), 1000), donation(2, date(2025, 4, 1), 1000)], FY
    )
    assert [(r.aggregated, r.on) for r in rows] == [
        ("Donations 2024/25", date(2025, 3, 31)),
        ("Donations 2025/26", date(2025, 4, 1)),
    ]


def test_descriptions_are_capped_at_35_characters():
    long_name = "Donations at the Thursday afternoon coffee morning"
    [row] = gs.schedule_rows([donation(1, date(2025, 5, 1), 500, long_name)], FY)
    assert row.aggregated == long_name[:35].strip() and len(row.aggregated) <= 35
    [named] = gs.schedule_rows([donation(1, date(2025, 5, 1), 500)], FY, "Coffee morning")
    assert named.aggregated == "Coffee morning 2025/26"


# ---------------------------------------------------------------- claims


def test_more_than_1000_rows_make_a_second_claim(sessions, bank, tmp_path):
    jane = declared(sessions)
    many_gifts(sessions, bank, jane, date(2025, 5, 1), 2500, 1001)
    result = gs.make_claim(sessions, UP_TO, tmp_path, today=TODAY)
    assert len(result.files) == len(result.claims) == 2
    assert [len(cell_texts(path)) - 24 for path in result.files] == [1000, 1]
    assert [c.donations for c in result.claims] == [Money(2_500_000), Money(2500)]
    assert result.tax == Money(625_625)


def test_a_donation_is_never_claimed_twice(sessions, bank, tmp_path):
    jane = declared(sessions)
    many_gifts(sessions, bank, jane, date(2025, 5, 1), 5000, 2)
    first = gs.make_claim(sessions, UP_TO, tmp_path / "first", today=TODAY)
    with pytest.raises(ValidationError) as caught:
        gs.make_claim(sessions, UP_TO, tmp_path / "again", today=TODAY)
    assert "no donations to claim" in caught.value.fields["up_to"]
    assert not list((tmp_path / "again").glob("*.ods"))
    with sessions() as session:
        marked = session.scalars(select(EntryLine.gift_aid_claim_id)).all()
    assert marked == [first.claims[0].id] * 2
    assert ga.eligible_donations(sessions, UP_TO, TODAY) == []


def test_a_claim_that_cannot_be_written_marks_nothing(sessions, bank, tmp_path):
    gifts(sessions, bank, declared(sessions), date(2025, 5, 1), 5000)
    in_the_way = tmp_path / "Gift Aid claim 1 to 2026-03-31.ods"
    in_the_way.write_text("someone else's file")
    with pytest.raises(ValidationError):
        gs.make_claim(sessions, UP_TO, tmp_path, today=TODAY)
    assert in_the_way.read_text() == "someone else's file"
    with sessions() as session:
        assert session.scalar(select(func.count(GiftAidClaim.id))) == 0
    assert len(ga.eligible_donations(sessions, UP_TO, TODAY)) == 1


def test_donations_to_fix_are_left_for_later(sessions, bank, tmp_path):
    gifts(sessions, bank, declared(sessions), date(2025, 5, 1), 5000)
    gifts(sessions, bank, None, date(2025, 5, 1), 700)
    result = gs.make_claim(sessions, UP_TO, tmp_path, today=TODAY)
    assert (result.donations, result.to_fix) == (Money(5000), 1)
    assert len(ga.donations_to_fix(sessions, UP_TO, TODAY)) == 1


def test_the_repayment_is_posted_back_to_the_books(sessions, bank, tmp_path):
    gifts(sessions, bank, declared(sessions), date(2025, 5, 1), 20000)
    claim = gs.make_claim(sessions, UP_TO, tmp_path, today=TODAY).claims[0]
    entry = gs.record_claim_received(sessions, claim.id, date(2026, 7, 1), bank.id)
    assert entry.amount == Money(5000)
    assert [(line.category, line.amount) for line in entry.lines] == [
        ("Gift Aid reclaimed", Money(5000))
    ]
    assert gs.list_claims(sessions)[0].received_entry_id == entry.id
    with pytest.raises(ValidationError):
        gs.record_claim_received(sessions, claim.id, date(2026, 7, 2), bank.id)
    with sessions() as session:
        assert session.scalar(select(func.count(Entry.id))) == 2
    balance = books.account_balances(sessions, date(2026, 7, 31))[0].amount
    assert balance == Money(25000)
    # The repayment itself is not a donation to claim on.
    assert ga.review_donations(sessions, date(2026, 7, 31), TODAY).eligible == ()


@pytest.mark.parametrize(
    ("title", "shown"),
    [("Mr.", "Mr"), ("Reverend", "Rev"), ("Professor", "Prof"), (" Dr ", "Dr"), ("Captain", "")],
)
def test_titles_fit_four_characters_or_are_left_out(title, shown):
    assert gs.schedule_title(title) == shown


def test_names_with_marks_and_stray_characters_come_back_as_typed(tmp_path):
    donor = ("Ms", "  Siân\tJo ", "O'Brien & <Ap-Rhys>\x07", "1", "CF10 1AA")
    gift = ga.EligibleDonation(7, 7, date(2025, 5, 1), Money(2500), "Donations", 1, *donor)
    row = gs.donor_row(gift)
    path = gs.write_schedule(tmp_path / "claim.ods", [row], "Ashby & District")
    rows = cell_texts(path)
    assert Document(path).get_part("meta.xml").get_title() == "Gift Aid schedule: Ashby & District"
    name = ["Ms", "Siân Jo", "O'Brien & <Ap Rhys>"]
    assert rows[24] == ["", "1", *name, "1", "CF10 1AA", "", "", "01/05/25", "25.00"]
