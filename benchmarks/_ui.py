"""What the window benchmarks share: demo databases built once, child processes that open the
window offscreen, and waiting on the window without sleeping.

The window is always measured in a child Python process (``python -m benchmarks.<name>
--child ...``) with ``QT_QPA_PLATFORM=offscreen``: a cold start needs a new process anyway,
and the process running the benchmarks stays free of Qt.  A child prints one JSON object on
its last line of output; the parent turns it into a :class:`benchmarks.Result`.

Only the standard library is imported at module level, so that a child timing a cold start
pays for nothing it does not use; Qt and StockDesk are imported inside the functions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks import Context, Scale

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 21)  # the demo's last day, and the window's today
PASSWORD = "demo"
CACHE_ENV = "STOCKDESK_BENCH_CACHE"  # folder keeping large demo databases between runs
WAIT_MS = 60_000  # longest wait for one thing the window loads


# -- sizes -------------------------------------------------------------------------------------


def is_tiny(scale: Scale) -> bool:
    """The toy size of the smoke test (``--scale tiny``): the ledger target is far below 1M."""
    return scale.ledger_lines < 100_000


# -- demo databases ----------------------------------------------------------------------------


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path(tempfile.gettempdir())
                / "stockdesk-bench-cache")


def _fingerprint(args: dict[str, Any]) -> str:
    """Names one demo build: its arguments, the code that writes it (the demo builder, the
    ledger importer it goes through, the summary cache it fills) and the migrations."""
    h = hashlib.sha256(json.dumps(args, sort_keys=True, default=str).encode())
    services = ROOT / "stockdesk" / "services"
    for module in [services / "demo.py", services / "summaries.py",
                   *sorted((services / "imports").glob("*.py"))]:
        h.update(module.read_bytes())
    for script in sorted((ROOT / "migrations" / "versions").glob("*.py")):
        h.update(script.name.encode())
        h.update(script.read_bytes())
    return h.hexdigest()[:12]


def _build(path: Path, args: dict[str, Any]) -> None:
    from stockdesk.app import open_database
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.demo import build_demo

    opened = open_database(f"sqlite:///{path}", today=TODAY, backups_dir=path.parent)
    try:
        build_demo(opened.db, SETUP_ACTOR, today=TODAY, **args)
    finally:
        opened.db.close()
    conn = sqlite3.connect(path)  # one self-contained file, no -wal beside it
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def demo_database(ctx: Context, name: str, args: dict[str, Any], *,
                  keep: bool) -> tuple[Path, dict[str, Any]]:
    """A copy, in this run's scratch folder, of the demo district built with ``args``.

    The build is made once per run; with ``keep`` it is also kept in :func:`cache_dir` (named
    by its arguments, the demo code and the migrations), so the next run only copies it.  The
    copy is the run's own: what the window writes (a sign-in, a daily backup) never reaches the
    cache.  Returns the path and how it was obtained (``{"built_s": ...}`` or ``{"cached":
    ...}``).
    """
    key = f"{name}-{_fingerprint(args)}"
    target = ctx.workdir / f"{key}.sqlite3"
    if target.exists():
        return target, ctx.cache[key]
    how: dict[str, Any]
    if keep:
        kept = cache_dir() / f"{key}.sqlite3"
        if kept.exists():
            how = {"cached": str(kept)}
        else:
            kept.parent.mkdir(parents=True, exist_ok=True)
            building = kept.with_name(f"{key}.building-{os.getpid()}.sqlite3")
            started = time.perf_counter()
            try:
                _build(building, args)
                os.replace(building, kept)
            finally:
                for leftover in kept.parent.glob(f"{building.name}*"):
                    leftover.unlink(missing_ok=True)
            how = {"built_s": round(time.perf_counter() - started, 1), "cached": str(kept)}
        shutil.copyfile(kept, target)
    else:
        started = time.perf_counter()
        _build(target, args)
        how = {"built_s": round(time.perf_counter() - started, 1)}
    ctx.cache[key] = how
    return target, how


def count_lines(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM movement_lines").fetchone()[0])
    finally:
        conn.close()


# -- child processes ---------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.pop("QT_QPA_PLATFORMTHEME", None)
    return env


def run_child(module: str, args: Sequence[str], *, timeout: float = 900,
              start_clock: bool = False) -> dict[str, Any]:
    """Run ``python -m <module> --child <args>`` offscreen; returns the JSON it printed last.

    With ``start_clock`` the parent's wall clock, read just before the process is spawned, is
    passed as ``--t0`` so the child can tell how long after its own start anything happened.
    """
    env = child_env()
    command = [sys.executable, "-m", module, "--child", *args]
    if start_clock:
        command += ["--t0", repr(time.time())]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-12:]
        raise RuntimeError(f"{module} child {args[:1]} exited {done.returncode}: "
                           + " | ".join(tail))
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def emit(record: dict[str, Any]) -> None:
    """A child's answer: one JSON object on its own line."""
    print(json.dumps(record, default=str), flush=True)


