"""The one way the window runs work: off the GUI thread, with results back through signals.

Two lanes (DESIGN §6): a single-thread *db* lane for every service call, so that writes never
race each other on one SQLite file, and a *cpu* lane for pure work on snapshots.  Work that
takes longer than half a second shows a progress dialog with a Cancel button; cancelling
raises :class:`Cancelled` inside the work at its next progress report, so a service's
transaction rolls back and nothing half-done is left.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

DB = "db"
CPU = "cpu"
SHOW_AFTER_MS = 500
REPORT_EVERY_S = 0.05


class Cancelled(Exception):
    """The person pressed Cancel; the work stopped and wrote nothing."""


@dataclass
class Control:
    """Handed to every piece of work: report progress, learn whether to stop."""

    _cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int, str], None] | None = None
    _last: float = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the person asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` (``total`` 0: unknown); stops the work if cancelled.

        Reports closer together than :data:`REPORT_EVERY_S` are dropped (but the last one),
        so a tight loop cannot flood the window with repaints.
        """
        self.check()
        now = time.monotonic()
        if self._report is not None and (now - self._last >= REPORT_EVERY_S or done >= total):
            self._last = now
            self._report(int(done), int(total), text)


Work = Callable[[Control], Any]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    progress = Signal(int, int, str)


class Job(QRunnable):
    """One piece of work on a lane.  Its signals live in the GUI thread."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()
        self.control = Control(_report=self.signals.progress.emit)
        self.finished = False

    def run(self) -> None:
        try:
            try:
                result = self.work(self.control)
            except BaseException as exc:  # every failure goes back to the window
                self.signals.failed.emit(exc, traceback.format_exc())
            else:
                self.signals.done.emit(result)
        except RuntimeError:  # the window closed while the work ran: nobody left to tell
            pass


def _spent(_control: Control) -> None:
    """What a finished job holds instead of its work (which may hold a window)."""


def _alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a widget that no longer exists (a page rebuilt
    for another language, a closed dialog): its result has nobody to show it to."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


@contextmanager
def _gone_widgets_ignored() -> Iterator[None]:
    """A result delivered to a closure over a widget deleted meanwhile (the pages are rebuilt
    when the language changes) is dropped, not reported as a bug."""
    try:
        yield
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise


class Tasks(QObject):
    """Runs work on the two lanes and keeps each job alive until its result is delivered."""

    busy_changed = Signal(bool)
    # every failure the caller did not handle itself goes here (the error reporter listens)
    unhandled = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = {DB: QThreadPool(self), CPU: QThreadPool(self)}
        self._lanes[DB].setMaxThreadCount(1)
        self._lanes[CPU].setMaxThreadCount(max(1, QThreadPool.globalInstance().maxThreadCount()))
        self._jobs: set[Job] = set()

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(self, work: Work, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], bool | None] | None = None, *,
            lane: str = DB, title: str | None = None, parent: QWidget | None = None,
            cancellable: bool = True) -> Job:
        """Start ``work(control)``; call ``on_done(result)`` in the GUI thread.

        ``on_error(exc)`` may handle a failure (return True); otherwise, and when it is not
        given, the failure goes to :attr:`unhandled`.  A ``title`` shows a progress dialog
        once the work has taken more than half a second.  When the ``parent`` widget no
        longer exists by the time the work ends, its result is dropped.
        """
        job = Job(work)
        dialog = self._progress_dialog(job, title, parent, cancellable) if title else None

        def finish() -> None:
            job.finished = True
            # Qt keeps the job (the pool holds it) and its connections, which hold these
            # closures and the callbacks (a page, the window): let go of all of it, or a
            # window signed out of would stay in memory
            job.work = _spent
            job.signals.deleteLater()
            if dialog is not None and shiboken6.isValid(dialog):  # its window may be gone
                dialog.reset()
                dialog.deleteLater()
            self._jobs.discard(job)
            if not self._jobs:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            if parent is not None and not shiboken6.isValid(parent):
                return  # the widget that asked is gone (pages are rebuilt on a language switch)
            if on_done is not None and _alive(on_done):
                with _gone_widgets_ignored():
                    on_done(result)

        def failed(exc: BaseException, details: str) -> None:
            finish()
            if parent is not None and not shiboken6.isValid(parent):
                return
            if on_error is not None and _alive(on_error):
                with _gone_widgets_ignored():
                    if on_error(exc):
                        return
            if not isinstance(exc, Cancelled):
                self.unhandled.emit(exc, details)

        job.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        was_idle = not self._jobs
        self._jobs.add(job)
        if was_idle:
            self.busy_changed.emit(True)
        self._lanes[lane].start(job)
        return job

    def _progress_dialog(self, job: Job, title: str, parent: QWidget | None,
                         cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.control.cancel)  # the Cancel button, closing the dialog
        dialog.rejected.connect(job.control.cancel)  # Esc

        def show_progress(done: int, total: int, text: str) -> None:
            if job.finished or not shiboken6.isValid(dialog):
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
            if text:
                dialog.setLabelText(f"{title}\n{text}")

        job.signals.progress.connect(show_progress, Qt.ConnectionType.QueuedConnection)
        dialog.setValue(0)  # starts the minimum-duration timer
        return dialog

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until both lanes are empty (tests, and closing the window)."""
        return all(lane.waitForDone(msecs) for lane in self._lanes.values())

