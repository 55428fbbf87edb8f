"""The Stock page: the facility's products with their figures, search, filters, sorting, and
opening a product's stock card, as a pharmacist drives it with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.stock_status import StockStatusService
from stockdesk.ui import words
from stockdesk.ui.pages.stock import StockPage
from tests.ui.conftest import TODAY

PRODUCT = "AMOXICILLIN-250MG-DT"


def open_stock(win, qtbot) -> StockPage:
    page = win.pages["stock"]
    assert isinstance(page, StockPage)
    win.go("stock", {})
    qtbot.waitUntil(lambda: page.snapshot is not None and not page.stale
                    and page.snapshot.facility == win.ctx.facility, timeout=20_000)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    page.table.setFocus()
    return page


def shown(page: StockPage) -> dict[str, dict[str, str]]:
    """What the table shows, per product code and column key."""
    proxy = page.proxy
    keys = [c.key for c in page.model.columns]
    out = {}
    for r in range(proxy.rowCount()):
        texts = {k: proxy.index(r, c).data() for c, k in enumerate(keys)}
        out[texts["code"]] = texts
    return out


def test_the_list_shows_the_figures_of_the_stock_status(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    ctx = win.ctx
    expected = {r.code: r for r in
                StockStatusService(ctx.db, ctx.actor, lambda: TODAY).status(ctx.facility)}
    rows = shown(page)
    assert set(rows) == set(expected)
    amox, st = rows[PRODUCT], expected[PRODUCT]
    assert amox["usable"] == f"{st.stock.usable:,}"
    assert amox["on_hand"] == f"{st.stock.on_hand:,}"
    assert amox["amc"] == f"{st.amc.value:,}"
    assert float(amox["mos"]) == round(st.mos.value, 1)
    assert amox["status"] == words.status(st.status.value.value)
    assert amox["product"] == st.stock.description
    assert page.count.text().startswith(f"{len(expected)} products")


def test_typing_in_search_narrows_the_rows(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    total = page.proxy.rowCount()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "amoxi")
    codes = set(shown(page))
    assert PRODUCT in codes
    assert 0 < len(codes) < total
    assert all("AMOXICILLIN" in c for c in codes)
    assert f"of {total} products shown" in page.count.text()
    qtbot.keyClicks(page.search, " 250")
    assert set(shown(page)) == {PRODUCT}


def test_status_and_program_filters(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    total = page.proxy.rowCount()
    page.status_filter.setFocus()
    page.status_filter.setCurrentIndex(page.status_filter.findData("overstocked"))
    rows = shown(page)
    assert rows and len(rows) < total
    assert {r["status"] for r in rows.values()} == {words.status("overstocked")}
    page.status_filter.setCurrentIndex(0)
    assert page.proxy.rowCount() == total

    page.program.setCurrentIndex(page.program.findData("malaria"))
    programs = {page.row_of(code).program for code in shown(page)}  # type: ignore[union-attr]
    assert programs == {"malaria"}
    assert page.proxy.rowCount() < total


def test_sort_by_months_of_stock_puts_stocked_out_first(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    ctx = win.ctx
    usable = page.row_of(PRODUCT).usable  # type: ignore[union-attr]
    LedgerService(ctx.db, ctx.actor, today=lambda: TODAY).issue(
        ctx.facility, TODAY, [LineInput(PRODUCT, usable)], reference="ALL-OUT")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        ctx.bus.stock_changed.emit(ctx.facility)  # the page is on view: it reads again
    assert shown(page)[PRODUCT]["usable"] == "0"
    header = page.table.horizontalHeader()
    column = page.model.column_index("mos")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_centre(header, column))
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=_centre(header, column))
    first = page.proxy.index(0, page.model.column_index("code")).data()
    assert first == PRODUCT
    assert page.proxy.index(0, page.model.column_index("status")).data() == \
        words.status("stocked_out")


def _centre(header, column):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    return QPoint(x, header.height() // 2)


def test_down_from_search_then_enter_opens_the_card(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.search, "AMOXICILLIN-250")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.current_code() == PRODUCT
    with qtbot.waitSignal(page.card.card_loaded, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.card
    assert page.card.code == PRODUCT
    row = page.row_of(PRODUCT)
    assert row is not None
    assert page.card.title.text() == row.description
    lines = page.card.movements_model.rows
    # the running balance after the last line is the stock on hand the list shows
    assert lines[-1].balance == row.on_hand
    assert page.card.figures["on_hand"].value.text() == f"{row.on_hand:,}"
    qtbot.keyClick(page.card.tabs, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == page.LIST
    assert page.current_code() == PRODUCT


def test_double_click_opens_the_product(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    page.search.setText("AMOXICILLIN-250")
    index = page.proxy.index(0, 1)
    rect = page.table.visualRect(index)
    with qtbot.waitSignal(page.card.card_loaded, timeout=20_000):
        # a double click is a press, a release, then the double-click press
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert page.card.code == PRODUCT


def test_another_page_opens_a_product_or_a_status(window, qtbot) -> None:
    win = window("pharmacist")
    page = win.pages["stock"]
    with qtbot.waitSignal(page.card.card_loaded, timeout=20_000):
        win.go("stock", {"product": PRODUCT})
    assert page.stack.currentWidget() is page.card and page.card.code == PRODUCT
    win.go("stock", {"status": "overstocked"})
    assert page.stack.currentIndex() == page.LIST
    assert page.status_filter.currentData() == "overstocked"
    assert {r["status"] for r in shown(page).values()} == {words.status("overstocked")}


def test_the_list_follows_the_facility_in_view(window, qtbot) -> None:
    win = window("logistician")
    page = open_stock(win, qtbot)
    before = win.ctx.facility
    other = next(f.code for f in win.facilities if f.code != before)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        win.select_facility(other)
    assert page.snapshot is not None and page.snapshot.facility == other
    ctx = win.ctx
    expected = {r.code for r in StockStatusService(ctx.db, ctx.actor, lambda: TODAY)
                .status(other)}
    assert set(shown(page)) == expected


def test_stock_changes_elsewhere_do_not_reload(window, qtbot) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    win.ctx.bus.stock_changed.emit("SOMEWHERE-ELSE")
    assert not page.stale


def test_models_pass_the_model_tester(window, qtbot, qtmodeltester) -> None:
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_a_sorted_list_keeps_its_order_and_the_chosen_product(window, qtbot) -> None:
    """Sorting by a column keeps the product the pharmacist is on; the list stays in that
    order when it is read again, and products without a figure come last either way."""
    win = window("pharmacist")
    page = open_stock(win, qtbot)
    page._select(PRODUCT)
    header = page.table.horizontalHeader()
    column = page.model.column_index("amc")
    code_col = page.model.column_index("code")

    def amcs() -> list[float | None]:
        return [page.model.row(page.proxy.mapToSource(page.proxy.index(r, 0))).amc
                for r in range(page.proxy.rowCount())]

    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=_centre(header, column))
        if header.sortIndicatorOrder() != order:
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                             pos=_centre(header, column))
        known = [a for a in amcs() if a is not None]
        assert known == sorted(known, reverse=order == Qt.SortOrder.DescendingOrder)
        assert all(a is None for a in amcs()[len(known):])  # unknown AMC last
        assert page.current_code() == PRODUCT  # the chosen product is still chosen
    before = [page.proxy.index(r, code_col).data() for r in range(page.proxy.rowCount())]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        win.ctx.bus.stock_changed.emit(win.ctx.facility)  # read again: same order
    assert [page.proxy.index(r, code_col).data() for r in range(page.proxy.rowCount())] \
        == before
    assert page.current_code() == PRODUCT
