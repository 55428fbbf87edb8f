"""The main window's frame: navigation by role, facility picker, language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stockdesk.ui import settings as keys


def test_pages_follow_the_role(window) -> None:  # type: ignore[no-untyped-def]
    pharmacist = window("pharmacist")
    assert "entry" in pharmacist.pages
    assert "district" not in pharmacist.pages
    supervisor = window("supervisor")
    assert "entry" not in supervisor.pages
    assert "reports" in supervisor.pages


def test_pharmacist_sees_their_facility_first(window) -> None:  # type: ignore[no-untyped-def]
    win = window("pharmacist")
    assert win.ctx.facility == win.ctx.actor.facility
    assert win.facility_picker.currentData() == win.ctx.actor.facility


def test_ctrl_number_opens_pages(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window("admin")
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page().key == "stock"
    assert win.ctx.settings.get(keys.LAST_PAGE) == "stock"


def test_language_switch_rebuilds_the_pages(window) -> None:  # type: ignore[no-untyped-def]
    win = window("admin")
    win.switch_language("fr")
    assert win.ctx.settings.get(keys.LANGUAGE) == "fr"
    assert len(win.pages) == win.navigation.count()
    win.switch_language("en")


def test_a_page_is_built_when_first_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window opens with its first page only; each other page appears, working, the
    first time it is asked for, in its place in the navigation, and a language switch starts
    afresh."""
    win = window("admin")
    assert [type(p).__name__ for p in win.pages.built()] == ["DashboardPage"]
    assert win.navigation.count() == len(win.pages) == 7  # every title is there already
    qtbot.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = win.current_page()
    assert page.key == "requisitions" and page.isVisible()
    assert win.stack.indexOf(page) == list(win.pages).index("requisitions")
    assert {type(p).__name__ for p in win.pages.built()} == {"DashboardPage", "RequisitionsPage"}
    win.switch_language("fr")
    assert [p.key for p in win.pages.built()] == ["requisitions"]
    assert win.navigation.item(3).text() == "Réquisitions"
    win.switch_language("en")
