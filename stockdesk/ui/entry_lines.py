"""The lines of a stock document as a person types them: the model behind the Entry grid.

A line keeps what was typed (so nothing a person entered is ever lost) and what it means once
read (the product code, the expiry date, the quantity).  Problems sit on the cell they concern:
the cell turns red and its tooltip says why.  The model never queries: product lists and lot
balances are handed to it by the page, which loads them through the task lanes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from stockdesk.inventory import gs1
from stockdesk.services.directory import ProductInfo
from stockdesk.services.stock import LotStock
from stockdesk.ui import i18n, words
from stockdesk.ui.models import LEFT, RIGHT, Index

ERROR_BG = "#ffcdd2"
WARNING_BG = "#fff3cd"
READ_ONLY_BG = "#eeeeee"
ERROR_FG = "#8e0000"
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 10  # True when the cell has a problem

# the layouts of the grid
IN, OUT, COUNT = "in", "out", "count"
LAYOUTS: dict[str, tuple[str, ...]] = {
    IN: ("product", "lot", "expiry", "quantity"),
    OUT: ("product", "lot", "quantity", "suggested", "available"),
    COUNT: ("product", "lot", "expiry", "book", "counted", "variance", "reason"),
}
NUMERIC = {"quantity", "available", "book", "counted", "variance"}
ALWAYS_READ_ONLY = {"suggested", "available", "book", "variance"}


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryLines", text)


def column_title(key: str) -> str:
    titles = {
        "product": _t("Product"), "lot": _t("Lot"), "expiry": _t("Expiry"),
        "quantity": _t("Quantity"), "suggested": _t("Suggested lot (FEFO)"),
        "available": _t("Available"), "book": _t("Book balance"), "counted": _t("Counted"),
        "variance": _t("Variance"), "reason": _t("Variance reason"),
    }
    return titles[key]


# -- reading what was typed (pure) ----------------------------------------------------------------

def product_label(p: ProductInfo) -> str:
    """How a product is offered in the search list and shown in the grid."""
    return f"{p.code} — {p.description}"


def product_haystack(p: ProductInfo) -> str:
    return f"{p.code} {p.description}".casefold()


def match_products(products: Sequence[ProductInfo], text: str,
                   limit: int | None = None) -> list[ProductInfo]:
    """Products whose code is ``text``, or whose code and name contain every typed word."""
    typed = text.strip()
    if not typed:
        return []
    key = typed.casefold()
    if " — " in typed:  # a label picked from the search list
        key = typed.split(" — ", 1)[0].strip().casefold()
    exact = [p for p in products if p.code.casefold() == key]
    if exact:
        return exact
    words_ = key.split()
    found = [p for p in products if all(w in product_haystack(p) for w in words_)]
    found.sort(key=lambda p: (not p.code.casefold().startswith(key), p.code))
    return found[:limit] if limit is not None else found


def parse_quantity(text: str) -> int | None:
    """A whole number of dispensing units (thousands separators allowed), or None."""
    cleaned = re.sub(r"[\s\u00a0\u202f_']", "", text or "")
    if not cleaned:
        return None
    value, ok = i18n_to_int(cleaned)
    if ok:
        return value
    if cleaned.isascii() and cleaned.isdigit():
        return int(cleaned)
    return None


def i18n_to_int(text: str) -> tuple[int, bool]:
    from PySide6.QtCore import QLocale

    value, ok = QLocale().toInt(text)
    return int(value), bool(ok)


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YM = re.compile(r"^(\d{4})-(\d{1,2})$")


def _month_end(year: int, month: int) -> date:
    import calendar

    return date(year, month, calendar.monthrange(year, month)[1])


def parse_expiry(text: str) -> date | None:
    """An expiry as pharmacists write it; raises ValueError when it is not a date.

    ``2027-12-31``, ``31/12/2027``, ``31.12.27``, and a month alone (``12/2027``,
    ``2027-12``: the month's last day, as packs print it).  Empty text is None.
    """
    value = (text or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if m := _DMY.match(value):
        d, mo, y = (int(g) for g in m.groups())
        return date(y + 2000 if y < 100 else y, mo, d)
    if m := _MY.match(value):
        return _month_end(int(m.group(2)), int(m.group(1)))
    if m := _YM.match(value):
        return _month_end(int(m.group(1)), int(m.group(2)))
    raise ValueError(value)


# -- one line -------------------------------------------------------------------------------------

@dataclass
class Line:
    product: str = ""  # the product code once known
    product_text: str = ""  # what was typed, when it names no single product
    lot: str = ""
    expiry: date | None = None
    expiry_text: str = ""  # what was typed, when it is not a date
    quantity: str = ""
    counted: str = ""
    reason: str = ""
    book: int | None = None  # count: balance on the books
    from_sheet: bool = False  # count: a lot the books know (product, lot, expiry fixed)
    lots: tuple[LotStock, ...] | None = None  # outgoing: balances per lot, once loaded
    problems: dict[str, str] = field(default_factory=dict)  # field -> error sentence
    warnings: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not (self.product or self.product_text or self.lot or self.expiry
                    or self.expiry_text or self.quantity or self.counted or self.from_sheet)

    @property
    def suggested(self) -> LotStock | None:
        """The lot FEFO would take first: the earliest-expiring usable lot with stock."""
        for lot in self.lots or ():
            if not lot.expired and lot.balance > 0:
                return lot
        return None

    @property
    def available(self) -> int | None:
        """What may be taken: the named lot's usable balance, or all usable lots'."""
        if self.lots is None:
            return None
        usable = [lot for lot in self.lots if not lot.expired and lot.balance > 0]
        if self.lot.strip():
            return sum(lot.balance for lot in usable if lot.lot == self.lot.strip())
        return sum(lot.balance for lot in usable)

    @property
    def variance(self) -> int | None:
        counted = parse_quantity(self.counted) if self.counted.strip() else None
        return None if counted is None else counted - (self.book or 0)


class LinesModel(QAbstractTableModel):
    """The editable lines of one document.  There is always at least one line to type into."""

    # a line's product changed (row, product code): the page loads its lot balances
    product_changed = Signal(int, str)
    # a line was edited (its row; -1: lines were added or removed): look at it again
    lines_edited = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout = IN
        self.columns: tuple[str, ...] = LAYOUTS[IN]
        self.lines: list[Line] = [Line()]
        self.products: dict[str, ProductInfo] = {}
        self.catalogue: list[ProductInfo] = []
        self.reason_choices: dict[str, list[str]] = {"+": [], "-": []}
        # after a scan the cursor jumps to this (row, column key) instead of the next cell
        self.jump: tuple[int, str] | None = None

    # -- set-up -----------------------------------------------------------------------------

    def set_products(self, products: Sequence[ProductInfo]) -> None:
        self.catalogue = list(products)
        self.products = {p.code: p for p in products}
        self._changed_all()

    def set_layout(self, layout: str) -> None:
        if layout == self.layout:
            return
        self.beginResetModel()
        self.layout = layout
        self.columns = LAYOUTS[layout]
        self.endResetModel()

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.beginResetModel()
        self.lines = list(lines) or [Line()]
        self.jump = None
        self.endResetModel()

    def clear(self) -> None:
        self.set_lines([])

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def key(self, column: int) -> str:
        return self.columns[column]

    def filled(self) -> list[tuple[int, Line]]:
        """(row, line) of every line that is not empty."""
        return [(i, ln) for i, ln in enumerate(self.lines) if not ln.is_empty()]

    # -- lines ------------------------------------------------------------------------------

    def append_line(self) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(Line())
        self.endInsertRows()
        return row

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self.lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.endRemoveRows()
        if not self.lines:
            self.append_line()
        self.lines_edited.emit(-1)

    def set_lots(self, row: int, product: str, lots: Sequence[LotStock]) -> None:
        """The lot balances of ``product`` arrived (ignored if the line changed since)."""
        if 0 <= row < len(self.lines) and self.lines[row].product == product:
            self.lines[row].lots = tuple(lots)
            self._changed_row(row)

    def set_problems(self, problems: dict[int, dict[str, str]],
                     warnings: dict[int, dict[str, str]] | None = None) -> None:
        for i, line in enumerate(self.lines):
            line.problems = dict(problems.get(i, {}))
            line.warnings = dict((warnings or {}).get(i, {}))
        self._changed_all()

    def _changed_row(self, row: int) -> None:
        if self.columns:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _changed_all(self) -> None:
        if self.lines and self.columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.lines) - 1, len(self.columns) - 1))

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def editable(self, row: int, key: str) -> bool:
        if key in ALWAYS_READ_ONLY:
            return False
        if self.layout == COUNT and key in ("product", "lot", "expiry"):
            return not self.lines[row].from_sheet
        if self.layout == COUNT and key == "reason":
            return bool(self.lines[row].variance)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.row(), self.columns[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return column_title(self.columns[section])
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines) \
                or not 0 <= index.column() < len(self.columns):
            return None
        line = self.lines[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, key)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(line, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.problems.get(key) or line.warnings.get(key) or self._tooltip(line, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in line.problems:
                return QBrush(QColor(ERROR_BG))
            if key in line.warnings:
                return QBrush(QColor(WARNING_BG))
            if not self.editable(index.row(), key):
                return QBrush(QColor(READ_ONLY_BG))
            return None
        if role == PROBLEM_ROLE:
            return key in line.problems
        if role == Qt.ItemDataRole.ForegroundRole and key in line.problems:
            return QBrush(QColor(ERROR_FG))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((RIGHT if key in NUMERIC else LEFT).value)
        return None

    def _display(self, line: Line, key: str) -> str:
        if key == "product":
            p = self.products.get(line.product)
            return product_label(p) if p else (line.product or line.product_text)
        if key == "lot":
            return line.lot
        if key == "expiry":
            return i18n.day(line.expiry) if line.expiry else line.expiry_text
        if key == "quantity":
            q = parse_quantity(line.quantity)
            return i18n.number(q) if q is not None else line.quantity
        if key == "counted":
            q = parse_quantity(line.counted)
            return i18n.number(q) if q is not None else line.counted
        if key == "suggested":
            s = line.suggested
            if s is None:
                return _t("no usable stock") if line.lots is not None and line.product else ""
            return _t("{lot} (expires {expiry}): {balance}").format(
                lot=s.lot or _t("no lot"), expiry=i18n.day(s.expiry) or "—",
                balance=i18n.number(s.balance))
        if key == "available":
            return i18n.number(line.available) if line.product else ""
        if key == "book":
            return i18n.number(line.book) if line.book is not None else ""
        if key == "variance":
            v = line.variance
            return "" if v is None else (f"+{i18n.number(v)}" if v > 0 else i18n.number(v))
        if key == "reason":
            return words.reason(line.reason)
        return ""

    def _edit_text(self, line: Line, key: str) -> str:
        if key == "product":
            return line.product or line.product_text
        if key == "expiry":
            return line.expiry.isoformat() if line.expiry else line.expiry_text
        if key == "reason":
            return line.reason
        return str(getattr(line, key, "") or "")

    def _tooltip(self, line: Line, key: str) -> str | None:
        if key == "suggested" and line.lots:
            return "\n".join(
                _t("{lot}: {balance}, expires {expiry}").format(
                    lot=lot.lot or _t("no lot"), balance=i18n.number(lot.balance),
                    expiry=i18n.day(lot.expiry) or "—")
                for lot in line.lots)
        if key == "product" and line.product in self.products:
            return product_label(self.products[line.product])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or not self.editable(index.row(), self.columns[index.column()]):
            return False
        row = index.row()
        line = self.lines[row]
        key = self.columns[index.column()]
        text = "" if value is None else str(value)
        if key == "product":
            self._set_product(row, line, text)
        elif key == "lot":
            line.lot = text.strip()
        elif key == "expiry":
            try:
                line.expiry, line.expiry_text = parse_expiry(text), ""
            except ValueError:
                line.expiry, line.expiry_text = None, text.strip()
        elif key in ("quantity", "counted"):
            setattr(line, key, text.strip())
        elif key == "reason":
            line.reason = text.strip()
        self._changed_row(row)
        self.lines_edited.emit(row)
        return True

    def _set_product(self, row: int, line: Line, text: str) -> None:
        before = line.product
        if gs1.looks_like_gs1(text):
            self._scan(row, line, text)
        else:
            found = match_products(self.catalogue, text)
            if len(found) == 1:
                line.product, line.product_text = found[0].code, ""
            else:
                line.product, line.product_text = "", text.strip()
        if line.product != before:
            line.lots = None
            if line.product:
                self.product_changed.emit(row, line.product)

    def _scan(self, row: int, line: Line, text: str) -> None:
        """A scanner typed a GS1 code: fill product, lot and expiry; go on to the quantity."""
        try:
            data = gs1.parse(text)
        except gs1.Gs1Error:
            line.product, line.product_text = "", text.strip()
            line.problems["product"] = _t("This scan could not be read; scan it again or "
                                          "type the product code.")
            return
        key = gs1.gtin14(data.gtin or "")
        product = next((p for p in self.catalogue if p.gtin and gs1.gtin14(p.gtin) == key),
                       None)
        if product is None:
            line.product, line.product_text = "", text.strip()
            line.problems["product"] = _t(
                "No product in the catalogue has the barcode {gtin}; type the product code, "
                "or ask the district to add the barcode.").format(gtin=data.gtin or "")
            return
        line.product, line.product_text = product.code, ""
        line.problems.pop("product", None)
        if data.lot is not None:
            line.lot = data.lot
        if data.expiry is not None:
            line.expiry, line.expiry_text = data.expiry, ""
        target = "counted" if self.layout == COUNT else "quantity"
        self.jump = (row, target)
