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


def _open_and_count_dashboards(make_ctx, qtbot, username: str,  # type: ignore[no-untyped-def]
                               remembered: str | None = None):
    """Open the window as ``username`` (with ``remembered`` as the facility last looked at)
    and wait until it is quiet; returns the window, the facility it was looking at before
    the list of facilities arrived, and each dashboard shown (its facility) in order."""
    from stockdesk.ui.main_window import MainWindow

    ctx = make_ctx(username)
    if remembered is not None:
        ctx.settings.set(keys.LAST_FACILITY, remembered)
    reported: list[str] = []
    ctx.tasks.unhandled.connect(lambda exc, _details: reported.append(str(exc)))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    before_list = ctx.facility
    page = win.current_page()
    shown: list[str] = []
    page.loaded.connect(lambda: shown.append(page.data.facility))
    with qtbot.waitSignal(win.facilities_loaded, timeout=20_000):
        win.show()
    qtbot.waitUntil(lambda: bool(shown) and not ctx.tasks.busy, timeout=20_000)
    assert reported == []
    return win, before_list, shown


def test_the_dashboard_of_the_remembered_facility_loads_at_once_and_once(  # type: ignore[no-untyped-def]
        make_ctx, qtbot) -> None:
    """The window knows which facility to show before the list of facilities arrives (a
    pharmacist's own, or the one last looked at), so the first page starts loading while the
    window appears; the list arriving does not load it a second time."""
    win, before_list, shown = _open_and_count_dashboards(make_ctx, qtbot, "pharmacist")
    own = win.ctx.actor.facility
    assert before_list == own and shown == [own]
    codes = [f.code for f in win.facilities]
    other = codes[-1]
    assert other != codes[0]
    win, before_list, shown = _open_and_count_dashboards(make_ctx, qtbot, "logistician",
                                                         remembered=other)
    assert before_list == other and shown == [other]
    assert win.facility_picker.currentData() == other


def test_a_remembered_facility_that_is_gone_shows_the_first_one_quietly(  # type: ignore[no-untyped-def]
        make_ctx, qtbot) -> None:
    """Settings carried over from another database name a facility this one does not have:
    the window asks for it, then shows the first facility of the list, with no error."""
    win, before_list, shown = _open_and_count_dashboards(make_ctx, qtbot, "logistician",
                                                         remembered="NOT-HERE")
    assert before_list == "NOT-HERE"
    first = win.facilities[0].code
    assert shown == [first] and win.ctx.facility == first
    assert win.current_page().heading.text().startswith(win.facilities[0].name)


def test_no_facility_left_to_show_means_none_is_shown(make_ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every facility has been closed (made inactive): the facility remembered is not kept
    in view, so no page reads or offers to act on it."""
    from stockdesk.services.admin_view import AdminViewService
    from stockdesk.services.directory import DirectoryService
    from stockdesk.services.masterdata import FacilityData
    from stockdesk.ui.main_window import MainWindow

    admin = make_ctx("admin")
    for f in admin.service(DirectoryService).facilities():
        admin.service(AdminViewService).save_facility(
            FacilityData(f.code, f.name, f.type, f.district, f.region, f.supplier),
            active=False, reason="closed")
    ctx = make_ctx("logistician")
    ctx.settings.set(keys.LAST_FACILITY, "DEMO-HC01")
    reported: list[str] = []
    ctx.tasks.unhandled.connect(lambda exc, _details: reported.append(str(exc)))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.facilities_loaded, timeout=20_000):
        win.show()
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20_000)
    assert win.facilities == [] and ctx.facility == ""
    assert reported == []
