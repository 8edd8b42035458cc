"""A village hall's year of books for the examiner pack's tests, kept through the real services:
a split paying-in, a grant into a restricted fund and spending from it, a designated reserve
filled by a transfer between funds, a transfer between accounts, a bank reconciliation at the
year end with a cheque not yet cleared, and a Gift Aid claim made in the year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from grassroots.accounts import books, reconcile
from grassroots.accounts import gift_aid as ga
from grassroots.accounts.gift_aid_schedule import make_claim
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person

YEAR = date(2025, 4, 1)
YEAR_END = date(2026, 3, 31)
LAST_YEAR = date(2024, 4, 1)


class HallBooks:
    def __init__(self, sessions, schedules: Path) -> None:
        self.sessions = sessions
        self.cat = {(c.direction, c.name): c.id for c in books.list_categories(sessions)}
        self.current = books.add_account(
            sessions, "Current account", "bank", Money(100_000), LAST_YEAR, "30-94-57 12345678"
        )
        self.savings = books.add_account(
            sessions, "Savings account", "savings", Money(50_000), LAST_YEAR
        )
        self.general = next(f.id for f in books.list_funds(sessions) if f.name == "General fund")
        self.roof = books.add_fund(sessions, "Roof appeal", "restricted").id
        self.reserve = books.add_fund(sessions, "Building reserve", "designated").id
        self._last_year()
        self._this_year()
        self.claim = self._gift_aid(schedules)
        self.reconciliation = self._reconcile()

    def entry(self, on, *lines, payee="Someone", reference="", account=None, person=None):
        parts = tuple(
            LineInput(Money(pence), self.cat[(direction, name)], fund)
            for direction, name, pence, fund in lines
        )
        data = EntryInput(
            (account or self.current).id, on, parts, payee=payee, reference=reference,
            person_id=person,
        )  # fmt: skip
        return books.add_entry(self.sessions, data)

    def _last_year(self) -> None:
        self.entry(date(2024, 6, 1), ("receipt", "Donations", 20_000, self.roof), payee="Appeal")
        self.entry(date(2024, 9, 1), ("payment", "Insurance", -30_000, None), payee="Ansvar")

    def _this_year(self) -> None:
        self.entry(
            date(2025, 4, 12),
            ("receipt", "Subscriptions", 4_000, None),
            ("receipt", "Donations", 1_050, None),
            payee="Paying-in",
            reference="Slip 101",
        )
        self.entry(
            date(2025, 5, 3),
            ("receipt", "Grants received", 250_000, self.roof),
            payee="County Council",
            reference="Grant",
        )
        self.entry(
            date(2025, 7, 9),
            ("payment", "Repairs and maintenance", -180_000, self.roof),
            payee="Cartwright Builders",
            reference="Chq 200",
        )
        self.entry(date(2025, 8, 1), ("receipt", "Hire income", 12_500, None), payee="Bridge Club")
        books.transfer_between_funds(
            self.sessions, self.general, self.reserve, Money(20_000), date(2025, 9, 1),
            self.current.id,
        )  # fmt: skip
        books.transfer_between_accounts(
            self.sessions, self.current.id, self.savings.id, Money(10_000), date(2025, 10, 1)
        )
        self.entry(
            date(2025, 11, 5),
            ("payment", "Equipment and materials", -5_000, self.reserve),
            payee="Screwfix",
        )
        self.cheque = self.entry(
            date(2026, 3, 28),
            ("payment", "Printing and postage", -4_500, None),
            payee="Ashby Print Shop",
            reference="Chq 201",
        )

    def _reconcile(self):
        """The current account agreed to the year end's statement; cheque 201 not cleared."""
        balance = next(
            b.amount for b in books.account_balances(self.sessions, YEAR_END)
            if b.name == "Current account"
        )  # fmt: skip
        statement = balance - self.cheque.amount
        view = reconcile.start_reconciliation(self.sessions, self.current.id, YEAR_END, statement)
        ids = [r.entry_id for r in reconcile.entries_to_tick(self.sessions, view.id)]
        reconcile.tick(self.sessions, view.id, [i for i in ids if i != self.cheque.id])
        return reconcile.finish_reconciliation(self.sessions, view.id)

    def _gift_aid(self, schedules: Path):
        data = PersonInput(
            first_name="Jane", last_name="Smith", title="Mrs", address_line1="12 High Street",
            postcode="LE65 2AB",
        )  # fmt: skip
        person = add_person(self.sessions, data).id
        ga.record_declaration(self.sessions, person, date(2025, 4, 1))
        self.entry(
            date(2025, 6, 1), ("receipt", "Donations", 10_000, None), payee="Jane Smith",
            person=person,
        )  # fmt: skip
        return make_claim(self.sessions, date(2025, 6, 30), schedules, today=date(2025, 7, 1))
