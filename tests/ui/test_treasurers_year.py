"""A volunteer treasurer's year with Grassroots, through the real window.

One long story, as the treasurer lives it, for the financial year that has just ended: the bank
account added with its opening balance, the bank's CSV statement imported (and the same file
again, which adds nothing), every line categorised in the cash book, the account reconciled to
the statement so its entries lock, the treasurer's report printed for the committee, the
year-end accounts printed and the year closed with the trustees' approval, and the examiner's
pack made. Every step is checked by what the treasurer would see (labels, figures, files).
"""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from grassroots.accounts.examiner_pack import pack_folder_name, year_label
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.ui.accounts.filter_bar import LAST_YEAR as LAST_FINANCIAL_YEAR
from grassroots.ui.accounts.filter_bar import year_bounds
from grassroots.ui.accounts.reports_page import LAST_YEAR as REPORT_LAST_YEAR
from tests.ui.test_first_evening import (
    answer_open,
    answer_save_as,
    click,
    dismiss_saved,
    go_to,
    pdf_text,
)

ACCOUNTS_ROW = 2  # Home, People & Members, Accounts
START, END = year_bounds(date.today(), 4, 1, back=1)  # the last financial year to have ended
APPROVED_ON = min(END + timedelta(days=40), date.today())  # after the year end, never ahead

# The bank's lines for the year, oldest first: (days after the year starts, description,
# paid in, paid out, the category the treasurer gives it). The last is on the year's last day.
LINES = [
    (5, "SO M HOLLIS SUBS", "30.00", "", "Subscriptions"),
    (12, "J BAKER SUBSCRIPTION", "30.00", "", "Subscriptions"),
    (20, "ASHBY DRAMA CLUB HALL HIRE", "120.00", "", "Hire income"),
    (33, "NFU MUTUAL INSURANCE", "", "385.40", "Insurance"),
    (60, "CHEQUE DEPOSIT DONATION", "250.00", "", "Donations"),
    (95, "EDF ENERGY DD 0412", "", "64.17", "Utilities"),
    (150, "TENNIS CLUB HALL HIRE", "85.50", "", "Hire income"),
    (200, "EDF ENERGY DD 0413", "", "71.26", "Utilities"),
    (280, "SO P PATEL SUBS", "30.00", "", "Subscriptions"),
    ((END - START).days, "ACCOUNT FEE", "", "5.00", "Bank charges"),
]
CATEGORY_OF = {description: category for _, description, _, _, category in LINES}
OPENING = "1,000.00"
CLOSING = "£1,019.67"  # £1,000.00 + £545.50 received - £525.83 paid out


def pence(text: str) -> int:
    return Money.parse(text).pence if text else 0


def write_statement(path: Path) -> Path:
    """The CSV the bank's website gives: two lines about the account above the table,
    dd/mm/yyyy dates, Paid in and Paid out columns and a running balance."""
    rows = [
        "Lloyds Bank plc,Ashby Village Hall",
        "Sort code 30-96-34,Account number 12345678",
        "Date,Description,Paid in,Paid out,Balance",
    ]
    balance = pence(OPENING)
    for days, description, paid_in, paid_out, _ in LINES:
        balance += pence(paid_in) - pence(paid_out)
        on = format_date(START + timedelta(days=days))
        rows.append(f"{on},{description},{paid_in},{paid_out},{balance // 100}.{balance % 100:02d}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- what the treasurer does


def open_tab(qtbot, area, key: str):
    """Click one of the Accounts area's tabs and give back its page."""
    index = next(i for i, tab in enumerate(area.tab_list) if tab.key == key)
    bar = area.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(index).center())
    assert area.current_key() == key
    return area.page(key)


def closed(widget: QWidget) -> bool:
    """Closed, or gone altogether (the bank tab's windows delete themselves on closing)."""
    return not isValid(widget) or not widget.isVisible()


def double_click_row(qtbot, page, row: int) -> None:
    rect = page.table.visualRect(page.model.index(row, 3))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)


def choose_statement(qtbot, monkeypatch, bank, statement: Path):
    """Import a statement…, Choose file…, and wait for the preview."""
    click(qtbot, bank.import_button)
    dialog = bank.dialog
    assert dialog.objectName() == "statementDialog"
    qtbot.waitExposed(dialog)
    answer_open(monkeypatch, statement)
    click(qtbot, dialog.choose)
    qtbot.waitUntil(
        lambda: dialog.summary.text() not in ("", "Reading the statement…"), timeout=15000
    )
    return dialog


# ---------------------------------------------------------------- the year


