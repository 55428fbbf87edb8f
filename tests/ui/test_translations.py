"""The four languages are complete, compiled from their sources, and switch at runtime."""

from __future__ import annotations

import filecmp
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stockdesk.ui import i18n, words

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
assert spec is not None and spec.loader is not None
tool = importlib.util.module_from_spec(spec)
sys.modules["i18n_tool"] = tool
spec.loader.exec_module(tool)


def _sources(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(c.findtext("name", ""), m.findtext("source", ""))
            for c in root.findall("context") for m in c.findall("message")}


@pytest.mark.parametrize("lang", sorted(tool.LANGS))
def test_every_text_is_translated_with_its_placeholders(lang: str) -> None:
    assert tool.problems(lang) == []


def test_catalogues_hold_every_text_of_the_code(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A text added to the window without running ``tools/i18n.py update`` is caught here."""
    committed = {lang: _sources(tool.ts_path(lang)) for lang in tool.LANGS}
    monkeypatch.setattr(tool, "TRANSLATIONS", tmp_path)
    for lang in tool.LANGS:
        (tmp_path / tool.ts_path(lang).name).write_bytes(
            (ROOT / "stockdesk/ui/translations" / tool.ts_path(lang).name).read_bytes())
    tool.update()
    for lang in tool.LANGS:
        assert _sources(tmp_path / f"stockdesk_{lang}.ts") == committed[lang], lang


def test_compiled_catalogues_match_their_sources(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shipped = ROOT / "stockdesk/ui/translations"
    monkeypatch.setattr(tool, "TRANSLATIONS", tmp_path)
    for lang in tool.LANGS:
        (tmp_path / f"stockdesk_{lang}.ts").write_bytes(
            (shipped / f"stockdesk_{lang}.ts").read_bytes())
    tool.release()
    for lang in tool.LANGS:
        assert filecmp.cmp(tmp_path / f"stockdesk_{lang}.qm", shipped / f"stockdesk_{lang}.qm",
                           shallow=False), f"run python tools/i18n.py release ({lang})"


@pytest.mark.parametrize(("lang", "adequate"), [("fr", "Adéquat"), ("pt", "Adequado"),
                                                  ("es", "Adecuado")])
def test_switching_language_changes_words_and_numbers(qapp, lang: str, adequate: str) -> None:  # type: ignore[no-untyped-def]
    try:
        i18n.install(lang)
        assert words.status("adequate") == adequate
        assert i18n.number(1234567) != "1,234,567"  # the locale's grouping, not English
    finally:
        i18n.install("en")
    assert words.status("adequate") == "Adequate"
    assert i18n.number(1234567) == "1,234,567"


def test_the_window_speaks_french(window) -> None:  # type: ignore[no-untyped-def]
    win = window("admin")
    win.switch_language("fr")
    try:
        titles = [win.navigation.item(i).text() for i in range(win.navigation.count())]
        assert "Tableau de bord" in titles
        assert "Stock" in titles[1]
    finally:
        win.switch_language("en")
