"""The composition root: paths -> lock -> database -> context -> first-run wizard -> window.

Nothing else builds these pieces, so the rest of the code is given what it needs and can be
tested on its own. Start-up imports only what the first window needs; printing and importers
are imported by the pages that use them, when they use them.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from grassroots import APP_NAME, __version__
from grassroots.core.errors import AlreadyOpen, DatabaseProblem
from grassroots.db.database import Database, open_database
from grassroots.group.service import get_settings
from grassroots.settings import InstanceLock, Paths, cloud_folder_warning, resolve_paths
from grassroots.ui.collector import collect_on_ui_thread
from grassroots.ui.context import AppContext, Events
from grassroots.ui.icons import icon
from grassroots.ui.main_window import MainWindow
from grassroots.ui.tasks import Tasks
from grassroots.ui.theme import apply_theme

EXIT_WHEN_SHOWN = "GRASSROOTS_EXIT_WHEN_SHOWN"
THEMED = "grassrootsThemed"


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if one exists, as under pytest-qt), named and themed."""
    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("grassroots"))
    collect_on_ui_thread(app)
    if not app.property(THEMED):
        # Once per process: a new style and style sheet re-polish every widget alive, and a
        # second application() (tests make one per test) would do that for nothing.
        apply_theme(app)
        app.setProperty(THEMED, True)
    return app


def make_context(db: Database, paths: Paths) -> AppContext:
    return AppContext(db.sessions, paths, Tasks(), Events())


def build_main_window(db: Database, paths: Paths, ctx: AppContext | None = None) -> MainWindow:
    """The main window on an open database (used by run(), the tests and the benchmarks)."""
    ctx = ctx or make_context(db, paths)
    window = MainWindow(ctx)
    ctx.tasks.setParent(window)
    ctx.events.setParent(window)
    for note in db.notes:
        window.tell(note, 0)
    return window


class _Opened:
    """A database held open with its lock, released together."""

    def __init__(self, db: Database, lock: InstanceLock | None, paths: Paths):
        self.db, self.lock, self.paths = db, lock, paths

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()


def _say(kind: QMessageBox.Icon, text: str, name: str) -> None:
    box = QMessageBox(kind, APP_NAME, text, QMessageBox.StandardButton.Ok)
    box.setObjectName(name)
    box.exec()


def warn_about_cloud_folder(paths: Paths) -> None:
    """Once per database file: say that a live database in a synced folder can be damaged."""
    warning = cloud_folder_warning(paths.database_file)
    if warning is None:
        return
    preferences = QSettings(str(paths.preferences), QSettings.Format.IniFormat)
    if preferences.value("warnings/cloudFolder") == paths.database:
        return
    _say(QMessageBox.Icon.Warning, warning, "cloudFolderWarning")
    preferences.setValue("warnings/cloudFolder", paths.database)
    preferences.sync()


def open_with_lock(paths: Paths, reject_text: str = "Quit") -> _Opened | None:
    """Lock and open the database, asking for another file while it cannot be opened.

    None when the user gives up or another copy of Grassroots has the file open (they are told
    which). The file is never changed when it is refused.
    """
    from grassroots.ui.dialogs.database_problem import DatabaseProblemDialog

    while True:
        file = paths.database_file
        lock = InstanceLock(file) if file is not None else None
        try:
            if lock is not None:
                lock.acquire()
            return _Opened(open_database(paths.database, paths.backups_dir), lock, paths)
        except AlreadyOpen as exc:
            _say(QMessageBox.Icon.Warning, str(exc), "alreadyOpenBox")
            return None
        except DatabaseProblem as exc:
            if lock is not None:
                lock.release()
            dialog = DatabaseProblemDialog(
                exc, str(file or paths.database), reject_text=reject_text
            )
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen:
                return None
            paths = resolve_paths(dialog.chosen)


def set_up_if_new(ctx: AppContext) -> bool:
    """Run the first-run wizard if the group is not set up; False if the user cancelled."""
    if get_settings(ctx.sessions).set_up:
        return True
    from grassroots.ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(ctx)
    accepted = wizard.exec() == QDialog.DialogCode.Accepted
    ctx.tasks.wait()
    return accepted


class Launcher:
    """Keeps one database and its window open; swaps both when another database is chosen."""

    def __init__(self, app: QApplication):
        self.app = app
        self.opened: _Opened | None = None
        self.window: MainWindow | None = None

    def start(self, opened: _Opened) -> bool:
        ctx = make_context(opened.db, opened.paths)
        if not set_up_if_new(ctx):
            opened.close()
            return False
        self.opened = opened
        self.window = build_main_window(opened.db, opened.paths, ctx)
        self.window.database_change_requested.connect(self.switch)
        if os.environ.get(EXIT_WHEN_SHOWN) == "1":
            # Closing the last window ends the event loop exactly once, as Quit would.
            self.window.first_painted.connect(self.window.quit)
        self.window.show()
        return True

    def switch(self, database: str) -> None:
        paths = resolve_paths(database)
        if self.opened is not None and paths.database == self.opened.paths.database:
            return
        warn_about_cloud_folder(paths)
        opened = open_with_lock(paths, reject_text="Keep the current database")
        if opened is None:
            return
        old_window, old = self.window, self.opened
        if old_window is not None:
            old_window.save_layout()
            old_window.ctx.tasks.wait()
        if self.start(opened):
            if old_window is not None:
                old_window.hide()
                old_window.deleteLater()
            if old is not None:
                old.close()

    def close(self) -> None:
        if self.window is not None:
            self.window.ctx.tasks.wait()
        if self.opened is not None:
            self.opened.close()
            self.opened = None


def run(db: str | None = None, argv: list[str] | None = None) -> int:
    """Start Grassroots on `db` (or the configured database); the process exit code."""
    app = application(argv)
    paths = resolve_paths(db)
    warn_about_cloud_folder(paths)
    opened = open_with_lock(paths)
    if opened is None:
        return 1
    launcher = Launcher(app)
    if not launcher.start(opened):
        return 0
    try:
        return app.exec()
    finally:
        launcher.close()