def test_a_treasurers_year_from_bank_statement_to_examiner_pack(
    qtbot, main_window, tmp_path, monkeypatch
):
    window = main_window
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    statement = write_statement(tmp_path / "statement.csv")
    year_end = format_date(END)

    # ---- 1. the Accounts area, empty: add the bank account as it stood when the year began
    area = go_to(qtbot, window, ACCOUNTS_ROW)
    assert window.current_area() == "accounts"
    cash_book = area.cash_book
    assert cash_book.stack.currentWidget() is cash_book.empty
    assert cash_book.empty.first.text() == "Add your bank account"
    click(qtbot, cash_book.empty.first)
    dialog = cash_book.dialog
    assert dialog.objectName() == "accountDialog"
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Current account")
    qtbot.keyClicks(dialog.details, "Lloyds, ending 5678")
    retype(qtbot, dialog.opening_on, format_date(START))
    retype(qtbot, dialog.opening, OPENING)
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: cash_book.balances.balance_texts() == {"Current account": "£1,000.00"})
    assert cash_book.empty.heading.text() == "No entries yet"

    # ---- 2. Bank statements: the year's CSV, previewed, then imported
    bank = open_tab(qtbot, area, "bank")
    assert bank.account.currentText() == "Current account"
    assert bank.no_imports.isVisible()
    dialog = choose_statement(qtbot, monkeypatch, bank, statement)
    assert dialog.mapping() == {
        "date": "Date", "description": "Description", "paid_in": "Paid in",
        "paid_out": "Paid out", "balance": "Balance",
    }  # fmt: skip
    assert dialog.raw.verticalHeaderItem(0).text() == "4"  # the table starts under two lines
    assert [dialog.read.item(3, c).text() for c in range(3)] == [
        format_date(START + timedelta(days=33)),
        "NFU MUTUAL INSURANCE",
        "-£385.40",
    ]
    assert dialog.summary.text() == (
        "10 lines: 10 new, 0 already imported, 0 match entries you typed; the closing balance "
        f"agrees with the bank's {CLOSING} on {year_end}. 10 new entries would be added for "
        "you to categorise."
    )
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=15000)
    assert dialog.report_heading.text() == "Imported statement.csv into Current account"
    assert dialog.report_text.splitlines() == [
        "10 new lines from the bank",
        "0 left out: already imported",
        "0 matched to entries already in the cash book",
        "10 new entries to categorise",
    ]
    assert dialog.report_closing.text() == (
        f"The closing balance agrees with the bank's {CLOSING} on {year_end}."
    )
    click(qtbot, dialog.done_button)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: bank.imports.rowCount() == 1)
    assert [bank.imports.item(0, c).text() for c in (0, 2, 3, 4)] == [
        "statement.csv", "10", format_date(START + timedelta(days=5)), year_end,
    ]  # fmt: skip
    assert bank.to_do.text() == "10 entries in Current account still to categorise."

    # The account now holds what the bank says it held at the year end.
    cash_book = open_tab(qtbot, area, "cash_book")
    assert cash_book.balances.balance_texts() == {"Current account": CLOSING}
    assert cash_book.balances.to_do.text() == "10 entries to categorise"

    # ---- 3. the same file again: every line is already in, nothing is added
    bank = open_tab(qtbot, area, "bank")
    again = choose_statement(qtbot, monkeypatch, bank, statement)
    assert again.summary.text().startswith("10 lines: 0 new, 10 already imported")
    assert again.summary.text().endswith("Every line is already in the books: nothing to import.")
    assert not again.import_button.isEnabled()
    again.reject()  # Cancel
    assert bank.imports.rowCount() == 1
    assert bank.to_do.text() == "10 entries in Current account still to categorise."

    # ---- 4. categorise every line in the cash book, one entry at a time
    assert bank.to_do_button.isVisible()
    click(qtbot, bank.to_do_button)
    assert area.current_key() == "cash_book"
    cash_book = area.cash_book
    assert cash_book.filters.to_categorise.isChecked()
    assert cash_book.model.total == 10
    for left in range(10, 0, -1):
        qtbot.waitUntil(lambda left=left: cash_book.model.total == left)
        double_click_row(qtbot, cash_book, 0)
        entry = cash_book.dialog
        assert entry.objectName() == "entryDialog" and entry.entry is not None
        qtbot.waitExposed(entry)
        form = entry.form
        assert form.category.currentText() == "To categorise later"
        category = CATEGORY_OF[form.payee.text()]
        index = form.category.findText(category)
        assert index > 0, f"{category} is not offered for {form.payee.text()}"
        form.category.setCurrentIndex(index)
        click(qtbot, entry.save)
        qtbot.waitUntil(lambda entry=entry: not entry.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: cash_book.model.total == 0)
    assert cash_book.balances.to_do.isHidden()
    assert cash_book.balances.balance_texts() == {"Current account": CLOSING}

    # ---- 5. reconcile to the statement's last date and closing balance
    bank = open_tab(qtbot, area, "bank")
    assert bank.to_do.text() == "Every entry in Current account is categorised."
    assert bank.status.text() == (
        "Current account has not been reconciled with a bank statement yet."
    )
    click(qtbot, bank.reconcile_button)
    reconciling = bank.dialog
    assert reconciling.objectName() == "reconcileDialog"
    qtbot.waitExposed(reconciling)
    retype(qtbot, reconciling.statement_on, year_end)
    retype(qtbot, reconciling.statement_balance, CLOSING.lstrip("£"))
    click(qtbot, reconciling.start_button)
    qtbot.waitUntil(
        lambda: reconciling.stack.currentIndex() == 1 and reconciling.model.rowCount() == 10,
        timeout=10000,
    )
    figures = {key: label.text() for key, label in reconciling.figure_labels.items()}
    assert figures == {
        "starting": "£1,000.00", "ticked": "£0.00", "statement": CLOSING, "difference": "£19.67",
    }  # fmt: skip
    assert not reconciling.finish_button.isEnabled()
    qtbot.waitUntil(reconciling.tick_imported.isVisible)
    click(qtbot, reconciling.tick_imported)  # every entry came from the bank's file
    assert reconciling.figure_labels["difference"].text() == "£0.00"
    assert reconciling.finish_button.isEnabled()
    click(qtbot, reconciling.finish_button)
    qtbot.waitUntil(lambda: closed(reconciling), timeout=10000)
    qtbot.waitUntil(lambda: bank.history.rowCount() == 1)
    assert bank.status.text() == (
        f"Current account was last reconciled to the statement of {year_end}, at {CLOSING}."
    )

    # The reconciled entries are locked: opening one says so, and why.
    cash_book = open_tab(qtbot, area, "cash_book")
    click(qtbot, cash_book.filters.to_categorise)
    assert not cash_book.filters.to_categorise.isChecked()
    cash_book.filters.set_period(LAST_FINANCIAL_YEAR)
    qtbot.waitUntil(lambda: cash_book.model.total == 10)
    assert all(cash_book.model.row_at(r).locked for r in range(10))
    double_click_row(qtbot, cash_book, 0)
    box = cash_book.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "lockedBox"
    assert box.text() == f"This entry ({year_end}, ACCOUNT FEE, -£5.00) is locked."
    assert "ticked off against a bank statement" in box.informativeText()
    click(qtbot, box.button(QMessageBox.StandardButton.Close))
    qtbot.waitUntil(lambda: not box.isVisible())

    # ---- 6. Reports: the treasurer's report for last year, printed for the committee
    reports = open_tab(qtbot, area, "reports")
    qtbot.waitUntil(lambda: reports.figures is not None, timeout=10000)
    with qtbot.waitSignal(reports.loaded, timeout=10000):
        reports.period.setCurrentIndex(reports.period.findData(REPORT_LAST_YEAR))
    assert (reports.start.date(), reports.end.date()) == (START, END)
    summary = {key: figure.text() for key, (_, figure) in reports.summary_labels.items()}
    assert summary == {"start": "£1,000.00", "in": "£545.50", "out": "£525.83", "end": CLOSING}
    assert not reports.notice.isVisible()  # nothing left to categorise
    report_pdf = answer_save_as(monkeypatch, tmp_path / "treasurer's report.pdf")
    click(qtbot, reports.print)
    assert dismiss_saved(qtbot, reports) == (
        f"Saved the treasurer's report for {format_date(START)} to {year_end}."
    )
    text = " ".join(pdf_text(report_pdf).split())
    for shown in (
        f"Held on {format_date(START)} Received Paid out Held on {year_end} "
        f"£1,000.00 £545.50 £525.83 {CLOSING}",
        "Subscriptions 90.00 Donations 250.00 Hire income 205.50 Total receipts 545.50",
        "Insurance 385.40 Utilities 135.43 Bank charges 5.00 Total payments 525.83",
        "Surplus/(deficit) for the period 19.67",
    ):
        assert shown in text, shown

    # ---- 7. Year end: last year's figures, the cash check, the accounts, and closing
    year_page = open_tab(qtbot, area, "year_end")
    qtbot.waitUntil(lambda: year_page.loaded and year_page.status is not None, timeout=10000)
    assert year_page.chosen_year().starts_on == START  # the latest year to have ended
    qtbot.waitUntil(lambda: year_page.status.year.starts_on == START)
    name = year_page.status.year.name
    assert year_page.year.currentText() == f"{name} — open"
    assert year_page.summary.text_of("receipts", "total") == "£545.50"
    assert year_page.summary.text_of("payments", "total") == "£525.83"
    assert year_page.summary.text_of("cash_at_end", "total") == CLOSING
    assert "✔" in year_page.checks.cash.text()
    assert year_page.status.cash_agrees
    assert not year_page.status.blocking
    assert year_page.state.text() == (
        "Open, and ready to close once the trustees have approved the accounts."
    )

    assert year_page.chosen_layout() == "cc16"
    accounts_pdf = answer_save_as(monkeypatch, tmp_path / "accounts.pdf")
    click(qtbot, year_page.print_button)
    assert dismiss_saved(qtbot, year_page) == (
        "Saved accounts.pdf, ready for the trustees to approve and sign."
    )
    text = " ".join(pdf_text(accounts_pdf).split())
    assert "Charity Commission CC16 layout" in text
    # In whole pounds: £545.50 received is £546, and £1,019.67 at the year end is £1,020.
    assert "Subscriptions 90 - - 90 - Donations 250 - - 250 - Hire income 206 - - 206 -" in text
    assert "Total receipts 546 - - 546 -" in text and "545.50" not in text
    assert "Cash funds this year end 1,020 - - 1,020 -" in text
    assert "Full name Margaret Ellis" not in text  # not approved yet

    click(qtbot, year_page.close_button)
    closing = year_page.dialog
    qtbot.waitUntil(closing.isVisible)
    assert closing.windowTitle() == f"Close the year {name}"
    assert not [line for line in closing.check_lines if line.objectName() == "blockingCheck"]
    qtbot.keyClicks(closing.name, "Margaret Ellis")
    qtbot.keyClicks(closing.role, "Chair")
    retype(qtbot, closing.approved_on, format_date(APPROVED_ON))
    assert not closing.ok.isEnabled()  # not before the confirmation is ticked
    click(qtbot, closing.confirm)
    assert closing.confirm.isChecked() and closing.ok.isEnabled()
    click(qtbot, closing.ok)
    qtbot.waitUntil(lambda: not closing.isVisible(), timeout=10000)
    qtbot.waitUntil(
        lambda: year_page.status is not None and year_page.status.year.closed, timeout=10000
    )
    assert year_page.year.currentText() == (
        f"{name} — closed: approved by Margaret Ellis (Chair) on {format_date(APPROVED_ON)}"
    )
    assert year_page.state.text().startswith("Closed: its entries are locked")
    assert not year_page.close_button.isEnabled()

    # ---- 8. the examiner pack for the year, with the accounts, cash book and reconciliation
    qtbot.waitUntil(year_page.pack_button.isEnabled)
    pack = answer_save_as(monkeypatch, tmp_path / "for the examiner.zip")
    click(qtbot, year_page.pack_button)
    said = dismiss_saved(qtbot, year_page)
    assert said.startswith("Saved the examiner pack for the examiner.zip, with ")
    folder = pack_folder_name("Ashby Village Hall", START)
    label = year_label(START)
    inside = {
        "accounts": f"{folder}/1 Accounts/Receipts and payments accounts {label}.pdf",
        "cash book": f"{folder}/2 Cash book/Cash book {label}.pdf",
        "reconciliation": f"{folder}/3 Bank reconciliations/Current account reconciliations "
        f"{label}.pdf",
    }
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        assert [what for what, name in inside.items() if name not in names] == []
        archive.extractall(unpacked)

    def read(what: str) -> str:
        return " ".join(pdf_text(unpacked / inside[what]).split())

    # The accounts now carry the trustees' approval, given when the year was closed.
    assert "Full name Margaret Ellis" in read("accounts")
    assert f"Date {format_date(APPROVED_ON)}" in read("accounts")
    assert f"At {year_end} £ Entries Current account 1,000.00 545.50 525.83 1,019.67 10" in (
        read("cash book")
    )
    assert f"Balance per the bank statement at {year_end} 1,019.67" in read("reconciliation")
    assert "Entries agreed to this statement (10) 19.67" in read("reconciliation")
    assert opened == []  # no file or folder was opened along the way
