"""The examiner pack: what the ZIP holds, that its fund statements agree with the year end's
fund movements, that it says what is missing, and that a failure or Cancel leaves no file."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from grassroots.accounts import examiner_pack as ep
from grassroots.accounts.fund_statements import fund_statements
from grassroots.accounts.year_end import fund_movements
from grassroots.core.errors import Cancelled, ValidationError
from tests.accounts.examiner_books import YEAR, HallBooks

FOLDER = "Ashby Village Hall accounts 2025-26"


@pytest.fixture
def hall(sessions, tmp_path) -> HallBooks:
    return HallBooks(sessions, tmp_path / "schedules")


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"{FOLDER}/{name}")


def test_the_pack_holds_every_document_under_one_folder(sessions, hall, tmp_path):
    out = tmp_path / "pack.zip"
    report = ep.make_examiner_pack(sessions, out, YEAR, schedule_folders=(tmp_path / "schedules",))
    assert report.path == out
    inside = names(out)
    assert sorted(inside) == sorted(report.files)
    assert all(n.startswith(f"{FOLDER}/") for n in inside)
    expected = {
        "README.txt",
        "1 Accounts/Receipts and payments accounts 2025-26.pdf",
        "1 Accounts/Receipts and payments accounts 2025-26.csv",
        "1 Accounts/Receipts and payments accounts 2025-26.xlsx",
        "2 Cash book/Cash book 2025-26.pdf",
        "2 Cash book/Cash book 2025-26.xlsx",
        "3 Bank reconciliations/Current account reconciliations 2025-26.pdf",
        "4 Funds and grants/Grant - Roof appeal.pdf",
        "4 Funds and grants/Fund - Building reserve.pdf",
        "5 Gift Aid/Gift Aid claims 2025-26.pdf",
        f"5 Gift Aid/Gift Aid claim {hall.claim.claims[0].id} to 2025-06-30.ods",
    }
    assert {n.removeprefix(f"{FOLDER}/") for n in inside} == expected
    assert read(out, "1 Accounts/Receipts and payments accounts 2025-26.pdf").startswith(b"%PDF")


def test_the_schedule_kept_with_the_claim_goes_in_even_when_its_file_has_gone(
    sessions, hall, tmp_path
):
    saved = hall.claim.files[0]
    sent = saved.read_bytes()
    saved.unlink()  # moved, lost, or on another computer
    out = tmp_path / "pack.zip"
    report = ep.make_examiner_pack(sessions, out, YEAR)
    claim = hall.claim.claims[0].id
    assert read(out, f"5 Gift Aid/Gift Aid claim {claim} to 2025-06-30.ods") == sent
    assert not any("was not found" in line for line in report.warnings)


def test_the_readme_lists_the_contents_and_what_is_missing(sessions, hall, tmp_path):
    from sqlalchemy import update

    from grassroots.accounts.models import GiftAidClaim

    with sessions.begin() as session:  # a claim made before Grassroots kept its schedule
        session.execute(update(GiftAidClaim).values(schedule_ods=None))
    out = tmp_path / "pack.zip"
    report = ep.make_examiner_pack(sessions, out, YEAR)  # the schedules' folder not given
    readme = read(out, "README.txt").decode("utf-8")
    assert "Ashby Village Hall: accounts for the year 01/04/2025 to 31/03/2026" in readme
    assert "2 Cash book/Cash book 2025-26.pdf" in readme
    assert "No reconciliation finished for Savings account in this year." in readme
    claim = hall.claim.claims[0].id
    assert f"The HMRC schedule of Gift Aid claim {claim} (made 01/07/2025) was not found." in readme
    assert f"Looked for “Gift Aid claim {claim} to 2025-06-30.ods” in:\r\n    {tmp_path}" in readme
    assert not any(n.endswith(".ods") for n in names(out))
    assert "No reconciliation finished for Savings account in this year." in report.warnings


def test_the_cash_book_spreadsheet_has_every_line_with_running_balances(sessions, hall, tmp_path):
    out = tmp_path / "pack.zip"
    ep.make_examiner_pack(sessions, out, YEAR)
    sheet_file = tmp_path / "cash.xlsx"
    sheet_file.write_bytes(read(out, "2 Cash book/Cash book 2025-26.xlsx"))
    rows = list(load_workbook(sheet_file)["Cash book"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Date", "Account", "Payer or payee")
    paying_in = [r for r in rows if r[2] == "Paying-in"]
    assert [(r[4], float(r[6])) for r in paying_in] == [
        ("Subscriptions", 40.0),
        ("Donations", 10.5),
    ]
    assert {float(r[7]) for r in paying_in} == {50.5}
    # Current account: £1,000 opening, less last year's £300 insurance (the appeal's £200 in).
    assert float(paying_in[0][8]) == 1_000 + 200 - 300 + 50.5
    transfer = [r for r in rows if r[1] == "Savings account" and r[4].startswith("Transfer")]
    assert transfer[0][4] == "Transfer from Current account"


def test_fund_statements_agree_with_the_year_end_fund_movements(sessions, hall):
    moves = {m.name: m for m in fund_movements(sessions, YEAR)}
    statements = {s.name: s for s in fund_statements(sessions, YEAR)}
    assert set(statements) == {"Roof appeal", "Building reserve"}
    for name, statement in statements.items():
        move = moves[name]
        figures = (statement.at_start, statement.receipts, statement.payments)
        assert figures == (move.at_start, move.receipts, move.payments)
        assert (statement.transfers, statement.at_end) == (move.transfers, move.at_end)
        assert statement.lines_agree
    roof = statements["Roof appeal"]
    assert (roof.at_start.pence, roof.at_end.pence) == (20_000, 20_000 + 250_000 - 180_000)
    assert roof.is_grant and roof.grants[0].funder == "County Council"
    reserve = statements["Building reserve"]
    assert (reserve.transfers.pence, reserve.payments.pence) == (20_000, 5_000)
    assert not reserve.is_grant


def test_a_failure_part_way_leaves_no_file_and_keeps_an_older_pack(
    sessions, hall, tmp_path, monkeypatch
):
    out = tmp_path / "pack.zip"
    out.write_bytes(b"last week's pack")

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ep, "build_fund_statement", broken)
    with pytest.raises(OSError):
        ep.make_examiner_pack(sessions, out, YEAR)
    assert out.read_bytes() == b"last week's pack"
    assert leftovers(tmp_path) == []


def test_a_failure_while_zipping_removes_the_half_written_zip(
    sessions, hall, tmp_path, monkeypatch
):
    def refused(*_args):
        raise PermissionError("the file is open in another program")

    monkeypatch.setattr(ep.os, "replace", refused)
    with pytest.raises(PermissionError):
        ep.make_examiner_pack(sessions, tmp_path / "pack.zip", YEAR)
    assert not (tmp_path / "pack.zip").exists()
    assert leftovers(tmp_path) == []


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_cancel_stops_before_anything_is_written(sessions, hall, tmp_path):
    asked = []

    def stop_on_third_question() -> bool:
        asked.append(1)
        return len(asked) >= 3

    out = tmp_path / "pack.zip"
    with pytest.raises(Cancelled):
        ep.make_examiner_pack(sessions, out, YEAR, should_stop=stop_on_third_question)
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_bad_requests_are_refused_with_a_reason(sessions, hall, tmp_path):
    with pytest.raises(ValidationError, match=r"as a \.zip file"):
        ep.make_examiner_pack(sessions, tmp_path / "pack.pdf", YEAR)
    with pytest.raises(ValidationError, match="layout"):
        ep.make_examiner_pack(sessions, tmp_path / "pack.zip", YEAR, layout="ifrs")
    with pytest.raises(ValidationError, match="does not exist"):
        ep.make_examiner_pack(sessions, tmp_path / "nowhere" / "pack.zip", YEAR)


def test_year_labels_and_safe_names():
    assert ep.year_label(date(2025, 4, 1)) == "2025-26"
    assert ep.year_label(date(2025, 1, 1)) == "2025"
    assert ep.safe_name("Grant: A/B — kitchen?") == "Grant A B — kitchen"


def test_a_first_reconciliation_starts_from_the_opening_balance_not_a_previous_one(
    sessions, hall
):
    from grassroots.accounts import reconcile
    from grassroots.accounts.reconciliation_statements import year_reconciliations
    from grassroots.core.money import Money

    later = date(2026, 3, 31)
    balance = reconcile.get_reconciliation(sessions, hall.reconciliation.id).statement_balance
    second = reconcile.start_reconciliation(sessions, hall.current.id, later, balance)
    reconcile.finish_reconciliation(sessions, second.id)
    found = year_reconciliations(sessions, YEAR)
    statements = [s for s in found.statements if s.account == "Current account"]
    assert [s.first for s in statements] == [True, False]
    assert statements[1].starting_balance == balance != Money(0)


def test_a_year_without_gift_aid_claims_has_no_empty_claims_listing(sessions, tmp_path):
    from grassroots.accounts import books
    from grassroots.core.money import Money

    books.add_account(sessions, "Current account", "bank", Money(10_000), YEAR)
    out = tmp_path / "pack.zip"
    report = ep.make_examiner_pack(sessions, out, YEAR)
    assert not any("5 Gift Aid" in name for name in names(out))
    assert "No Gift Aid claims were made in this year." in report.warnings
