"""Printing for the accounts: the treasurer's report to a committee meeting, and the year-end
receipts and payments accounts with the statement of assets and liabilities, as a PDF for the
trustees to sign or as a spreadsheet for the independent examiner. The UI and the command line
both call these.

The figures come from `treasurers_report` and `year_end`; here they are rounded to whole pounds
(the forms ask for that) and laid out on the chosen form's lines, once, so the PDF and the
spreadsheet can never disagree.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import FinancialYear
from grassroots.accounts.treasurers_report import (
    ReportLine,
    ReportSection,
    TreasurersReport,
    treasurers_report,
)
from grassroots.accounts.trends import MonthTotals, monthly_totals
from grassroots.accounts.year_end import (
    NOT_YET_CATEGORISED,
    AssetItem,
    Columns,
    ReceiptsAndPayments,
    Section,
    StatementOfAssets,
    cash_difference,
    receipts_and_payments,
    statement_of_assets,
    year_end_of,
)
from grassroots.accounts.year_end_checks import split_approver
from grassroots.accounts.year_end_layouts import NOT_IN_LAYOUT, OSCR, regroup
from grassroots.accounts.year_end_rounding import rounding_notes, to_pounds
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.printing.annual_accounts import (
    AnnualAccounts,
    FigureRow,
    FigureSection,
    ItemList,
    build_annual_accounts,
)
from grassroots.printing.charts import MonthBar
from grassroots.printing.letterhead import Letterhead
from grassroots.printing.treasurers_report import (
    BalanceRow,
    CommitteeReport,
    ReportRow,
    build_treasurers_report,
)

Sessions = sessionmaker[Session]
LAYOUTS = ("cc16", "oscr")
FUND_COLUMNS = ("unrestricted", "restricted", "endowment")
SECTION_A_COLUMNS = (
    "Unrestricted funds",
    "Restricted funds",
    "Endowment funds",
    "Total funds",
    "Last year",
)
CASH_COLUMNS = ("Unrestricted funds", "Restricted funds", "Endowment funds", "Total funds")

# ---------------------------------------------------------------- the treasurer's report


def _report_row(line: ReportLine, part_year: bool, budgeted: bool) -> ReportRow:
    values = (line.actual, line.year_to_date) if part_year else (line.actual,)
    budget = (line.budget, line.difference) if budgeted else ()
    return ReportRow(line.category, (*values, *budget), line.to_categorise)


def _report_total(section: ReportSection, part_year: bool, budgeted: bool, label: str) -> ReportRow:
    differences = [line.difference for line in section.lines if line.difference is not None]
    has_budget = any(line.budget is not None for line in section.lines)
    values = (section.total, section.year_to_date_total) if part_year else (section.total,)
    budget = (
        section.budget_total if has_budget else None,
        Money(sum(d.pence for d in differences)) if differences else None,
    )
    return ReportRow(label, (*values, *(budget if budgeted else ())), kind="total")


def committee_report(
    report: TreasurersReport,
    head: Letterhead,
    printed_on: date,
    months: Sequence[MonthTotals] = (),
) -> CommitteeReport:
    """The report's figures laid out for print (pence kept: a committee ties them to the bank)."""
    part = report.part_year
    # With no budget set for the year, the budget columns would only print empty.
    budgeted = any(
        line.budget is not None for line in (*report.receipts.lines, *report.payments.lines)
    )
    loose_in = next((ln.actual for ln in report.receipts.lines if ln.to_categorise), Money(0))
    loose_out = next((ln.actual for ln in report.payments.lines if ln.to_categorise), Money(0))
    return CommitteeReport(
        letterhead=head,
        start=report.start,
        end=report.end,
        year_starts_on=report.year_starts_on,
        year_ends_on=report.year_ends_on,
        part_year=part,
        budgeted=budgeted,
        printed_on=printed_on,
        receipts=tuple(_report_row(ln, part, budgeted) for ln in report.receipts.lines),
        receipts_total=_report_total(report.receipts, part, budgeted, "Total receipts"),
        payments=tuple(_report_row(ln, part, budgeted) for ln in report.payments.lines),
        payments_total=_report_total(report.payments, part, budgeted, "Total payments"),
        surplus=report.surplus,
        accounts=tuple(BalanceRow(a.name, a.at_start, a.at_end) for a in report.accounts),
        funds=tuple(BalanceRow(f.name, f.at_start, f.at_end) for f in report.funds),
        to_categorise_in=loose_in,
        to_categorise_out=loose_out,
        months=tuple(MonthBar(m.month, m.receipts.pence, m.payments.pence) for m in months),
    )


