"""How each figure of a product's stock status was computed, for whoever checks it by hand.

For every figure (AMC, the adjusted consumption N of each month, months of stock, maximum
stock H, order quantity I, status, projected stockout, quantity at risk of expiry) the panel
shows its value, its formula as filled in, its inputs with what each symbol means, the window
of months or days it covers, and the rounding applied.  The formulas come from the figures
themselves (``Explained``), so the panel shows exactly what was computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from stockdesk.forecast.explain import Explained
from stockdesk.services.product_view import adjusted_months, shown_months_of_stock
from stockdesk.services.stock_status import ProductStatus
from stockdesk.ui import i18n, words
from stockdesk.ui.words import QT_TRANSLATE_NOOP


def _t(text: str) -> str:
    return QCoreApplication.translate("ExplainPanel", text)


# What each symbol of the formulas stands for (translated when shown).
SYMBOLS: dict[str, str] = {
    "SOH": QT_TRANSLATE_NOOP("ExplainPanel", "usable stock on hand"),
    "E": QT_TRANSLATE_NOOP("ExplainPanel", "usable stock on hand"),
    "AMC": QT_TRANSLATE_NOOP("ExplainPanel", "average monthly consumption"),
    "P": QT_TRANSLATE_NOOP("ExplainPanel", "average monthly consumption"),
    "MOS": QT_TRANSLATE_NOOP("ExplainPanel", "months of stock"),
    "MaxMOS": QT_TRANSLATE_NOOP("ExplainPanel", "maximum months of stock"),
    "MinMOS": QT_TRANSLATE_NOOP("ExplainPanel", "minimum months of stock"),
    "EOP": QT_TRANSLATE_NOOP("ExplainPanel", "emergency order point, in months of stock"),
    "H": QT_TRANSLATE_NOOP("ExplainPanel", "maximum stock quantity"),
    "I": QT_TRANSLATE_NOOP("ExplainPanel", "order quantity"),
    "W": QT_TRANSLATE_NOOP("ExplainPanel", "stock that will expire before it is used"),
    "plain_I": QT_TRANSLATE_NOOP("ExplainPanel", "order quantity without the expiry check"),
    "pipeline": QT_TRANSLATE_NOOP("ExplainPanel", "approved and not yet received"),
    "profile": QT_TRANSLATE_NOOP("ExplainPanel", "calculation profile"),
    "months": QT_TRANSLATE_NOOP("ExplainPanel", "months of the window"),
    "N": QT_TRANSLATE_NOOP("ExplainPanel", "adjusted consumption of each month"),
    "C": QT_TRANSLATE_NOOP("ExplainPanel", "consumption of the month"),
    "X": QT_TRANSLATE_NOOP("ExplainPanel", "days out of stock in the month"),
    "days": QT_TRANSLATE_NOOP("ExplainPanel", "days the month counts for"),
    "period": QT_TRANSLATE_NOOP("ExplainPanel", "month"),
    "as_of": QT_TRANSLATE_NOOP("ExplainPanel", "stock counted at the end of"),
    "forecast": QT_TRANSLATE_NOOP("ExplainPanel", "forecast of each month"),
    "received": QT_TRANSLATE_NOOP("ExplainPanel", "deliveries expected before the stockout"),
    "horizon_end": QT_TRANSLATE_NOOP("ExplainPanel", "the projection looks up to"),
    "days_covered": QT_TRANSLATE_NOOP("ExplainPanel", "days the usable stock covers"),
    "stockout": QT_TRANSLATE_NOOP("ExplainPanel", "projected stockout date"),
    "today": QT_TRANSLATE_NOOP("ExplainPanel", "today"),
    "lead_time_days": QT_TRANSLATE_NOOP("ExplainPanel", "lead time, in days"),
    "late": QT_TRANSLATE_NOOP("ExplainPanel", "the order is already late"),
    "days_late": QT_TRANSLATE_NOOP("ExplainPanel", "days late"),
    "next_delivery": QT_TRANSLATE_NOOP("ExplainPanel", "next delivery"),
    "cover_until": QT_TRANSLATE_NOOP("ExplainPanel", "stock must last until"),
    "consumed": QT_TRANSLATE_NOOP("ExplainPanel", "used before expiry"),
}


def _meaning(symbol: str) -> str:
    text = SYMBOLS.get(symbol)
    if text is not None:
        return _t(text)
    if symbol.startswith("lot "):
        return QCoreApplication.translate("ExplainPanel", "at risk in this lot")
    return ""


def _value(value: Any) -> str:
    """An input value as a person reads it (locale numbers and dates)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("ExplainPanel", "yes")
        return QCoreApplication.translate("ExplainPanel", "no")
    if isinstance(value, date):
        return i18n.day(value)
    if isinstance(value, int):
        return i18n.number(value)
    if isinstance(value, float):
        return i18n.number(value, 0 if value.is_integer() else 2)
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(v) for v in value)
    if hasattr(value, "value") and isinstance(value.value, str):  # an enum such as Status
        return str(value.value)
    text = str(value)
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit():  # a month, 2026-10
        return i18n.month(text)
    return text


