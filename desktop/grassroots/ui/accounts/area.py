"""The Accounts area: the cash book and the treasurer's other work, one tab each.

A treasurer's year runs through these in order — type and import, reconcile, report to the
committee, close the year, claim Gift Aid — so the tabs follow that order. Each tab is a page
(built with the AppContext, a `title`, `refresh()`) made the first time it is shown, so opening
the area costs only the cash book.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from grassroots.ui.context import AppContext
from grassroots.ui.widgets.tabbed_area import Tab, TabbedArea


def _cash_book(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts_page import AccountsPage

    return AccountsPage(ctx)


def _bank(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts.bank_page import BankPage

    return BankPage(ctx)


def _reports(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts.reports_page import ReportsPage

    return ReportsPage(ctx)


def _year_end(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts.year_end_page import YearEndPage

    return YearEndPage(ctx)


def _gift_aid(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts.gift_aid_page import GiftAidPage

    return GiftAidPage(ctx)


def _setup(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts.setup_page import SetupPage

    return SetupPage(ctx)


TABS = (
    Tab("cash_book", "Cash book", _cash_book),
    Tab("bank", "Bank statements", _bank),
    Tab("reports", "Reports", _reports),
    Tab("year_end", "Year end", _year_end),
    Tab("gift_aid", "Gift Aid", _gift_aid),
    Tab("setup", "Accounts, categories and funds", _setup),
)


class AccountsArea(TabbedArea):
    """The treasurer's tabs; `cash_book` is the first."""

    title = "Accounts"

    def __init__(
        self, ctx: AppContext, tabs: tuple[Tab, ...] = TABS, parent: QWidget | None = None
    ):
        super().__init__(ctx, tabs, "accounts", parent)

    @property
    def cash_book(self) -> QWidget:
        return self.page("cash_book")
