"""A new membership secretary's first evening with Grassroots, through the real window.

One long story, as the user lives it: a brand-new database and the first-run wizard, Home's
empty state, a messy spreadsheet that is refused with reasons, the clean one imported, renewals
due on Home, reminder letters, renewing those who paid, and printing the register, labels and
letters. Every step is checked by what the user would see (labels, counts, files written).
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
    QWizard,
)

from grassroots.app import Launcher, open_with_lock
from grassroots.core.dates import add_months, format_date
from grassroots.members.records import MemberQuery
from grassroots.members.register import count_members
from grassroots.settings import resolve_paths, resources_dir
from grassroots.ui.dialogs.setup_wizard import SetupWizard
from grassroots.ui.members.columns import STATUS_COLUMN

SAMPLES = resources_dir() / "sample"
MESSY_PROBLEMS = [
    "Row 4, Post Code: 'LE6' is not a UK postcode",
    "Row 6, Type: 'Famly' is not a membership type (the types are: Individual, Household, "
    "Concession, Life, Honorary)",
    "Row 7, Date joined: '31/02/2025' is not a real date",
    "Row 8, E-mail address: The same email address as row 2",
]
# The members in members-example.csv, as the register lists them (Lucy Hall is not a member).
IMPORTED_MEMBERS = [
    "Ashworth, David",
    "Ashworth, Margaret",
    "Baker, Joan",
    "Clarke, Peter",
    "Evans, Rhys",
    "Green, Hannah",
    "Hughes, Gareth",
    "Lambert, George",
    "MacLeod, Fiona",
    "Murphy, Eileen",
    "Nowak, Stefan",
    "O'Neill, Tom",
    "Okafor, Amara",
    "Patel, Priya",
    "Price, Owen",
    "Reid, Kathleen",
    "Sharma, Sunita",
    "Turner, Chloe",
    "Whitworth, Alan",
]
# Members joined through Add member about eleven and a half months ago: (name, days left).
NEW_MEMBERS = [("Ann Archer", 18), ("Bill Bates", 15), ("Carol Dunn", 12)]


# ---------------------------------------------------------------- what the user does


def click(
    qtbot, widget: QWidget, pos: QPoint | None = None, modifier=Qt.KeyboardModifier.NoModifier
):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifier, pos or QPoint())


def click_tool(qtbot, page, action) -> None:
    """Press the toolbar button of one of the page's actions."""
    button = page.toolbar.widgetForAction(action)
    assert button.isEnabled(), action.text()
    click(qtbot, button)


def go_to(qtbot, window, row: int) -> QWidget:
    """Click an area in the sidebar."""
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    click(qtbot, window.sidebar.viewport(), rect.center())
    return window.current_page()


