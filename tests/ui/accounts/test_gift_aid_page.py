"""The Gift Aid tab of the Accounts area, through its real widgets on a real database: what is
ready and what needs putting right, making a claim, HMRC's repayment, GASDS and HMRC's limits."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from odfdo import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from grassroots.accounts import books
from grassroots.accounts import gift_aid as ga
from grassroots.accounts.gift_aid_limits import list_limits
from grassroots.accounts.gift_aid_schedule import list_claims
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from tests.ui.accounts.conftest import category_id

RECENT = date.today() - timedelta(days=20)


@pytest.fixture
def page(qtbot, actx):
    from grassroots.ui.accounts.gift_aid_page import GiftAidPage

    widget = GiftAidPage(actx)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.loads >= 1)
    yield widget
    # Let reloads started by the test land before the page goes (pytest-qt would close a
    # registered widget before any fixture could wait).
    qtbot.waitUntil(lambda: not actx.tasks.busy)
    widget.close()
    widget.deleteLater()


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    def answer(name: str) -> Path:
        path = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
        return path

    return answer


def donor(sessions, first, last, declared=True, line1="12 High Street", postcode="LE65 2AB"):
    data = PersonInput(first_name=first, last_name=last, address_line1=line1, postcode=postcode)
    person_id = add_person(sessions, data).id
    if declared:
        ga.record_declaration(sessions, person_id, RECENT - timedelta(days=30))
    return person_id


def give(sessions, bank, person_id, pence, on=RECENT, method="cheque"):
    line = LineInput(Money(pence), category_id(sessions, "Donations"))
    entry = EntryInput(bank.id, on, (line,), person_id=person_id, method=method)
    return books.add_entry(sessions, entry)


def reload(qtbot, page):
    seen = page.loads
    page.refresh()
    qtbot.waitUntil(lambda: page.loads > seen)


def cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_ready_and_to_put_right_with_the_reasons(qtbot, page, sessions, bank):
    give(sessions, bank, donor(sessions, "Jane", "Smith"), 4000)
    give(sessions, bank, donor(sessions, "Ian", "Hope", declared=False), 1000)
    give(sessions, bank, donor(sessions, "Amy", "Cole", postcode=""), 500)
    reload(qtbot, page)

    assert page.ready.rowCount() == 1
    assert cells(page.ready, 0)[0] == "Jane Smith" and cells(page.ready, 0)[3:] == [
        "£40.00",
        "£10.00",
    ]
    assert page.ready_total.text() == "1 donations totalling £40.00; £10.00 of tax to reclaim."
    reasons = {cells(page.to_fix, r)[0]: cells(page.to_fix, r)[3] for r in range(2)}
    assert reasons == {"Ian Hope": "no declaration", "Amy Cole": "no postcode"}
    assert "£10.00 to reclaim on 1 donations" in page.summary.text()
    assert page.tabs.tabText(1) == "To put right (2)"


def test_the_donor_is_opened_to_put_it_right(qtbot, page, sessions, bank):
    person_id = donor(sessions, "Ian", "Hope", declared=False)
    give(sessions, bank, person_id, 1000)
    reload(qtbot, page)
    assert not page.open_button.isEnabled()
    page.tabs.setCurrentIndex(1)
    page.to_fix.selectRow(0)
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.person_id == person_id and dialog.tabs.currentWidget() is dialog.gift_aid
    ga.record_declaration(sessions, person_id, RECENT)
    seen = page.loads
    dialog.reject()
    qtbot.waitUntil(lambda: page.loads > seen)
    assert page.ready.rowCount() == 1 and page.to_fix.rowCount() == 0


def test_a_claim_is_made_saved_where_chosen_and_explained(
    qtbot, page, actx, sessions, bank, save_as
):
    give(sessions, bank, donor(sessions, "Jane", "Smith"), 4000)
    give(sessions, bank, donor(sessions, "Ian", "Hope", declared=False), 1000)
    reload(qtbot, page)
    path = save_as("Our claim.ods")
    qtbot.mouseClick(page.claim_button, Qt.MouseButton.LeftButton)
    box = page.dialog
    assert "Claim £10.00 on 1 donations (£40.00)" in box.text()
    box.property("confirm_button").click()
    qtbot.waitUntil(lambda: page.property("last_output") == str(path), timeout=10_000)

    assert path.exists()
    table = Document(path).body.get_table(0)
    texts = [[c.text_content for c in r.get_cells()] for r in table.get_rows()]
    assert texts[24][1:5] == ["1", "", "Jane", "Smith"] and texts[24][-1] == "40.00"
    [claim] = list_claims(sessions)
    assert (claim.donations, claim.claimed) == (Money(4000), Money(1000))
    assert "Charities Online" in page.dialog.informativeText()
    qtbot.waitUntil(lambda: page.claims.rowCount() == 1 and page.ready.rowCount() == 0)
    assert cells(page.claims, 0)[2:5] == ["£40.00", "£10.00", "Not yet"]
    assert page.to_fix.rowCount() == 1  # left for a later claim


def test_hmrcs_repayment_is_posted_to_the_books(qtbot, page, actx, sessions, bank, tmp_path):
    from grassroots.accounts.gift_aid_schedule import make_claim

    give(sessions, bank, donor(sessions, "Jane", "Smith"), 4000)
    make_claim(sessions, date.today(), tmp_path)
    reload(qtbot, page)
    page.tabs.setCurrentIndex(2)
    assert not page.received_button.isEnabled()
    page.claims.selectRow(0)
    qtbot.mouseClick(page.received_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.amount.value() == Money(1000)
    dialog.on.set_date(date.today())
    dialog.amount.setText("9.50")
    with qtbot.waitSignal(actx.events.changed):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cells(page.claims, 0)[5] == "£9.50")
    assert cells(page.claims, 0)[4] == date.today().strftime("%d/%m/%Y")
    assert not page.received_button.isEnabled()
    [claim] = list_claims(sessions)
    received = books.get_entry(sessions, claim.received_entry_id)
    assert (received.amount, received.account_id) == (Money(950), bank.id)


def test_gasds_counts_small_cash_gifts_and_says_what_stops_a_claim(qtbot, page, sessions, bank):
    today = date.today()
    start = date(today.year if today >= date(today.year, 4, 6) else today.year - 1, 4, 6)
    on = max(start, bank.opening_on)
    for _ in range(3):
        give(sessions, bank, None, 1500, on=on, method="cash")
    page.load_gasds()
    qtbot.waitUntil(lambda: page.gasds is not None and page.gasds.count == 3)
    assert page.gasds_values["counted"].text() == "3 gifts, £45.00"
    assert "must also make a Gift Aid claim" in page.gasds_status.text()
    assert "£30.00 or less" in page.gasds_text.text()


def test_a_new_hmrc_figure_is_added_and_removed(qtbot, page, sessions):
    editor = page.limits
    page.tabs.setCurrentWidget(editor)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    dialog.kind.setCurrentIndex(0)  # aggregated donations: each gift at most
    dialog.since.setText("06/04/2026")
    qtbot.keyClicks(dialog.value, "lots")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "£" in dialog.value_error.text() or dialog.value_error.text()
    dialog.value.setText("£29.99")
    qtbot.keyClicks(dialog.source, "gov.uk: under £30")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(not line.built_in for line in editor.lines))
    row = next(i for i, line in enumerate(editor.lines) if not line.built_in)
    assert cells(editor.table, row)[1:] == [
        "06/04/2026",
        "£29.99",
        "gov.uk: under £30",
        "Added by the group",
    ]
    editor.table.selectRow(row)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    editor.dialog.property("confirm_button").click()
    qtbot.waitUntil(lambda: all(line.built_in for line in editor.lines))
    assert all(line.built_in for line in list_limits(sessions))


def test_blank_declaration_forms_are_printed(qtbot, page, save_as):
    path = save_as("forms.pdf")
    qtbot.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.property("last_output") == str(path), timeout=15_000)
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    assert len(pages) == 10 and "Page 1 of 1" in pages[9].extract_text()


def test_every_control_on_each_part_has_a_name(qtbot, page):
    from tests.ui.test_accessibility import unnamed_controls

    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert unnamed_controls(page) == [], page.tabs.tabText(index)


def test_gifts_no_record_change_can_cure_are_summed_up_not_listed_as_jobs(qtbot, page, sessions):
    old = date.today().replace(year=date.today().year - 6)
    bank = books.add_account(sessions, "Old account", "bank", Money(0), old)
    fixable = donor(sessions, "Ian", "Hope", declared=False)
    give(sessions, bank, fixable, 1000)
    give(sessions, bank, None, 2500)  # an anonymous gift in the collection tin
    give(sessions, bank, donor(sessions, "Jane", "Smith"), 4000, on=old)
    reload(qtbot, page)

    assert page.tabs.tabText(1) == "To put right (1)"
    assert [cells(page.to_fix, r)[0] for r in range(page.to_fix.rowCount())] == ["Ian Hope"]
    said = page.beyond_repair.text()
    assert "2 gifts (£65.00) that cannot be claimed" in said
    assert "1 older than HMRC's four-year window" in said and "1 with no donor named" in said
    assert "1 more (£10.00) need putting right first" in page.summary.text()


def test_a_claims_schedule_can_be_saved_again_exactly_as_sent(
    qtbot, page, sessions, bank, tmp_path, save_as
):
    from grassroots.accounts.gift_aid_schedule import make_claim

    give(sessions, bank, donor(sessions, "Jane", "Smith"), 4000)
    made = make_claim(sessions, date.today(), tmp_path / "sent")
    sent = made.files[0].read_bytes()
    made.files[0].unlink()
    reload(qtbot, page)
    page.tabs.setCurrentIndex(2)
    assert not page.schedule_button.isEnabled()
    page.claims.selectRow(0)
    copy = save_as("Again.ods")
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.property("last_output") == str(copy))
    assert copy.read_bytes() == sent
