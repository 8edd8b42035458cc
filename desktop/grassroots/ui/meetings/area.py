"""The Meetings area: the secretary's meetings (each opened to its agenda, attendance and
minutes), and the action tracker across them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from grassroots.ui.context import AppContext
from grassroots.ui.widgets.tabbed_area import Tab, TabbedArea


def _meetings(ctx: AppContext) -> QWidget:
    from grassroots.ui.meetings.meetings_page import MeetingsPage

    return MeetingsPage(ctx)


def _actions(ctx: AppContext) -> QWidget:
    from grassroots.ui.meetings.actions_page import ActionsPage

    return ActionsPage(ctx)


TABS = (
    Tab("meetings", "Meetings", _meetings),
    Tab("actions", "Action tracker", _actions),
)


class MeetingsArea(TabbedArea):
    """`open_meeting(id)` and `show_actions(overdue)` steer it from elsewhere (Home)."""

    title = "Meetings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, TABS, "meetings", parent)

    @property
    def meetings(self) -> QWidget:
        return self.page("meetings")

    def page(self, key: str) -> QWidget:
        fresh = key not in self.pages
        page = super().page(key)
        if fresh and key == "actions":
            page.meeting_requested.connect(self._open_meeting)
        return page

    def _open_meeting(self, meeting_id: int) -> None:
        self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> QWidget:
        """The meeting's own page, shown."""
        return self.show_tab("meetings").open_meeting(meeting_id)

    def show_actions(self, overdue_only: bool = False) -> QWidget:
        page = self.show_tab("actions")
        page.show_overdue(overdue_only)
        return page
