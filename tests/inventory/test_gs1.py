"""Reading what a scanner types from a medicine pack's GS1 DataMatrix."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockdesk.inventory.gs1 import (
    GS,
    Gs1Data,
    Gs1Error,
    check_digit,
    encode,
    looks_like_gs1,
    parse,
    read_date,
)

GTIN = "09506000134352"


def test_bracketed_form() -> None:
    data = parse("(01)09506000134352(17)261231(10)LOT42")
    assert data == Gs1Data(gtin=GTIN, expiry=date(2026, 12, 31), lot="LOT42")


def test_raw_form_with_group_separator_and_serial() -> None:
    data = parse(f"01{GTIN}17261231" f"10LOT42{GS}21SER123")
    assert (data.gtin, data.expiry, data.lot, data.serial) == (
        GTIN, date(2026, 12, 31), "LOT42", "SER123")


@pytest.mark.parametrize("prefix", ["]d2", "]Q3", "]C1"])
def test_symbology_prefix_is_ignored(prefix: str) -> None:
    assert parse(f"{prefix}01{GTIN}1727063010AB-7").lot == "AB-7"
    assert parse(f"{prefix}(01){GTIN}(10)AB-7").gtin == GTIN


def test_lot_before_expiry_ends_at_the_separator() -> None:
    data = parse(f"]d201{GTIN}10B12{GS}17280115")
    assert data.lot == "B12"
    assert data.expiry == date(2028, 1, 15)


def test_leading_fnc1_and_trailing_newline() -> None:
    assert parse(f"{GS}01{GTIN}10X\r\n").lot == "X"


def test_day_00_is_the_last_day_of_the_month() -> None:
    assert read_date("270200") == date(2027, 2, 28)
    assert read_date("280200") == date(2028, 2, 29)
    assert parse(f"01{GTIN}17261100").expiry == date(2026, 11, 30)


def test_century_sliding_window() -> None:
    assert read_date("991231", reference_year=2026) == date(1999, 12, 31)
    assert read_date("761231", reference_year=2026) == date(2076, 12, 31)
    assert read_date("771231", reference_year=2026) == date(1977, 12, 31)
    assert read_date("050101", reference_year=2090) == date(2105, 1, 1)


@pytest.mark.parametrize("text", ["261331", "260230", "26123", "2612AB"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(Gs1Error):
        read_date(text)


@pytest.mark.parametrize("text", [
    "(01)09506000134353(10)X",  # wrong check digit: a misread
    "(01)0950600013435",  # short GTIN
    "01095060001343",  # raw, cut short
    "(01)09506000134352junk(10)X" + ")",
    "hello",
    "",
    "]d2",
    f"01{GTIN}10{'X' * 21}",  # lot longer than 20
    f"01{GTIN}10",  # empty lot
    f"01{GTIN}0512",  # unknown AI
    f"(01){GTIN}(01)00000000000000",  # two different GTINs
])
def test_garbage_is_refused(text: str) -> None:
    with pytest.raises(Gs1Error):
        parse(text)


def test_other_ais_are_kept() -> None:
    data = parse(f"01{GTIN}11250101240REF{GS}10L")
    assert data.other == {"11": "250101", "240": "REF"}
    assert data.lot == "L"


def test_measure_ai_with_four_digits() -> None:
    assert parse(f"01{GTIN}3103000500" f"10L").other == {"3103": "000500"}


@pytest.mark.parametrize(("text", "expected"), [
    ("]d201" + GTIN, True), ("(01)" + GTIN, True), ("01" + GTIN + "10X", True),
    ("P001", False), ("amoxicillin", False), ("0123", False), ("(10)X", False),
])
def test_looks_like_a_scan(text: str, expected: bool) -> None:
    assert looks_like_gs1(text) is expected


def test_check_digit() -> None:
    assert check_digit(GTIN[:-1]) == int(GTIN[-1])


gtins = st.text("0123456789", min_size=13, max_size=13).map(lambda b: b + str(check_digit(b)))
lots = st.text(st.characters(min_codepoint=33, max_codepoint=126,
                             exclude_characters="()"), min_size=1, max_size=20)
expiries = st.dates(date(2000, 1, 1), date(2049, 12, 31))


@given(gtin=gtins, expiry=st.none() | expiries, lot=st.none() | lots,
       serial=st.none() | lots, bracketed=st.booleans(),
       prefix=st.sampled_from(["", "]d2", "]Q3"]))
def test_round_trip(gtin: str, expiry: date | None, lot: str | None, serial: str | None,
                    bracketed: bool, prefix: str) -> None:
    data = Gs1Data(gtin=gtin, expiry=expiry, lot=lot, serial=serial)
    text = encode(data, bracketed=bracketed, prefix=prefix)
    assert looks_like_gs1(text)
    assert parse(text) == data


@given(st.text(max_size=40))
def test_any_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        data = parse(text)
    except Gs1Error:
        return
    assert data.gtin is None or len(data.gtin) == 14
