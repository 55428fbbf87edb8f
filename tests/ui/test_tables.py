"""Lists as every page shows them: columns sized from their text, the name column readable."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel
from stockdesk.ui.tables import STRETCH_MINIMUM, fit_columns, read_only_table

NAMES = [f"Sulfadoxine + pyrimethamine {n} mg + 25 mg tablet" for n in range(500, 520)]


def _list(qtbot, width: int):  # type: ignore[no-untyped-def]
    """A list of products (a long name and three figures), shown ``width`` pixels wide with
    its name column stretched before any row arrived, as a page is built."""
    model: SnapshotModel[tuple[str, int]] = SnapshotModel([
        Col("product", lambda: "Product", lambda r: r[0]),
        Col("on_hand", lambda: "On hand", lambda r: r[1], align=RIGHT),
        Col("runs_out", lambda: "Runs out", lambda r: f"{r[1] % 28 + 1} Dec 2026"),
        Col("order", lambda: "Order", lambda r: f"now, {r[1] % 30} days late"),
    ])
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    view = read_only_table("products", proxy, stretch_last=False)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    model.set_rows([(name, 1000 + i) for i, name in enumerate(NAMES)])
    fit_columns(view, stretch="product")
    return view


def test_the_name_column_is_not_squeezed_in_a_narrow_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt had already squeezed the stretched column to a few pixels when the rows came: it
    gets a readable width back, and the list scrolls sideways for the rest."""
    view = _list(qtbot, 260)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(0) >= STRETCH_MINIMUM
    assert header.length() > view.viewport().width()


def test_the_name_column_takes_what_a_wide_list_leaves(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _list(qtbot, 900)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.length() == view.viewport().width()
    figures = [header.sectionSize(c) for c in range(1, 4)]
    texts = ["On hand", "28 Dec 2026", "now, 29 days late"]
    assert all(size >= view.fontMetrics().horizontalAdvance(t)
               for size, t in zip(figures, texts, strict=True))  # each figure reads whole
    view.resize(260, 300)  # narrowed by the person: the names keep their width
    qtbot.waitUntil(lambda: header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive)
    assert header.sectionSize(0) >= STRETCH_MINIMUM


def test_widening_another_column_by_hand_keeps_the_names_readable(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _list(qtbot, 600)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    header.resizeSection(3, 500)  # the person drags "Order" wide
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(0) >= STRETCH_MINIMUM
