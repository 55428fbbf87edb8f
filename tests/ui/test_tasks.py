"""The task lanes: work runs off the GUI thread, reports progress, can be cancelled, and the
window keeps answering meanwhile; failures reach the right channel."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from stockdesk.problems import ProblemsFound, error
from stockdesk.ui.errors import ErrorReporter, known_failure
from stockdesk.ui.tasks import Cancelled, Control, Tasks


def test_result_arrives_in_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    tasks = Tasks()
    seen: list[tuple[int, bool]] = []
    main = threading.get_ident()
    worker: list[int] = []

    def work(c: Control) -> int:
        worker.append(threading.get_ident())
        return 42

    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda b: b is False):
        tasks.run(work, lambda r: seen.append((r, threading.get_ident() == main)))
    assert seen == [(42, True)]
    assert worker and worker[0] != main


def test_event_loop_turns_while_work_runs_and_cancel_stops_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A long job shows a progress dialog with Cancel; the GUI keeps processing events."""
    tasks = Tasks()
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    outcome: list[str] = []

    def long_work(c: Control) -> str:
        n = 0
        while True:  # a service loop that reports progress as it goes
            c.progress(n % 100, 100, "step")
            n += 1
            release.wait(0.001)

    def failed(exc: BaseException) -> bool:
        outcome.append(type(exc).__name__)
        return True

    tasks.run(long_work, lambda r: outcome.append("done"), failed, title="Long work")
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=10_000)  # the loop keeps turning
    qtbot.waitUntil(lambda: _progress_dialog() is not None, timeout=10_000)
    dialog = _progress_dialog()
    assert dialog is not None and dialog.isVisible()
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome == ["Cancelled"], timeout=10_000)
    timer.stop()
    assert not tasks.busy


def _progress_dialog() -> QProgressDialog | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QProgressDialog) and w.objectName() == "taskProgress" \
                and w.isVisible():
            return w
    return None


def test_unhandled_failures_reach_the_reporter(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tasks = Tasks()
    reporter = ErrorReporter()
    tasks.unhandled.connect(reporter.report)
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)

    def bad(c: Control) -> None:
        raise ProblemsFound([error("product.unknown", code="XYZ")])

    with qtbot.waitSignal(tasks.unhandled):
        tasks.run(bad)
    assert reporter.last_shown is not None and "XYZ" in reporter.last_shown

    def bug(c: Control) -> None:
        raise ZeroDivisionError("boom")

    with qtbot.waitSignal(tasks.unhandled):
        tasks.run(bug)
    assert "unexpected error" in (reporter.last_shown or "")


def test_cancel_before_work_is_silent(qtbot) -> None:  # type: ignore[no-untyped-def]
    control = Control()
    control.cancel()
    try:
        control.progress(1, 2)
    except Cancelled:
        pass
    else:  # pragma: no cover
        raise AssertionError("progress after cancel must stop the work")


def test_known_failures_are_said_plainly() -> None:
    from sqlite3 import OperationalError

    assert "saving to the database" in (known_failure(OperationalError("database is locked"))
                                        or "")
    assert "disk is full" in (known_failure(OperationalError("database or disk is full")) or "")
    assert known_failure(KeyError("x")) is None


def test_a_result_for_a_widget_that_is_gone_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The pages are rebuilt when the language changes while their work may still run."""
    from PySide6.QtWidgets import QLabel

    tasks = Tasks()
    label = QLabel("before")
    release = threading.Event()
    seen: list[object] = []

    def work(c: Control) -> str:
        release.wait(10)
        return "after"

    tasks.run(work, lambda r: seen.append(r), parent=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda b: b is False):
        release.set()
    assert seen == []