def print_treasurers_report(sessions: Sessions, out: Path, start: date, end: date) -> Path:
    """The treasurer's report for `start` to `end` (both included) as a PDF at `out`."""
    report = treasurers_report(sessions, start, end)
    head = letterhead_of(get_settings(sessions))
    months = monthly_totals(sessions, *chart_period(report))
    return build_treasurers_report(committee_report(report, head, date.today(), months), out)


def chart_period(report: TreasurersReport) -> tuple[date, date]:
    """The months a report's chart covers: its financial year up to the period's end, so a
    committee sees the year so far; a period longer than that year, whole."""
    if report.end > report.year_ends_on:
        return report.start, report.end
    return report.year_starts_on, report.end


# ---------------------------------------------------------------- section A


def _figures(columns: Columns, last_year: Money | None) -> tuple[int | None, ...]:
    this_year = tuple(to_pounds(getattr(columns, c)) for c in (*FUND_COLUMNS, "total"))
    return (*this_year, None if last_year is None else to_pounds(last_year))


def _rows_of(section: Section) -> tuple[FigureRow, ...]:
    return tuple(
        FigureRow(
            row.label, _figures(row.this_year, row.last_year), flagged=row.category_id is None
        )
        for row in section.rows
    )


def _sub_total(section: Section) -> FigureRow:
    return FigureRow(
        "Sub total", _figures(section.sub_total, section.last_year_sub_total), "subtotal"
    )


def _cash_sections(accounts: ReceiptsAndPayments, codes: bool) -> tuple[FigureSection, ...]:
    transfers = FigureRow("Transfers between funds", _figures(accounts.transfers, None))
    cash = (
        FigureRow(
            "Cash funds last year end",
            _figures(accounts.cash_at_start, accounts.last_year_cash_at_start),
        ),
        FigureRow(
            "Cash funds this year end",
            _figures(accounts.cash_at_end, accounts.last_year_cash_at_end),
            "total",
        ),
    )
    return (
        FigureSection("A5" if codes else "", "Transfers between funds", (transfers,)),
        FigureSection("A6" if codes else "", "Cash funds", cash),
    )


def _cc16_section_a(accounts: ReceiptsAndPayments) -> tuple[FigureSection, ...]:
    receipts_total = FigureRow(
        "Total receipts",
        _figures(accounts.total_receipts, accounts.last_year_total_receipts),
        "total",
    )
    payments_total = FigureRow(
        "Total payments",
        _figures(accounts.total_payments, accounts.last_year_total_payments),
        "total",
    )
    net = FigureRow(
        "Net of receipts/(payments)", _figures(accounts.net, accounts.last_year_net), "net"
    )
    return (
        FigureSection(
            "A1", "Receipts", (*_rows_of(accounts.receipts), _sub_total(accounts.receipts))
        ),
        FigureSection(
            "A2",
            "Asset and investment sales",
            (*_rows_of(accounts.asset_sales), _sub_total(accounts.asset_sales), receipts_total),
        ),
        FigureSection(
            "A3", "Payments", (*_rows_of(accounts.payments), _sub_total(accounts.payments))
        ),
        FigureSection(
            "A4",
            "Asset and investment purchases",
            (
                *_rows_of(accounts.asset_purchases),
                _sub_total(accounts.asset_purchases),
                payments_total,
                net,
            ),
        ),
        *_cash_sections(accounts, codes=True),
    )


