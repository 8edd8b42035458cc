"""Reading a spreadsheet the user chose (CSV or XLSX) into plain rows, without changing the file.

Volunteers' lists come from Excel, LibreOffice, Google Sheets and old Access exports, so a CSV
may be UTF-8 with or without a byte-order mark, Windows-1252 (a '£' or 'é' saved by Excel), or
UTF-16 ("Unicode text"), separated by commas, semicolons (European Excel) or tabs. Every row
keeps the number the user sees in their spreadsheet, so a problem can be found and fixed there.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from grassroots.core.errors import GrassrootsError
from grassroots.members.columns import field_for_header

Cell = str | date
_DELIMITERS = (",", ";", "\t")
_WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
_HEADER_SEARCH = 10  # how many rows from the top may hold the header


class UnreadableFile(GrassrootsError):
    """The chosen file cannot be read as a spreadsheet; the message names the file and why."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(f"Cannot read {path.name}: {reason}")


@dataclass(frozen=True)
class Sheet:
    """A header row and the data rows beneath it, each with its spreadsheet row number."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    name: str = ""
    header_row: int = 1


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """Read a CSV or XLSX file (the first sheet, or `sheet` by name); UnreadableFile if not."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(path, "there is no such file")
    with path.open("rb") as handle:
        start = handle.read(8)
    if not start:
        raise UnreadableFile(path, "the file is empty")
    workbook = start.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))
    if workbook or path.suffix.lower() in _WORKBOOK_SUFFIXES:
        rows, name = _workbook_rows(path, sheet), sheet or ""
    else:
        rows, name = _csv_rows(path), ""
    return _with_header(path, rows, name)


def _with_header(path: Path, rows: list[tuple[int, list[Cell]]], name: str) -> Sheet:
    """Find the header row; later rows are padded or cut to its width.

    Lists often open with a title ("Ashby Village Hall members 2025") above the real headers,
    so the header is the first of the top rows that names two known columns, or failing that
    the first row with anything in it.
    """
    filled = [i for i, (_, values) in enumerate(rows) if any(_text(v) for v in values)]
    if not filled:
        raise UnreadableFile(path, "there is nothing in it (no header row)")
    at = next((i for i in filled[:_HEADER_SEARCH] if _known(rows[i][1]) >= 2), filled[0])
    header_row, values = rows[at]
    headers = [_text(v) for v in values]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    _refuse_cells_without_heading(path, rows[at + 1 :], width)
    data = tuple(
        (n, tuple(values[:width]) + ("",) * (width - len(values))) for n, values in rows[at + 1 :]
    )
    return Sheet(tuple(headers), data, name, header_row)


def _refuse_cells_without_heading(
    path: Path, rows: list[tuple[int, list[Cell]]], width: int
) -> None:
    """Something beyond the last heading would be dropped, so say where instead of importing.

    In a CSV file this is usually a comma inside a name or note that needed quotes."""
    wide = [
        (n, width + 1 + i)
        for n, values in rows
        for i, v in enumerate(values[width:])
        if _text(v) or not isinstance(v, str)
    ][:3]
    if wide:
        places = "; ".join(f"row {n}, column {c}" for n, c in wide)
        raise UnreadableFile(
            path,
            f"there is something in a column with no heading ({places}). Give that column a "
            "heading or remove it; in a CSV file, put quotes round any text with a comma",
        )


def _known(values: list[Cell]) -> int:
    return sum(field_for_header(_text(v)) is not None for v in values if _text(v))


def _text(value: Cell) -> str:
    return value.strip() if isinstance(value, str) else ""


# ---------------------------------------------------------------- CSV


def _csv_rows(path: Path) -> list[tuple[int, list[Cell]]]:
    text = _decode(path, path.read_bytes())
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[Cell]]] = []
    starts_on = 1  # the line a record begins on: a quote left open swallows the lines after it
    try:
        # Each record is one row in the spreadsheet, even when a quoted cell spans lines.
        for number, record in enumerate(reader, start=1):
            rows.append((number, [cell.strip() for cell in record]))
            starts_on = reader.line_num + 1
    except csv.Error as exc:
        raise UnreadableFile(
            path,
            f"it is not a valid CSV file from line {starts_on} ({exc}); a quote mark there "
            "may be missing its partner",
        ) from None
    return rows


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (BOM or not) first, since it fails loudly; otherwise what Windows Excel writes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:4096]:
        raise UnreadableFile(path, "it is not a CSV file or a spreadsheet (.xlsx, .xls, .ods)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five byte values undefined; latin-1 reads those rather than failing.
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


def _sniff_delimiter(text: str) -> str:
    """The separator that splits the header widest and the next rows into the same width."""
    sample = [line for line in text[:20000].splitlines()[:20] if line.strip()]
    best, best_score = ",", (0.0, 1)
    for delimiter in _DELIMITERS:
        if not sample or delimiter not in sample[0]:
            continue
        records = list(csv.reader(sample, delimiter=delimiter))
        width = len(records[0])
        agree = sum(len(r) == width for r in records) / len(records)
        if (agree, width) > best_score:
            best, best_score = delimiter, (agree, width)
    return best


# ---------------------------------------------------------------- XLSX


def _workbook_rows(path: Path, sheet: str | None) -> list[tuple[int, list[Cell]]]:
    """Read a workbook with calamine: several times faster than openpyxl on big sheets, and it
    also reads the older .xls and LibreOffice's .ods."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, XmlError, ZipError

    errors = (CalamineError, PasswordError, XmlError, ZipError, OSError, ValueError)

    try:
        book = CalamineWorkbook.from_path(str(path))
    except errors as exc:
        raise UnreadableFile(
            path, f"it is not a readable Excel or OpenDocument spreadsheet ({exc})"
        ) from None
    if not book.sheet_names:
        raise UnreadableFile(path, "the workbook has no sheets")
    if sheet is not None and sheet not in book.sheet_names:
        names = ", ".join(book.sheet_names)
        raise UnreadableFile(path, f"it has no sheet called '{sheet}' (it has: {names})")
    try:
        values = book.get_sheet_by_name(sheet or book.sheet_names[0]).to_python(
            skip_empty_area=False
        )
    except errors as exc:
        raise UnreadableFile(path, f"the spreadsheet is damaged ({exc})") from None
    finally:
        book.close()
    return [(number, [_cell(v) for v in row]) for number, row in enumerate(values, start=1)]


def _cell(value: object) -> Cell:
    """Dates stay dates; numbers become the text a person would type (12, 12.5, 07700...)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()
