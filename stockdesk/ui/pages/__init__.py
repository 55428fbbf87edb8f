"""The main window's pages, in navigation order (Ctrl+1 opens the first)."""

from __future__ import annotations

from stockdesk.ui.pages.admin import AdminPage
from stockdesk.ui.pages.base import Page
from stockdesk.ui.pages.dashboard import DashboardPage
from stockdesk.ui.pages.district import DistrictPage
from stockdesk.ui.pages.entry import EntryPage
from stockdesk.ui.pages.reports import ReportsPage
from stockdesk.ui.pages.requisitions import RequisitionsPage
from stockdesk.ui.pages.stock import StockPage

PAGES: tuple[type[Page], ...] = (DashboardPage, StockPage, EntryPage, RequisitionsPage,
                                 DistrictPage, ReportsPage, AdminPage)

__all__ = ["PAGES", "Page"]
