"""The Administration page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from stockdesk.ui.context import AppContext
from stockdesk.ui.pages.base import Page


class AdminPage(Page):
    key = "admin"
    permission = "masterdata.edit"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title()))

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("AdminPage", "Administration")
