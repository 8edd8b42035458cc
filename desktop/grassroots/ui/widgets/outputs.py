"""Saving files the user asked for (printouts, exports, subject access packs): ask where, write
in the background, then offer to open the result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from grassroots.ui.context import AppContext
from grassroots.ui.widgets.confirm import ask

PDF_FILTER = "PDF documents (*.pdf)"
SHEET_FILTER = "CSV file (*.csv);;Excel workbook (*.xlsx)"


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def dated_name(stem: str, suffix: str, on: date | None = None) -> str:
    """'Register of members 22-11-2026.pdf': dd-mm-yyyy, since '/' cannot go in a file name."""
    return f"{stem} {(on or date.today()):%d-%m-%Y}{suffix}"


def ask_save_path(parent: QWidget, caption: str, name: str, filters: str) -> Path | None:
    """The file the user chose (with the right extension), or None if they cancelled."""
    chosen, selected = QFileDialog.getSaveFileName(
        parent, caption, str(documents_dir() / name), filters
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".xlsx" if "xlsx" in (selected or "") else Path(name).suffix)
    return path


def write_then_offer(
    ctx: AppContext,
    parent: QWidget,
    path: Path,
    job: Callable[[], Any],
    label: str,
    done_text: Callable[[Any], str] | None = None,
    cancellable: bool = False,
    open_folder: bool = False,
) -> None:
    """Run `job` (which writes `path`) through ctx.tasks, then offer to open the file (or,
    with `open_folder`, the folder it is in). A `cancellable` job is called with
    `should_stop`, as ctx.tasks.run does."""
    target = path.parent if open_folder else path

    def finished(result: Any) -> None:
        text = done_text(result) if done_text else f"Saved {path.name}."
        parent.setProperty("last_output", str(path))
        ask(
            parent,
            "Saved",
            text,
            "Open the folder" if open_folder else "Open it",
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))),
            detail=f"In {path.parent}",
            icon=QMessageBox.Icon.Information,
        )

    ctx.tasks.run(job, finished, label=label, parent=parent, cancellable=cancellable)
