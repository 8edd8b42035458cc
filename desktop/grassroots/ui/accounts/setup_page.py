"""The Accounts, categories and funds tab of the Accounts area: where a treasurer sets up and
tidies the books.

Three sections, one each for the group's bank and cash accounts, the chart of categories
(a tree: receipts or payments, then the year-end heading, then the category) and the funds.
Each lists what there is, retired and closed ones greyed at the end, with Add, Change and
Retire (or Close) beside it; a double-click or Enter changes the one chosen. Nothing is ever
deleted that an entry uses: retiring hides it from new entries and keeps it on old ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts import categories, funds, setup
from grassroots.accounts.categories import CategoryRow
from grassroots.accounts.funds import FundRow
from grassroots.accounts.setup import AccountRow
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.ui.accounts.category_dialog import SIDES, CategoryDialog
from grassroots.ui.accounts.filter_bar import year_bounds
from grassroots.ui.accounts.fund_dialog import KIND_NAMES, FundDialog
from grassroots.ui.context import AppContext
from grassroots.ui.dialogs.account_dialog import KINDS as ACCOUNT_KINDS
from grassroots.ui.dialogs.account_dialog import AccountDialog
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.confirm import ask, tell

RECORD = Qt.ItemDataRole.UserRole
PLACE = Qt.ItemDataRole.UserRole + 1  # "direction|heading" of a branch of the category tree
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ACCOUNT_KIND_NAMES = {kind: label for label, kind in ACCOUNT_KINDS}


class Section(QWidget):
    """A list with a line of explanation above it and its buttons beside it."""

    def __init__(self, name: str, explain: str, columns: Sequence[str], stretch: int):
        super().__init__()
        self.setObjectName(f"{name}Section")
        note = set_role(QLabel(explain), "muted")
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName(f"{name}Tree")
        self.tree.setHeaderLabels(list(columns))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 6px 3px 0; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.buttons = QVBoxLayout()
        self.buttons.setSpacing(6)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.tree, 1)
        body.addLayout(self.buttons)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        column.addWidget(note)
        column.addLayout(body, 1)

    def button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)

        def pressed() -> None:
            slot()

        button.clicked.connect(pressed)
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def chosen(self):
        """The record of the selected row (None for a heading, or nothing chosen)."""
        item = self.tree.currentItem()
        return item.data(0, RECORD) if item is not None else None

    def choose(self, record_id: int | None) -> None:
        """Select the row of `record_id` again after a reload (or the first row)."""
        for item in _items(self.tree):
            record = item.data(0, RECORD)
            if record is not None and (record_id is None or record.id == record_id):
                self.tree.setCurrentItem(item)
                return


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        found.append(item)
        stack[0:0] = [item.child(i) for i in range(item.childCount())]
    return found


def _row(parent, texts: Sequence[str], record=None, right: Sequence[int] = ()) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, list(texts))
    item.setData(0, RECORD, record)
    for column in right:
        item.setTextAlignment(column, RIGHT)
    if record is not None and not record.active:
        grey = QBrush(item.treeWidget().palette().color(QPalette.ColorRole.PlaceholderText))
        for column in range(len(texts)):
            item.setForeground(column, grey)
    return item


class SetupPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Accounts, categories and funds"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the dialog or message last opened (for tests)
        self.sections = QTabWidget()
        self.sections.setObjectName("setupSections")
        self.sections.setAccessibleName("Set-up sections")
        self._make_accounts()
        self._make_categories()
        self._make_funds()
        for section, title in (
            (self.accounts, "Bank and cash accounts"),
            (self.categories, "Categories"),
            (self.funds, "Funds"),
        ):
            self.sections.addTab(section, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.sections)
        self.ctx.events.changed.connect(self._data_changed)
        self.refresh()

    # ------------------------------------------------------------ building
    def _make_accounts(self) -> None:
        self.accounts = Section(
            "accounts",
            "The group's bank accounts and cash. An account can be closed once its balance "
            "is nil; its entries stay in the books.",
            ("Account", "Kind", "Bank details", "Books start", "Balance", "Status"),
            2,
        )
        section = self.accounts
        self.add_account_button = section.button("&Add account…", "addAccount", self.add_account)
        self.change_account_button = section.button(
            "&Change…", "changeAccount", self.change_account
        )
        self.close_account_button = section.button("C&lose", "closeAccount", self.close_account)
        section.finish_buttons()
        section.tree.setAccessibleName("Bank and cash accounts")
        section.tree.itemActivated.connect(lambda *_: self.change_account())
        section.tree.currentItemChanged.connect(lambda *_: self._account_chosen())

    def _make_categories(self) -> None:
        self.categories = Section(
            "categories",
            "Each category adds into a heading of the year-end receipts and payments "
            "accounts. A retired category is no longer offered for new entries; the "
            "entries that use it keep it.",
            ("Category", "Gift Aid", "Entries", "Status"),
            0,
        )
        section = self.categories
        section.tree.setRootIsDecorated(True)
        self.add_category_button = section.button(
            "&Add category…", "addCategory", self.add_category
        )
        self.change_category_button = section.button(
            "&Change…", "changeCategory", self.change_category
        )
        self.retire_category_button = section.button(
            "&Retire", "retireCategory", self.retire_category
        )
        self.delete_category_button = section.button(
            "&Delete…", "deleteCategory", self.delete_category
        )
        section.finish_buttons()
        section.tree.setAccessibleName("Categories")
        section.tree.itemActivated.connect(lambda *_: self.change_category())
        section.tree.currentItemChanged.connect(lambda *_: self._category_chosen())

    def _make_funds(self) -> None:
        self.funds = Section(
            "funds",
            "Money given for a purpose is kept in a fund of its own, so the accounts show it "
            "was spent as the giver asked. A fund can be closed once its balance is nil.",
            ("Fund", "Kind", "Purpose", "Given by", "Balance", "Status"),
            2,
        )
        section = self.funds
        self.add_fund_button = section.button("&Add fund…", "addFund", self.add_fund)
        self.change_fund_button = section.button("&Change…", "changeFund", self.change_fund)
        self.close_fund_button = section.button("C&lose", "closeFund", self.close_fund)
        section.finish_buttons()
        section.tree.setAccessibleName("Funds")
        section.tree.itemActivated.connect(lambda *_: self.change_fund())
        section.tree.currentItemChanged.connect(lambda *_: self._fund_chosen())

    # ------------------------------------------------------------ the page interface
    def refresh(self) -> None:
        """Reload the three lists, keeping each one's selection."""
        sessions = self.ctx.sessions
        self._fill_accounts(setup.list_account_rows(sessions))
        self._fill_categories(categories.list_category_rows(sessions))
        self._fill_funds(funds.list_fund_rows(sessions))

    def _data_changed(self, area: str) -> None:
        if area == "accounts" and self.isVisible():
            self.refresh()

    def _fill_accounts(self, rows: list[AccountRow]) -> None:
        tree, chosen = self.accounts.tree, self.accounts.chosen()
        tree.clear()
        for row in rows:
            texts = (
                row.name,
                ACCOUNT_KIND_NAMES.get(row.kind, row.kind),
                row.masked_details,
                format_date(row.opening_on),
                row.balance.format(),
                "Open" if row.active else "Closed",
            )
            _row(tree, texts, row, right=(4,))
        self.accounts.choose(chosen.id if chosen else None)
        self._account_chosen()

    def _fill_categories(self, rows: list[CategoryRow]) -> None:
        tree, chosen = self.categories.tree, self.categories.chosen()
        place = self._category_place() if chosen is None else None
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        for label, direction in SIDES:
            side = _row(tree, (label, "", "", ""))
            side.setFont(0, bold)
            side.setData(0, PLACE, f"{direction}|")
            known = {h.key for h in categories.headings(direction)}
            odd = sorted({r.heading for r in rows if r.direction == direction} - known)
            for key in [h.key for h in categories.headings(direction)] + odd:
                branch = _row(side, (categories.heading_label(key), "", "", ""))
                branch.setData(0, PLACE, f"{direction}|{key}")
                for row in rows:
                    if row.direction == direction and row.heading == key:
                        _category_item(branch, row)
        tree.expandAll()
        if chosen is not None:
            self.categories.choose(chosen.id)
        elif place is not None:
            _choose_place(tree, place)
        self._category_chosen()

    def _fill_funds(self, rows: list[FundRow]) -> None:
        tree, chosen = self.funds.tree, self.funds.chosen()
        tree.clear()
        for row in rows:
            texts = (
                row.name,
                KIND_NAMES.get(row.kind, row.kind),
                " ".join(row.purpose.split()),
                row.funder,
                row.balance.format(),
                "Open" if row.active else "Closed",
            )
            item = _row(tree, texts, row, right=(4,))
            item.setToolTip(2, row.purpose)
        self.funds.choose(chosen.id if chosen else None)
        self._fund_chosen()

    # ------------------------------------------------------------ accounts
    def _account_chosen(self) -> None:
        row = self.accounts.chosen()
        self.change_account_button.setEnabled(row is not None)
        self.close_account_button.setEnabled(row is not None)
        self.close_account_button.setText("Re&open" if row and not row.active else "C&lose")

    def add_account(self) -> AccountDialog:
        settings = self.ctx.settings()
        starts_on, _end = year_bounds(date.today(), settings.fy_start_month, settings.fy_start_day)
        return self._open(AccountDialog(self.ctx, starts_on, parent=self), self.accounts)

    def change_account(self) -> AccountDialog | None:
        row = self.accounts.chosen()
        if row is None:
            return None
        return self._open(
            AccountDialog(self.ctx, row.opening_on, parent=self, account=row), self.accounts
        )

    def close_account(self) -> QWidget | None:
        row = self.accounts.chosen()
        if row is None:
            return None
        sessions = self.ctx.sessions
        return self._close_or_reopen(
            row,
            "account",
            lambda: setup.close_account(sessions, row.id),
            lambda: setup.reopen_account(sessions, row.id),
        )

    # ------------------------------------------------------------ categories
    def _category_place(self) -> tuple[str, str]:
        """(direction, heading) of what is selected, for a new category to go under."""
        item = self.categories.tree.currentItem()
        if item is None:
            return ("receipt", "")
        record = item.data(0, RECORD)
        if record is not None:
            return (record.direction, record.heading)
        direction, _, heading = (item.data(0, PLACE) or "receipt|").partition("|")
        return (direction, heading)

    def _category_chosen(self) -> None:
        row = self.categories.chosen()
        self.change_category_button.setEnabled(row is not None)
        self.retire_category_button.setEnabled(row is not None)
        self.retire_category_button.setText("Bring &back" if row and not row.active else "&Retire")
        self.delete_category_button.setEnabled(row is not None and row.uses == 0)

    def add_category(self) -> CategoryDialog:
        direction, heading = self._category_place()
        return self._open(
            CategoryDialog(self.ctx, None, direction, heading, parent=self), self.categories
        )

    def change_category(self) -> CategoryDialog | None:
        row = self.categories.chosen()
        if row is None:
            item = self.categories.tree.currentItem()
            if item is not None and item.parent() is not None:  # a heading: add under it
                return self.add_category()
            return None
        return self._open(CategoryDialog(self.ctx, row, parent=self), self.categories)

    def retire_category(self) -> QWidget | None:
        row = self.categories.chosen()
        if row is None:
            return None
        sessions = self.ctx.sessions
        if row.active:
            job = lambda: categories.retire_category(sessions, row.id)  # noqa: E731
        else:
            job = lambda: categories.restore_category(sessions, row.id)  # noqa: E731
        return self._run(job, "The category cannot be retired")

    def delete_category(self) -> QWidget | None:
        row = self.categories.chosen()
        if row is None:
            return None
        sessions = self.ctx.sessions
        return self._confirm(
            f"Delete {row.name}?",
            "No entry uses it, so nothing else changes.",
            "Delete category",
            lambda: self._run(
                lambda: categories.delete_category(sessions, row.id),
                "The category cannot be deleted",
            ),
        )

    # ------------------------------------------------------------ funds
    def _fund_chosen(self) -> None:
        row = self.funds.chosen()
        self.change_fund_button.setEnabled(row is not None)
        self.close_fund_button.setEnabled(row is not None and not row.general)
        self.close_fund_button.setText("Re&open" if row and not row.active else "C&lose")

    def add_fund(self) -> FundDialog:
        return self._open(FundDialog(self.ctx, parent=self), self.funds)

    def change_fund(self) -> FundDialog | None:
        row = self.funds.chosen()
        return self._open(FundDialog(self.ctx, row, parent=self), self.funds) if row else None

    def close_fund(self) -> QWidget | None:
        row = self.funds.chosen()
        if row is None:
            return None
        sessions = self.ctx.sessions
        return self._close_or_reopen(
            row,
            "fund",
            lambda: funds.close_fund(sessions, row.id),
            lambda: funds.reopen_fund(sessions, row.id),
        )

    # ------------------------------------------------------------ shared
    def _open(self, dialog, section: Section):
        """Show a dialog; what it saves is chosen in `section` (the list is reloaded by then)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda record: section.choose(record.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _close_or_reopen(
        self,
        row: AccountRow | FundRow,
        noun: str,
        close: Callable[[], object],
        reopen: Callable[[], object],
    ) -> QWidget | None:
        """Reopen a closed account or fund; close an open one, asking first only when it holds
        nothing (with money left the books refuse, and saying why is more use than a question)."""
        if not row.active:
            return self._run(reopen, "Cannot reopen")
        shut = lambda: self._run(close, f"The {noun} cannot be closed")  # noqa: E731
        if row.balance.pence:
            return shut()
        return self._confirm(
            f"Close {row.name}?",
            "It will no longer be offered for new entries; its entries stay in the books. "
            "You can reopen it later.",
            f"Close {noun}",
            shut,
        )

    def _confirm(self, title: str, detail: str, yes: str, on_yes: Callable[[], None]) -> QWidget:
        box = ask(self, "Grassroots", title, yes, on_yes, detail=detail)
        self.dialog = box
        box.finished.connect(lambda _result: self._forget(box))
        return box

    def _forget(self, box: QWidget) -> None:
        """A question answered is deleted; forget it unless a newer window took its place."""
        if self.dialog is box:
            self.dialog = None

    def _run(self, job: Callable[[], object], refused: str) -> None:
        """Save in the background; a refusal is shown in words, with what to do instead."""
        self.ctx.tasks.run(
            job,
            lambda _result: self.ctx.events.changed.emit("accounts"),
            lambda exc: self._refused(refused, exc),
            parent=self,
        )

    def _refused(self, title: str, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            message = " ".join(exc.fields.values())
        elif isinstance(exc, GrassrootsError):
            message = str(exc)
        else:
            self.ctx.tasks.report(exc, parent=self)
            return
        self.dialog = tell(self, "Grassroots", title, message)


def _category_item(branch: QTreeWidgetItem, row: CategoryRow) -> QTreeWidgetItem:
    texts = (
        row.name,
        "Eligible" if row.gift_aid_eligible else "",
        f"{row.uses:,}",
        "" if row.active else "Retired",
    )
    return _row(branch, texts, row, right=(2,))


def _choose_place(tree: QTreeWidget, place: tuple[str, str]) -> None:
    for item in _items(tree):
        if item.data(0, PLACE) == "|".join(place):
            tree.setCurrentItem(item)
            return