def click_row(qtbot, table, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    click(qtbot, table.viewport(), rect.center(), modifier)


def answer_save_as(monkeypatch, path: Path) -> Path:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    return path


def answer_open(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def saved_box(parent: QWidget) -> QMessageBox | None:
    boxes = [b for b in parent.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    return boxes[0] if boxes else None


def dismiss_saved(qtbot, parent: QWidget) -> str:
    """Wait for 'Saved … Open it?', read it, and say no (opening would start a PDF viewer)."""
    qtbot.waitUntil(lambda: saved_box(parent) is not None, timeout=15000)
    box = saved_box(parent)
    text = box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    return text


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def shown_names(page) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answer_setup_wizard(qtbot, app, failures: list[BaseException]) -> QTimer:
    """Fill in the first-run wizard once it is on screen: name, postcode, then Finish.

    The wizard runs modally inside Launcher.start, so it is answered from the event loop, as a
    user would; a failed step is kept for the test and closes the wizard rather than hang.
    """
    timer = QTimer()
    timer.setInterval(10)

    def answer() -> None:
        wizard = next(
            (w for w in app.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()),
            None,
        )
        if wizard is None:
            return
        timer.stop()
        try:
            assert wizard.currentPage() is wizard.welcome
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            qtbot.keyClicks(wizard.names.name, "Ashby Lunch Club")
            qtbot.keyClicks(wizard.names.postcode, "le65 1aa")
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            assert wizard.currentPage() is wizard.numbers
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            assert wizard.currentPage() is wizard.years
            click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        except BaseException as exc:  # handed to the test, which raises it
            failures.append(exc)
            wizard.reject()

    timer.timeout.connect(answer)
    timer.start()
    return timer


def add_member(qtbot, page, name: str, joined: date, street: str) -> None:
    """Add member: name, address, 'by post', and the date they joined; then Save."""
    click_tool(qtbot, page, page.add_member_action)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Add member"
    first, last = name.split(" ")
    form = dialog.form
    qtbot.keyClicks(form.fields["first_name"], first)
    qtbot.keyClicks(form.fields["last_name"], last)
    qtbot.keyClicks(form.fields["address_line1"], street)
    qtbot.keyClicks(form.fields["town"], "Ashby-de-la-Zouch")
    qtbot.keyClicks(form.fields["postcode"], "LE65 2AA")
    form.by_post.setFocus()
    qtbot.keyClick(form.by_post, Qt.Key.Key_Space)
    assert form.by_post.isChecked()
    dialog.join_box.joined_on.clear()
    qtbot.keyClicks(dialog.join_box.joined_on, format_date(joined))
    assert dialog.join_box.amount.text() == "£10.00"  # Individual, the first type
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


# ---------------------------------------------------------------- the evening


def test_first_evening_of_a_new_membership_secretary(qtbot, app, tmp_path, monkeypatch):
    today = date.today()
    failures: list[BaseException] = []
    launcher = Launcher(app)
    wizard_answers = answer_setup_wizard(qtbot, app, failures)
    opened = open_with_lock(resolve_paths(str(tmp_path / "lunch-club.db")))
    try:
        started = launcher.start(opened)
        wizard_answers.stop()
        for failure in failures:
            raise failure
        assert started, "the first-run wizard did not finish"
        window = launcher.window
        qtbot.waitExposed(window)
        sessions = launcher.opened.db.sessions
        _evening(qtbot, window, sessions, today, tmp_path, monkeypatch)
    finally:
        wizard_answers.stop()
        if launcher.window is not None:
            launcher.window.ctx.tasks.wait()
            launcher.window.close()
        launcher.close()


def _evening(qtbot, window, sessions, today, tmp_path, monkeypatch) -> None:
    # ---- a new group: Home says so, and points to People & Members
    home = window.pages["home"]
    qtbot.waitUntil(lambda: window.group_label.text() == "Ashby Lunch Club")
    assert window.windowTitle() == "Ashby Lunch Club — Grassroots"
    assert window.members_label.text() == "0 members"
    qtbot.waitUntil(lambda: home.empty.isVisible())
    assert home.heading.text() == "Ashby Lunch Club"
    assert home.summary.text() == "Welcome to Grassroots."
    assert not home.due.isVisible()
    click(qtbot, home.start_button)
    members = window.current_page()
    assert window.current_area() == "members"
    assert members.stack.currentWidget() is members.empty
    assert members.filters.count.text() == "0 people"

    # ---- the messy spreadsheet is checked, refused row by row, and left alone
    click_tool(qtbot, members, members.import_action)
    dialog = members.dialog
    qtbot.waitUntil(dialog.isVisible)
    messy = tmp_path / "members-messy.xlsx"
    shutil.copy(SAMPLES / "members-messy.xlsx", messy)
    before = digest(messy)
    answer_open(monkeypatch, messy)
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("members-messy.xlsx: "))
    assert dialog.outcome.text() == (
        "members-messy.xlsx: 9 rows. Check the columns, then press Check file."
    )
    assert not dialog.import_button.isEnabled()
    click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: dialog.errors.count() > 0)
    assert [dialog.errors.item(i).text() for i in range(dialog.errors.count())] == MESSY_PROBLEMS
    assert dialog.outcome.text() == (
        "Found 4 problems. Nothing has been imported. Fix them in your file (or change the "
        "columns above) and check again."
    )
    assert not dialog.import_button.isEnabled()
    assert count_members(sessions, MemberQuery()) == 0
    assert digest(messy) == before

    # ---- the clean one is checked, then imported in one go
    clean = SAMPLES / "members-example.csv"
    clean_before = digest(clean)
    answer_open(monkeypatch, clean)
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("members-example.csv: "))
    assert dialog.errors.count() == 0
    assert not dialog.import_button.isEnabled()
    click(qtbot, dialog.check_button)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert dialog.outcome.text() == "No problems found. Ready to import: 20 people, 19 memberships."
    assert count_members(sessions, MemberQuery()) == 0  # checking writes nothing
    with qtbot.waitSignal(window.ctx.events.changed):
        click(qtbot, dialog.import_button)
    assert dialog.outcome.text() == "Imported: 20 people, 19 memberships."
    assert not dialog.import_button.isEnabled()  # not twice
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: members.filters.count.text() == "20 people")
    assert members.stack.currentWidget() is members.table
    assert digest(clean) == clean_before
    qtbot.waitUntil(lambda: window.members_label.text() == "3 members")  # in good standing

    # ---- Home: every 2025 membership has run out, so nobody is due yet
    home = go_to(qtbot, window, 0)
    qtbot.waitUntil(lambda: home.due.isVisible() and home.due.count.text() == "0")
    assert not home.empty.isVisible()
    assert home.summary.text().startswith("3 current members · ")  # Life, Honorary, unpaid
    lapsed = int(home.lapsed.count.text())  # those who ran out in the last six months
    others = 17 - lapsed  # the rest of the lapsed, and the volunteer who never joined
    assert home.summary.text().endswith(
        f" · {others} other {'person' if others == 1 else 'people'} on record"
    )
    assert home.due.caption.text() == "Nobody is due for renewal."
    assert not home.reminders_link.isVisible()

    # ---- three people who joined about eleven and a half months ago are added by hand
    members = go_to(qtbot, window, 1)
    for (name, days_left), street in zip(
        NEW_MEMBERS, ("1 Mill Lane", "2 Mill Lane", "3 Mill Lane"), strict=True
    ):
        add_member(qtbot, members, name, add_months(today, -12) + timedelta(days=days_left), street)
    qtbot.waitUntil(lambda: members.filters.count.text() == "23 people")

    # ---- Home now lists them, soonest first, with the day each is due
    home = go_to(qtbot, window, 0)
    qtbot.waitUntil(lambda: home.due.count.text() == "3")
    links = home.due.findChildren(QAbstractButton, "personLink")
    assert [link.text() for link in links] == ["Carol Dunn", "Bill Bates", "Ann Archer"]
    assert all(link.isVisible() for link in links)
    expiry = {
        name: add_months(add_months(today, -12) + timedelta(days=left), 12) - timedelta(days=1)
        for name, left in NEW_MEMBERS
    }
    whens = [w.text() for w in home.due.findChildren(type(home.heading)) if w.text()]
    assert f"due {format_date(expiry['Carol Dunn'])}" in whens
    assert home.due.caption.text() == "memberships to renew soon"
    assert home.summary.text().startswith("6 current members · 3 due for renewal · ")

    # ---- reminder letters straight from Home: only the three who are due
    letters = answer_save_as(monkeypatch, tmp_path / "reminders-from-home.pdf")
    click(qtbot, home.reminders_link)
    said = dismiss_saved(qtbot, home)
    assert said == "Saved reminders-from-home.pdf: 3 letters to print and post."
    text = pdf_text(letters)
    assert all(name in text for name, _ in NEW_MEMBERS)
    assert "Owen Price" not in text and "Joan Baker" not in text

    # ---- Show all due: the list is filtered to them
    click(qtbot, home.due.link)
    members = window.current_page()
    assert window.current_area() == "members"
    assert members.filters.status.currentText() == "Due for renewal"
    qtbot.waitUntil(lambda: members.filters.count.text() == "3 people")
    assert shown_names(members) == ["Ann Archer", "Bill Bates", "Carol Dunn"]
    assert not members.renew_action.isEnabled()  # nothing chosen yet

    # ---- Ann and Bill paid at the door: select both and renew them together
    click_row(qtbot, members.table, 0)
    click_row(qtbot, members.table, 1, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in members.selected_rows()] == ["Ann Archer", "Bill Bates"]
    click_tool(qtbot, members, members.renew_action)
    renew = members.dialog
    qtbot.waitUntil(renew.isVisible)
    assert renew.windowTitle() == "Renew membership"
    assert renew.heading.text() == "Renew 2 memberships"
    assert renew.on_date.text() == format_date(today)
    assert renew.ok.text() == "Record renewal" and renew.ok.isEnabled()
    with qtbot.waitSignal(window.ctx.events.changed):
        click(qtbot, renew.ok)
    qtbot.waitUntil(lambda: not renew.isVisible())
    qtbot.waitUntil(lambda: members.filters.count.text() == "1 person")
    assert shown_names(members) == ["Carol Dunn"]  # still due; the two who paid are not

    # ---- Ann's record shows her as current, with today's payment in her history
    show = members.filters.status
    show.setCurrentIndex(show.findText("All people"))
    qtbot.keyClicks(members.filters.search, "Archer")
    qtbot.waitUntil(lambda: members.filters.count.text() == "1 person")
    assert members.model.index(0, STATUS_COLUMN).data() == "Current"
    click_row(qtbot, members.table, 0)
    qtbot.keyClick(members.table, Qt.Key.Key_Return)
    record = members.dialog
    qtbot.waitUntil(record.isVisible)
    renewed_from = expiry["Ann Archer"] + timedelta(days=1)  # carries on, no gap, no overlap
    renewed_to = add_months(renewed_from, 12) - timedelta(days=1)
    assert record.heading.text() == "Ann Archer"
    assert record.subheading.text() == (
        f"Member no. 121 · Individual · Current · paid up to {format_date(renewed_to)}"
    )
    tab_bar = record.tabs.tabBar()
    click(qtbot, tab_bar, tab_bar.tabRect(record.tabs.indexOf(record.membership)).center())
    assert record.tabs.currentWidget() is record.membership
    payments = record.membership.payments
    assert payments.rowCount() == 2
    newest = [payments.item(0, column).text() for column in range(4)]
    assert newest == [
        format_date(today),
        "£10.00",
        "Cash",
        f"{format_date(renewed_from)} to {format_date(renewed_to)}",
    ]
    assert record.membership.values["status"].text() == "Current"
    click(qtbot, record.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not record.isVisible()
    members.filters.search.clear()

    # ---- Home agrees: one still due
    home = go_to(qtbot, window, 0)
    qtbot.waitUntil(lambda: home.due.count.text() == "1")
    assert [b.text() for b in home.due.findChildren(QAbstractButton, "personLink")] == [
        "Carol Dunn"
    ]

    # ---- the papers for the committee, from the page's Print menu, for all members
    members = go_to(qtbot, window, 1)
    show = members.filters.status
    show.setCurrentIndex(show.findText("Members"))
    qtbot.waitUntil(lambda: members.filters.count.text() == "22 people")

    register = answer_save_as(monkeypatch, tmp_path / "register.pdf")
    members.printing.actions["register"].trigger()
    assert dismiss_saved(qtbot, members) == "Saved register.pdf (22 entries)."
    text = pdf_text(register)
    missing = [name for name in IMPORTED_MEMBERS if name not in text]
    assert missing == []
    assert all(f"{name.split()[1]}, {name.split()[0]}" in text for name, _ in NEW_MEMBERS)
    assert "Hall, Lucy" not in text  # a volunteer, not a member

    labels = answer_save_as(monkeypatch, tmp_path / "labels.pdf")
    members.printing.actions["labels"].trigger()
    # Ten imported members asked for post, and the three added here ticked it.
    assert dismiss_saved(qtbot, members) == "Saved labels.pdf (13 entries)."
    text = pdf_text(labels)
    assert "21 Bath Street" in text and "1 Mill Lane" in text
    assert "David Ashworth" not in text  # said no to post

    reminders = answer_save_as(monkeypatch, tmp_path / "reminders.pdf")
    members.printing.actions["reminders"].trigger()
    assert dismiss_saved(qtbot, members) == "Saved reminders.pdf (1 entry)."
    text = pdf_text(reminders)
    assert "Carol Dunn" in text
    assert "Ann Archer" not in text and "Bill Bates" not in text and "Owen Price" not in text
