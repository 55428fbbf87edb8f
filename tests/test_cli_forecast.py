"""``stockdesk forecast`` and ``stockdesk program`` as a user meets them, and ``stock`` with
its status columns in every format."""

from __future__ import annotations

import csv
import io
import json

from .test_cli import AS_OF, environment, run, stocked  # noqa: F401 - fixtures


def test_forecast_table_lists_every_product_with_the_next_months(run, stocked):  # noqa: F811
    result = run("--db", stocked, "forecast", "HC01", *AS_OF)
    assert result.code == 0, result.err
    assert result.lines[0] == "Forecast at HC01 on 2024-12-31 from the complete months up to " \
                              "2024-12 - 2 products"
    header = next(line for line in result.lines if line.startswith("Code"))
    assert header.split()[4:7] == ["2025-01", "2025-02", "2025-03"]
    assert "P(out)" in header and "Order" in header
    assert any(line.startswith("AMOX250") for line in result.lines)


def test_forecast_json_has_months_intervals_probability_and_explanation(run, stocked):  # noqa: F811
    result = run("--db", stocked, "forecast", "HC01", "--months", "4", "--format", "json",
                 *AS_OF)
    assert result.code == 0, result.err
    amox = {p["code"]: p for p in json.loads(result.out)["products"]}["AMOX250"]
    assert [m["period"] for m in amox["months"]] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    for m in amox["months"]:
        assert m["lower"] <= m["forecast"] <= m["upper"]
    assert 0 <= amox["stockout_probability"] <= 1
    assert amox["method"] and amox["demand_class"]
    assert amox["amc"] == 100 and amox["profile"] == "openlmis"
    assert "P = ceil((120 + 80) / 2) = 100" in amox["explanation"]["amc"]
    assert amox["explanation"]["forecast"].startswith(amox["method"])
    # what to order so the next 3 months are covered, from the ordering basis
    assert amox["order_method"]
    assert amox["order_from_forecast"] == max(0, amox["max_from_forecast"] - amox["usable"])


def test_forecast_csv_is_one_row_per_product_and_month(run, stocked):  # noqa: F811
    result = run("--db", stocked, "forecast", "HC01", "--format", "csv", *AS_OF)
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 2 * 3
    assert {r["period"] for r in rows} == {"2025-01", "2025-02", "2025-03"}


def test_one_product_is_explained_in_full(run, stocked):  # noqa: F811
    result = run("--db", stocked, "forecast", "HC01", "--product", "AMOX250", *AS_OF)
    assert result.code == 0, result.err
    text = result.out
    for words in ("method", "history", "AMC           P = ceil((120 + 80) / 2) = 100",
                  "next delivery 2025-01-30", "stockout risk P(demand over the next 1 months "
                  "> 300)", "80% from"):
        assert words in text, words


def test_forecast_refuses_what_it_cannot_do_in_words(run, stocked):  # noqa: F811
    assert run("--db", stocked, "forecast", "HC01", "--product", "NOPE").err.strip() == \
        "error: unknown product code 'NOPE'"
    bad = run("--db", stocked, "forecast", "HC01", "--months", "40")
    assert bad.code == 1 and "between 1 and 24, got 40" in bad.err
    wrong = run("--db", stocked, "stock", "HC01", "--profile", "lmis")
    assert wrong.code == 1
    assert "unknown calculation profile 'lmis'; known: openlmis, msupply, civ-elmis" in wrong.err


def test_stock_csv_carries_every_status_figure(run, stocked):  # noqa: F811
    result = run("--db", stocked, "stock", "HC01", "--format", "csv", *AS_OF)
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(result.out))}
    amox = rows["AMOX250"]
    assert (amox["amc"], amox["months_of_stock"], amox["status"]) == ("100", "3.0", "adequate")
    assert (amox["max_quantity"], amox["order_quantity"]) == ("300", "0")
    assert amox["projected_stockout"] == "2025-04-01" and amox["order_by"] == "2025-03-02"
    assert rows["ORS"]["status"] == "stocked_out"  # its only lot expired in June


def test_a_programs_profile_is_set_once_and_used_everywhere(run, stocked):  # noqa: F811
    listed = run("--db", stocked, "program", "list")
    assert listed.code == 0 and "essential" in listed.out and "openlmis" in listed.out
    changed = run("--db", stocked, "program", "profile", "essential", "msupply")
    assert changed.code == 0 and changed.out.strip() == \
        "essential now uses the msupply calculation profile"
    stock = json.loads(run("--db", stocked, "stock", "HC01", "--format", "json", *AS_OF).out)
    assert {p["code"]: p["profile"] for p in stock["products"]}["AMOX250"] == "msupply"
    refused = run("--db", stocked, "program", "profile", "nope", "msupply")
    assert refused.code == 1 and "unknown program 'nope'" in refused.err


def test_district_lists_what_needs_action_first(run, stocked):  # noqa: F811
    result = run("--db", stocked, "district", "North", *AS_OF)
    assert result.code == 0, result.err
    assert result.lines[0].startswith("North at the end of 2024-12-31: 1 of 2 facility × "
                                      "product needing action")
    row = next(line for line in result.lines if line.startswith("HC01"))
    assert row.split()[1:5] == ["ORS", "0", "0", "Stocked"]  # its only lot expired in June
    every = json.loads(run("--db", stocked, "district", "North", "--all", "--format", "json",
                           *AS_OF).out)
    assert [(r["facility"], r["product"], r["status"]) for r in every["rows"]] == [
        ("HC01", "ORS", "stocked_out"), ("HC01", "AMOX250", "adequate")]
    assert every["rows"][1]["projected_stockout"] == "2025-04-01"
    unknown = run("--db", stocked, "district", "Nowhere")
    assert unknown.code == 1 and "no facility is in a district named 'Nowhere'" in unknown.err
