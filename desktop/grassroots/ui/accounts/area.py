"""The Accounts area: the cash book and the treasurer's other work, one tab each.

A treasurer's year runs through these in order — type and import, reconcile, report to the
committee, close the year, claim Gift Aid — so the tabs follow that order. Each tab is a page
(built with the AppContext, a `title`, `refresh()`) made the first time it is shown, so opening
the area costs only the cash book.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from grassroots.ui.context import AppContext


@dataclass(frozen=True)
class Tab:
    key: str
    title: str
    make: Callable[[AppContext], QWidget]


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


class AccountsArea(QWidget):
    """Page interface: built with the context; `title`; `refresh()`. `show_tab(key)` steers it."""

    title = "Accounts"

    def __init__(
        self, ctx: AppContext, tabs: tuple[Tab, ...] = TABS, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.tab_list = tabs
        self.pages: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("accountsTabs")
        self.tabs.setAccessibleName("Accounts sections")
        self.tabs.setDocumentMode(True)
        for tab in tabs:
            holder = QWidget()
            holder.setObjectName(f"{tab.key}Tab")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, tab.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(0)

    @property
    def cash_book(self) -> QWidget:
        return self.page("cash_book")

    def page(self, key: str) -> QWidget:
        """The tab's page, made now if it has not been shown yet."""
        if key not in self.pages:
            index = self._index(key)
            page = self.tab_list[index].make(self.ctx)
            self.tabs.widget(index).layout().addWidget(page)
            page.show()  # a child added to a shown parent is otherwise shown only later
            self.pages[key] = page
        return self.pages[key]

    def _index(self, key: str) -> int:
        return next(i for i, tab in enumerate(self.tab_list) if tab.key == key)

    def current_key(self) -> str:
        return self.tab_list[self.tabs.currentIndex()].key

    def show_tab(self, key: str) -> QWidget:
        """Switch to a tab (refreshing it) and give back its page."""
        index = self._index(key)
        if self.tabs.currentIndex() == index:
            self.page(key).refresh()
        else:
            self.tabs.setCurrentIndex(index)
        return self.page(key)

    def _tab_shown(self, index: int) -> None:
        key = self.tab_list[index].key
        fresh = key not in self.pages
        page = self.page(key)
        if not fresh:
            page.refresh()

    def refresh(self) -> None:
        self.page(self.current_key()).refresh()
