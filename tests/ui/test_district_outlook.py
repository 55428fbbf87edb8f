"""The District page's Outlook tab: what needs action across the district, most urgent first,
computed on demand with progress and Cancel; Enter opens the product's stock card at the
facility."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from stockdesk.services.forecasting import ForecastService
from stockdesk.ui import words
from stockdesk.ui.district_outlook import OutlookTab
from stockdesk.ui.pages.district import DistrictPage
from stockdesk.ui.pages.stock import StockPage


def outlook_tab(win: Any, qtbot: Any) -> tuple[DistrictPage, OutlookTab]:
    page = win.pages["district"]
    assert isinstance(page, DistrictPage)
    with qtbot.waitSignal(page.reporting_loaded, timeout=20_000):
        win.go("district", {})
    tab = page.findChild(OutlookTab)
    assert tab is not None
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Outlook"
    return page, tab


def compute(tab: OutlookTab, qtbot: Any) -> Any:
    button = tab.findChild(QPushButton, "outlookCompute")
    with qtbot.waitSignal(tab.computed, timeout=30_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_outlook_lists_what_needs_action_most_urgent_first(window, qtbot,
                                                           qtmodeltester) -> None:
    win = window("logistician")
    page, tab = outlook_tab(win, qtbot)
    district = page.district.currentData()
    assert district
    assert tab.model.rowCount() == 0  # nothing computed before Compute
    result = compute(tab, qtbot)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)

    expected = win.ctx.service(ForecastService).district(district, win.ctx.today())
    assert result.series == len(expected)
    assert len(tab.model.rows) == len(expected)  # every entry, the filter hides the rest
    index = {(f, p): i for i, (f, p) in enumerate(zip(expected.facilities, expected.products,
                                                      strict=True))}
    for row in tab.model.rows[:20]:
        i = index[(row.facility, row.product)]
        assert row.status == str(expected.status.status[i])
        assert row.usable == int(expected.usable[i])
        assert abs(row.stockout_probability - float(expected.stockout_probability[i])) < 1e-9

    # shown: only what needs action, most urgent first
    shown = [tab.model.row(tab.proxy.mapToSource(tab.proxy.index(r, 0)))
             for r in range(tab.proxy.rowCount())]
    assert shown, "the demo district has products needing action"
    assert all(r.status in ("stocked_out", "below_eop", "below_min")
               or r.stockout_probability >= 0.5 for r in shown)
    ranks = [(words.STATUS_ORDER.index(r.status), -r.stockout_probability) for r in shown]
    assert ranks == sorted(ranks)
    status_col = tab.model.column_index("status")
    first = tab.proxy.index(0, status_col)
    assert first.data() == words.status(shown[0].status)
    assert "need action" in tab.summary.text()

    # every product, then a status filter and a search
    qtbot.mouseClick(tab.every, Qt.MouseButton.LeftButton)
    assert tab.proxy.rowCount() == len(expected)
    tab.status.setFocus()
    tab.status.setCurrentIndex(tab.status.findData("adequate"))
    assert tab.proxy.rowCount() == sum(1 for s in expected.status.status if s == "adequate")
    tab.status.setCurrentIndex(0)
    code = shown[0].product
    qtbot.keyClicks(tab.search, code)
    assert 0 < tab.proxy.rowCount() <= len({*expected.facilities})
    assert all(tab.model.row(tab.proxy.mapToSource(tab.proxy.index(r, 0))).product == code
               for r in range(tab.proxy.rowCount()))


def test_enter_opens_the_stock_card_at_the_facility(window, qtbot) -> None:
    win = window("logistician")
    _page, tab = outlook_tab(win, qtbot)
    compute(tab, qtbot)
    # a row of another facility than the one in view
    r = next(r for r in range(tab.proxy.rowCount())
             if tab.model.row(tab.proxy.mapToSource(tab.proxy.index(r, 0))).facility
             != win.ctx.facility)
    row = tab.model.row(tab.proxy.mapToSource(tab.proxy.index(r, 0)))
    tab.table.setCurrentIndex(tab.proxy.index(r, 0))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert win.facility_picker.currentData() == row.facility
    assert win.ctx.facility == row.facility
    stock = win.pages["stock"]
    assert isinstance(stock, StockPage)
    assert win.current_page() is stock
    qtbot.waitUntil(lambda: stock.stack.currentIndex() == stock.CARD
                    and stock.card.code == row.product, timeout=20_000)
    assert stock.card.facility == row.facility


def test_cancel_stops_the_forecast(window, qtbot, monkeypatch) -> None:
    """The demo district is forecast too fast to cancel: the service waits here until the
    person has pressed Cancel."""
    win = window("logistician")
    _page, tab = outlook_tab(win, qtbot)
    release = threading.Event()
    original = ForecastService.district

    def slow(self: ForecastService, *args: Any, **kwargs: Any) -> Any:
        release.wait(30)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ForecastService, "district", slow)
    qtbot.mouseClick(tab.findChild(QPushButton, "outlookCompute"), Qt.MouseButton.LeftButton)
    assert not tab.compute_button.isEnabled()

    def dialog() -> QProgressDialog | None:
        found = win.findChild(QProgressDialog, "taskProgress")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=20_000)
    found = dialog()
    assert found is not None
    assert "Forecasting the district" in found.labelText()
    cancel = next(b for b in found.findChildren(QPushButton) if b.text() == "Cancel")
    with qtbot.waitSignal(tab.cancelled, timeout=30_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        release.set()
    assert tab.summary.text() == "The forecast was cancelled."
    assert tab.model.rowCount() == 0
    assert tab.compute_button.isEnabled()
