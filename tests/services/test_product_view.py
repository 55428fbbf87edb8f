"""One product as its stock card shows it: the list's rows, the card, the chart's months,
forecast and projected stock."""

from __future__ import annotations

from datetime import date

import pytest

from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.product_view import ProductViewService, project_stock

from ..conftest import TODAY  # 2024-12-31
from .test_stock_status import stocked  # noqa: F401 - the fixture


def service(db) -> ProductViewService:
    return ProductViewService(db, SETUP_ACTOR, today=lambda: TODAY)


def test_the_list_rows_carry_the_status_and_months_of_stock_as_printed(stocked) -> None:  # noqa: F811
    listing = service(stocked).stock_list("HC01")
    rows = {r.code: r for r in listing.rows}
    amox = rows["AMOX250"]
    assert (amox.usable, amox.amc, amox.status_code) == (790, 331, "adequate")
    assert amox.months_of_stock == 2.4  # 790 / 331 = 2.39, printed to one decimal
    assert amox.program == "essential"
    assert rows["ORS"].at_risk == 40
    assert "essential" in {code for code, _ in listing.programs}


def test_the_card_reads_one_product_with_its_running_balance_and_lots(stocked) -> None:  # noqa: F811
    card = service(stocked).card("HC01", "ORS")
    assert card.balance == 420 == card.lines[-1].balance
    assert [lot.lot for lot in card.lots] == ["OLD", "NEW"]  # first expiry first
    assert {line.lot for line in card.lines} == {"OLD", "NEW"}


def test_the_chart_has_the_months_the_forecast_and_the_stock_it_leaves(stocked) -> None:  # noqa: F811
    chart = service(stocked).chart("HC01", "AMOX250")
    consumed = {m.period: m.consumed for m in chart.history}
    assert consumed["2024-10"] == 300 and consumed["2024-11"] == 360
    assert chart.history[0].period == "2024-10"  # nothing reported before: left out
    assert chart.history[-1].partial and chart.history[-1].period == "2024-12"
    assert len(chart.forecast) == 6
    assert chart.projection[0].quantity == 790 and chart.projection[0].day == TODAY
    quantities = [p.quantity for p in chart.projection]
    assert quantities == sorted(quantities, reverse=True)  # nothing arrives: only goes down


def test_projected_stock_takes_the_forecast_day_by_day_and_drops_expired_lots() -> None:
    as_of = date(2025, 1, 31)
    # 100 expiring on 10 February and 300 without expiry; 28 a month in February (1 a day)
    points = project_stock([(100, date(2025, 2, 10)), (300, None)], as_of,
                           ["2025-02", "2025-03"], [28.0, 31.0])
    by_day = {p.day: p for p in points}
    assert by_day[as_of].quantity == 400
    assert by_day[date(2025, 2, 9)].quantity == pytest.approx(391)
    # what is left of the first lot (91) is removed on its expiry date
    assert by_day[date(2025, 2, 10)].expired == pytest.approx(91)
    assert by_day[date(2025, 2, 10)].quantity == pytest.approx(299)
    assert points[-1].day == date(2025, 3, 31)
    assert points[-1].quantity == pytest.approx(300 - 19 - 31)  # 10-28 Feb, then March


def test_projected_stock_never_goes_below_zero_and_counts_deliveries() -> None:
    as_of = date(2025, 1, 31)
    points = project_stock([(10, None)], as_of, ["2025-02"], [280.0],
                           receipts=[(date(2025, 2, 15), 50)])
    by_day = {p.day: p for p in points}
    assert by_day[date(2025, 2, 14)].quantity == 0
    assert by_day[date(2025, 2, 15)].received == 50
    assert by_day[date(2025, 2, 15)].quantity == pytest.approx(40)
    assert min(p.quantity for p in points) >= 0
    assert project_stock([(5, None)], as_of, [], []) == project_stock([(5, None)], as_of,
                                                                     [], [])
