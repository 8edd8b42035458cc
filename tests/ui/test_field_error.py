"""A field's error message gets the room it needs: a dialog grows rather than squash its fields."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from grassroots.ui.widgets.field_error import add_field


def test_a_long_error_grows_the_dialog_instead_of_squashing_the_field(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    name = QLineEdit()
    error = add_field(form, "&Name", name)
    add_field(form, "&Town", QLineEdit())
    dialog.resize(300, dialog.sizeHint().height())
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()

    error.show_error(
        "There is already an account called Current account; give this one another name"
    )
    qtbot.waitUntil(lambda: error.isVisible())
    assert dialog.height() > before
    assert error.height() >= error.heightForWidth(error.width())  # every line shows
    assert name.height() >= name.sizeHint().height()  # the field keeps its height
