"""The Entry page, driven with the keyboard as a pharmacist does from a delivery note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from stockdesk.services.directory import DirectoryService
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.stock import StockService
from stockdesk.ui import i18n
from tests.ui.conftest import TODAY

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:  # the offscreen platform left no window active (see active())
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top.objectName() == "mainWindow":
                top.activateWindow()
                QApplication.processEvents()
        widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into whatever has the focus, key by key (the first key may open a cell)."""
    for ch in text:
        if ch == "\x1d":  # a scanner's FNC1 arrives as the GS control character
            QApplication.sendEvent(focused(), QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, CTRL, "\x1d"))
            continue
        qtbot.keyClicks(focused(), ch)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key, modifier)


def open_entry(window, qtbot, user: str = "pharmacist"):  # type: ignore[no-untyped-def]
    win = window(user)
    active(qtbot, win)
    win.go("entry", {})
    page = win.pages["entry"]
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    active(qtbot, win)  # a progress dialog shown while loading may have taken the focus
    page.grid.setFocus()
    assert win.errors.last_shown is None, win.errors.last_shown
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.grid, timeout=20_000)
    return win, page


def active(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The window has the keyboard, as it has for the person sitting at it.

    (The offscreen test platform activates every window it shows, progress dialogs
    included, and leaves none active when that one closes.)"""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def alt(qtbot, page, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter on the page, with its window active as it is for the person at it."""
    active(qtbot, page)
    qtbot.keyClick(page, key, ALT)


def choose(qtbot, page, key: Qt.Key, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter picks the kind of movement (the button's mnemonic)."""
    alt(qtbot, page, key)
    qtbot.waitUntil(lambda: page.kind.value == kind)


def post(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not page.posting, timeout=20_000)


def usable(ctx, product: str) -> int:  # type: ignore[no-untyped-def]
    stock = ctx.service(StockService)
    return sum(lot.balance for lot in stock.lot_balances(ctx.facility, product)
               if not lot.expired)


def lot_balance(ctx, product: str, lot: str) -> int:  # type: ignore[no-untyped-def]
    stock = ctx.service(StockService)
    return sum(x.balance for x in stock.lot_balances(ctx.facility, product) if x.lot == lot)


def cell_problem(page, row: int, key: str) -> str | None:  # type: ignore[no-untyped-def]
    index = page.model.index(row, page.model.column(key))
    return index.data(Qt.ItemDataRole.ToolTipRole) if key in page.model.lines[row].problems \
        else None


def type_line(qtbot, product: str, *cells: str) -> None:  # type: ignore[no-untyped-def]
    """Product, then each further cell, Tab between them and Enter at the end."""
    type_text(qtbot, product)
    for text in cells:
        press(qtbot, TAB)
        type_text(qtbot, text)
    press(qtbot, ENTER)


def test_a_40_line_receipt_typed_with_the_keyboard_alone(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    products = [p.code for p in page.products][:40]
    before = {code: usable(ctx, code) for code in products}
    alt(qtbot, page, Qt.Key.Key_B)  # Delivery note num&ber
    assert focused() is page.reference
    type_text(qtbot, "BL-2026-118")
    page.grid.setFocus()  # (Ctrl+Tab and Tab reach the grid too; here: straight to it)
    for number, code in enumerate(products, start=1):
        type_line(qtbot, code, f"R{number:03d}", "2028-06-30", str(number * 10))
    assert page.model.rowCount() == 41  # Enter on the last cell opened a new line
    assert page.model.lines[-1].is_empty()
    assert not page.problems_label.isVisible()
    post(qtbot, page)
    assert page.confirmation.isVisible()
    assert "40 lines" in page.confirmation.text()
    assert page.model.rowCount() == 1 and page.model.lines[0].is_empty()
    for number, code in enumerate(products, start=1):
        assert usable(ctx, code) == before[code] + number * 10
        assert lot_balance(ctx, code, f"R{number:03d}") == number * 10
    newest = ctx.service(DirectoryService).movements(ctx.facility, limit=1)[0]
    assert (newest.kind, newest.reference, newest.lines) == ("RECEIPT", "BL-2026-118", 40)


def _two_lot_product(ctx) -> tuple[str, list]:  # type: ignore[no-untyped-def]
    stock = ctx.service(StockService)
    for row in stock.stock_on_hand(ctx.facility):
        lots = [x for x in stock.lot_balances(ctx.facility, row.code) if not x.expired]
        if len(lots) >= 2:
            return row.code, lots
    raise AssertionError("the demo has no product with two lots")


def test_issue_suggests_fefo_and_refuses_more_than_the_balance(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code, lots = _two_lot_product(ctx)
    available = sum(x.balance for x in lots)
    choose(qtbot, page, Qt.Key.Key_I, "ISSUE")
    assert "suggested" in page.model.columns
    page.grid.setFocus()
    type_text(qtbot, code)
    press(qtbot, TAB)  # lot left blank: FEFO
    press(qtbot, TAB)
    type_text(qtbot, str(available + 1))
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: page.model.lines[0].lots is not None, timeout=10_000)
    suggested = page.model.index(0, page.model.column("suggested")).data()
    assert lots[0].lot in suggested  # the earliest expiry first
    assert page.model.index(0, page.model.column("available")).data() \
        .replace(",", "") == str(available)
    qtbot.waitUntil(lambda: cell_problem(page, 0, "quantity") is not None)
    assert "Only" in (cell_problem(page, 0, "quantity") or "")
    post(qtbot, page)
    assert "Line 1, Quantity" in page.problems_label.text()
    assert not page.confirmation.isVisible()
    assert usable(ctx, code) == available  # nothing was posted
    # the service is the authority: a lot it does not know is refused there, on the lot cell
    page.grid.setCurrentIndex(page.model.index(0, page.model.column("quantity")))
    page.grid.setFocus()
    type_text(qtbot, "5")
    press(qtbot, ENTER)
    post(qtbot, page)
    assert page.confirmation.isVisible()
    assert usable(ctx, code) == available - 5
    assert lot_balance(ctx, code, lots[0].lot) == lots[0].balance - 5


def test_loss_with_a_reason(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code, lots = _two_lot_product(ctx)
    choose(qtbot, page, Qt.Key.Key_S, "LOSS")
    page.grid.setFocus()
    type_line(qtbot, code, lots[1].lot, "3")
    post(qtbot, page)
    assert page.reason_problem.isVisible()  # no reason chosen: said next to the field
    assert focused() is page.reason
    type_text(qtbot, "Damaged")
    assert page.reason.currentData() == "damaged"
    post(qtbot, page)
    assert page.confirmation.isVisible()
    assert lot_balance(ctx, code, lots[1].lot) == lots[1].balance - 3
    newest = ctx.service(DirectoryService).movements(ctx.facility, limit=1)[0]
    assert (newest.kind, newest.reason) == ("LOSS", "damaged")


def test_adjustment_found_stock_takes_a_new_lot(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code = page.products[0].code
    choose(qtbot, page, Qt.Key.Key_J, "ADJUSTMENT")
    alt(qtbot, page, Qt.Key.Key_A)  # Re&ason
    type_text(qtbot, "Found")
    assert page.model.layout == "in"
    page.grid.setFocus()
    type_line(qtbot, code, "FOUND-1", "12/2028", "7")
    post(qtbot, page)
    assert page.confirmation.isVisible()
    assert lot_balance(ctx, code, "FOUND-1") == 7
    lot = next(x for x in ctx.service(StockService).lot_balances(ctx.facility, code)
               if x.lot == "FOUND-1")
    assert lot.expiry == date(2028, 12, 31)


def test_transfer_out_to_another_facility(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code, _lots = _two_lot_product(ctx)
    other = next(f for f in page.facilities if f.code != ctx.facility)
    choose(qtbot, page, Qt.Key.Key_O, "TRANSFER_OUT")
    alt(qtbot, page, Qt.Key.Key_T)
    assert focused() in (page.counterparty, page.counterparty.lineEdit())
    type_text(qtbot, other.label)
    page.grid.setFocus()
    type_line(qtbot, code, "", "4")
    post(qtbot, page)
    assert page.confirmation.isVisible(), page.problems_label.text()
    newest = ctx.service(DirectoryService).movements(ctx.facility, limit=1)[0]
    assert (newest.kind, newest.counterparty) == ("TRANSFER_OUT", other.code)


def test_transfer_in_from_a_community_health_worker(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code = page.products[1].code
    choose(qtbot, page, Qt.Key.Key_N, "TRANSFER_IN")
    page.grid.setFocus()
    type_line(qtbot, code, "CHW-RET", "2029-01-31", "6")
    post(qtbot, page)
    assert page.counterparty_problem.isVisible()  # a transfer needs the other party
    alt(qtbot, page, Qt.Key.Key_M)
    type_text(qtbot, "Awa Diallo (CHW)")
    post(qtbot, page)
    assert page.confirmation.isVisible(), page.problems_label.text()
    assert lot_balance(ctx, code, "CHW-RET") == 6
    newest = ctx.service(DirectoryService).movements(ctx.facility, limit=1)[0]
    assert (newest.kind, newest.counterparty) == ("TRANSFER_IN", "Awa Diallo (CHW)")


def test_typed_mistakes_are_shown_on_their_cells(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    type_line(qtbot, "no such medicine", "L1", "31/31/2027", "ten")
    assert "No product matches" in (cell_problem(page, 0, "product") or "")
    assert cell_problem(page, 0, "expiry") is not None
    assert "whole number" in (cell_problem(page, 0, "quantity") or "")
    count = len(win.ctx.service(DirectoryService).movements(win.ctx.facility))
    post(qtbot, page)
    assert "Line 1, Product" in page.problems_label.text()
    assert len(win.ctx.service(DirectoryService).movements(win.ctx.facility)) == count


def test_the_service_refusal_lands_on_the_cell(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code, lots = _two_lot_product(ctx)
    known = lots[0]
    assert known.expiry is not None
    # the same lot again with another expiry: only the ledger knows it is a conflict
    type_line(qtbot, code, known.lot, "2040-01-31", "5")
    post(qtbot, page)
    assert cell_problem(page, 0, "expiry") is not None
    assert "Line 1, Expiry" in page.problems_label.text()
    assert lot_balance(ctx, code, known.lot) == known.balance


def test_a_pharmacist_posts_only_at_their_facility(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    other = next(f.code for f in page.facilities if f.code != ctx.actor.facility)
    ctx.set_facility(other)
    page.grid.setFocus()
    type_line(qtbot, page.products[0].code, "X1", "2029-01-31", "5")
    post(qtbot, page)
    assert "may not record stock" in page.problems_label.text()
    assert not page.confirmation.isVisible()


def test_a_gs1_scan_fills_product_lot_and_expiry(make_ctx, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from stockdesk.services.masterdata import MasterDataService, ProductData

    admin = make_ctx("admin")
    product = admin.service(DirectoryService).products()[2]
    gtin = "09506000134352"
    admin.service(MasterDataService).save_products([ProductData(
        code=product.code, name=product.name, strength=product.strength, form=product.form,
        unit=product.unit, pack_size=product.pack_size, program=product.program, gtin=gtin)])
    win, page = open_entry(window, qtbot)
    type_text(qtbot, f"]d201{gtin}17281200" "10SCAN-42\x1d21SN001")
    press(qtbot, ENTER)
    line = page.model.lines[0]
    assert (line.product, line.lot, line.expiry) == (product.code, "SCAN-42", date(2028, 12, 31))
    assert page.model.key(page.grid.currentIndex().column()) == "quantity"
    type_text(qtbot, "24")
    press(qtbot, ENTER)
    type_text(qtbot, "(01)00000000000017(10)X")  # a barcode nobody knows
    press(qtbot, ENTER)
    assert "barcode" in (cell_problem(page, 1, "product") or "")
    page.grid.setCurrentIndex(page.model.index(1, 0))
    press(qtbot, Qt.Key.Key_Delete)  # remove that line
    assert page.model.rowCount() == 1
    post(qtbot, page)
    assert page.confirmation.isVisible(), page.problems_label.text()
    assert lot_balance(win.ctx, product.code, "SCAN-42") == 24


def test_physical_count_with_a_variance_and_its_reason(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    choose(qtbot, page, Qt.Key.Key_C, "COUNT")
    qtbot.waitUntil(lambda: page.model.rowCount() > 1 and page.model.lines[0].from_sheet,
                    timeout=20_000)
    first = page.model.lines[0]
    assert first.book == lot_balance(ctx, first.product, first.lot)
    book_column = page.model.column("book")
    assert page.model.index(0, book_column).data() != ""
    page.grid.setFocus()
    assert page.model.key(page.grid.currentIndex().column()) == "counted"
    counted = (first.book or 0) - 5
    type_text(qtbot, str(counted))
    press(qtbot, ENTER)
    assert page.model.index(0, page.model.column("variance")).data() == "-5"
    assert page.model.key(page.grid.currentIndex().column()) == "reason"
    press(qtbot, Qt.Key.Key_Escape)  # leave the reason empty
    post(qtbot, page)
    assert cell_problem(page, 0, "reason") is not None
    assert "Line 1, Variance reason" in page.problems_label.text()
    assert lot_balance(ctx, first.product, first.lot) == first.book
    page.grid.setCurrentIndex(page.model.index(0, page.model.column("reason")))
    page.grid.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "Physical")
    press(qtbot, ENTER)
    assert page.model.lines[0].reason == "count_loss"
    post(qtbot, page)
    assert page.confirmation.isVisible(), page.problems_label.text()
    assert lot_balance(ctx, first.product, first.lot) == counted


def test_print_the_count_sheet(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "count.pdf"
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    _win, page = open_entry(window, qtbot)
    choose(qtbot, page, Qt.Key.Key_C, "COUNT")
    qtbot.waitUntil(lambda: page.sheet is not None, timeout=20_000)
    alt(qtbot, page, Qt.Key.Key_T)  # Print coun&t sheet…
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [str(target)]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert page.sheet is not None
    assert page.sheet.rows[0].product_name.split()[0] in text  # "Albendazole"


def test_reverse_a_movement_with_a_reason(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    code = page.products[0].code
    before = usable(ctx, code)
    posted = ctx.service(LedgerService).receive(
        ctx.facility, TODAY, [LineInput(code, 50, "WRONG-1", date(2029, 3, 31))],
        reference="typo")
    ctx.bus.stock_changed.emit(ctx.facility)
    choose(qtbot, page, Qt.Key.Key_V, "REVERSAL")
    qtbot.waitUntil(lambda: page.movements.rowCount() > 0 and
                    page.movements.rows[0].id == posted.id, timeout=20_000)
    assert page.movement_view.chosen() is not None
    assert page.movement_view.chosen().id == posted.id
    post(qtbot, page)
    assert page.reverse_reason_problem.isVisible()  # a reason is required
    alt(qtbot, page, Qt.Key.Key_W)  # &Why is it reversed
    type_text(qtbot, "typed into the wrong facility")
    post(qtbot, page)
    assert page.confirmation.isVisible(), page.problems_label.text()
    assert usable(ctx, code) == before
    qtbot.waitUntil(lambda: any(m.id == posted.id and m.reversed_by
                                for m in page.movements.rows), timeout=20_000)
    row = next(i for i, m in enumerate(page.movements.rows) if m.id == posted.id)
    assert not page.movements.flags(page.movements.index(row, 0)) \
        & Qt.ItemFlag.ItemIsSelectable
    reversal = page.movements.rows[row].reversed_by
    assert page.movements.index(row, page.movements.column_index("state")).data() == \
        f"Already reversed by movement {reversal}."
    assert page.movement_view.chosen() is None or page.movement_view.chosen().id != posted.id


def state_of(page, movement_id: int) -> str:  # type: ignore[no-untyped-def]
    row = next(i for i, m in enumerate(page.movements.rows) if m.id == movement_id)
    return page.movements.index(row, page.movements.column_index("state")).data()


def selectable(page, movement_id: int) -> bool:  # type: ignore[no-untyped-def]
    row = next(i for i, m in enumerate(page.movements.rows) if m.id == movement_id)
    return bool(page.movements.flags(page.movements.index(row, 0))
                & Qt.ItemFlag.ItemIsSelectable)


def test_after_a_count_its_product_is_corrected_by_a_new_count(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, page = open_entry(window, qtbot)
    ctx = win.ctx
    counted, other = page.products[0].code, page.products[1].code
    ledger = ctx.service(LedgerService)
    received = ledger.receive(ctx.facility, TODAY,
                              [LineInput(counted, 40, "CNT-1", date(2029, 3, 31))])
    other_receipt = ledger.receive(ctx.facility, TODAY,
                                   [LineInput(other, 30, "OTH-1", date(2029, 3, 31))])
    count = ledger.count(ctx.facility, TODAY, [CountInput(counted, "CNT-1", 38)])
    assert count.related  # the variance, −2, is posted as an adjustment
    adjustment = count.related[0]
    ctx.bus.stock_changed.emit(ctx.facility)
    choose(qtbot, page, Qt.Key.Key_V, "REVERSAL")
    qtbot.waitUntil(lambda: page.movements.rowCount() > 0 and
                    page.movements.rows[0].id == adjustment, timeout=20_000)
    today = i18n.day(TODAY)
    # the newest movement, the count's variance, cannot be reversed: the count is in the way
    for held in (adjustment, received.id):
        assert not selectable(page, held)
        assert state_of(page, held) == \
            f"Counted on {today}: correct it with a new physical count."
    assert not selectable(page, count.id)
    assert state_of(page, count.id) == "A count is corrected by a new physical count."
    row = next(i for i, m in enumerate(page.movements.rows) if m.id == adjustment)
    tip = page.movements.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert f"was counted on {today}" in tip and "post a new physical count" in tip
    # what is pre-selected is the newest movement that can be reversed: another product's
    assert page.movement_view.chosen() is not None
    assert page.movement_view.chosen().id == other_receipt.id
    assert page.reverse_panel.note.isVisible() and page.reverse_panel.count_button.isVisible()
    # the arrow keys do not land on a greyed movement either
    page.movement_view.setFocus()
    press(qtbot, Qt.Key.Key_Up)
    assert page.movement_view.chosen().id == other_receipt.id
    alt(qtbot, page, Qt.Key.Key_W)  # &Why is it reversed
    type_text(qtbot, "received at the wrong facility")
    post(qtbot, page)
    assert page.confirmation.isVisible(), page.problems_label.text()
    assert lot_balance(ctx, other, "OTH-1") == 0  # reversed
    assert lot_balance(ctx, counted, "CNT-1") == 38  # as counted
    # the way out the note offers: a new physical count
    alt(qtbot, page, Qt.Key.Key_A)  # Count &again
    qtbot.waitUntil(lambda: page.kind.value == "COUNT")
    assert page.stack.currentWidget() is page.grid


def test_models_pass_the_model_tester(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _win, page = open_entry(window, qtbot)
    type_line(qtbot, page.products[0].code, "L1", "2028-01-31", "3")
    type_line(qtbot, "unknown", "", "", "x")
    qtmodeltester.check(page.model)
    choose(qtbot, page, Qt.Key.Key_I, "ISSUE")
    qtmodeltester.check(page.model)
    choose(qtbot, page, Qt.Key.Key_C, "COUNT")
    qtbot.waitUntil(lambda: page.model.lines[0].from_sheet, timeout=20_000)
    qtmodeltester.check(page.model)
    choose(qtbot, page, Qt.Key.Key_V, "REVERSAL")
    qtbot.waitUntil(lambda: page.movements.rowCount() > 0, timeout=20_000)
    qtmodeltester.check(page.movements)
