"""ui_start: cold start to an interactive main window on the demo district.

Timed, in a new Python process each time (offscreen): from just before the process is spawned
until the window is interactive, i.e. all of

- the first paint of the window is done,
- the facility list is loaded (``MainWindow.facilities_loaded``),
- the first page has its data: its ``loaded`` signal fired, when the page has one, and no task
  of the window is still running (the results were handed to the page),

and, when data arrived after the first paint, a repaint of the window showing it.  The child
does what ``stockdesk gui`` does, without the dialog: imports, the application, opening (and
migrating) the database, signing in the pharmacist, the context, the main window, show.

Baseline, same run: a process that imports PySide6, shows a bare QMainWindow holding one
QTableView over a 10,000-row table model, and stops at its first paint.  Medians over several
runs of each, interleaved, after one untimed warm-up of each (it warms the disk cache and makes
the database's daily backup).  Target: StockDesk ≤ 3 × baseline.  Peak memory (RSS) of both
is reported.

Floor, same run: the baseline's window, shown after importing what StockDesk cannot start
without — numpy, SQLAlchemy's ORM and StockDesk's mapped classes — and nothing of StockDesk
running.  ``floor_ratio`` is the part of the ratio no work of StockDesk's own can remove.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import Context, Result
from benchmarks._ui import (
    Counter,
    count_lines,
    demo_database,
    emit,
    is_tiny,
    median,
    open_window,
    rss_mb,
    run_child,
    wait_for,
)

TARGET_RATIO = 3.0
BASELINE_ROWS = 10_000
MODULE = "benchmarks.ui_start"


def run(ctx: Context) -> Iterator[Result]:
    tiny = is_tiny(ctx.scale)
    runs = ctx.scale.repeats if tiny else max(7, ctx.scale.repeats)
    db, how = demo_database(ctx, "ui-start", dict(ctx.scale.demo), keep=not tiny)
    base: list[dict[str, Any]] = []
    floor: list[dict[str, Any]] = []
    ours: list[dict[str, Any]] = []
    # one data folder for every start, as on a clinic PC: the warm-up makes the day's backup
    # of the database (about 0.15 s for this one), the timed starts are later ones that day
    data = ctx.workdir / "ui-start"
    for attempt in range(runs + 1):  # the first of each is a warm-up
        b = run_child(MODULE, ["baseline", "--rows", str(BASELINE_ROWS)], start_clock=True)
        f = run_child(MODULE, ["floor", "--rows", str(BASELINE_ROWS)], start_clock=True)
        o = run_child(MODULE, ["stockdesk", "--db", str(db), "--data", str(data)],
                      start_clock=True)
        if attempt:
            base.append(b)
            floor.append(f)
            ours.append(o)
    base_ms = median([r["ready_ms"] for r in base])
    ours_ms = median([r["ready_ms"] for r in ours])
    ratio = ours_ms / base_ms
    floor_ms = median([r["ready_ms"] for r in floor])
    errors = sorted({e for r in ours for e in r.get("errors", [])})
    stages = sorted({k for r in ours for k in r["marks"]}, key=lambda k: ours[0]["marks"].get(k, 0))
    yield Result("ui_start", ours_ms, "ms", base_ms, better="lower",
                 target=f"<= {TARGET_RATIO:g} x baseline",
                 met=ratio <= TARGET_RATIO and not errors, details={
                     "baseline_ms": round(base_ms, 1), "stockdesk_ms": round(ours_ms, 1),
                     "floor_ms": round(floor_ms, 1),
                     "floor_ratio": round(floor_ms / base_ms, 2),
                     "floor_is": "the baseline after importing numpy, SQLAlchemy's ORM and "
                                 "StockDesk's mapped classes (nothing of StockDesk runs)",
                     "runs": runs,
                     "stockdesk_runs_ms": [round(r["ready_ms"], 1) for r in ours],
                     "baseline_runs_ms": [round(r["ready_ms"], 1) for r in base],
                     "stockdesk_stages_ms": {k: round(median([r["marks"][k] for r in ours
                                                              if k in r["marks"]]), 1)
                                             for k in stages},
                     "baseline_stages_ms": {k: round(median([r["marks"][k] for r in base]), 1)
                                            for k in base[0]["marks"]},
                     "stockdesk_peak_rss_mb": _median_of(ours, "peak_rss_mb"),
                     "baseline_peak_rss_mb": _median_of(base, "peak_rss_mb"),
                     "first_page": ours[0]["page"],
                     "waited_for": ours[0]["waited_for"],
                     "repainted_after_data": sum(bool(r["repainted"]) for r in ours),
                     "window_errors": errors,
                     "movement_lines": count_lines(db), "database": how,
                     "baseline_is": f"bare QMainWindow + QTableView of {BASELINE_ROWS} rows, "
                                 "process start to first paint",
                 })


def _median_of(records: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in records if r.get(key) is not None]
    return round(median(values), 1) if values else None


# -- the child processes -----------------------------------------------------------------------


def _first_paint_watch(app: Any, window: Any) -> Any:
    """An object whose ``painted`` signal fires once the window's first paint is done."""
    from PySide6.QtCore import QEvent, QObject, QTimer, Signal

    class FirstPaint(QObject):
        painted = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.done = False
            self.at = 0.0
            app.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done \
                    and getattr(watched, "window", lambda: None)() is window:
                app.removeEventFilter(self)
                QTimer.singleShot(0, self._painted)  # after the whole paint of this round
            return False

        def _painted(self) -> None:
            self.done = True
            self.at = time.time()
            self.painted.emit()

    return FirstPaint()


