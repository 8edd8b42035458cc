"""Making the examiner pack from a window: ask where to save the ZIP, make it in the background
(with a Cancel that leaves nothing behind), then offer to open the folder it is in.

The Year end page calls `make_examiner_pack`; the pack itself is made by the accounts service
of the same name, which the command line calls too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from grassroots.accounts import examiner_pack
from grassroots.group.service import GroupSettings
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.outputs import ask_save_path, dated_name, documents_dir, write_then_offer

ZIP_FILTER = "ZIP archives (*.zip)"
SHOWN_NOTES = 6  # more than this and the message box outgrows the screen; README has them all


def layout_for(settings: GroupSettings) -> str:
    """OSCR for a Scottish charity (its number starts 'SC'), else the Charity Commission's,
    as the Year end page chooses."""
    return "oscr" if settings.charity_number.strip().upper().startswith("SC") else "cc16"


def done_text(report: examiner_pack.PackReport) -> str:
    """What was saved and, briefly, what the examiner will not find in it."""
    text = f"Saved the examiner pack {report.path.name}, with {len(report.files)} files."
    if not report.warnings:
        return text + " Nothing is missing."
    notes = [f"• {w}" for w in report.warnings[:SHOWN_NOTES]]
    if len(report.warnings) > SHOWN_NOTES:
        notes.append(f"• and {len(report.warnings) - SHOWN_NOTES} more, listed in README.txt")
    return text + "\n\nTo know before handing it over:\n" + "\n".join(notes)


def make_examiner_pack(parent: QWidget, ctx: AppContext, year_starts_on: date) -> None:
    """Ask where, then make the pack for the financial year starting `year_starts_on`."""
    settings = ctx.settings()
    folder = examiner_pack.pack_folder_name(settings.name or "Our group", year_starts_on)
    path = ask_save_path(parent, "Save the examiner pack", dated_name(folder, ".zip"), ZIP_FILTER)
    if path is None:
        return
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    layout = layout_for(settings)
    # Where a Gift Aid schedule is likely saved: beside the pack, in Documents, in the data folder.
    look_in = tuple(dict.fromkeys((path.parent, documents_dir(), Path(ctx.paths.data_dir))))

    def job(should_stop) -> examiner_pack.PackReport:
        return examiner_pack.make_examiner_pack(
            ctx.sessions,
            path,
            year_starts_on,
            layout,
            should_stop=should_stop,
            schedule_folders=look_in,
        )

    write_then_offer(
        ctx,
        parent,
        path,
        job,
        "Making the examiner pack…",
        done_text=done_text,
        cancellable=True,
        open_folder=True,
    )
