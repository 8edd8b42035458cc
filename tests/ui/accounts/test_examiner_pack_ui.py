"""Making the examiner pack from a window: the dated, group-named file offered, the pack made in
the background, then the folder offered; and nothing made when the save is cancelled."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from grassroots.ui.accounts import examiner_pack as ui_pack
from grassroots.ui.widgets.outputs import dated_name
from tests.accounts.examiner_books import YEAR, HallBooks


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def saved_box(parent: QWidget) -> QMessageBox | None:
    found = [b for b in parent.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    return found[0] if found else None


def test_the_pack_is_saved_where_asked_then_its_folder_offered(
    qtbot, actx, sessions, parent, tmp_path, monkeypatch
):
    HallBooks(sessions, tmp_path / "schedules")
    path = tmp_path / "for the examiner.zip"
    offered: list[str] = []

    def choose(_parent, caption, suggested, filters):
        offered.append(suggested)
        assert caption == "Save the examiner pack" and "*.zip" in filters
        return str(path), filters

    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    ui_pack.make_examiner_pack(parent, actx, YEAR)
    assert offered[0].endswith(dated_name("Ashby Village Hall accounts 2025-26", ".zip"))
    qtbot.waitUntil(lambda: saved_box(parent) is not None, timeout=20_000)
    box = saved_box(parent)
    assert box.text().startswith("Saved the examiner pack for the examiner.zip, with ")
    assert "No reconciliation finished for Savings account in this year." in box.text()
    assert box.informativeText() == f"In {tmp_path}"
    button = box.property("confirm_button")
    assert button.text() == "Open the folder"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
    with zipfile.ZipFile(path) as archive:
        assert "Ashby Village Hall accounts 2025-26/README.txt" in archive.namelist()


def test_a_name_typed_without_zip_gets_it(qtbot, actx, sessions, parent, tmp_path, monkeypatch):
    typed = tmp_path / "pack.final"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(typed), ""))
    ui_pack.make_examiner_pack(parent, actx, YEAR)
    qtbot.waitUntil(lambda: saved_box(parent) is not None, timeout=20_000)
    assert (tmp_path / "pack.final.zip").is_file()
    assert not typed.exists()


def test_cancelling_the_save_makes_nothing(qtbot, actx, sessions, parent, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    ui_pack.make_examiner_pack(parent, actx, YEAR)
    assert not actx.tasks.busy
    assert saved_box(parent) is None
    assert list(tmp_path.glob("*.zip")) == []


def test_a_scottish_charity_gets_the_oscr_layout(actx, sessions):
    from dataclasses import replace

    settings = actx.settings()
    assert ui_pack.layout_for(settings) == "cc16"
    assert ui_pack.layout_for(replace(settings, charity_number="SC012345")) == "oscr"


def test_the_year_end_pages_button_makes_the_pack(qtbot, actx, sessions, tmp_path, monkeypatch):
    from grassroots.ui.accounts.year_end_page import YearEndPage

    HallBooks(sessions, tmp_path / "schedules")
    page = YearEndPage(actx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded and bool(page.years))
    page.show_year(YEAR)
    path = tmp_path / "pack.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.waitUntil(page.pack_button.isEnabled)  # once the year's figures have loaded
    qtbot.mouseClick(page.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved_box(page) is not None, timeout=20_000)
    with zipfile.ZipFile(path) as archive:
        assert "Ashby Village Hall accounts 2025-26/README.txt" in archive.namelist()
