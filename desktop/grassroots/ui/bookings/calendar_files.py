"""Calendar files (.ics): export the bookings (all, or one room's) for a hirer or a website to
subscribe to — the same file written again updates their copy, never doubles it — and import a
regular hirer's schedule, which reports what it added, updated and could not take."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from grassroots.bookings.venues import list_rooms
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.outputs import ask_save_path, documents_dir, write_then_offer

ICS_FILTER = "Calendar file (*.ics)"


def report_text(report) -> tuple[str, str]:
    """A short summary and the detail (clashes, events not taken) of an import."""
    summary = f"Added {report.added}, updated {report.updated}, left {report.unchanged} unchanged."
    lines = []
    if report.clashes:
        lines.append("Taken as provisional, because they clash:")
        lines.extend(f"• {line}" for line in report.clashes)
    if report.skipped:
        lines.append("Not taken:")
        lines.extend(f"• {what}: {why}" for what, why in report.skipped)
    return summary, "\n".join(lines)


class CalendarFileMenu(QMenu):
    """`imported` fires after an import, so the calendar reloads."""

    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__("Calendar file", parent)
        self.ctx = ctx
        self.setObjectName("calendarFileMenu")
        self.all = self.addAction("&Export all bookings…")
        self.all.triggered.connect(lambda: self.export())
        self.rooms = self.addMenu("Export one &room's bookings")
        self.addSeparator()
        self.load = self.addAction("&Import a calendar file…")
        self.load.triggered.connect(lambda: self.import_file())
        self.aboutToShow.connect(self._load_rooms)
        self.room_ids: list[int] = []

    def _load_rooms(self) -> None:
        sessions = self.ctx.sessions
        self.ctx.tasks.run(lambda: list_rooms(sessions), self._rooms_loaded, parent=self)

    def _rooms_loaded(self, rooms) -> None:
        self.rooms.clear()
        self.room_ids = [r.id for r in rooms]
        for room in rooms:
            action = self.rooms.addAction(f"{room.label}…")
            action.triggered.connect(lambda _c=False, r=room: self.export(r.id, r.label))

    def export(self, room_id: int | None = None, label: str = "", path: Path | None = None):
        from grassroots.bookings.ical import export_ics

        name = f"{label or 'Bookings'}.ics".replace("/", "-")
        path = path or ask_save_path(
            self.parentWidget(), "Export a calendar file", name, ICS_FILTER
        )
        if path is None:
            return
        sessions = self.ctx.sessions
        write_then_offer(
            self.ctx,
            self.parentWidget(),
            path,
            lambda: export_ics(sessions, path, room_id=room_id),
            "Writing the calendar file…",
            done_text=lambda count: (
                f"Saved {path.name} with {count} booking{'s' if count != 1 else ''}. Writing it "
                "again to the same place updates a calendar that subscribes to it."
            ),
            open_folder=True,
        )

    def import_file(self, path: Path | None = None, room_id: int | None = None) -> None:
        from grassroots.bookings.ical import import_ics

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parentWidget(), "Import a calendar file", str(documents_dir()), ICS_FILTER
            )
            if not chosen:
                return
            path = Path(chosen)
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: import_ics(sessions, path, room_id=room_id),
            self._imported,
            self._refused,
            label="Importing the calendar file…",
            parent=self.parentWidget(),
        )

    def _imported(self, report) -> None:
        summary, detail = report_text(report)
        box = QMessageBox(
            QMessageBox.Icon.Information, "Calendar imported", summary,
            QMessageBox.StandardButton.Ok, self.parentWidget(),
        )  # fmt: skip
        box.setObjectName("importReport")
        if detail:
            box.setDetailedText(detail)
        if report.clashes:
            box.setInformativeText("Clashes are marked provisional: resolve them in the calendar.")
        box.open()
        self.imported.emit()

    def _refused(self, exc: Exception) -> None:
        from grassroots.core.errors import GrassrootsError

        if not isinstance(exc, GrassrootsError):
            self.ctx.tasks.report(exc, parent=self.parentWidget())
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, "The calendar file was not imported", str(exc),
            QMessageBox.StandardButton.Ok, self.parentWidget(),
        )  # fmt: skip
        box.setObjectName("importRefused")
        box.setInformativeText("Nothing was changed.")
        box.open()
