"""The look of Grassroots: one calm palette and one style sheet for every window.

Sizes are in em (relative to the font) or points derived from the user's own font size, never
fixed pixels, so the app reads the same at 100% and 200% scaling and respects a larger system
font. Widgets opt into a look with an object name or a `role` property, not with inline styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from grassroots.settings import resources_dir


@dataclass(frozen=True)
class Colours:
    window: str = "#f4f6f5"
    surface: str = "#ffffff"
    surface_alt: str = "#f8faf9"
    text: str = "#1e2a25"
    muted: str = "#5a6a62"
    border: str = "#d6dfda"
    accent: str = "#2c7a57"
    accent_dark: str = "#22603f"
    accent_soft: str = "#dcebe3"
    sidebar: str = "#e8eeea"
    error: str = "#b3261e"
    warning_soft: str = "#fdf3e1"
    warning: str = "#8a5a00"


COLOURS = Colours()


def palette(c: Colours = COLOURS) -> QPalette:
    """A light palette in the Grassroots colours (used with the Fusion style everywhere)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.surface,
        QPalette.ColorRole.AlternateBase: c.surface_alt,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.accent_dark,
        QPalette.ColorRole.LinkVisited: c.accent_dark,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(disabled, role, QColor("#9aa6a0"))
    return p


