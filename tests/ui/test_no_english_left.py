"""In French, no text the catalogue translates is still shown in English on any page.

The catalogue tests check that every text extracted from the code has a translation; this one
checks the screen itself, so a text that escaped extraction (built outside ``tr()``) is caught.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from stockdesk.ui import i18n

CATALOGUE = Path(i18n.TRANSLATIONS) / "stockdesk_fr.ts"


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def english_only() -> set[str]:
    """English texts whose French differs: seeing one of these on a French screen is a bug."""
    out = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source", "")
        french = message.findtext("translation", "") or ""
        if "{" in source or "\n" in source or len(source) < 4:
            continue
        if _plain(source) != _plain(french):
            out.add(_plain(source))
    return out


def shown_texts(root: QWidget) -> set[str]:
    """The texts a person sees on ``root``: labels, buttons, tabs, headers, lists, cells."""
    texts: set[str] = set()
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.add(w.text())
        elif isinstance(w, QGroupBox):
            texts.add(w.title())
        elif isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for c in range(m.columnCount()):
                texts.add(str(m.headerData(c, Qt.Orientation.Horizontal) or ""))
                for r in range(min(m.rowCount(), 30)):
                    texts.add(str(m.index(r, c).data() or ""))
    return {_plain(t) for t in texts if t}


def test_every_page_speaks_french(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    english = english_only()
    assert len(english) > 300  # the catalogue really was read
    leaks: list[str] = []
    for user in ("admin", "pharmacist", "logistician"):
        win = window(user)
        win.switch_language("fr")
        try:
            for key, page in win.pages.items():
                win.go(key, {})
                qtbot.waitUntil(lambda w=win: not w.ctx.tasks.busy, timeout=30_000)
                leaks += [f"{user}/{key}: {t!r}" for t in sorted(shown_texts(page) & english)]
            leaks += [f"{user}/menus: {t!r}" for t in sorted(
                {_plain(a.text()) for a in win.menuBar().actions()} & english)]
        finally:
            win.switch_language("en")
    assert leaks == []
