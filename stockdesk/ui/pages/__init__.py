"""The main window's pages, in navigation order (Ctrl+1 opens the first).

Each page is described here by what the navigation needs (key, title, who may see it) and
where its class lives.  A page's module is imported, and the page built, only when it is
first shown: at start the window needs its first page alone, and the other pages' imports
(workbooks, reports, district forecasts, administration) would be most of the wait.  The
first page's data module is imported ahead, on a thread of its own (:func:`preload_data`).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from stockdesk.services.auth import Actor
    from stockdesk.ui.pages.base import Page

# any of these opens the Administration page (each tab asks for its own)
ADMIN_OPERATIONS = ("masterdata.edit", "users.manage", "backup.create")


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str  # imported when the page is first shown
    class_name: str
    title: Callable[[], str]  # the name in the navigation, translated when called
    operations: tuple[str, ...] = ()  # any one of them shows the page; none: everyone
    # the module its figures come from, when that is slow to import (numpy, the forecasts):
    # imported ahead by :func:`preload_data` while the person signs in
    data_module: str | None = None

    def visible_to(self, actor: Actor) -> bool:
        return not self.operations or any(actor.may(op) for op in self.operations)

    def load(self) -> type[Page]:
        page: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        return page


PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", "stockdesk.ui.pages.dashboard", "DashboardPage",
             lambda: QCoreApplication.translate("DashboardPage", "Dashboard"),
             data_module="stockdesk.services.dashboard"),
    PageSpec("stock", "stockdesk.ui.pages.stock", "StockPage",
             lambda: QCoreApplication.translate("StockPage", "Stock"), ("stock.read",),
             data_module="stockdesk.services.product_view"),
    PageSpec("entry", "stockdesk.ui.pages.entry", "EntryPage",
             lambda: QCoreApplication.translate("EntryPage", "Entry"), ("stock.post",)),
    PageSpec("requisitions", "stockdesk.ui.pages.requisitions", "RequisitionsPage",
             lambda: QCoreApplication.translate("RequisitionsPage", "Requisitions"),
             ("stock.read",)),
    PageSpec("district", "stockdesk.ui.pages.district", "DistrictPage",
             lambda: QCoreApplication.translate("DistrictPage", "District"),
             ("requisition.import",)),
    PageSpec("reports", "stockdesk.ui.pages.reports", "ReportsPage",
             lambda: QCoreApplication.translate("ReportsPage", "Reports"), ("stock.read",)),
    PageSpec("admin", "stockdesk.ui.pages.admin", "AdminPage",
             lambda: QCoreApplication.translate("AdminPage", "Administration"),
             ADMIN_OPERATIONS),
)
SPECS = {spec.key: spec for spec in PAGES}


def preload_data(key: str | None) -> threading.Thread | None:
    """Import the data module of page ``key`` (the first page when ``key`` is not a page) on
    a thread of its own, and return the thread (None when the page has nothing to preload).

    Started once the database is open: the person then signs in, or the main thread waits
    on the password hash, on SQLite and on Qt's painting, all of which leave Python free, so
    the first page's figures do not begin with a tenth of a second of imports.  A failed
    import is logged here; the page's own import meets the problem again.
    """
    spec = SPECS.get(key or "", PAGES[0])
    data_module = spec.data_module
    if data_module is None:
        return None

    def load() -> None:
        try:  # no Qt in it: the page's widgets stay imported on the main thread
            importlib.import_module(data_module)
        except Exception:  # logged; the page's own import meets the problem again
            logging.getLogger(__name__).exception("preloading %s failed", data_module)

    thread = threading.Thread(target=load, name=f"preload {spec.key}", daemon=True)
    thread.start()
    return thread


__all__ = ["ADMIN_OPERATIONS", "PAGES", "SPECS", "PageSpec", "preload_data"]
