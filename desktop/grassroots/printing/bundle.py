"""Several finished PDFs bound into one, in order, for a pack a secretary prints or emails as a
single file (the AGM pack: notice and agenda, last year's minutes, the accounts). Each part
keeps its own page numbering, as the separate papers would when stapled together."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pypdf import PdfWriter


def bind(parts: list[Path], out: Path, title: str, author: str) -> Path:
    """Write `parts` one after another to `out`, replacing it whole or not at all."""
    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.add_metadata({"/Title": title, "/Author": author})
    handle, temporary = tempfile.mkstemp(suffix=".pdf", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            writer.write(stream)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out