ROUNDING = {
    "ceil": QT_TRANSLATE_NOOP("ExplainPanel", "rounded up to a whole unit"),
    "half_up": QT_TRANSLATE_NOOP("ExplainPanel", "rounded half up to a whole unit"),
    "half_up_2dp": QT_TRANSLATE_NOOP("ExplainPanel", "rounded half up to two decimals"),
    "none": QT_TRANSLATE_NOOP("ExplainPanel", "not rounded"),
}


class ExplainPanel(QTextBrowser):
    """Read-only, selectable text: one section per figure of the product's status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAccessibleName(self.tr("How each figure was computed"))
        self.status: ProductStatus | None = None
        self.as_of: date | None = None
        self._written = False
        self.show_status(None)

    def show_status(self, status: ProductStatus | None, as_of: date | None = None) -> None:
        """Explain ``status`` (figures at the end of ``as_of``); None: nothing open.

        The text is laid out when the panel is on view (at once if it is, else the first
        time it is shown): opening a product does not wait for an explanation not looked at.
        """
        self.status = status
        self.as_of = as_of
        self._written = False
        if self.isVisible():
            self._write()

    def _write(self) -> None:
        if self._written:
            return
        self._written = True
        if self.status is None:
            self.setHtml(self._p(self.tr("Open a product to see how its figures were computed.")))
            return
        self.setHtml(self.html(self.status))

    def showEvent(self, event: QShowEvent) -> None:
        self._write()
        super().showEvent(event)

    def toPlainText(self) -> str:
        self._write()
        return super().toPlainText()

    def toHtml(self) -> str:
        self._write()
        return super().toHtml()

    # -- the text --------------------------------------------------------------------------

    def html(self, st: ProductStatus) -> str:
        inp = st.inputs
        title = self.tr("How the figures of {product} were computed").format(
            product=st.stock.description)
        parts = [f"<h2>{escape(title)}</h2>"]
        if self.as_of is not None:
            parts.append(self._p(self.tr("Stock at the end of {day}.").format(
                day=i18n.day(self.as_of))))
        parts.append(self._p(self.tr("Calculation profile: {profile} ({rule}).").format(
            profile=inp.profile.label, rule=inp.profile.source)))
        if not inp.levels_configured:
            parts.append(self._p(self.tr(
                "No stock levels are set for this program at this type of facility: "
                "StockDesk's default levels are used.")))
        warnings = [*st.warnings, *st.level_warnings]
        if warnings:
            parts.append(self._section(self.tr("Warnings"), None, None, {}, warnings))
        parts.append(self._amc(st))
        parts.append(self._adjusted(st))
        mos = shown_months_of_stock(st)
        parts.append(self._section(
            self.tr("Months of stock"), None if mos is None else i18n.number(
                mos, 1 if round(mos, 1) == mos else 2),
            st.mos, st.mos.inputs, st.mos.notes,
            rounding=self.tr("Shown to one decimal, rounded half up; more decimals only "
                             "where one decimal would seem to cross a level.")))
        if st.max_quantity is not None:
            parts.append(self._section(
                self.tr("Maximum stock quantity (H)"), _value(st.max_quantity.value),
                st.max_quantity, st.max_quantity.inputs, st.max_quantity.notes,
                rounding=self.tr("Rounded half up to a whole unit.")))
        if st.order_quantity is not None:
            parts.append(self._section(
                self.tr("Order quantity (I)"), _value(st.order_quantity.value),
                st.order_quantity, st.order_quantity.inputs, st.order_quantity.notes,
                rounding=self.tr("Never below zero: with enough stock nothing is ordered.")))
        aware = st.order_quantity_expiry_aware
        if aware is not None and inp.lots:
            parts.append(self._section(
                self.tr("Order quantity, not counting stock that will expire"),
                _value(aware.value), aware, aware.inputs, aware.notes))
        levels = inp.levels
        levels_text = self.tr(
            "Levels: maximum {max} months, minimum {min} months, emergency order point {eop} "
            "months of stock.").format(max=i18n.number(levels.max_mos, 1),
                                       min=i18n.number(levels.min_mos, 1),
                                       eop=i18n.number(levels.eop_mos, 1))
        parts.append(self._section(
            self.tr("Status"), words.status(str(st.status.value.value)), st.status,
            st.status.inputs, (levels_text, *st.status.notes)))
        stockout = st.stockout
        so_in = stockout.inputs
        parts.append(self._section(
            self.tr("Projected stockout"),
            i18n.day(stockout.value) if isinstance(stockout.value, date)
            else self.tr("Not within the projection"),
            stockout, so_in, stockout.notes,
            window=self.tr("from the day after {start} up to {end}.").format(
                start=i18n.day(so_in.get("as_of")), end=i18n.day(so_in.get("horizon_end")))
            if so_in.get("horizon_end") else None,
            rounding=self.tr("Whole days: the first day the demand cannot be met in full.")))
        order_by = st.order_by
        if order_by.value is not None:
            parts.append(self._section(
                self.tr("Order must leave by"), _value(order_by.value), order_by,
                order_by.inputs, order_by.notes))
        if st.expiry is not None:
            risk = st.expiry.at_risk_within
            notes = [self._lot_note(st, n) for n in st.expiry.at_risk.notes]
            parts.append(self._section(
                self.tr("Quantity at risk of expiry"), _value(risk.value), risk,
                risk.inputs, (*risk.notes, *notes),
                window=self.tr("lots expiring up to {day}, used first-expiry-first-out at the "
                               "average monthly consumption.").format(
                    day=i18n.day(st.expiry.horizon_end)),
                rounding=self.tr("Whole units.")))
        else:
            parts.append(self._section(
                self.tr("Quantity at risk of expiry"), "—", None, {},
                [self.tr("Known from monthly reports only: no lots, so no expiry dates.")]))
        return "\n".join(parts)

    def _lot_note(self, st: ProductStatus, note: str) -> str:
        """Name the lot by its batch number where the formula says "lot N"."""
        head, _, rest = note.partition(":")
        if head.startswith("lot ") and head[4:].isdigit():
            i = int(head[4:]) - 1
            if 0 <= i < len(st.inputs.lots):
                return f"{head} ({st.inputs.lots[i].lot}):{rest}"
        return note

    def _amc(self, st: ProductStatus) -> str:
        prof = st.inputs.profile
        months = [m.period for m in st.inputs.window]
        window = (self.tr("the {count} complete months of the window: {months}.").format(
            count=len(months), months=", ".join(i18n.month(m) for m in months))
            if months else self.tr("No month of consumption reported in the window."))
        rounding = self.tr("Each month's N is {n}; the average P is {p}.").format(
            n=_t(ROUNDING.get(prof.n_rounding, prof.n_rounding)),
            p=_t(ROUNDING.get(prof.p_rounding, prof.p_rounding)))
        return self._section(self.tr("Average monthly consumption (AMC)"),
                             _value(st.amc.value), st.amc, st.amc.inputs, st.amc.notes,
                             window=window, rounding=rounding)

    def _adjusted(self, st: ProductStatus) -> str:
        ns = adjusted_months(st.inputs.profile, st.inputs.window)
        title = self.tr("Adjusted consumption N per month")
        if not ns:
            return self._section(title, None, None, {}, [
                self.tr("No month of consumption reported in the window.")])
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in (
            self.tr("Month"), self.tr("Consumed (C)"), self.tr("Days out (X)"),
            self.tr("N"), self.tr("Formula"), self.tr("Notes")))
        rows = []
        for n in ns:
            cells = (i18n.month(str(n.inputs.get("period"))), _value(n.inputs.get("C")),
                     _value(n.inputs.get("X")), _value(n.value), n.formula,
                     "; ".join(n.notes))
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        table = (f"<table cellspacing='0' cellpadding='3' border='1' "
                 f"style='border-collapse: collapse'><tr>{head}</tr>{''.join(rows)}</table>")
        explain = self._p(self.tr(
            "A month with days out of stock is scaled up to what it would have been with "
            "stock every day: {rule}.").format(rule=st.inputs.profile.source))
        return f"<h3>{escape(title)}</h3>{explain}{table}"

    # -- building blocks -------------------------------------------------------------------

    @staticmethod
    def _p(text: str) -> str:
        return f"<p>{escape(text)}</p>"

    def _section(self, title: str, value: str | None, figure: Explained | None,
                 inputs: Mapping[str, Any], notes: Iterable[str], *,
                 window: str | None = None, rounding: str | None = None,
                 ) -> str:
        out = [f"<h3>{escape(title)}</h3>"]
        if value is not None:
            out.append(f"<p><b>{escape(self.tr('Value: {value}').format(value=value))}</b></p>")
        if figure is not None:
            out.append(f"<p>{escape(self.tr('Formula:'))} <code>{escape(figure.formula)}"
                       "</code></p>")
        shown = [(k, v) for k, v in inputs.items() if v is not None]
        if shown:
            out.append(f"<p>{escape(self.tr('Inputs:'))}</p>")
            out.append(self._inputs(shown))
        if window:
            out.append(self._p(self.tr("Window: {window}").format(window=window)))
        if rounding:
            out.append(self._p(self.tr("Rounding: {rounding}").format(rounding=rounding)))
        notes = [n for n in notes if n]
        if notes:
            out.append("<ul>" + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
        return "".join(out)

    def _inputs(self, items: Sequence[tuple[str, Any]]) -> str:
        rows = []
        for key, val in items:
            shown = _value(val)
            if key == "profile":
                shown = self.status.inputs.profile.label if self.status else shown
            rows.append(f"<tr><td><code>{escape(key)}</code></td>"
                        f"<td>{escape(_meaning(key))}</td><td>{escape(shown)}</td></tr>")
        return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"


__all__ = ["ExplainPanel"]