def _child_baseline(t0: float, rows: int, floor: bool = False) -> dict[str, Any]:
    """The bare window; with ``floor``, first the libraries StockDesk's start cannot do
    without (each under the same held garbage collector), the window then the same."""
    marks: dict[str, float] = {"python": (time.time() - t0) * 1000}
    if floor:
        from stockdesk import collector

        collector.hold()
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    if floor:
        import numpy  # noqa: F401 - the forecasts' arrays
        import sqlalchemy.orm  # noqa: F401

        import stockdesk.db.models  # noqa: F401 - the mapped classes, declared at import

    marks["imports"] = (time.time() - t0) * 1000
    Index = QModelIndex | QPersistentModelIndex

    class Table(QAbstractTableModel):
        def __init__(self, n: int) -> None:
            super().__init__()
            self.rows = [(f"Product {i:05d}", f"LOT-{i % 97}", i * 7 % 1000, i % 12)
                         for i in range(n)]

        def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 4

        def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    view = QTableView()
    view.setModel(Table(rows))
    window.setCentralWidget(view)
    window.resize(1280, 720)
    watch = _first_paint_watch(app, window)
    watch.painted.connect(app.quit)
    marks["window_built"] = (time.time() - t0) * 1000
    window.show()
    app.exec()
    ready = (watch.at - t0) * 1000
    marks["first_paint"] = ready
    return {"ready_ms": ready, "marks": marks, **rss_mb()}


def _child_stockdesk(t0: float, db: Path, data: Path) -> dict[str, Any]:
    from stockdesk import collector

    collector.hold()  # as `stockdesk gui` does before its imports
    marks: dict[str, float] = {"python": (time.time() - t0) * 1000}

    def mark(name: str) -> None:
        marks[name] = (time.time() - t0) * 1000

    app, ctx, window, errors = open_window(db, "pharmacist", data, mark)
    page = window.current_page()
    waited = ["first paint", "MainWindow.facilities_loaded", "no task running"]
    signals = [window.facilities_loaded, ctx.tasks.busy_changed]
    facilities, loaded = Counter(), Counter()
    def on_facilities() -> None:
        facilities()
        mark("facilities_loaded")

    def on_loaded(*_: Any) -> None:
        loaded()
        mark("page_loaded")

    window.facilities_loaded.connect(on_facilities)
    has_loaded = hasattr(type(page), "loaded")
    if has_loaded:
        page.loaded.connect(on_loaded)
        signals.append(page.loaded)
        waited.append(f"{type(page).__name__}.loaded")
    ctx.tasks.busy_changed.connect(lambda busy: None if busy else mark("tasks_idle"))
    watch = _first_paint_watch(app, window)
    signals.append(watch.painted)
    window.show()
    mark("shown")

    def interactive() -> bool:
        return watch.done and facilities.count > 0 and not ctx.tasks.busy \
            and (loaded.count > 0 or not has_loaded)

    if not wait_for(signals, interactive):
        raise TimeoutError(f"the window was not interactive after a minute: {marks}")
    marks["first_paint"] = (watch.at - t0) * 1000
    data_at = max(marks.get(k, 0.0) for k in ("facilities_loaded", "page_loaded", "tasks_idle"))
    repainted = data_at > marks["first_paint"]
    if repainted:  # the data came after the first paint: it is shown once painted
        window.repaint()
        mark("repainted")
    ready = (time.time() - t0) * 1000
    ctx.tasks.wait_idle(10_000)
    return {"ready_ms": ready, "marks": marks, "page": page.key, "waited_for": waited,
            "repainted": repainted, "errors": errors, **rss_mb()}


def child(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE} --child")
    parser.add_argument("what", choices=["baseline", "floor", "stockdesk"])
    parser.add_argument("--t0", type=float, required=True)
    parser.add_argument("--rows", type=int, default=BASELINE_ROWS)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--data", type=Path)
    args = parser.parse_args(argv)
    if args.what in ("baseline", "floor"):
        emit(_child_baseline(args.t0, args.rows, floor=args.what == "floor"))
    else:
        emit(_child_stockdesk(args.t0, args.db, args.data))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(child(sys.argv[2:]))
    from benchmarks.__main__ import main

    sys.exit(main(["ui_start", *sys.argv[1:]]))
