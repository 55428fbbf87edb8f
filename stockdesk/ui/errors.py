"""Three channels for what goes wrong (DESIGN §6).

* **Problems** in what a person entered: shown inline next to the field by the view that
  asked; when a view does not handle them, listed in one dialog, translated.
* **Known failures** (database locked, disk full, read-only file, file not readable): a
  friendly sentence saying what to do, not a traceback.
* **Bugs**: everything else.  Logged to the log file with the traceback, and shown with a
  "Copy details" button so the person can send them to whoever supports the facility.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from stockdesk.problems import Problem, ProblemsFound
from stockdesk.services.failures import Failure, Kind, classify
from stockdesk.ui import words

log = logging.getLogger("stockdesk.ui")

# How a problem next to the field it concerns looks, everywhere in the window.
PROBLEM_STYLE = "color: #b71c1c;"
WARNING_STYLE = "color: #8a5300;"


def problem_label(name: str) -> QLabel:
    """A red line under a field, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_problem(label: QLabel, text: str, *, warning: bool = False) -> None:
    """Say ``text`` in ``label`` (a warning in amber), or hide it when there is nothing."""
    label.setStyleSheet(WARNING_STYLE if warning else PROBLEM_STYLE)
    label.setText(text)
    label.setVisible(bool(text))


def known_failure(exc: BaseException) -> str | None:
    """A friendly sentence for a failure that is not a bug, or None (which failure is which:
    ``services.failures``)."""
    failure = classify(exc)
    if failure is None:
        if isinstance(exc, PermissionError):  # a file that may not be written
            failure = Failure(Kind.READ_ONLY)
        elif isinstance(exc, FileNotFoundError):
            return QCoreApplication.translate(
                "Errors", "The file was not found: {file}").format(file=exc.filename or "")
        else:
            return None
    if failure.kind is Kind.BUSY:
        return QCoreApplication.translate(
            "Errors", "Another StockDesk window or program is saving to the database. "
            "Wait a moment and try again.")
    if failure.kind is Kind.DISK_FULL:
        return QCoreApplication.translate(
            "Errors", "The disk is full, so nothing was saved. Free some space (or move old "
            "backups to a USB stick) and try again.")
    if failure.kind is Kind.READ_ONLY:
        return QCoreApplication.translate(
            "Errors", "The database file cannot be written (it is read-only or on a locked "
            "drive). Nothing was saved. Ask whoever manages this computer.")
    return QCoreApplication.translate(
        "Errors", "The database cannot be reached. Check that the drive or the district "
        "server is available, then try again.")


def problems_text(problems: list[Problem]) -> str:
    return "\n".join(f"• {words.problem(p)}" for p in problems)


class ErrorReporter(QObject):
    """Shows failures no view handled itself; installed as the process's excepthook too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = parent
        self.last_shown: str | None = None  # what the last dialog said (tests read it)

    def report(self, exc: BaseException, details: str = "") -> None:
        if isinstance(exc, ProblemsFound):
            self._show(QMessageBox.Icon.Warning, QCoreApplication.translate(
            "Errors", "Please check"), problems_text(exc.problems))
            return
        friendly = known_failure(exc)
        if friendly is not None:
            log.warning("known failure: %s", exc)
            self._show(QMessageBox.Icon.Warning, QCoreApplication.translate(
            "Errors", "Could not finish"), friendly)
            return
        details = details or "".join(traceback.format_exception(exc))
        log.error("unexpected error\n%s", details)
        self._show(QMessageBox.Icon.Critical, QCoreApplication.translate(
            "Errors", "Something went wrong"),
                   QCoreApplication.translate(
            "Errors", "StockDesk met an unexpected error. Nothing half-done was saved. "
            "Use Copy details to send the details to your support person."),
                   details)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> None:
        self.last_shown = text
        if QApplication.instance() is None:
            print(text, details, file=sys.stderr)
            return
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("errorDialog")
        if details:
            box.setDetailedText(details)
            copy = box.addButton(QCoreApplication.translate(
            "Errors", "Copy details"), QMessageBox.ButtonRole.ActionRole)
            copy.clicked.disconnect()
            copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        box.open()

    def excepthook(self, kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        """Bugs in slots land here instead of silently printing to a console nobody sees."""
        self.report(exc, "".join(traceback.format_exception(kind, exc, tb)))

    def install(self) -> None:
        sys.excepthook = self.excepthook
