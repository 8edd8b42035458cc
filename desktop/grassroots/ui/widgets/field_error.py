"""A field's error shown in red under it, and a helper that lays out label, field and error so
every control has a buddy label and an accessible name."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_COLOUR = "#b42318"


class FieldError(QLabel):
    """Red text under a field; hidden while there is nothing wrong."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setAccessibleName("Error")
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))
        buddy = self.property("field")
        if isinstance(buddy, QWidget):
            buddy.setAccessibleDescription(message)
        if message:
            make_room(self.window())


def make_room(window: QWidget) -> None:
    """Grow a shown dialog to the height its contents now need (a message that wraps onto a
    second line would otherwise squash the fields above it), never shrinking it."""
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(width, needed)


def plain(label: str) -> str:
    """'&Postcode' -> 'Postcode': the accessible name without the mnemonic marker."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


def add_field(
    form: QFormLayout, label: str, field: QWidget, with_error: bool = True
) -> FieldError | None:
    """Add `label` (with an &-mnemonic) and `field` to `form`; the label is the field's buddy
    and accessible name. Returns the FieldError shown under the field, if asked for."""
    caption = QLabel(label)
    caption.setBuddy(field)
    field.setAccessibleName(plain(label))
    if not with_error:
        form.addRow(caption, field)
        return None
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    error = FieldError(holder)
    error.setProperty("field", field)
    column.addWidget(error)
    form.addRow(caption, holder)
    return error
