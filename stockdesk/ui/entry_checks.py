"""What is wrong with the lines, said on the cell concerned.

Two sources: quick checks on what was typed (done before anything is sent, so a person sees at
once a quantity that is not a number), and the problems the ledger service found, which are
the authority.  Both end up as ``{row: {column key: sentence}}`` for the grid, plus sentences
naming line and column for the list under it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication

from stockdesk.problems import Problem
from stockdesk.services.ledger import CountInput, LineInput
from stockdesk.ui import i18n, words
from stockdesk.ui.entry_lines import (
    COUNT,
    IN,
    OUT,
    Line,
    column_title,
    match_products,
    parse_quantity,
)

Cells = dict[int, dict[str, str]]

# where each service problem belongs: a line's column, or a field of the header
LINE_FIELD: dict[str, str] = {
    "product.unknown": "product", "count.later_exists": "product",
    "lot.unknown": "lot", "issue.expired_lot": "lot", "count.duplicate_lot": "lot",
    "count.lot_required": "lot", "lot.required": "lot",
    "lot.expiry_conflict": "expiry",
    "issue.exceeds_balance": "quantity", "ledger.negative_balance": "quantity",
    "quantity.not_positive": "quantity",
}
HEADER_FIELD: dict[str, str] = {
    "reason.required": "reason", "reason.unknown": "reason",
    "counterparty.required": "counterparty", "date.in_future": "date",
    "reversal.reason_required": "reverse_reason", "reversal.before_original": "date",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryChecks", text)


@dataclass
class Findings:
    cells: Cells = field(default_factory=dict)
    warnings: Cells = field(default_factory=dict)
    header: dict[str, str] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        return bool(self.cells or self.header or self.general)

    def add(self, row: int, key: str, text: str) -> None:
        self.cells.setdefault(row, {}).setdefault(key, text)

    def warn(self, row: int, key: str, text: str) -> None:
        self.warnings.setdefault(row, {}).setdefault(key, text)

    def sentences(self) -> list[str]:
        """One sentence per problem for the list under the grid, naming line and column."""
        out = [_t("Line {line}, {column}: {problem}").format(
                   line=row + 1, column=column_title(key), problem=text)
               for row in sorted(self.cells) for key, text in self.cells[row].items()]
        return out + self.general

    def warning_sentences(self) -> list[str]:
        return [_t("Line {line}, {column}: {problem}").format(
                    line=row + 1, column=column_title(key), problem=text)
                for row in sorted(self.warnings) for key, text in self.warnings[row].items()]


def check_lines(lines: list[Line], layout: str, catalogue: list, *, on: date,
                receiving: bool, complete: bool) -> Findings:
    """Quick checks on typed lines.  ``complete``: also say what is missing (before posting);
    while typing only what is wrong is said, not what is not typed yet."""
    found = Findings()
    filled = [(i, ln) for i, ln in enumerate(lines) if not ln.is_empty()]
    if complete and not filled:
        found.general.append(_t("Type at least one line."))
    for row, line in filled:
        if not line.product:
            if line.product_text and "product" not in line.problems:
                matches = match_products(catalogue, line.product_text)
                found.add(row, "product", _t(
                    "{count} products match “{text}”: choose one from the list.").format(
                        count=len(matches), text=line.product_text) if matches else _t(
                    "No product matches “{text}”.").format(text=line.product_text))
            elif line.product_text:
                found.add(row, "product", line.problems["product"])
            elif complete:
                found.add(row, "product", _t("Choose a product."))
        if layout == COUNT:
            _check_count(found, row, line, complete)
            continue
        quantity = parse_quantity(line.quantity)
        if line.quantity.strip() and (quantity is None or quantity <= 0):
            found.add(row, "quantity", _t("Type a whole number above zero."))
        elif complete and not line.quantity.strip():
            found.add(row, "quantity", _t("Type the quantity."))
        if layout == IN:
            if line.expiry_text:
                found.add(row, "expiry", _t("Not a date: type it as YYYY-MM-DD or MM/YYYY."))
            elif receiving and line.expiry is not None and line.expiry < on:
                found.warn(row, "expiry", _t("This lot expired on {date}.").format(
                    date=i18n.day(line.expiry)))
        if layout == OUT and line.lots is not None and line.product:
            if line.lot and not any(lot.lot == line.lot for lot in line.lots):
                found.add(row, "lot", _t("Lot {lot} has no stock here.").format(lot=line.lot))
            elif line.lot and all(lot.expired for lot in line.lots if lot.lot == line.lot):
                found.add(row, "lot", _t("Lot {lot} has expired: it cannot be issued.").format(
                    lot=line.lot))
            elif quantity is not None and quantity > (line.available or 0):
                found.add(row, "quantity", _t(
                    "Only {available} can be taken: the balance may not go below zero.").format(
                        available=i18n.number(line.available or 0)))
    return found


def _check_count(found: Findings, row: int, line: Line, complete: bool) -> None:
    if line.counted.strip():
        counted = parse_quantity(line.counted)
        if counted is None or counted < 0:
            found.add(row, "counted", _t("Type the number counted (0 or more)."))
            return
        if line.variance and not line.reason and complete:
            found.add(row, "reason", _t("Choose why the count differs from the book."))
    elif complete and not line.from_sheet:
        found.add(row, "counted", _t("Type the number counted."))


def place_problems(problems: Iterable[Problem], lines: list[Line], columns: tuple[str, ...]
                   ) -> Findings:
    """The service's problems on the line and column they concern (by product and lot)."""
    found = Findings()
    for p in problems:
        text = words.problem(p)
        if p.code in HEADER_FIELD:
            found.header.setdefault(HEADER_FIELD[p.code], text)
            continue
        key = LINE_FIELD.get(p.code)
        product = p.params.get("product") or (p.params.get("code")
                                              if p.code == "product.unknown" else None)
        rows = [i for i, ln in enumerate(lines) if not ln.is_empty() and product
                and ln.product == product]
        lot = p.params.get("lot")
        if lot and len(rows) > 1:
            rows = [i for i in rows if lines[i].lot == lot] or rows
        if key is not None and key not in columns:
            key = "counted" if "counted" in columns else "quantity"
        if key is None or not rows:
            found.general.append(text)
            continue
        for row in rows:
            found.add(row, key, text)
    return found


def line_inputs(lines: list[Line]) -> list[LineInput]:
    """The filled lines as the ledger takes them (checked first: every one is readable)."""
    return [LineInput(product=ln.product, quantity=parse_quantity(ln.quantity) or 0,
                      lot=ln.lot or None, expiry=ln.expiry)
            for ln in lines if not ln.is_empty()]


def count_inputs(lines: list[Line]) -> list[CountInput]:
    """Counted lines (a sheet line left blank was not counted and is not sent)."""
    out = []
    for ln in lines:
        if ln.is_empty() or not ln.counted.strip():
            continue
        out.append(CountInput(product=ln.product, lot=ln.lot or None,
                              counted=parse_quantity(ln.counted) or 0, expiry=ln.expiry))
    return out


def variance_note(lines: list[Line]) -> str | None:
    """Why counts differ from the books, kept with the count (reason codes, one per lot)."""
    parts = [f"{ln.product}/{ln.lot or '-'}: {ln.reason}" for ln in lines
             if ln.counted.strip() and ln.variance and ln.reason]
    return ("variance reasons: " + "; ".join(parts))[:1000] if parts else None
