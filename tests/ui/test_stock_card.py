"""A product's stock card: figures, movements with the running balance, lots with expiry,
the chart, and how each figure was computed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.stock import StockService
from stockdesk.services.stock_status import StockStatusService
from tests.ui.conftest import TODAY
from tests.ui.test_stock_page import PRODUCT, open_stock


def open_card(win, qtbot, code: str = PRODUCT):
    page = open_stock(win, qtbot)
    page.search.setText(code)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.card.card_loaded, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    return page, page.card


def column(model, key: str) -> list[str]:
    c = model.column_index(key)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_movements_show_the_stock_card_with_its_running_balance(window, qtbot) -> None:
    win = window("pharmacist")
    page, card = open_card(win, qtbot)
    ctx = win.ctx
    lines = StockService(ctx.db, ctx.actor, lambda: TODAY).stock_card(ctx.facility, PRODUCT)
    model = card.movements_model
    assert model.rowCount() == len(lines)
    last = card.movements_proxy.index(card.movements_proxy.rowCount() - 1,
                                      model.column_index("balance")).data()
    assert last == f"{lines[-1].balance:,}"
    assert lines[-1].balance == page.row_of(PRODUCT).on_hand
    # kinds and users are words a person reads, not codes
    assert "Issue" in column(model, "kind") and "ISSUE" not in column(model, "kind")
    assert set(column(model, "user")) >= {"pharmacist"}
    # the ledger's order: the view is not sorted until asked
    assert card.movements.horizontalHeader().sortIndicatorSection() == -1


def test_a_movement_posted_while_the_card_is_open_shows_up(window, qtbot) -> None:
    win = window("pharmacist")
    _, card = open_card(win, qtbot)
    ctx = win.ctx
    before = card.card.balance
    LedgerService(ctx.db, ctx.actor, today=lambda: TODAY).issue(
        ctx.facility, TODAY, [LineInput(PRODUCT, 7)], reference="CARD-OPEN")
    with qtbot.waitSignal(card.card_loaded, timeout=20_000):
        ctx.bus.stock_changed.emit(ctx.facility)
    assert card.card.balance == before - 7
    assert "CARD-OPEN" in column(card.movements_model, "reference")
    assert card.figures["on_hand"].value.text() == f"{before - 7:,}"


def test_lots_show_their_expiry_and_what_has_expired(window, qtbot) -> None:
    win = window("pharmacist")
    ctx = win.ctx
    # a lot that expired yesterday, still on the shelf
    LedgerService(ctx.db, ctx.actor, today=lambda: TODAY).receive(
        ctx.facility, TODAY - timedelta(days=10),
        [LineInput(PRODUCT, 40, "OLD-LOT", TODAY - timedelta(days=1))], reference="OLD")
    _, card = open_card(win, qtbot)
    qtbot.keyClick(card.tabs, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert card.tabs.currentIndex() == card.LOTS
    lots = StockService(ctx.db, ctx.actor, lambda: TODAY).lot_balances(ctx.facility, PRODUCT)
    model = card.lots_model
    assert column(model, "lot") == [lot.lot for lot in lots]
    assert "OLD-LOT" in column(model, "lot")
    from stockdesk.ui import i18n

    assert column(model, "expiry") == [i18n.day(lot.expiry) for lot in lots]
    old = column(model, "lot").index("OLD-LOT")
    assert column(model, "state")[old].startswith("Expired")
    assert "40 expired" in card.lots_note.text()


def test_explain_shows_the_amc_formula_and_its_inputs(window, qtbot) -> None:
    win = window("pharmacist")
    _, card = open_card(win, qtbot)
    ctx = win.ctx
    st = next(r for r in StockStatusService(ctx.db, ctx.actor, lambda: TODAY)
              .status(ctx.facility) if r.code == PRODUCT)
    qtbot.keyClick(card.tabs, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert card.tabs.currentWidget() is card.explain
    text = card.explain.toPlainText()
    assert "Average monthly consumption (AMC)" in text
    assert st.amc.formula in text
    assert "average monthly consumption" in text  # what P stands for
    for n in st.amc.inputs["N"]:
        assert f"{n:,}" in text
    assert "Adjusted consumption N per month" in text
    assert st.mos.formula in text
    assert st.stockout.formula in text
    assert "Quantity at risk of expiry" in text
    assert "Rounding:" in text and "Window:" in text
    # selectable, so a reviewer can copy a formula
    assert card.explain.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_chart_tab_reads_and_paints_the_chart(window, qtbot) -> None:
    win = window("pharmacist")
    page, card = open_card(win, qtbot)
    with qtbot.waitSignal(card.chart_loaded, timeout=30_000):
        qtbot.keyClick(card.tabs, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    data = card.chart_data
    assert data is not None and data.product == PRODUCT
    assert any(m.consumed for m in data.history)
    assert len(data.forecast) == 6
    assert data.projection[0].quantity == page.row_of(PRODUCT).usable
    image = card.chart.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4)}
    assert len(colours) > 5  # bars, band, lines and text, not an empty box
    assert "Consumed" in card.chart.month_text(data.history[-2].period)


def test_card_models_pass_the_model_tester(window, qtbot, qtmodeltester) -> None:
    win = window("pharmacist")
    _, card = open_card(win, qtbot)
    qtmodeltester.check(card.movements_model)
    qtmodeltester.check(card.lots_model)
    qtmodeltester.check(card.movements_proxy)