def _oscr_section_a(accounts: ReceiptsAndPayments) -> tuple[FigureSection, ...]:
    laid = regroup(accounts, OSCR)

    def rows(lines) -> tuple[FigureRow, ...]:
        return tuple(
            FigureRow(
                line.label,
                _figures(line.this_year, line.last_year),
                flagged=line.label in (NOT_YET_CATEGORISED, NOT_IN_LAYOUT),
            )
            for line in lines
        )

    receipts_total = FigureRow(
        "Total receipts",
        _figures(laid.total_receipts, Money(sum(ln.last_year.pence for ln in laid.receipts))),
        "total",
    )
    payments_total = FigureRow(
        "Total payments",
        _figures(laid.total_payments, Money(sum(ln.last_year.pence for ln in laid.payments))),
        "total",
    )
    surplus = FigureRow(
        "Surplus/(deficit) for the year",
        _figures(laid.total_receipts - laid.total_payments, accounts.last_year_net),
        "net",
    )
    return (
        FigureSection("", "Receipts", (*rows(laid.receipts), receipts_total)),
        FigureSection("", "Payments", (*rows(laid.payments), payments_total, surplus)),
        *_cash_sections(accounts, codes=False),
    )


# ---------------------------------------------------------------- section B


def _cash_by_fund(assets: StatementOfAssets, code: str) -> FigureSection:
    rows = []
    for fund in assets.cash_by_fund:
        if not fund.at_end and not (fund.at_start or fund.receipts or fund.payments):
            continue
        columns = Columns.of(fund.column, fund.at_end)
        rows.append(FigureRow(fund.name, _figures(columns, None)[:4]))
    total = Columns.sum(Columns.of(f.column, f.at_end) for f in assets.cash_by_fund)
    rows.append(FigureRow("Total cash funds", _figures(total, None)[:4], "total"))
    return FigureSection(
        code,
        "Cash funds",
        tuple(rows),
        note="By the fund the money belongs to",
    )


def _cash_check(
    accounts: ReceiptsAndPayments, assets: StatementOfAssets, codes: bool
) -> tuple[bool, str, str]:
    """Does the cash by fund (B1) agree with the cash at the year end (A6), by fund column and
    with the banks' balances? Returns (agrees, what to say, a title for the warning)."""
    b1_name, a6_name = ("B1", "A6") if codes else ("Balances", "Account")
    by_fund = Columns.sum(Columns.of(f.column, f.at_end) for f in assets.cash_by_fund)
    a6 = accounts.cash_at_end
    banks = cash_difference(accounts, assets)
    a6_text = f"£{to_pounds(a6.total):,}"
    title = (
        "B1 cash funds do not agree with A6 cash funds this year end"
        if codes
        else "The statement of balances does not agree with the cash at the year end"
    )
    if by_fund == a6 and banks == Money(0):
        where = (
            "A6 cash funds this year end"
            if codes
            else "the cash funds at the year end in the account above"
        )
        return (
            True,
            f"{'B1 cash' if codes else 'Cash'} funds of {a6_text} agree with {where} of "
            f"{a6_text}, and with the balances of the accounts they are held in.",
            title,
        )
    problems = []
    for column in (*FUND_COLUMNS, "total"):
        b1, a = getattr(by_fund, column), getattr(a6, column)
        if b1 != a:
            problems.append(
                f"{column} funds: {b1_name} £{to_pounds(b1):,}, {a6_name} £{to_pounds(a):,} "
                f"(difference {(b1 - a).format()})"
            )
    if banks != Money(0):
        problems.append(
            f"the accounts hold £{to_pounds(assets.cash_total):,} but the cash at the year end "
            f"is £{to_pounds(a6.total):,} (difference {banks.format()})"
        )
    return (
        False,
        "They differ: " + "; ".join(problems) + ". Find the difference before signing.",
        title,
    )


