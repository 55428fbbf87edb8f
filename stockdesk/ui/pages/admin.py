"""The Administration page: products, facilities, stock levels, programs and their calculation
profile, users and roles, backup and restore, language.

Each tab is there only for those who may use it (a pharmacist sees Backup and Language); the
services check the same permissions again.  Ctrl+Tab and Ctrl+Shift+Tab move between tabs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stockdesk.ui import i18n
from stockdesk.ui import settings as keys
from stockdesk.ui.admin_backup import BackupTab
from stockdesk.ui.admin_facilities import FacilitiesTab
from stockdesk.ui.admin_import import ImportTab
from stockdesk.ui.admin_levels import LevelsTab, ProgramsTab
from stockdesk.ui.admin_products import ProductsTab
from stockdesk.ui.admin_users import UsersTab
from stockdesk.ui.admin_widgets import named
from stockdesk.ui.context import AppContext
from stockdesk.ui.pages.base import Page


class LanguageTab(QWidget):
    """The language of the window, and preferences of how figures are shown."""

    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.language = named(QComboBox(), "languageChoice")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        current = ctx.settings.get(keys.LANGUAGE) or i18n.DEFAULT
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        self.horizon = named(QSpinBox(), "expiryHorizon")
        self.horizon.setRange(1, 24)
        self.horizon.setSuffix(self.tr(" months"))
        self.horizon.setValue(ctx.settings.get(keys.EXPIRY_HORIZON_MONTHS))
        label = QLabel(self.tr("&Warn of expiry within:"))
        label.setBuddy(self.horizon)
        form.addRow(label, self.horizon)
        note = QLabel(self.tr("The language changes at once for every screen. Lots expiring "
                              "within the warning horizon are shown at risk in the stock screens "
                              "and the expiry report."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self.language.activated.connect(self._language_picked)
        self.horizon.valueChanged.connect(
            lambda v: ctx.settings.set(keys.EXPIRY_HORIZON_MONTHS, int(v)))

    def _language_picked(self, index: int) -> None:
        code = self.language.itemData(index)
        if code != (self.ctx.settings.get(keys.LANGUAGE) or i18n.DEFAULT):
            self.language_chosen.emit(code)


class AdminPage(Page):
    key = "admin"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "adminTabs")
        layout.addWidget(self.tabs)
        self.products: ProductsTab | None = None
        self.facilities: FacilitiesTab | None = None
        self.levels: LevelsTab | None = None
        self.programs: ProgramsTab | None = None
        self.users: UsersTab | None = None
        self.backup: BackupTab | None = None
        self.imports: ImportTab | None = None
        if ctx.actor.may("masterdata.edit"):
            self.products = self._add(ProductsTab(ctx), "products", self.tr("Products"))
            self.facilities = self._add(FacilitiesTab(ctx), "facilities",
                                        self.tr("Facilities"))
            self.levels = self._add(LevelsTab(ctx), "levels", self.tr("Stock levels"))
            self.programs = self._add(ProgramsTab(ctx), "programs",
                                      self.tr("Programs and calculation"))
        if ctx.actor.may("users.manage"):
            self.users = self._add(UsersTab(ctx), "users", self.tr("Users and roles"))
        if ctx.actor.may("backup.create"):
            self.backup = self._add(BackupTab(ctx), "backup", self.tr("Backup and restore"))
        if ImportTab.kinds_for(ctx):
            self.imports = self._add(ImportTab(ctx), "import", self.tr("Import"))
        self.language = self._add(LanguageTab(ctx), "language", self.tr("Language"))
        self.language.language_chosen.connect(self._switch_language)
        self._loaded_tabs: set[str] = set()
        self.tabs.currentChanged.connect(lambda _: self._load_current())
        ctx.bus.master_data_changed.connect(self._changed_elsewhere)
        ctx.bus.users_changed.connect(self._changed_elsewhere)


    def _add(self, tab: Any, key: str, title: str) -> Any:
        tab.setObjectName(f"adminTab_{key}")
        index = self.tabs.addTab(tab, title)
        self.tabs.tabBar().setTabData(index, key)
        return tab

    def tab_keys(self) -> list[str]:
        return [self.tabs.tabBar().tabData(i) for i in range(self.tabs.count())]

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(self.tab_keys().index(key))

    # -- loading: each tab when first shown, again after changes made elsewhere -----------------

    def refresh(self) -> None:
        self._loaded_tabs.clear()
        self._load_current()

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab is None:
            return
        key = tab.objectName()
        if key in self._loaded_tabs:
            return
        self._loaded_tabs.add(key)
        refresh = getattr(tab, "refresh", None)
        if refresh is not None:
            refresh()

    def _changed_elsewhere(self, *_: Any) -> None:
        # the tab that made a change shows it already; every other tab reloads when next
        # shown (a new facility belongs in the users' "works at" list too)
        current = self.tabs.currentWidget()
        self._loaded_tabs &= {current.objectName()} if current is not None else set()
        if not self.isVisible():
            self.stale = True

    def open_target(self, target: dict[str, Any]) -> None:
        if target.get("tab") in self.tab_keys():
            self.show_tab(target["tab"])

    # -- language --------------------------------------------------------------------------------

    def _switch_language(self, code: str) -> None:
        window = self.window()
        switch = getattr(window, "switch_language", None)
        if switch is None:
            return
        # the window rebuilds its pages (this one too): let this signal finish first
        QTimer.singleShot(0, lambda: self._after_switch(window, switch, code))

    @staticmethod
    def _after_switch(window: Any, switch: Any, code: str) -> None:
        switch(code)
        page = getattr(window, "pages", {}).get("admin")
        if isinstance(page, AdminPage):
            page.show_tab("language")
