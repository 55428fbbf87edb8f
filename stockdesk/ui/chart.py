"""A product's months on one chart, drawn with QPainter: consumption month by month as bars,
the forecast of the months ahead as a dashed line inside its interval band, and the usable
stock that forecast leaves on the shelf as a solid line (expiries and expected deliveries
included).  Month labels and numbers follow the locale; the legend says what each mark is.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from stockdesk.services.product_view import ChartData
from stockdesk.ui import i18n

BAR = QColor("#4f6d8f")
FORECAST = QColor("#e65100")
BAND = QColor(230, 81, 0, 45)
STOCK = QColor("#2e7d32")
TODAY = QColor("#757575")


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``top`` (steps of 1, 2 or 5 × 10ⁿ)."""
    if not math.isfinite(top) or top <= 0:
        top = 1.0
    raw = top / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if step < 1:
        step = 1.0 if top >= 1 else step
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


def _days_in_month(period: str) -> int:
    year, month = int(period[:4]), int(period[5:7])
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


class ConsumptionChart(QWidget):
    """Paints a :class:`ChartData`; with none, or no month at all, it says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consumptionChart")
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.data: ChartData | None = None
        self.message = ""
        self._plot = QRectF()
        self._ticks: list[float] = [0.0, 1.0]
        self.setAccessibleName(self.tr("Consumption and stock chart"))

    def sizeHint(self) -> QSize:
        return QSize(800, 380)

    def set_data(self, data: ChartData | None, message: str = "") -> None:
        """Show ``data``; ``message`` is shown instead when there is nothing to draw."""
        self.data = data
        self.message = message
        self.setAccessibleDescription(self.summary())
        self.update()

    # -- what is drawn -------------------------------------------------------------------------

    def periods(self) -> tuple[str, ...]:
        return self.data.periods if self.data is not None else ()

    def summary(self) -> str:
        """The chart in one sentence, for screen readers and tooltips."""
        d = self.data
        if d is None or not d.periods:
            return self.message or self.tr("Nothing to show.")
        seen = [m.consumed for m in d.history if m.consumed is not None and not m.partial]
        last = d.projection[-1].quantity if d.projection else d.usable
        return self.tr("{months} months of consumption, {reported} reported; "
                       "projected stock at the end: {stock}.").format(
            months=len(d.history), reported=len(seen), stock=i18n.number(round(last)))

    def _top(self) -> float:
        d = self.data
        values: list[float] = [0.0]
        if d is not None:
            values += [float(m.consumed) for m in d.history if m.consumed is not None]
            values += [f.upper for f in d.forecast] + [f.point for f in d.forecast]
            values += [p.quantity for p in d.projection]
        return max((v for v in values if math.isfinite(v)), default=0.0)

    def _legend(self) -> list[tuple[str, str]]:
        """(kind, text) of each mark shown."""
        d = self.data
        items = [("bar", self.tr("Consumption"))]
        if d is not None and any(m.partial and m.consumed is not None for m in d.history):
            items.append(("partial", self.tr("This month so far")))
        if d is not None and d.forecast:
            items.append(("forecast", self.tr("Forecast")))
            items.append(("band", self.tr("Likely range ({percent} % of months)").format(
                percent=i18n.number(round(d.level * 100)))))
        if d is not None and len(d.projection) > 1:
            items.append(("stock", self.tr("Projected usable stock")))
        return items

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        fm = QFontMetrics(self.font())
        text = pal.color(QPalette.ColorRole.Text)
        periods = self.periods()
        legend_h = self._paint_legend(p, fm, text)
        ticks = nice_ticks(self._top())
        labels = [i18n.number(t) for t in ticks]
        left = max(fm.horizontalAdvance(s) for s in labels) + 12
        plot = QRectF(left, legend_h + fm.height() / 2 + 6, self.width() - left - 12,
                      self.height() - legend_h - fm.height() * 2 - 18)
        if plot.width() < 20 or plot.height() < 20:
            p.end()
            return
        self._plot, self._ticks = plot, ticks
        grid = QColor(text)
        grid.setAlpha(40)
        for t, s in zip(ticks, labels, strict=True):
            y = self._y(t)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), s)
        p.setPen(QPen(text, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not periods:
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                       self.message or self.tr("No month of consumption to show."))
            p.end()
            return
        self._paint_months(p, fm, text, periods)
        self._paint_bars(p, periods)
        self._paint_forecast(p, periods)
        self._paint_stock(p, periods)
        self._paint_today(p, fm, periods)
        if self.message:
            p.setPen(text)
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                       self.message)
        p.end()

    def _y(self, value: float) -> float:
        top = self._ticks[-1] or 1.0
        plot = self._plot
        return plot.bottom() - plot.height() * max(0.0, min(value, top)) / top

    def _slot(self, periods: tuple[str, ...]) -> float:
        return self._plot.width() / len(periods)

    def _x(self, periods: tuple[str, ...], index: float) -> float:
        """Left edge of slot ``index`` (fractions go into the month)."""
        return self._plot.left() + self._slot(periods) * index

    def _paint_legend(self, p: QPainter, fm: QFontMetrics, text: QColor) -> float:
        x, y, h = 8.0, 6.0, float(fm.height())
        for kind, label in self._legend():
            width = 22 + fm.horizontalAdvance(label) + 16
            if x + width > self.width() - 8 and x > 8:
                x, y = 8.0, y + h + 4
            self._swatch(p, kind, QRectF(x, y + 2, 16, h - 4))
            p.setPen(text)
            p.drawText(QRectF(x + 22, y, width, h),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
            x += width
        return y + h + 4

    @staticmethod
    def _swatch(p: QPainter, kind: str, r: QRectF) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        if kind == "bar":
            p.setBrush(BAR)
            p.drawRect(r)
        elif kind == "partial":
            p.setBrush(QBrush(BAR, Qt.BrushStyle.BDiagPattern))
            p.setPen(QPen(BAR, 1))
            p.drawRect(r)
        elif kind == "band":
            p.setBrush(BAND)
            p.drawRect(r)
        elif kind == "forecast":
            p.setPen(QPen(FORECAST, 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
        elif kind == "stock":
            p.setPen(QPen(STOCK, 3))
            p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_months(self, p: QPainter, fm: QFontMetrics, text: QColor,
                      periods: tuple[str, ...]) -> None:
        slot = self._slot(periods)
        names = [i18n.month(x) for x in periods]
        widest = max(fm.horizontalAdvance(n) for n in names) + 8
        every = max(1, math.ceil(widest / slot))
        p.setPen(text)
        for i, name in enumerate(names):
            x = self._x(periods, i)
            if (len(periods) - 1 - i) % every:  # keep the last month's label
                continue
            p.drawLine(QPointF(x + slot / 2, self._plot.bottom()),
                       QPointF(x + slot / 2, self._plot.bottom() + 4))
            p.drawText(QRectF(x + slot / 2 - widest / 2, self._plot.bottom() + 5, widest,
                              fm.height()), int(Qt.AlignmentFlag.AlignCenter), name)

    def _paint_bars(self, p: QPainter, periods: tuple[str, ...]) -> None:
        assert self.data is not None
        slot = self._slot(periods)
        width = max(1.0, slot * 0.6)
        index = {x: i for i, x in enumerate(periods)}
        for m in self.data.history:
            if m.consumed is None:
                continue
            x = self._x(periods, index[m.period]) + (slot - width) / 2
            y = self._y(m.consumed)
            bar = QRectF(x, y, width, max(self._plot.bottom() - y, 1.0 if m.consumed else 0))
            if m.partial:
                p.setPen(QPen(BAR, 1))
                p.setBrush(QBrush(BAR, Qt.BrushStyle.BDiagPattern))
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(BAR)
            p.drawRect(bar)
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_forecast(self, p: QPainter, periods: tuple[str, ...]) -> None:
        assert self.data is not None
        fc = self.data.forecast
        if not fc:
            return
        slot = self._slot(periods)
        index = {x: i for i, x in enumerate(periods)}
        xs = [self._x(periods, index[f.period]) + slot / 2 for f in fc]
        band = QPolygonF([QPointF(x, self._y(f.upper)) for x, f in zip(xs, fc, strict=True)]
                         + [QPointF(x, self._y(f.lower))
                            for x, f in reversed(list(zip(xs, fc, strict=True)))])
        if len(fc) == 1:  # one month: a band as wide as the bar
            x, f = xs[0], fc[0]
            band = QPolygonF([QPointF(x - slot * 0.3, self._y(f.upper)),
                              QPointF(x + slot * 0.3, self._y(f.upper)),
                              QPointF(x + slot * 0.3, self._y(f.lower)),
                              QPointF(x - slot * 0.3, self._y(f.lower))])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(BAND)
        p.drawPolygon(band)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(FORECAST, 2, Qt.PenStyle.DashLine))
        line = QPolygonF([QPointF(x, self._y(f.point)) for x, f in zip(xs, fc, strict=True)])
        if len(fc) == 1:
            line = QPolygonF([QPointF(xs[0] - slot * 0.3, self._y(fc[0].point)),
                              QPointF(xs[0] + slot * 0.3, self._y(fc[0].point))])
        p.drawPolyline(line)
        p.setBrush(FORECAST)
        p.setPen(Qt.PenStyle.NoPen)
        for x, f in zip(xs, fc, strict=True):
            p.drawEllipse(QPointF(x, self._y(f.point)), 3, 3)
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _day_x(self, periods: tuple[str, ...], index: dict[str, int], day: date) -> float | None:
        per = f"{day.year:04d}-{day.month:02d}"
        if per not in index:
            return None
        return self._x(periods, index[per] + day.day / _days_in_month(per))

    def _paint_stock(self, p: QPainter, periods: tuple[str, ...]) -> None:
        assert self.data is not None
        points = self.data.projection
        if len(points) < 2:
            return
        index = {x: i for i, x in enumerate(periods)}
        path = QPainterPath()
        started = False
        for pt in points:
            x = self._day_x(periods, index, pt.day)
            if x is None:
                continue
            y = self._y(pt.quantity)
            if not started:
                path.moveTo(x, y)
                started = True
            else:
                path.lineTo(x, y)
        p.setPen(QPen(STOCK, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.drawPath(path)

    def _paint_today(self, p: QPainter, fm: QFontMetrics, periods: tuple[str, ...]) -> None:
        assert self.data is not None
        index = {x: i for i, x in enumerate(periods)}
        x = self._day_x(periods, index, self.data.as_of)
        if x is None:
            return
        p.setPen(QPen(TODAY, 1, Qt.PenStyle.DotLine))
        p.drawLine(QPointF(x, self._plot.top()), QPointF(x, self._plot.bottom()))
        label = self.tr("Today")
        w = fm.horizontalAdvance(label) + 6
        left = min(x + 3, self._plot.right() - w)
        p.setPen(TODAY)
        p.drawText(QRectF(left, self._plot.top(), w, fm.height()),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)

    # -- what is under the mouse -----------------------------------------------------------

    def month_text(self, period: str) -> str:
        """The figures of one month, as the tooltip shows them."""
        d = self.data
        if d is None:
            return ""
        lines = [i18n.month(period)]
        for m in d.history:
            if m.period == period:
                if m.consumed is None:
                    lines.append(self.tr("Consumption not reported"))
                elif m.partial:
                    lines.append(self.tr("Consumed so far: {quantity}").format(
                        quantity=i18n.number(m.consumed)))
                else:
                    lines.append(self.tr("Consumed: {quantity}").format(
                        quantity=i18n.number(m.consumed)))
                if m.stockout_days:
                    lines.append(self.tr("Days out of stock: {days}").format(
                        days=i18n.number(m.stockout_days)))
        for f in d.forecast:
            if f.period == period:
                lines.append(self.tr("Forecast: {point} (between {lower} and {upper})").format(
                    point=i18n.number(round(f.point)), lower=i18n.number(round(f.lower)),
                    upper=i18n.number(round(f.upper))))
        ends = [pt for pt in d.projection if f"{pt.day.year:04d}-{pt.day.month:02d}" == period]
        if len(d.projection) > 1 and ends:
            lines.append(self.tr("Projected stock at the end of the month: {quantity}").format(
                quantity=i18n.number(round(ends[-1].quantity))))
            lost = sum(pt.expired for pt in ends)
            if lost:
                lines.append(self.tr("Expiring unused: {quantity}").format(
                    quantity=i18n.number(round(lost))))
        return "\n".join(lines)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            periods = self.periods()
            plot = self._plot
            if periods and not plot.isEmpty() and plot.left() <= e.pos().x() <= plot.right():
                i = int((e.pos().x() - plot.left()) / self._slot(periods))
                QToolTip.showText(e.globalPos(),
                                  self.month_text(periods[min(i, len(periods) - 1)]), self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)
