"""The shipped starter catalogue: importable, unique, attributed, and what the script makes."""

from __future__ import annotations

import csv
import importlib.util
import sys
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADER = [
    "code", "name", "strength", "form", "unit", "pack_size", "pack_rounding_threshold",
    "round_to_zero", "price_per_pack", "program", "atc", "gtin", "seasonal", "controlled",
]
PROGRAMS = {"essential", "malaria", "hiv", "tuberculosis", "family_planning", "immunization"}


def _text() -> str:
    return resources.files("stockdesk").joinpath("data/starter_catalogue.csv").read_text(
        encoding="utf-8")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(_text().splitlines()))


def _find(rows: list[dict[str, str]], name: str, **fields: str) -> list[dict[str, str]]:
    return [r for r in rows if r["name"].lower() == name
            and all(r[k] == v for k, v in fields.items())]


def test_header_is_the_canonical_catalogue_columns() -> None:
    header = next(csv.reader(_text().splitlines()))
    assert header == HEADER


def test_header_matches_what_the_catalogue_importer_reads() -> None:
    columns = pytest.importorskip("stockdesk.exchange.columns")
    assert [f.name for f in columns.CATALOGUE.fields] == HEADER


def test_a_few_hundred_products_with_unique_short_codes(rows: list[dict[str, str]]) -> None:
    assert 300 <= len(rows) <= 1500
    codes = [r["code"] for r in rows]
    assert len(set(codes)) == len(codes)
    assert all(0 < len(c) <= 32 and c == c.strip() and c.upper() == c for c in codes)
    assert len({(r["name"], r["strength"], r["form"], r["unit"]) for r in rows}) == len(rows)


def test_every_row_has_sensible_values(rows: list[dict[str, str]]) -> None:
    units = {"tablet", "capsule", "bottle", "vial", "ampoule", "sachet", "tube", "each", "cycle"}
    for r in rows:
        assert r["name"] and r["form"], r
        assert r["unit"] in units, r
        assert int(r["pack_size"]) >= 1, r
        assert 0 <= int(r["pack_rounding_threshold"]) < int(r["pack_size"]) or \
            int(r["pack_size"]) == 1, r
        assert r["program"] in PROGRAMS, r
        assert r["seasonal"] in ("yes", "no") and r["controlled"] in ("yes", "no"), r
        assert r["round_to_zero"] == "no" and r["price_per_pack"] == "" and r["gtin"] == "", r


def test_known_essential_medicines_are_there(rows: list[dict[str, str]]) -> None:
    amox = _find(rows, "amoxicillin", strength="250 mg", form="dispersible tablet")
    assert amox and amox[0]["unit"] == "tablet" and amox[0]["atc"] == "J01CA04"
    assert _find(rows, "amoxicillin", strength="500 mg", form="powder for injection")

    al = _find(rows, "artemether + lumefantrine", strength="20 mg + 120 mg", form="tablet")
    assert al and al[0]["program"] == "malaria" and al[0]["seasonal"] == "yes"

    ors = _find(rows, "oral rehydration salts")
    assert ors and ors[0]["unit"] == "sachet" and ors[0]["seasonal"] == "yes"
    zinc = _find(rows, "zinc sulfate")
    assert zinc and all(r["seasonal"] == "yes" for r in zinc)

    morphine = _find(rows, "morphine")
    assert len(morphine) >= 5
    assert all(r["controlled"] == "yes" for r in morphine)
    assert {"tablet", "injection", "oral liquid"} <= {r["form"] for r in morphine}
    assert _find(rows, "diazepam") and all(r["controlled"] == "yes"
                                           for r in _find(rows, "diazepam"))


def test_programs_and_flags_follow_the_sections(rows: list[dict[str, str]]) -> None:
    by_program = {p: [r for r in rows if r["program"] == p] for p in PROGRAMS}
    assert all(by_program[p] for p in PROGRAMS)
    assert any(r["name"].lower().startswith("dolutegravir") for r in by_program["hiv"])
    assert any(r["name"].lower() == "rifampicin" for r in by_program["tuberculosis"])
    assert any(r["unit"] == "cycle" for r in by_program["family_planning"])
    # listed for MDR-TB too, but an ordinary antibiotic
    assert {r["program"] for r in _find(rows, "amoxicillin + clavulanic acid")} == {"essential"}
    # paracetamol and antipsychotics are not controlled; seasonal means malaria, ORS, zinc
    assert all(r["controlled"] == "no" for r in _find(rows, "paracetamol (acetaminophen)"))
    assert all(r["controlled"] == "no" for r in _find(rows, "haloperidol"))
    for r in rows:
        if r["seasonal"] == "yes":
            assert r["program"] == "malaria" or r["name"].lower() in (
                "oral rehydration salts", "zinc sulfate"), r


def test_attribution_and_licence_ship_with_the_data() -> None:
    note = resources.files("stockdesk").joinpath("data/STARTER_CATALOGUE.md").read_text(
        encoding="utf-8")
    assert "WHO Model List of Essential Medicines" in note
    assert "CC BY-NC-SA 3.0 IGO" in note
    assert "tools/build_starter_catalogue.py" in note


def test_the_script_reproduces_the_committed_file() -> None:
    """The CSV is generated output: the script must make exactly these bytes."""
    script = ROOT / "tools" / "build_starter_catalogue.py"
    spec = importlib.util.spec_from_file_location("build_starter_catalogue", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    if not module.DEFAULT_SOURCE.exists():
        pytest.skip(f"the WHO export is not at {module.DEFAULT_SOURCE}")
    rebuilt = module.render(module.build(module.read_export(module.DEFAULT_SOURCE)))
    assert rebuilt == _text()