def _money(value: Money | None) -> int | None:
    return None if value is None else to_pounds(value)


def _item_lists(assets: StatementOfAssets, codes: bool) -> tuple[ItemList, ...]:
    def code(n: int) -> str:
        return f"B{n}" if codes else ""

    def plain(items: tuple[AssetItem, ...]) -> tuple[tuple, ...]:
        return tuple((i.details, i.fund, _money(i.amount)) for i in items)

    def valued(items: tuple[AssetItem, ...]) -> tuple[tuple, ...]:
        return tuple((i.details, i.fund, _money(i.cost), _money(i.amount)) for i in items)

    return (
        ItemList(
            code(2),
            "Other monetary assets",
            ("Details", "Fund", "Amount £"),
            plain(assets.monetary),
            1,
        ),
        ItemList(
            code(3),
            "Investment assets",
            ("Details", "Fund", "Cost £", "Current value £"),
            valued(assets.investments),
            2,
        ),
        ItemList(
            code(4),
            "Assets retained for the charity's own use",
            ("Details", "Fund", "Cost £", "Current value £"),
            valued(assets.own_use),
            2,
        ),
        ItemList(
            code(5),
            "Liabilities",
            ("Details", "Fund", "When due", "Amount due £"),
            tuple((i.details, i.fund, i.due, _money(i.amount)) for i in assets.liabilities),
            1,
        ),
    )


# ---------------------------------------------------------------- the whole form


def _warnings(accounts: ReceiptsAndPayments, section_a: tuple[FigureSection, ...]) -> list[str]:
    found = []
    if accounts.uncategorised_lines:
        n = accounts.uncategorised_lines
        found.append(
            f"{n} {'line' if n == 1 else 'lines'} in this year's books "
            f"{'is' if n == 1 else 'are'} not yet categorised and shown as "
            f"“{NOT_YET_CATEGORISED}”. Give each a category in the cash book, then print again."
        )
    if any(row.label == NOT_IN_LAYOUT for s in section_a for row in s.rows):
        found.append(
            f"Some categories have no line on this form and are shown as “{NOT_IN_LAYOUT}”. "
            "Give each category a year-end heading."
        )
    if accounts.unexplained != Columns():
        found.append(
            "Cash funds this year end differ from last year end plus the net of receipts and "
            f"payments and the transfers, by {accounts.unexplained.total.format()}."
        )
    return found


def _approval(sessions: Sessions, year_starts_on: date) -> tuple[str, date | None]:
    with sessions() as session:
        year = session.scalar(
            select(FinancialYear).where(FinancialYear.starts_on == year_starts_on)
        )
        return (year.approved_by, year.approved_on) if year else ("", None)


