"""An area made of tabs, each a page (built with the AppContext, a `title`, `refresh()`)
made the first time it is shown, so opening the area costs only its first tab."""

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


class TabbedArea(QWidget):
    """Page interface: built with the context; `title`; `refresh()`. `show_tab(key)` steers it."""

    title = ""

    def __init__(
        self, ctx: AppContext, tabs: tuple[Tab, ...], name: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.tab_list = tabs
        self.pages: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{name}Tabs")
        self.tabs.setAccessibleName(f"{self.title} sections")
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
