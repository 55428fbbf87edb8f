"""The main window: navigation on the left, one page at a time, the facility in view on top.

The window holds no business logic: it builds the pages the signed-in user may see, passes
navigation requests between them, keeps the facility picker, and restores what it looked like
last time.  Changing the language rebuilds the pages in place, so every text follows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from stockdesk import __version__
from stockdesk.services.directory import DirectoryService, FacilityInfo
from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import ErrorReporter
from stockdesk.ui.pages import PAGES, PageSpec
from stockdesk.ui.pages.base import Page


class LazyPages(Mapping[str, Page]):
    """The pages the signed-in user may see, by key in navigation order; a page is built the
    first time it is asked for (``window.pages["stock"]``), the others cost nothing."""

    def __init__(self, build: Callable[[PageSpec], Page]) -> None:
        self._build = build
        self._specs: dict[str, PageSpec] = {}
        self._pages: dict[str, Page] = {}

    def offer(self, spec: PageSpec) -> None:
        self._specs[spec.key] = spec

    def specs(self) -> list[PageSpec]:
        return list(self._specs.values())

    def built(self) -> list[Page]:
        return list(self._pages.values())

    def __getitem__(self, key: str) -> Page:
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = self._build(self._specs[key])
        return page

    def __contains__(self, key: object) -> bool:  # without building the page
        return key in self._specs

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)


class MainWindow(QMainWindow):
    # the facilities were loaded into the picker (tests wait on this)
    facilities_loaded = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.errors = ErrorReporter(self)
        ctx.tasks.unhandled.connect(self.errors.report)
        self.pages = LazyPages(self._build_page)
        self.facilities: list[FacilityInfo] = []
        self.resize(1280, 720)
        self._build()
        ctx.bus.master_data_changed.connect(self.load_facilities)
        self.load_facilities()
        # the facility is known before its list arrives (staff's own, or the one last looked
        # at), so the first page starts loading while the window is being shown
        if not ctx.facility:
            ctx.set_facility(ctx.actor.facility or ctx.settings.get(keys.LAST_FACILITY))
        self._restore()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("StockDesk"))
        self.menuBar().clear()
        for bar in self.findChildren(QToolBar):
            self.removeToolBar(bar)
            bar.deleteLater()

        toolbar = QToolBar(self.tr("Facility"), self)
        toolbar.setObjectName("facilityBar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        label = QLabel(self.tr("&Facility:"))
        self.facility_picker = QComboBox()
        self.facility_picker.setObjectName("facilityPicker")
        self.facility_picker.setMinimumContentsLength(32)
        self.facility_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        label.setBuddy(self.facility_picker)
        toolbar.addWidget(label)
        toolbar.addWidget(self.facility_picker)
        self.facility_picker.currentIndexChanged.connect(self._facility_picked)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        toolbar.addWidget(spacer)
        self.user_label = QLabel(self.tr("{user} ({role})").format(
            user=self.ctx.actor.username, role=words.role(self.ctx.actor.role)))
        toolbar.addWidget(self.user_label)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(220)
        self.stack = QStackedWidget()
        old = self.pages
        self.pages = LazyPages(self._build_page)
        for spec in (s for s in PAGES if s.visible_to(self.ctx.actor)):
            number = PAGES.index(spec)  # Ctrl+N is the same page whoever signs in
            self.pages.offer(spec)
            self.stack.addWidget(QWidget())  # the page takes this place when first shown
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"Ctrl+{number + 1}" if number < 9 else "")
            self.navigation.addItem(item)
        for page in old.built():
            page.deleteLater()
        self.navigation.currentRowChanged.connect(self._show_row)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.navigation.sizeHintForColumn(0) + 24, 10_000])
        old_central = self.centralWidget()
        self.setCentralWidget(splitter)
        if old_central is not None:
            old_central.deleteLater()
        self._menus()
        db_where = self.ctx.db.where
        self.statusBar().showMessage(self.tr("Database: {where}").format(where=db_where))

    def _build_page(self, spec: PageSpec) -> Page:
        """Import and build a page on its first showing, in its place in the stack."""
        page = spec.load()(self.ctx, self.stack)
        page.navigate.connect(self.go)
        index = list(self.pages).index(spec.key)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    def _menus(self) -> None:
        menu = self.menuBar()
        file = menu.addMenu(self.tr("&File"))
        sign_out = file.addAction(self.tr("Sign &out"))
        sign_out.triggered.connect(self._sign_out)
        quit_ = file.addAction(self.tr("&Quit"))
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)

        view = menu.addMenu(self.tr("&Go"))
        for spec in self.pages.specs():
            key = spec.key
            action = view.addAction(spec.title())
            number = PAGES.index(spec)
            if number < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.go(k, {}))
        refresh = view.addAction(self.tr("&Refresh"))
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_current)

        language = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.ctx.settings.get(keys.LANGUAGE) or i18n.DEFAULT
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))
            group.addAction(action)
            language.addAction(action)

        help_ = menu.addMenu(self.tr("&Help"))
        about = help_.addAction(self.tr("&About StockDesk"))
        about.triggered.connect(self._about)

    # -- navigation ----------------------------------------------------------------------------

    def go(self, key: str, target: dict[str, Any] | None = None) -> None:
        """Show page ``key``; ``target`` names an item on it (a product, a requisition)."""
        if key not in self.pages:
            return
        row = list(self.pages).index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        else:
            self.pages[key].activate()
        if target:
            self.pages[key].open_target(target)

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = list(self.pages)[row]
        self.stack.setCurrentWidget(self.pages[key])  # built here the first time
        self.ctx.settings.set(keys.LAST_PAGE, key)
        self.pages[key].activate()

    def refresh_current(self) -> None:
        page = self.current_page()
        page.stale = True
        page.activate()

    # -- facility --------------------------------------------------------------------------

    def load_facilities(self) -> None:
        self.ctx.tasks.run(lambda c: self.ctx.service(DirectoryService).facilities(),
                           self._facilities_loaded)

    def _facilities_loaded(self, facilities: list[FacilityInfo]) -> None:
        self.facilities = facilities
        wanted = self.ctx.actor.facility or self.ctx.facility \
            or self.ctx.settings.get(keys.LAST_FACILITY)
        picker = self.facility_picker
        picker.blockSignals(True)
        picker.clear()
        for f in facilities:
            picker.addItem(f.label, f.code)
        index = max(0, picker.findData(wanted))
        picker.setCurrentIndex(index if facilities else -1)
        picker.blockSignals(False)
        # staff assigned to one facility see only theirs in the picker's first place
        if facilities:
            self.ctx.set_facility(picker.itemData(index))
        else:  # the one remembered is not there either
            self.ctx.set_facility("")
        self.facilities_loaded.emit()

    def _facility_picked(self, index: int) -> None:
        if index >= 0:
            self.ctx.set_facility(self.facility_picker.itemData(index))

    def select_facility(self, code: str) -> None:
        index = self.facility_picker.findData(code)
        if index >= 0:
            self.facility_picker.setCurrentIndex(index)

    # -- language, state, closing ----------------------------------------------------------

    def switch_language(self, code: str) -> None:
        code = i18n.install(code)
        self.ctx.settings.set(keys.LANGUAGE, code)
        current = self.ctx.settings.get(keys.LAST_PAGE)
        self._build()
        self.ctx.bus.language_changed.emit(code)
        self._facilities_loaded(self.facilities)
        self.go(current if current in self.pages else next(iter(self.pages)), {})

    def _restore(self) -> None:
        s = self.ctx.settings
        geometry = s.get(keys.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.get(keys.STATE)
        if not state.isEmpty():
            self.restoreState(state)
        last = s.get(keys.LAST_PAGE)
        self.go(last if last in self.pages else next(iter(self.pages)), {})

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.set(keys.GEOMETRY, self.saveGeometry())
        self.ctx.settings.set(keys.STATE, self.saveState())
        self.ctx.settings.sync()
        self.ctx.tasks.wait_idle(10_000)
        super().closeEvent(event)

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        self.close()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About StockDesk"), self.tr(
            "StockDesk {version}\nStock management of essential medicines for health "
            "facilities and district offices.").format(version=__version__))