def annual_accounts(
    sessions: Sessions, year_starts_on: date, layout: str = "cc16", printed_on: date | None = None
) -> AnnualAccounts:
    """The year's accounts rounded to pounds on `layout`'s lines, ready to print or export."""
    if layout not in LAYOUTS:
        raise ValidationError({"layout": f"Choose a layout from {', '.join(LAYOUTS)}"})
    accounts = receipts_and_payments(sessions, year_starts_on)
    assets = statement_of_assets(sessions, year_starts_on)
    head = letterhead_of(get_settings(sessions))
    cc16 = layout == "cc16"
    section_a = _cc16_section_a(accounts) if cc16 else _oscr_section_a(accounts)
    agrees, check, check_title = _cash_check(accounts, assets, codes=cc16)
    approved_by, approved_on = _approval(sessions, year_starts_on)
    approved_by, approved_role = split_approver(approved_by)
    notes = rounding_notes(accounts) if cc16 else ()
    return AnnualAccounts(
        letterhead=head,
        title="Receipts and payments accounts" if cc16 else "Receipts and payments account",
        form=("Charity Commission CC16 layout" if cc16 else "OSCR layout (Scotland)"),
        year_starts_on=year_starts_on,
        year_ends_on=year_end_of(year_starts_on),
        printed_on=printed_on or date.today(),
        columns=SECTION_A_COLUMNS,
        section_a_title=(
            "Section A  Receipts and payments" if cc16 else "Statement of receipts and payments"
        ),
        section_a=section_a,
        section_b_title=(
            "Section B  Statement of assets and liabilities at the end of the period"
            if cc16
            else f"Statement of balances at {year_end_of(year_starts_on):%d/%m/%Y}"
        ),
        cash_columns=CASH_COLUMNS,
        cash=_cash_by_fund(assets, "B1" if cc16 else ""),
        accounts_held=tuple((a.name, to_pounds(a.amount)) for a in assets.cash_by_account),
        items=_item_lists(assets, codes=cc16),
        cash_agrees=agrees,
        cash_check=check,
        cash_check_title=check_title,
        warnings=(
            *_warnings(accounts, section_a),
            *(() if agrees else (f"{check_title}: see the check under the cash funds below.",)),
        ),
        notes=tuple(notes),
        approved_by=approved_by,
        approved_role=approved_role,
        approved_on=approved_on,
    )


def print_annual_accounts(
    sessions: Sessions, out: Path, year_starts_on: date, layout: str = "cc16"
) -> Path:
    """The receipts and payments accounts and statement of assets as a PDF at `out`."""
    return build_annual_accounts(annual_accounts(sessions, year_starts_on, layout), out)


# ---------------------------------------------------------------- the spreadsheet


def _export_rows(form: AnnualAccounts) -> list[list[str | int | None]]:
    """Every figure of the printed form, one line each, in the order it prints."""
    width = 2 + len(form.columns)
    rows: list[list[str | int | None]] = [["Section", "Line", *form.columns]]
    for section in form.section_a:
        name = f"{section.code} {section.title}".strip()
        rows += [[name, row.label, *row.values] for row in section.rows]
    rows.append([""] * width)
    rows.append(["Section", "Line", *form.cash_columns])
    name = f"{form.cash.code} {form.cash.title}".strip()
    rows += [[name, row.label, *row.values] for row in form.cash.rows]
    rows += [
        ["Held in", account, None, None, None, amount] for account, amount in form.accounts_held
    ]
    held = sum(amount for _, amount in form.accounts_held)
    rows.append(["Held in", "Total cash and bank balances", None, None, None, held])
    for item in form.items:
        rows.append([""] * width)
        rows.append([f"{item.code} {item.title}".strip(), *item.columns])
        rows += [["", *values] for values in item.rows]
    return rows


def export_annual_accounts(
    sessions: Sessions, path: Path, year_starts_on: date, layout: str = "cc16"
) -> Path:
    """The same figures as the printed accounts, as a .csv or .xlsx file for the examiner."""
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError({"path": f"{path.name}: save the accounts as a .csv or .xlsx file"})
    return export_figures(annual_accounts(sessions, year_starts_on, layout), path)


def export_figures(form: AnnualAccounts, path: Path) -> Path:
    """Accounts already laid out by `annual_accounts` as a .csv or .xlsx file: for a caller
    that prints and exports the same year (the examiner pack), so the books are read once."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError({"path": f"{path.name}: save the accounts as a .csv or .xlsx file"})
    rows = _export_rows(form)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        return _write_csv(rows, path)
    _write_xlsx(form, rows, path)
    return path


def _write_csv(rows: list[list], path: Path) -> Path:
    """The rows as CSV with a byte order mark, so Excel reads the £ signs; an empty cell for
    None, and pounds and pence to two places (£12.50 stays 12.50, not 12.5)."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(
            ["" if v is None else f"{v:.2f}" if isinstance(v, Decimal) else v for v in row]
            for row in rows
        )
    return path


