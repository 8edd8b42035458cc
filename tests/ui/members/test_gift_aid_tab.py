"""The Gift Aid tab of a person's record: declarations added and cancelled through the real
dialogs, the warning when the record lacks what HMRC needs, and the printed form."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from grassroots.accounts.gift_aid import declarations_of, record_declaration
from tests.ui.members.conftest import add_current_member


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(page, person_id):
    dialog = page.open_person(person_id)
    dialog.tabs.setCurrentWidget(dialog.gift_aid)
    return dialog.gift_aid


def test_a_declaration_is_added_and_listed(qtbot, page, mctx, sessions):
    member = add_current_member(
        sessions, "Hazel", "Tebbutt", address_line1="4 Mill Lane", postcode="LE65 1AB"
    )
    tab = _open(page, member.person_id)
    assert tab.table.rowCount() == 0 and not tab.warning.isVisible()
    _click(qtbot, tab.add_button)
    dialog = tab.dialog
    dialog.made_on.setText("01/03/2026")
    dialog.method.setCurrentIndex(dialog.method.findData("oral"))
    dialog.covers.setCurrentIndex(2)  # only that day's donation
    qtbot.keyClicks(dialog.note, "Phone call, notes in the file")
    with qtbot.waitSignal(mctx.events.changed):
        _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    [kept] = declarations_of(sessions, member.person_id)
    assert (kept.made_on, kept.method, kept.covers_past, kept.covers_future) == (
        date(2026, 3, 1),
        "oral",
        False,
        False,
    )
    texts = [tab.table.item(0, c).text() for c in range(5)]
    assert texts == [
        "01/03/2026",
        "Oral (written record kept)",
        "Only the donation given on that day",
        "",
        "Phone call, notes in the file",
    ]


def test_a_declaration_dated_tomorrow_is_refused_with_the_reason(qtbot, page, sessions):
    member = add_current_member(sessions, "Ian", "Hope", address_line1="1 Main St")
    tab = _open(page, member.person_id)
    _click(qtbot, tab.add_button)
    dialog = tab.dialog
    dialog.made_on.set_date(date.today() + timedelta(days=1))
    _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.made_error.text() != "")
    assert "future" in dialog.made_error.text()
    assert dialog.isVisible() and declarations_of(sessions, member.person_id) == []


def test_cancelling_keeps_the_declaration_with_its_date(qtbot, page, mctx, sessions):
    member = add_current_member(sessions, "June", "Carr", address_line1="2 Elm Road")
    record_declaration(sessions, member.person_id, date(2025, 1, 5))
    tab = _open(page, member.person_id)
    assert not tab.cancel_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.cancel_button.isEnabled()
    _click(qtbot, tab.cancel_button)
    dialog = tab.dialog
    dialog.on.setText("10/02/2026")
    with qtbot.waitSignal(mctx.events.changed):
        _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "10/02/2026")
    [kept] = declarations_of(sessions, member.person_id)
    assert kept.cancelled_on == date(2026, 2, 10)


def test_cancelling_before_the_declaration_was_made_is_refused_under_the_date(
    qtbot, page, sessions
):
    member = add_current_member(sessions, "Lena", "Hart", address_line1="3 Elm Road")
    record_declaration(sessions, member.person_id, date(2025, 1, 5))
    tab = _open(page, member.person_id)
    tab.table.selectRow(0)
    _click(qtbot, tab.cancel_button)
    dialog = tab.dialog
    dialog.on.setText("04/01/2025")
    _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.on_error.text() != "")
    assert dialog.on_error.text() == "It was made on 05/01/2025; cancel it after that"
    assert not dialog.problem.isVisible() and dialog.ok.isEnabled()
    [kept] = declarations_of(sessions, member.person_id)
    assert kept.cancelled_on is None


def test_a_record_without_house_or_postcode_is_warned_about(qtbot, page, sessions):
    member = add_current_member(sessions, "Ken", "Dodd", town="Ashby")
    tab = _open(page, member.person_id)
    assert tab.warning.isVisible()
    assert "missing: house name or number, postcode." in tab.warning.text()


def test_the_declaration_form_is_printed_with_the_persons_details(qtbot, page, sessions, save_to):
    member = add_current_member(
        sessions, "Hazel", "Tebbutt", address_line1="4 Mill Lane", postcode="le65 1ab"
    )
    tab = _open(page, member.person_id)
    path = save_to("declaration.pdf")
    _click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: tab.property("last_output") == str(path), timeout=10_000)
    from pypdf import PdfReader

    text = PdfReader(path).pages[0].extract_text()
    assert "Hazel" in text and "4 Mill Lane" in text and "LE65 1AB" in text


def test_every_control_on_the_tab_and_its_dialog_has_a_name(qtbot, page, sessions):
    from tests.ui.test_accessibility import unnamed_controls

    member = add_current_member(sessions, "Ann", "Archer", address_line1="1 Main St")
    record_declaration(sessions, member.person_id, date(2025, 1, 5))
    tab = _open(page, member.person_id)
    assert unnamed_controls(tab) == []
    tab.add()
    assert unnamed_controls(tab.dialog) == []
