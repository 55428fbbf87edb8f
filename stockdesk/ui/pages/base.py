"""What every page of the main window is: a widget that knows its key (its title and who may
see it are in ``PAGES``), and how to be opened at a given item.

A page refreshes lazily: it marks itself stale when the change bus says something it shows has
changed, and reloads when it is next shown (:meth:`activate`), so a hidden page costs nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from stockdesk.ui.context import AppContext
from stockdesk.ui.pages import SPECS


class Page(QWidget):
    key: ClassVar[str] = ""  # its entry in ``stockdesk.ui.pages.PAGES``
    # ask the main window to show another page at an item: (page key, target)
    navigate = Signal(str, dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.key}")
        self.stale = True

    @classmethod
    def title(cls) -> str:
        """The page's name in the navigation (translated when called)."""
        return SPECS[cls.key].title()

    def mark_stale(self, *_: Any) -> None:
        self.stale = True
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """Shown: reload if something it shows changed since."""
        if self.stale:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows (through ``ctx.tasks``; never blocking)."""

    def open_target(self, target: dict[str, Any]) -> None:
        """Show one item (a product, a requisition, ...) another page pointed at."""
