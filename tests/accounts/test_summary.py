"""Home's summary of the books: each figure leads to a job, and disappears when it is done."""

from datetime import date

from grassroots.accounts import books, reconcile
from grassroots.accounts import gift_aid as ga
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.summary import books_summary
from grassroots.core.money import Money
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person

TODAY = date(2026, 11, 22)


def category_id(sessions, name):
    return next(c.id for c in books.list_categories(sessions) if c.name == name)


def enter(sessions, account, on, pence, category="Donations", person_id=None):
    cat = category_id(sessions, category) if category else None
    line = LineInput(Money(pence), cat)
    return books.add_entry(sessions, EntryInput(account.id, on, (line,), person_id=person_id))


def test_a_group_without_books_has_nothing_to_do(sessions):
    summary = books_summary(sessions, TODAY)
    assert not summary.keeps_books
    assert summary.held == Money(0) and summary.year_to_close is None


def test_the_summary_names_each_job_the_books_wait_for(sessions):
    bank = books.add_account(sessions, "Current", "bank", Money(50_000), date(2025, 4, 1))
    books.add_account(sessions, "Petty cash", "cash", Money(2_000), date(2025, 4, 1))
    enter(sessions, bank, date(2026, 11, 2), 1_500, category=None)
    donor = add_person(
        sessions,
        PersonInput(
            first_name="Jane",
            last_name="Smith",
            address_line1="12 High Street",
            postcode="LE65 2AB",
        ),
    ).id
    ga.record_declaration(sessions, donor, date(2026, 1, 5), "written")
    enter(sessions, bank, date(2026, 2, 1), 8_000, person_id=donor)

    summary = books_summary(sessions, TODAY)
    assert summary.accounts == 2
    assert summary.held == Money(50_000 + 2_000 + 1_500 + 8_000)
    assert summary.to_categorise == 1
    # Cash is never reconciled against a statement; the bank account never has been.
    assert [(u.account, u.last_reconciled) for u in summary.unreconciled] == [("Current", None)]
    assert summary.gift_aid_donations == 1 and summary.gift_aid_tax == Money(2_000)
    assert summary.year_to_close == date(2025, 4, 1)


def test_jobs_done_leave_the_summary(sessions):
    bank = books.add_account(sessions, "Current", "bank", Money(50_000), date(2025, 4, 1))
    enter(sessions, bank, date(2025, 6, 1), 1_000)
    started = reconcile.start_reconciliation(sessions, bank.id, date(2026, 10, 31), Money(51_000))
    for row in reconcile.entries_to_tick(sessions, started.id):
        reconcile.tick(sessions, started.id, [row.entry_id])
    reconcile.finish_reconciliation(sessions, started.id)
    books.mark_year_closed(sessions, date(2025, 4, 1), date(2026, 3, 31), "M Ellis", TODAY)

    summary = books_summary(sessions, TODAY)
    assert summary.unreconciled == () and summary.year_to_close is None
    # Six weeks on, last month's statement is overdue again.
    later = books_summary(sessions, date(2027, 1, 5))
    assert [(u.account, u.last_reconciled) for u in later.unreconciled] == [
        ("Current", date(2026, 10, 31))
    ]
