"""The Dashboard: status counts, what will run out, what expires, the R&R due; each opens
where it is acted on."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from stockdesk.services.stock_status import StockStatusService
from stockdesk.ui import settings as keys
from stockdesk.ui.pages.dashboard import DashboardPage
from tests.ui.conftest import TODAY


def dashboard(window, qtbot, user: str = "pharmacist") -> DashboardPage:  # type: ignore[no-untyped-def]
    win = window(user)
    page = win.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    return page


def test_tiles_count_the_products_by_status(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = dashboard(window, qtbot)
    ctx = page.ctx
    rows = StockStatusService(ctx.db, ctx.actor, lambda: TODAY).status(ctx.facility)
    counts = Counter(r.status.value.value for r in rows)
    for status, tile in page.tiles.items():
        assert tile.count.text() == f"{counts.get(status, 0):,}"
        assert tile.word.text()  # the word beside the colour
    assert page.data is not None and page.data.facility == ctx.actor.facility
    assert "Riverside Health Centre" in page.heading.text()


def test_clicking_a_tile_opens_stock_filtered(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = dashboard(window, qtbot)
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.mouseClick(page.tiles["below_min"], Qt.MouseButton.LeftButton)
    assert sent.args == ["stock", {"status": "below_min"}]
    page.tiles["overstocked"].setFocus()
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.keyClick(page.tiles["overstocked"], Qt.Key.Key_Space)
    assert sent.args == ["stock", {"status": "overstocked"}]


def test_the_window_goes_to_the_stock_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window("pharmacist")
    page = win.pages["dashboard"]
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    qtbot.mouseClick(page.tiles["adequate"], Qt.MouseButton.LeftButton)
    assert win.current_page().key == "stock"


def test_soon_out_and_expiring_lists_open_the_product(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = dashboard(window, qtbot, "logistician")  # the district store: several of each
    qtmodeltester.check(page.soon_model)
    qtmodeltester.check(page.expiry_model)
    data = page.data
    assert data is not None
    assert data.run_out and not page.soon_view.isHidden()
    for item in data.run_out:
        assert item.usable > 0 and item.stockout >= TODAY
    first = page.soon_proxy.index(0, 0)
    page.soon_view.setFocus()
    page.soon_view.setCurrentIndex(first)
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.keyClick(page.soon_view, Qt.Key.Key_Return)
    assert sent.args == ["stock", {"product": data.run_out[0].code}]
    assert data.expiring and not page.expiry_view.isHidden()
    horizon_end = TODAY.replace(year=TODAY.year + 1, month=5)
    assert all(e.expiry <= horizon_end for e in data.expiring)
    page.expiry_view.setFocus()
    page.expiry_view.setCurrentIndex(page.expiry_proxy.index(0, 0))
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.keyClick(page.expiry_view, Qt.Key.Key_Return)
    assert sent.args[0] == "stock" and sent.args[1]["product"] in {
        e.code for e in data.expiring}
    assert "6 months" in page.expiry_box.title()


def test_the_requisition_due_opens_requisitions(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = dashboard(window, qtbot)
    assert "Oct 2026" in page.requisition_text.text()
    assert "has not been started" in page.requisition_text.text()
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.mouseClick(page.requisition_button, Qt.MouseButton.LeftButton)
    assert sent.args == ["requisitions", {"period": "2026-10"}]


def test_follows_the_facility_picked_and_the_horizon(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window("logistician")
    page = win.pages["dashboard"]
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    store = page.data.facility
    other = next(f.code for f in win.facilities if f.code != store)
    win.ctx.settings.set(keys.EXPIRY_HORIZON_MONTHS, 12)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        win.select_facility(other)
    assert page.data.facility == other
    assert page.data.horizon_months == 12 and "12 months" in page.expiry_box.title()


def test_product_names_stay_readable_in_a_narrow_window(make_ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The product column takes the width the others leave; in a window too narrow for every
    column (opened so, as on an 800-pixel screen) it keeps a readable width and the list
    scrolls sideways instead; widened, the columns fill the list again."""
    from PySide6.QtWidgets import QHeaderView

    from stockdesk.ui.main_window import MainWindow
    from stockdesk.ui.tables import STRETCH_MINIMUM

    win = MainWindow(make_ctx("pharmacist"))
    qtbot.addWidget(win)
    win.resize(640, 600)
    win.show()
    page = win.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    views = (page.soon_view, page.expiry_view)
    win.resize(620, 600)  # and the person narrows it further
    qtbot.waitUntil(lambda: all(v.viewport().width() < 240 for v in views))
    for view in views:
        assert view.model().rowCount() > 0
        header = view.horizontalHeader()
        # Qt's own stretching would squeeze the column to a few letters once the window is
        # laid out again (as on an 800-pixel screen): here it is a fixed, readable width
        assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
        assert header.sectionSize(0) >= STRETCH_MINIMUM
        assert header.length() > view.viewport().width()  # the rest is a scroll away
    win.resize(1366, 768)
    qtbot.waitUntil(lambda: all(v.viewport().width() > 500 for v in views))
    for view in views:
        header = view.horizontalHeader()
        assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
        assert header.length() == view.viewport().width()  # the columns fill the list
