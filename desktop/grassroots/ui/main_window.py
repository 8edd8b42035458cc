"""The main window: a sidebar of areas, the page for the chosen area, menus and a status bar.

Pages follow one interface (built with the AppContext, a `title`, `refresh()`), are made the
first time they are shown (so start-up stays quick) and are refreshed whenever they are shown or
the data changes. Window size and layout are remembered in the preferences file (INI), never the
registry, so tests and portable installs stay self-contained.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from grassroots import APP_NAME, __version__
from grassroots.db.backup import backup_database
from grassroots.group.service import GroupSettings, get_settings
from grassroots.members.records import MemberStatus
from grassroots.members.register import status_counts
from grassroots.ui.context import AppContext
from grassroots.ui.home_page import HomePage
from grassroots.ui.icons import icon

STATUS_MESSAGE_MS = 15000


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    icon: str
    make: Callable[[AppContext], QWidget]


def _members_page(ctx: AppContext) -> QWidget:
    from grassroots.ui.members_page import MembersPage  # made on first visit, not at start-up

    return MembersPage(ctx)


def _accounts_page(ctx: AppContext) -> QWidget:
    from grassroots.ui.accounts.area import AccountsArea  # made on first visit

    return AccountsArea(ctx)


def _meetings_page(ctx: AppContext) -> QWidget:
    from grassroots.ui.meetings.area import MeetingsArea  # made on first visit

    return MeetingsArea(ctx)


def _bookings_page(ctx: AppContext) -> QWidget:
    from grassroots.ui.bookings.area import BookingsArea  # made on first visit

    return BookingsArea(ctx)


AREAS = (
    Area("home", "Home", "home", HomePage),
    Area("members", "People & Members", "people", _members_page),
    Area("accounts", "Accounts", "accounts", _accounts_page),
    Area("meetings", "Meetings", "meetings", _meetings_page),
    Area("bookings", "Bookings", "calendar", _bookings_page),
)


@dataclass(frozen=True)
class StatusInfo:
    group_name: str
    members: int


def load_status(sessions) -> StatusInfo:
    counts = status_counts(sessions)
    members = counts[MemberStatus.CURRENT] + counts[MemberStatus.DUE]
    return StatusInfo(get_settings(sessions).name, members)


class MainWindow(QMainWindow):
    """The shell every area lives in. `show_area(key)` and `show_members(status)` steer it."""

    first_painted = Signal()
    database_change_requested = Signal(str)  # the app re-opens Grassroots on that file

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        self.status_info: StatusInfo | None = None
        self._painted = False
        self._status_loading = self._status_again = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.preferences = QSettings(str(ctx.paths.preferences), QSettings.Format.IniFormat)
        self._build_sidebar()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.stack.setAccessibleName("Current area")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.sidebar, self.stack)
        self._build_status_bar()
        self._build_menus()
        self._restore_layout()
        ctx.events.changed.connect(self._data_changed)
        ctx.tasks.busy_changed.connect(self.busy_label.setVisible)
        self.show_area("home")
        self.refresh_status()

    # ---------------------------------------------------------------- building

    def _build_sidebar(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Areas")
        self.sidebar.setAccessibleDescription("Choose an area of Grassroots to work in")
        em = self.fontMetrics().height()
        self.sidebar.setIconSize(
            self.sidebar.iconSize().scaled(
                int(em * 1.3), int(em * 1.3), Qt.AspectRatioMode.KeepAspectRatio
            )
        )
        for number, area in enumerate(AREAS, start=1):
            item = QListWidgetItem(icon(area.icon), area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(f"{area.title} (Ctrl+{number})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, area.title)
            self.sidebar.addItem(item)
        self.sidebar.setSpacing(3)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        width = max(self.sidebar.fontMetrics().horizontalAdvance(a.title) for a in AREAS)
        self.sidebar.setFixedWidth(int(width + em * 5))
        self.sidebar.currentRowChanged.connect(self._sidebar_moved)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        bar.setSizeGripEnabled(False)
        self.group_label = QLabel()
        self.group_label.setObjectName("statusGroup")
        self.members_label = QLabel()
        self.members_label.setObjectName("statusMembers")
        self.file_label = QLabel()
        self.file_label.setObjectName("statusFile")
        database = self.ctx.paths.database_file
        self.file_label.setText(f"Database: {database.name if database else 'shared server'}")
        self.file_label.setToolTip(str(database or self.ctx.paths.database))
        self.busy_label = QLabel("Working…")
        self.busy_label.setObjectName("statusBusy")
        self.busy_label.setVisible(self.ctx.tasks.busy)
        for label, name in (
            (self.busy_label, "Working"),
            (self.group_label, "Group"),
            (self.members_label, "Members"),
            (self.file_label, "Database file"),
        ):
            label.setAccessibleName(name)
            bar.addPermanentWidget(label)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: object = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whichever widget has focus
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.backup_action = self._action("&Backup now…", self.backup_now, "Ctrl+B", "backup")
        self.open_action = self._action(
            "&Open another database…", self.choose_database, QKeySequence.StandardKey.Open, "open"
        )
        self.quit_action = self._action("&Quit", self.quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addActions([self.backup_action, self.open_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        group_menu = bar.addMenu("&Group")
        self.settings_action = self._action("&Settings…", self.open_settings, "Ctrl+,", "settings")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        group_menu.addAction(self.settings_action)
        view_menu = bar.addMenu("&View")
        for number, area in enumerate(AREAS, start=1):
            action = self._action(
                area.title.replace("&", "&&"),
                lambda _=False, key=area.key: self.go_to(key),
                f"Ctrl+{number}",
                area.icon,
            )
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.refresh_action = self._action(
            "&Refresh", self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        view_menu.addAction(self.refresh_action)
        help_menu = bar.addMenu("&Help")
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", self.show_shortcuts, "F1", "keyboard"
        )
        self.about_action = self._action("&About Grassroots", self.show_about, None, "info")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addActions([self.shortcuts_action, self.about_action])

    # ---------------------------------------------------------------- areas

    def page(self, key: str) -> QWidget:
        """The page of area `key`, made the first time it is asked for."""
        if key not in self.pages:
            area = next(a for a in AREAS if a.key == key)
            page = area.make(self.ctx)
            page.setAccessibleName(area.title)
            self.pages[key] = page
            self.stack.addWidget(page)
            if isinstance(page, HomePage):
                page.status_requested.connect(self.show_members)
                page.person_requested.connect(self.open_person)
                page.retention_requested.connect(self.show_retention)
                page.accounts_requested.connect(self.show_accounts)
                page.actions_requested.connect(self.show_meetings)
            if key == "bookings":
                page.meeting_requested.connect(self.open_meeting)
        return self.pages[key]

    def current_area(self) -> str:
        item = self.sidebar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "home"

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_area(self, key: str) -> QWidget:
        """Switch to area `key` and refresh it."""
        page = self.page(key)
        row = next(i for i, a in enumerate(AREAS) if a.key == key)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)
        self.stack.setCurrentWidget(page)
        page.refresh()
        return page

    def go_to(self, key: str) -> None:
        """Slot form of show_area (slots return nothing, so the binding has nothing to drop)."""
        self.show_area(key)

    def show_members(self, status: MemberStatus | None) -> None:
        """The members list, filtered to `status` (None: everyone)."""
        self.show_area("members").show_status(status)

    def show_accounts(self, where: str) -> None:
        """A tab of the Accounts area, or the cash book filtered to lines to categorise."""
        from grassroots.ui.home_books import TO_CATEGORISE

        area = self.show_area("accounts")
        if where == TO_CATEGORISE:
            area.show_tab("cash_book").show_to_categorise()
        else:
            area.show_tab(where)

    def show_meetings(self, where: str = "meetings") -> None:
        """The meetings list, or the action tracker ("actions", or "overdue" for just those
        past their due date)."""
        area = self.show_area("meetings")
        if where in ("actions", "overdue"):
            area.show_actions(overdue_only=where == "overdue")
        else:
            area.show_tab("meetings")

    def open_meeting(self, meeting_id: int) -> None:
        self.show_area("meetings").open_meeting(meeting_id)

    def open_person(self, person_id: int) -> None:
        self.show_area("members").open_person(person_id)

    def show_retention(self) -> None:
        """Former members due for review, in the members page's review (or its lapsed list)."""
        page = self.show_area("members")
        if hasattr(page, "review_retention"):
            page.review_retention()
        else:
            page.show_status(MemberStatus.LAPSED)

    def refresh(self) -> None:
        """F5: reload the current page and the status bar."""
        self.current_page().refresh()
        self.refresh_status()

    def _sidebar_moved(self, row: int) -> None:
        if 0 <= row < len(AREAS):
            self.show_area(AREAS[row].key)

    def _data_changed(self, _area: str) -> None:
        self.refresh()

    # ---------------------------------------------------------------- status bar

    def refresh_status(self) -> None:
        """Reload the status bar; asked again while loading, it reloads once more after."""
        if self._status_loading:
            self._status_again = True
            return
        self._status_loading = True
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: load_status(sessions), self._show_status, self._status_failed)

    def _status_failed(self, exc: Exception) -> None:
        self._status_loading = False
        self.ctx.tasks.report(exc, parent=self)

    def _show_status(self, info: StatusInfo) -> None:
        self._status_loading = False
        if self._status_again:
            self._status_again = False
            self.refresh_status()
        self.status_info = info
        self.group_label.setText(info.group_name)
        self.members_label.setText(f"{info.members:,} member{'' if info.members == 1 else 's'}")
        self.setWindowTitle(f"{info.group_name} — {APP_NAME}" if info.group_name else APP_NAME)

    def tell(self, message: str, msecs: int = STATUS_MESSAGE_MS) -> None:
        """A passing message in the status bar (e.g. that a backup was taken)."""
        self.statusBar().showMessage(message, msecs)

    # ---------------------------------------------------------------- menu commands

    def backup_now(self) -> None:
        source = self.ctx.paths.database_file
        if source is None:
            QMessageBox.information(
                self,
                APP_NAME,
                "This database is on a shared server; back it up on the server itself.",
            )
            return
        backups = self.ctx.paths.backups_dir
        self.ctx.tasks.run(
            lambda: backup_database(source, backups, reason="manual"),
            self._backed_up,
            label="Making a backup…",
            parent=self,
        )

    def _backed_up(self, target: Path) -> None:
        self.tell(f"Backup saved: {target}")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            APP_NAME,
            f"A backup was saved to\n{target}",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("backupDoneBox")
        box.open()

    def choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Open or start a Grassroots database",
            str(self.ctx.paths.data_dir),
            "Grassroots databases (*.db *.sqlite);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database_change_requested.emit(path)

    def open_settings(self) -> None:
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: get_settings(sessions), self._open_settings_dialog, parent=self)

    def _open_settings_dialog(self, settings: GroupSettings) -> None:
        from grassroots.ui.dialogs.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.ctx, settings, self)
        self.settings_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog.saved.connect(lambda _: self.tell("Settings saved."))
        self.settings_dialog.open()

    def show_shortcuts(self) -> None:
        rows = [(f"Ctrl+{n}", f"Go to {a.title}") for n, a in enumerate(AREAS, start=1)]
        rows += [
            ("F5", "Refresh"),
            ("Ctrl+,", "Group settings"),
            ("Ctrl+B", "Backup now"),
            ("Ctrl+O", "Open another database"),
            ("Ctrl+Q", "Quit"),
            ("F1", "This list"),
        ]
        cells = "".join(
            f"<tr><td style='white-space:nowrap; padding-right:16px'><b>{keys}</b></td>"
            f"<td style='white-space:nowrap'>{what.replace('&', '&amp;')}</td></tr>"
            for keys, what in rows
        )
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            "Keyboard shortcuts",
            f"<table>{cells}</table>",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("shortcutsBox")
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Grassroots",
            f"<h3>Grassroots {__version__}</h3><p>Records for small volunteer-run community "
            "groups: people, members and more. Everything stays on this computer.</p>"
            "<p>Free software under the GNU GPL, version 3 or later.</p>",
        )

    # ---------------------------------------------------------------- window state

    def _restore_layout(self) -> None:
        geometry = self.preferences.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            em = self.fontMetrics().height()
            self.resize(em * 64, em * 40)
        state = self.preferences.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Never restore a window too small to use or bigger than the screen it is on (the
        preferences may come from another monitor or a different scaling)."""
        em = self.fontMetrics().height()
        screen = self.screen().availableGeometry()
        width = min(max(self.width(), em * 32), screen.width())
        height = min(max(self.height(), em * 22), screen.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def save_layout(self) -> None:
        self.preferences.setValue("mainWindow/geometry", self.saveGeometry())
        self.preferences.setValue("mainWindow/state", self.saveState())
        self.preferences.sync()

    def quit(self) -> None:
        """Ctrl+Q: close the window (saving its layout), which ends the app."""
        self.close()

    def _announce_painted(self) -> None:
        self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.ctx.tasks.wait()  # let a write in flight finish whole before the database closes
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._announce_painted)
        return handled
