"""Administration › Backup and restore: a copy of the whole database now, and (administrators
only) bringing a copy back, after saying what it holds and asking."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import ProblemsFound
from stockdesk.services.backup import BackupResult, BackupService, RestoreResult
from stockdesk.ui import i18n
from stockdesk.ui import settings as keys
from stockdesk.ui.admin_widgets import named, problem_words, say
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import problem_label


class BackupTab(QWidget):
    backed_up = Signal(str)  # the file written
    restored = Signal(str)  # the file restored from
    checked = Signal(str)  # a backup file was looked at

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)

        backup_box = QGroupBox(self.tr("Back up"))
        box = QVBoxLayout(backup_box)
        text = QLabel(self.tr("A backup is a copy of every record in one file. Keep one on a USB "
                              "stick or another computer: if this computer is stolen or its "
                              "disk fails, the records can be brought back from it."))
        text.setWordWrap(True)
        box.addWidget(text)
        self.daily = named(QLabel(self._daily_text()), "backupDaily")
        self.daily.setWordWrap(True)
        self.daily.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.daily)
        row = QHBoxLayout()
        self.backup_button = named(QPushButton(self.tr("&Back up now…")), "backupNow")
        self.backup_button.setDefault(True)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        box.addLayout(row)
        self.backup_status = named(QLabel(), "backupStatus")
        self.backup_status.setWordWrap(True)
        box.addWidget(self.backup_status)
        self.backup_problem = problem_label("backupProblem")
        box.addWidget(self.backup_problem)
        layout.addWidget(backup_box)

        self.restore_box = QGroupBox(self.tr("Restore"))
        box = QVBoxLayout(self.restore_box)
        text = QLabel(self.tr("Restoring replaces every record with those of a backup. The "
                              "database as it is now is copied aside first, so a wrong restore "
                              "can be undone. Everyone else must close StockDesk first."))
        text.setWordWrap(True)
        box.addWidget(text)
        row = QHBoxLayout()
        self.restore_button = named(QPushButton(self.tr("&Restore…")), "backupRestore")
        row.addWidget(self.restore_button)
        self.close_button = named(QPushButton(self.tr("&Close StockDesk")), "backupCloseApp")
        self.close_button.hide()
        row.addWidget(self.close_button)
        row.addStretch(1)
        box.addLayout(row)
        self.restore_status = named(QLabel(), "restoreStatus")
        self.restore_status.setWordWrap(True)
        box.addWidget(self.restore_status)
        self.restore_problem = problem_label("restoreProblem")
        box.addWidget(self.restore_problem)
        layout.addWidget(self.restore_box)
        self.restore_box.setVisible(ctx.may("backup.restore"))
        layout.addStretch(1)

        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        self.close_button.clicked.connect(self._close_app)

    def _daily_text(self) -> str:
        live = self.ctx.db.sqlite_path
        if live is None:
            return self.tr("This database is on a server: its administrator keeps its backups.")
        return self.tr("StockDesk also copies the database every day when it starts, into "
                       "{folder}").format(folder=str(live.parent / "backups"))

    def _folder(self) -> str:
        return self.ctx.settings.get(keys.LAST_FOLDER) or str(Path.home())

    # -- backing up ------------------------------------------------------------------------------

    def back_up(self) -> None:
        say(self.backup_problem, "")
        name = f"stockdesk-backup-{self.ctx.today().isoformat()}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database to"), str(Path(self._folder()) / name),
            self.tr("StockDesk backups (*.sqlite3 *.db);;All files (*)"))
        if not path:
            return
        target = Path(path)
        self.ctx.settings.set(keys.LAST_FOLDER, str(target.parent))
        service = self.ctx.service(BackupService)
        # the file dialog asked before replacing a file that exists
        self.ctx.tasks.run(lambda c: service.backup(target, overwrite=True), self._backed_up,
                           lambda exc: self._problem(exc, self.backup_problem),
                           title=self.tr("Backing up…"), parent=self)

    def _backed_up(self, result: BackupResult) -> None:
        self.backup_status.setText(self.tr("Backup written: {file} ({size} kB) at {time}.")
                                   .format(file=str(result.path),
                                           size=i18n.number(max(1, result.size // 1024)),
                                           time=i18n.stamp(datetime.now())))
        self.backed_up.emit(str(result.path))

    # -- restoring -------------------------------------------------------------------------------

    def restore(self) -> None:
        say(self.restore_problem, "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore the database from"), self._folder(),
            self.tr("StockDesk backups (*.sqlite3 *.db);;All files (*)"))
        if not path:
            return
        source = Path(path)
        service = self.ctx.service(BackupService)
        self.ctx.tasks.run(lambda c: service.check(source),
                           lambda info: self._confirm(source, info),
                           lambda exc: self._problem(exc, self.restore_problem),
                           title=self.tr("Reading the backup…"), parent=self)

    def _confirm(self, source: Path, info: Any) -> None:
        what = self.tr("{file} is a StockDesk backup with {facilities} facilities and {users} "
                       "users.").format(file=source.name,
                                        facilities=i18n.number(info.facilities),
                                        users=i18n.number(info.users))
        self.restore_status.setText(what)
        self.checked.emit(str(source))
        answer = QMessageBox.question(
            self, self.tr("Restore this backup?"),
            self.tr("{what}\n\nEvery record in StockDesk now will be replaced by those of the "
                    "backup (the current database is copied aside first). Restore it?")
            .format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.restore_status.setText(self.tr("Nothing was restored."))
            return
        service = self.ctx.service(BackupService)
        self.ctx.tasks.run(lambda c: service.restore(source), self._restored,
                           lambda exc: self._problem(exc, self.restore_problem),
                           title=self.tr("Restoring…"), parent=self, cancellable=False)

    def _restored(self, result: RestoreResult) -> None:
        self.restore_status.setText(self.tr(
            "Restored from {file}. The database as it was before is kept in {safety}. "
            "StockDesk must now restart: close it and open it again.").format(
            file=str(result.restored_from), safety=str(result.safety_backup)))
        self.close_button.show()
        self.close_button.setFocus()
        self.restore_button.setEnabled(False)
        self.restored.emit(str(result.restored_from))

    def _close_app(self) -> None:
        window = self.window()
        if window is not None:
            window.close()

    def _problem(self, exc: BaseException, label: QLabel) -> bool:
        if isinstance(exc, ProblemsFound):
            say(label, "\n".join(problem_words(p) for p in exc.problems))
            return True
        return False
