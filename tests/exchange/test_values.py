"""Cell text as French and English spreadsheets write it; the ambiguous is refused, not guessed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from stockdesk.exchange.values import (
    pack_size_from_label,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_float,
    parse_gtin,
    parse_int,
    parse_period,
)


@pytest.mark.parametrize("text, value", [
    ("12", 12), (" 12 ", 12), ("+3", 3), ("-4", -4), ("1 200", 1200), ("1\u00a0200", 1200),
    ("12.0", 12), ("12,00", 12),
])
def test_whole_numbers(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["12.5", "12,5", "1,200", "abc", "", "1e3", "nan", "٣x"])
def test_not_whole_numbers(text):
    with pytest.raises(ValueError):
        parse_int(text)


def test_decimals_accept_a_decimal_comma_and_refuse_infinity():
    assert parse_decimal("0,5") == Decimal("0.5")
    assert parse_decimal("1 234.50") == Decimal("1234.50")
    assert parse_float("2,25") == 2.25
    for bad in ("inf", "NaN", "1,2,3", "x"):
        with pytest.raises(ValueError):
            parse_decimal(bad)


@pytest.mark.parametrize("text, value", [
    ("2024-03-04", date(2024, 3, 4)), ("04/03/2024", date(2024, 3, 4)),
    ("4.3.2024", date(2024, 3, 4)), ("2024-03-04 00:00:00", date(2024, 3, 4)),
    ("2024-03-04T10:30", date(2024, 3, 4)),
])
def test_dates_iso_or_day_first(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text", ["03/04/24", "2024-02-30", "13/13/2024", "yesterday", "",
                                  "0001-01-01", "2024/03/04"])
def test_bad_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text, value", [
    ("2019-01", "2019-01"), ("201901", "2019-01"), ("1/2019", "2019-01"),
    ("2019-01-01", "2019-01"), ("2019-1", "2019-01"),
])
def test_periods(text, value):
    assert parse_period(text) == value


@pytest.mark.parametrize("text", ["2019-13", "2019-01-15", "January", "19-01"])
def test_bad_periods(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_booleans_in_several_languages():
    assert [parse_bool(t) for t in ("Yes", "oui", "TRUE", "1", "x")] == [True] * 5
    assert [parse_bool(t) for t in ("no", "Non", "false", "0", "")] == [False] * 5
    with pytest.raises(ValueError):
        parse_bool("maybe")


def test_gtin_check_digit():
    assert parse_gtin("00012345600012") == "00012345600012"  # GS1 example
    assert parse_gtin("4006381333931") == "4006381333931"
    with pytest.raises(ValueError):
        parse_gtin("4006381333932")  # wrong check digit: a typo or a misread
    with pytest.raises(ValueError):
        parse_gtin("12345")


@pytest.mark.parametrize("label, size", [
    ("PRESERVATIF MASCULIN BTE/144 BOITE", 144),
    ("DEPO PROVERA/PETOGEN 150 MG / 3ML INJ BTE/25 BOITE", 25),
    ("MICROGYNON 0.03/0.15 MG BTE / 3 CYCLES BOITE", 3),
    ("PRESERVATIF FEMININ UNITE", None),
    ("LEVONORGESTREL 1.5 MG CP BOITE", None),
])
def test_pack_size_from_elmis_labels(label, size):
    assert pack_size_from_label(label) == size
