"""The consumption chart paints whatever it is given: months of data, nothing at all, one
month, only zeros, numbers in the billions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage

from stockdesk.services.product_view import ChartData, ForecastPoint, MonthPoint, StockPoint
from stockdesk.ui.chart import ConsumptionChart, nice_ticks

TODAY = date(2026, 11, 21)


def data(history, forecast=(), projection=None, usable=100):
    return ChartData("P1", TODAY, usable, tuple(history), tuple(forecast), "amc3",
                     tuple(projection or (StockPoint(TODAY, usable),)))


def painted(qtbot, chart_data, message: str = "") -> tuple[ConsumptionChart, QImage]:
    chart = ConsumptionChart()
    qtbot.addWidget(chart)
    chart.resize(800, 380)
    chart.set_data(chart_data, message)
    return chart, chart.grab().toImage()


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)}


def months(values, first_month: int = 1):
    return [MonthPoint(f"2026-{first_month + i:02d}", v, 0, False)
            for i, v in enumerate(values)]


def test_a_year_with_a_forecast_and_a_projection_paints_every_mark(qtbot) -> None:
    history = [*months([120, 130, 90, 0, None, 150, 160, 140, 100, 110]),
               MonthPoint("2026-11", 60, 0, True)]
    forecast = [ForecastPoint(p, 120.0, 80.0, 170.0)
                for p in ("2026-11", "2026-12", "2027-01", "2027-02")]
    projection = [StockPoint(date(2026, 11, 21 + i), 300 - 4 * i) for i in range(10)]
    chart, image = painted(qtbot, data(history, forecast, projection, 300))
    assert len(colours(image)) > 20
    # the legend names each mark
    legend = [text for _, text in chart._legend()]
    assert legend == ["Consumption", "This month so far", "Forecast",
                      "Likely range (80 % of months)", "Projected usable stock"]
    assert "Consumption not reported" in chart.month_text("2026-05")
    assert "Forecast: 120 (between 80 and 170)" in chart.month_text("2026-12")


@pytest.mark.parametrize("chart_data", [
    None,
    data([]),
    data(months([None, None, None])),
    data(months([0, 0, 0]), [ForecastPoint("2026-04", 0.0, 0.0, 0.0)], usable=0),
    data(months([42])),
    data(months([10**12, 3 * 10**11]), [ForecastPoint("2026-03", 9e11, 1e11, 2e12)],
         usable=10**9),
], ids=["no data", "no month", "nothing reported", "zeros", "one month", "huge"])
def test_paints_without_failing_whatever_the_data(qtbot, chart_data) -> None:
    chart, image = painted(qtbot, chart_data, "Nothing to show yet.")
    assert not image.isNull()
    assert len(colours(image)) > 1  # at least the axis and a text
    assert chart.summary()


def test_paints_when_squeezed(qtbot) -> None:
    chart, _ = painted(qtbot, data(months([5, 6, 7])))
    chart.resize(chart.minimumSize())
    assert not chart.grab().toImage().isNull()


def test_ticks_are_round_numbers_covering_the_largest_value() -> None:
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(87)[-1] >= 87
    assert nice_ticks(87) == [0, 20, 40, 60, 80, 100]
    big = nice_ticks(1.3e12)
    assert big[-1] >= 1.3e12 and len(big) <= 8
    assert all(t == int(t) for t in nice_ticks(3))
