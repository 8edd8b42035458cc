"""The books through the command line: add accounts, import a statement twice, show balances."""

from __future__ import annotations

from pathlib import Path

STATEMENT = """Account name:,Ashby Village Hall
Sort code:,30-96-34

Date,Description,Paid in,Paid out,Balance
02/03/2026,HALL HIRE PATEL,"55,000.00",,"56,000.00"
05/03/2026,ASHBY PRINTERS,,45.00,"55,955.00"
09/03/2026,COFFEE MORNING,702.16,,"56,657.16"
"""


def _statement(tmp_path: Path, text: str = STATEMENT) -> Path:
    path = tmp_path / "march.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _add_current(cli, db: Path) -> None:
    added = cli(
        "accounts", "add", "Current account", "--type", "bank", "--opening", "1,000",
        "--on", "01/03/2026", "--db", db,
    )  # fmt: skip
    assert added.code == 0
    assert added.out.strip() == (
        "Added the bank account Current account, starting at £1,000.00 on 01/03/2026."
    )


def test_add_import_and_balance_round_trip(cli, group_db, tmp_path):
    _add_current(cli, group_db)
    cash = cli("--db", group_db, "accounts", "add", "Petty cash", "--type", "cash", "--opening",
               "25.50", "--on", "01/03/2026")  # fmt: skip
    assert cash.code == 0
    statement = _statement(tmp_path)

    checked = cli("accounts", "import", statement, "--account", "current account", "--dry-run",
                  "--db", group_db)  # fmt: skip
    assert checked.code == 0
    assert checked.out.splitlines() == [
        f"Checked {statement} into Current account: 3 new lines, 0 duplicates (already "
        "imported), 0 matched to entries already in the book, 3 new entries.",
        "The statement's closing balance on 09/03/2026, £56,657.16, agrees with the book's "
        "£56,657.16.",
        "Nothing was saved (dry run).",
    ]

    imported = cli(
        "--db", group_db, "accounts", "import", statement, "--account", "Current account"
    )
    assert imported.code == 0
    assert imported.out.splitlines()[0].startswith(f"Imported {statement} into Current account")
    assert "3 new lines, 0 duplicates" in imported.out

    again = cli("accounts", "import", statement, "--account", "Current account", "--db", group_db)
    assert again.code == 0
    assert "0 new lines, 3 duplicates (already imported)" in again.out
    assert "agrees with the book's £56,657.16" in again.out

    balance = cli("accounts", "balance", "--as-of", "31/03/2026", "--db", group_db)
    assert balance.code == 0
    assert balance.out.splitlines() == [
        "Balances at the end of 31/03/2026",
        "",
        "Account             Balance",
        "---------------  ----------",
        "Current account  £56,657.16",
        "Petty cash           £25.50",
        "Total            £56,682.66",
        "",
        "Fund             Balance",
        "------------  ----------",
        "General fund  £56,682.66",
        "Total         £56,682.66",
    ]
    # Before the books start no account counts, and the total says so.
    before = cli("accounts", "balance", "--as-of", "28/02/2026", "--db", group_db)
    assert before.out.splitlines()[2:5] == [
        "Account  Balance",
        "-------  -------",
        "Total      £0.00",
    ]


def test_a_bad_statement_is_refused_with_its_row_and_nothing_saved(cli, group_db, tmp_path):
    _add_current(cli, group_db)
    bad = _statement(tmp_path, STATEMENT.replace("05/03/2026", "32/03/2026"))

    result = cli("accounts", "import", bad, "--account", "Current account", "--db", group_db)

    assert result.code == 1
    assert result.err_lines == [
        "march.csv row 6, Date: '32/03/2026' is not a real date",
        f"Nothing was imported from {bad}.",
    ]
    balance = cli("accounts", "balance", "--as-of", "31/03/2026", "--db", group_db)
    assert "Current account  £1,000.00" in balance.out


def test_wrong_commands_and_names_get_exit_codes(cli, group_db, tmp_path):
    statement = _statement(tmp_path)
    unknown = cli("accounts", "import", statement, "--account", "Savings", "--db", group_db)
    assert unknown.code == 1
    assert unknown.err_lines == ["There is no account called 'Savings' (the accounts are: )"]

    assert cli("accounts", "add", "Tin", "--type", "piggy", "--db", group_db).code == 2
    assert cli("accounts", "import", statement, "--db", group_db).code == 2  # no --account
    bad_amount = cli("accounts", "add", "Tin", "--opening", "lots", "--db", group_db)
    assert bad_amount.code == 1 and bad_amount.err_lines == [
        "Opening: 'lots' is not an amount of money"
    ]
    twice = cli("accounts", "add", "Tin", "--db", group_db)
    assert twice.code == 0
    again = cli("accounts", "add", "tin", "--db", group_db)
    assert again.code == 1 and again.err_lines == ["Name: There is already an account called tin"]
    bad_date = cli("accounts", "balance", "--as-of", "31/02/2026", "--db", group_db)
    assert bad_date.code == 1 and bad_date.err_lines == ["As of: '31/02/2026' is not a real date"]


def test_the_years_accounts_as_pdf_and_csv(cli, group_db, tmp_path):
    from pypdf import PdfReader

    _add_current(cli, group_db)
    assert cli("accounts", "import", _statement(tmp_path), "--account", "Current account",
               "--db", group_db).code == 0  # fmt: skip
    pdf, figures = tmp_path / "accounts.pdf", tmp_path / "accounts.csv"
    done = cli("accounts", "report", "--year", "2025", "--out", pdf, "--csv", figures,
               "--db", group_db)  # fmt: skip
    assert done.code == 0, done.err
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Receipts and payments" in text and "56,657" in text
    assert "56657" in figures.read_text().replace(",", "")
    assert cli("accounts", "report", "--year", "2025", "--db", group_db).code == 2