# -- figures -----------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def p90(values: Sequence[float]) -> float:
    """The 90th percentile (nearest rank): 9 of 10 tries were at most this slow."""
    ordered = sorted(values)
    rank = max(0, -(-len(ordered) * 9 // 10) - 1)
    return float(ordered[rank])


def rss_mb() -> dict[str, float | None]:
    """This process's resident memory now and at its peak, in MiB (None where unknown).

    Read from /proc (the peak there starts at the process's own start; ``getrusage`` would
    count the parent's memory when the child was forked from it), else from ``getrusage``.
    """
    now: float | None = None
    peak: float | None = None
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                mb = int(line.split()[1]) / 1024
                if line.startswith("VmRSS:"):
                    now = mb
                else:
                    peak = mb
    except (OSError, ValueError, IndexError):
        try:
            import resource

            kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak = kb / 1024 if sys.platform != "darwin" else kb / 2**20
        except ImportError:
            pass
    return {"rss_mb": round(now, 1) if now is not None else None,
            "peak_rss_mb": round(peak, 1) if peak is not None else None}


# -- waiting on the window (children only) -----------------------------------------------------


def wait_for(signals: Sequence[Any], done: Callable[[], bool], timeout_ms: int = WAIT_MS) -> bool:
    """Run the event loop until ``done()`` is true, checking whenever one of ``signals`` fires
    (and once the events it queued were handled).  False on time-out.  Never sleeps."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    loop = QEventLoop()

    def check(*_: Any) -> None:
        if done():
            loop.quit()
        else:  # a slot running after this signal (a task's on_done) may finish the work
            QTimer.singleShot(0, lambda: loop.quit() if done() else None)

    for signal in signals:
        signal.connect(check)
    expiry = QTimer()
    expiry.setSingleShot(True)
    expiry.timeout.connect(loop.quit)
    expiry.start(timeout_ms)
    QTimer.singleShot(0, check)
    try:
        loop.exec()
    finally:
        expiry.stop()
        for signal in signals:
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(check)
    return done()


def idle(ctx: Any) -> Callable[[], bool]:
    """True once no task of the window is running and the last result was handed over."""
    return lambda: not ctx.tasks.busy


def find_signal(roots: Sequence[Any], name: str) -> tuple[Any, Any] | tuple[None, None]:
    """(object, its signal ``name``) for the first of ``roots``, or of their children, that
    has a signal of that name; (None, None) when none has."""
    from PySide6.QtCore import QObject

    for root in roots:
        if root is None:
            continue
        for obj in (root, *root.findChildren(QObject)):
            signal = getattr(type(obj), name, None)
            if signal is not None and type(signal).__name__ == "Signal":
                return obj, getattr(obj, name)
    return None, None


class Counter:
    """Counts the emissions of a signal (a slot to connect)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_: Any) -> None:
        self.count += 1


def open_window(db_path: Path, user: str, data_dir: Path,
                marks: Callable[[str], None] | None = None,
                ) -> tuple[Any, Any, Any, list[str]]:
    """What ``stockdesk gui`` does, without the sign-in dialog: the application, the database
    opened and migrated, the user signed in, the context and the main window (not shown).
    Returns (app, ctx, window, errors); ``errors`` collects the failures of the window's tasks
    that nothing handled (the error dialog's texts); ``marks(name)`` is called after each
    stage."""
    mark = marks or (lambda _name: None)
    from stockdesk.app import Paths, open_database
    from stockdesk.services.users import UserService
    from stockdesk.ui import i18n
    from stockdesk.ui import settings as keys
    from stockdesk.ui.context import AppContext
    from stockdesk.ui.main_window import MainWindow
    from stockdesk.ui.pages import preload_data
    from stockdesk.ui.settings import AppSettings
    from stockdesk.ui.start import application, release_collector_when_idle

    mark("imports")
    app = application([sys.argv[0]])
    i18n.install("en")
    mark("application")
    opened = open_database(f"sqlite:///{db_path}", today=TODAY,
                           backups_dir=data_dir / "backups")
    settings = AppSettings(data_dir / "settings.ini")
    preload_data(settings.get(keys.LAST_PAGE))  # as Starter.start does
    mark("database")
    actor = UserService(opened.db).authenticate(user, PASSWORD)
    mark("signed_in")
    ctx = AppContext(opened.db, actor, settings,
                     Paths(data_dir, portable=False), today=lambda: TODAY)
    errors: list[str] = []
    ctx.tasks.unhandled.connect(
        lambda exc, _details: errors.append(f"{type(exc).__name__}: {exc}"))
    window = MainWindow(ctx)
    release_collector_when_idle(ctx.tasks)  # as Starter.open_window does
    mark("window_built")
    return app, ctx, window, errors


__all__ = ["PASSWORD", "TODAY", "Counter", "cache_dir", "child_env", "count_lines",
           "demo_database", "emit", "find_signal", "idle", "is_tiny", "median", "open_window",
           "p90", "rss_mb", "run_child", "wait_for"]