def stylesheet(base_pt: float, c: Colours = COLOURS) -> str:
    """The style sheet, with font sizes scaled from the user's base point size."""

    def pt(factor: float) -> str:
        return f"{base_pt * factor:.1f}pt"

    icons = (resources_dir() / "icons").as_posix()

    return f"""
QWidget {{ color: {c.text}; }}
QMainWindow, QDialog, QWizard {{ background: {c.window}; }}
QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
    padding: 0.3em; }}

QListWidget#sidebar {{ background: {c.sidebar}; border: none;
    border-right: 1px solid {c.border}; padding: 0.6em 0.4em; outline: 0; }}
QListWidget#sidebar::item {{ padding: 0.55em 0.7em; margin: 0.1em 0; border-radius: 0.35em;
    color: {c.text}; }}
QListWidget#sidebar::item:hover {{ background: {c.accent_soft}; }}
QListWidget#sidebar::item:selected {{ background: {c.surface}; color: {c.accent_dark};
    border: 1px solid {c.border}; font-weight: 600; }}
QListWidget#sidebar::item:selected:focus {{ border: 1px solid {c.accent}; }}

QLabel[role="title"] {{ font-size: {pt(1.7)}; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {pt(1.2)}; font-weight: 600; }}
QLabel[role="big-number"] {{ font-size: {pt(2.2)}; font-weight: 600; color: {c.accent_dark}; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="error"] {{ color: {c.error}; }}
QLabel[role="lead"] {{ font-size: {pt(1.1)}; color: {c.muted}; }}

QFrame#card {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 0.5em; }}
QFrame#card QLabel {{ background: transparent; }}
QFrame#emptyState {{ background: {c.surface}; border: 1px dashed {c.border};
    border-radius: 0.6em; }}
QFrame#notice {{ background: {c.warning_soft}; border: 1px solid #efd9ae;
    border-radius: 0.4em; }}
QFrame#notice QLabel {{ color: {c.text}; }}
QWidget#page, QScrollArea#pageScroll, QWidget#pageBody {{ background: {c.window}; }}
QScrollArea#pageScroll {{ border: none; }}

QPushButton {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 0.35em;
    padding: 0.35em 1em; min-height: 1.4em; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:focus {{ border: 1px solid {c.accent}; }}
QPushButton:pressed {{ background: {c.accent_soft}; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: #ffffff;
    border-color: {c.accent_dark}; }}
QPushButton[role="primary"]:hover {{ background: {c.accent_dark}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid {c.text}; }}
QPushButton:disabled {{ color: #9aa6a0; background: {c.surface_alt}; border-color: {c.border}; }}
QPushButton[role="link"] {{ background: transparent; border: none; padding: 0.1em 0;
    color: {c.accent_dark}; text-decoration: underline; text-align: left; min-height: 0; }}
QPushButton[role="link"]:hover {{ color: {c.accent}; }}
QPushButton[role="link"]:focus {{ border: none; background: {c.accent_soft}; }}

QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox {{ background: {c.surface};
    border: 1px solid {c.border}; border-radius: 0.3em; padding: 0.25em 0.4em;
    selection-background-color: {c.accent}; selection-color: #ffffff; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QComboBox:focus {{
    border: 1px solid {c.accent}; }}
QSpinBox QLineEdit, QComboBox QLineEdit {{ border: none; padding: 0; background: transparent; }}
QSpinBox {{ padding-right: 1.6em; }}
QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: margin; width: 1.4em;
    border-left: 1px solid {c.border}; background: {c.surface_alt}; }}
QSpinBox::up-button {{ subcontrol-position: top right; margin: 1px 1px 0 0;
    border-top-right-radius: 0.3em; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; margin: 0 1px 1px 0;
    border-bottom-right-radius: 0.3em; }}
QSpinBox::up-button:hover, QSpinBox::down-button:hover {{ background: {c.accent_soft}; }}
QSpinBox::up-arrow {{ image: url({icons}/chevron-up.svg); width: 0.7em; height: 0.7em; }}
QSpinBox::down-arrow, QComboBox::down-arrow {{ image: url({icons}/chevron-down.svg);
    width: 0.7em; height: 0.7em; }}
QComboBox {{ padding-right: 1.8em; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 1.6em; border: none; }}
QComboBox QAbstractItemView {{ background: {c.surface}; border: 1px solid {c.border};
    selection-background-color: {c.accent_soft}; selection-color: {c.text}; outline: 0; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 1px solid {c.error}; }}

QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: 0.4em; background: {c.surface};
    top: -1px; }}
QTabBar::tab {{ background: transparent; padding: 0.45em 1.1em; margin-right: 0.2em;
    border: 1px solid transparent; border-top-left-radius: 0.35em;
    border-top-right-radius: 0.35em; color: {c.muted}; }}
QTabBar::tab:selected {{ background: {c.surface}; border-color: {c.border};
    border-bottom-color: {c.surface}; color: {c.text}; font-weight: 600; }}
QTabBar::tab:hover {{ color: {c.text}; }}
QTabWidget > QWidget > QWidget {{ background: {c.surface}; }}

QStatusBar {{ background: {c.sidebar}; border-top: 1px solid {c.border}; color: {c.muted}; }}
QStatusBar QLabel {{ color: {c.muted}; padding: 0 0.6em; }}
QStatusBar::item {{ border: none; }}
QMenuBar {{ background: {c.window}; border-bottom: 1px solid {c.border}; }}
QMenuBar::item {{ padding: 0.3em 0.8em; background: transparent; }}
QMenuBar::item:selected {{ background: {c.accent_soft}; border-radius: 0.3em; }}
QMenu {{ background: {c.surface}; border: 1px solid {c.border}; padding: 0.3em 0; }}
QMenu::item {{ padding: 0.35em 2em 0.35em 1.8em; }}
QMenu::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QMenu::separator {{ height: 1px; background: {c.border}; margin: 0.3em 0.6em; }}
"""


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give a widget one of the looks in the style sheet (title, heading, muted, link...)."""
    widget.setProperty("role", role)
    return widget


def apply_theme(app: QApplication) -> None:
    """Fusion style (the same on every OS), the Grassroots palette and the style sheet."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(palette())
    font = app.font()
    if font.pointSizeF() <= 0:  # a pixel-sized system font: keep it, size from points anyway
        font = QFont(font)
        font.setPointSizeF(10)
    app.setStyleSheet(stylesheet(font.pointSizeF()))
