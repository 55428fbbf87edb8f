"""Read-only tables as every page shows them, and sizing their columns quickly.

One helper so that every list in the window behaves alike (whole rows selected, nothing edited
in place, long texts elided, rows a line high) and is sized without asking the model for every
cell of every row.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from stockdesk.ui.models import FilterProxy, SnapshotModel

SAMPLE_ROWS = 120  # rows measured to size a column: the first, the last and some between
STRETCH_MINIMUM = 140  # pixels a stretched column keeps at most: some 20 characters of a name


def read_only_table(name: str, model: QAbstractItemModel | None = None, *,
                    sortable: bool = True, stretch_last: bool = True,
                    fit_contents: bool = False) -> QTableView:
    """A list to read and pick rows from.  ``sortable``: clicking a header sorts (rows start
    in the order the model gives); ``fit_contents``: Qt sizes the columns to every cell (for
    short lists only, see :func:`fit_columns`)."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents if fit_contents
                                else QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    return view


def _sample(count: int, size: int = SAMPLE_ROWS) -> range | list[int]:
    """Row numbers to measure: every row of a short table; of a long one, the first and the
    last rows (a stock card opens on its last movements) and rows spread evenly between."""
    if count <= size:
        return range(count)
    edge = size // 3
    step = max(1, (count - 2 * edge) // edge)
    return sorted({*range(edge), *range(count - edge, count), *range(edge, count - edge, step)})


def fit_columns(view: QTableView, *, stretch: str | None = None, cap: int = 260) -> None:
    """Size the columns of ``view`` (over a FilterProxy of a SnapshotModel) to their header and
    the text of a sample of rows, each at most ``cap`` pixels; ``stretch`` takes what is left.

    Qt's resizeColumnsToContents asks the model for every cell of every row, which takes
    hundreds of milliseconds on a long stock card; a sample sizes the columns as well for the
    rows a person looks at (wider text elides, and every column can still be dragged wider).
    """
    header = view.horizontalHeader()
    proxy = view.model()
    model = proxy.sourceModel() if isinstance(proxy, FilterProxy) else None
    if not isinstance(model, SnapshotModel):
        view.resizeColumnsToContents()
        return
    fm = view.fontMetrics()
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    rows = model.rows
    sample = [rows[i] for i in _sample(len(rows))]
    sizes = []
    for c, col in enumerate(model.columns):
        texts = {col.text(col.value(r)) for r in sample}
        widest = max((fm.horizontalAdvance(t) for t in texts), default=0) + margin + 2
        sizes.append(min(max(header.sectionSizeFromContents(c).width(), widest), cap))
        header.resizeSection(c, sizes[-1])
    if stretch is not None:
        column = model.column_index(stretch)
        # never narrower than its text needs, up to a readable width
        StretchAtLeast.keep(view, column, min(STRETCH_MINIMUM, sizes[column]))


class StretchAtLeast(QObject):
    """One column takes the width the others leave, but never less than ``minimum`` pixels:
    in a narrow window (an 800-pixel screen) the list scrolls sideways instead of squeezing
    the column people read (a product's name) down to its first letters."""

    def __init__(self, view: QTableView, column: int, minimum: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        self.minimum = minimum
        view.viewport().installEventFilter(self)
        # another column sized by hand, by a page or hidden leaves this one more or less room
        view.horizontalHeader().sectionResized.connect(self._other_resized)

    @classmethod
    def keep(cls, view: QTableView, column: int, minimum: int = STRETCH_MINIMUM) -> None:
        """Give ``view`` this rule for ``column`` (replacing any it had), and apply it now."""
        rule = view.findChild(cls)
        if rule is None:
            rule = cls(view, column, minimum)
        rule.column, rule.minimum = column, minimum
        rule.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def _other_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.column:
            self.apply()

    def apply(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        if self.view.viewport().width() - others >= self.minimum:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
        elif header.sectionResizeMode(self.column) != QHeaderView.ResizeMode.Interactive \
                or header.sectionSize(self.column) < self.minimum:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, self.minimum)


__all__ = ["SAMPLE_ROWS", "STRETCH_MINIMUM", "StretchAtLeast", "fit_columns",
           "read_only_table"]