def _write_xlsx(form: AnnualAccounts, rows: list[list], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Accounts"
    sheet.append([form.letterhead.name])
    sheet.append([f"{form.title}, year ended {form.year_ends_on:%d/%m/%Y}"])
    sheet.append([form.form])
    sheet.append([])
    sheet["A1"].font = Font(bold=True, size=13)
    for row in rows:
        sheet.append(row)
        if row and (row[0] == "Section" or str(row[0]).startswith(("B2", "B3", "B4", "B5"))):
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    for line in sheet.iter_rows(min_row=5):
        for cell in line:
            if isinstance(cell.value, int):
                cell.number_format = '#,##0;(#,##0);"-"'
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 40
    for letter in "CDEFG":
        sheet.column_dimensions[letter].width = 16
    book.save(path)


# ---------------------------------------------------------------- the treasurer's report as a sheet


def _sheet_money(value: Money | None) -> Decimal | None:
    """Pounds and pence as an exact number, so a spreadsheet adds them without rounding."""
    return None if value is None else value.decimal()


def _report_sheet_rows(form: CommitteeReport) -> list[list[str | Decimal | None]]:
    """The printed treasurer's report, one figure line each, in the order it prints."""
    rows: list[list[str | Decimal | None]] = [["Section", "Line", *form.columns]]
    for section, lines, total in (
        ("Receipts", form.receipts, form.receipts_total),
        ("Payments", form.payments, form.payments_total),
    ):
        for line in (*lines, total):
            rows.append([section, line.label, *map(_sheet_money, line.values)])
    rows.append(["", "Surplus/(deficit) for the period", _sheet_money(form.surplus)])
    for title, held, total in (
        ("Balances by account", form.accounts, "Total held"),
        ("Balances by fund", form.funds, "Total funds"),
    ):
        rows.append([])
        rows.append([title, "", f"At {form.start:%d/%m/%Y}", f"At {form.end:%d/%m/%Y}", "Change"])
        start = Money(sum(r.at_start.pence for r in held))
        end = Money(sum(r.at_end.pence for r in held))
        for r in held:
            rows.append(
                [title, r.name, *map(_sheet_money, (r.at_start, r.at_end, r.at_end - r.at_start))]
            )
        rows.append([title, total, *map(_sheet_money, (start, end, end - start))])
    return rows


def export_treasurers_report(sessions: Sessions, path: Path, start: date, end: date) -> Path:
    """The treasurer's report's figures (as printed, to the penny) as a .csv or .xlsx file, for
    a treasurer who keeps a spreadsheet or sends the committee a table."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError({"path": f"{path.name}: save the report as a .csv or .xlsx file"})
    report = treasurers_report(sessions, start, end)
    form = committee_report(report, letterhead_of(get_settings(sessions)), date.today())
    rows = _report_sheet_rows(form)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        return _write_csv(rows, path)
    _write_report_xlsx(form, rows, path)
    return path


def _write_report_xlsx(form: CommitteeReport, rows: list[list], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Treasurer's report"
    sheet.append([form.letterhead.name])
    sheet.append([f"Treasurer's report, {form.start:%d/%m/%Y} to {form.end:%d/%m/%Y}"])
    sheet.append([f"Printed {form.printed_on:%d/%m/%Y}"])
    sheet.append([])
    sheet["A1"].font = Font(bold=True, size=13)
    totals = ("Total receipts", "Total payments", "Total held", "Total funds")
    for row in rows:
        sheet.append(row)
        if row and (row[0] == "Section" or row[1] == "" or row[1] in totals):
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        if len(row) > 1 and str(row[1]).startswith("Surplus"):
            sheet.cell(sheet.max_row, 2).font = Font(bold=True)
    for line in sheet.iter_rows(min_row=5):
        for cell in line:
            if isinstance(cell.value, (int, float, Decimal)):
                cell.number_format = '#,##0.00;(#,##0.00);"-"'
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40
    for letter in "CDEFG":
        sheet.column_dimensions[letter].width = 16
    book.save(path)
