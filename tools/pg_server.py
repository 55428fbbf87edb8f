"""A private, throwaway PostgreSQL server for one test run.

``PrivateServer`` runs ``initdb`` in a new temporary folder, starts ``postgres`` on 127.0.0.1 on a
free port (its socket in that folder too, trust authentication, no fsync: nothing here needs to
survive a power cut), and on ``stop()`` shuts it down and deletes the folder.  As root the
server runs as the ``postgres`` user through ``runuser``, because PostgreSQL refuses to run as
root.  A small watchdog process stops and deletes the server if its owner dies without
cleaning up (``kill -9``, a closed terminal), so no run leaves a server behind.

Standard library only: ``tools/dev.py`` imports it before any virtual environment exists.

Also usable by hand, for running plain ``pytest`` against a real server::

    python3 tools/pg_server.py -- .venv/bin/python -m pytest tests/services
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

PG_URL_ENV = "STOCKDESK_TEST_PG_URL"
PREFIX = "stockdesk-pg-"
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    # WAL only for crash recovery, and little of it kept: less to write and to delete.
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "max_wal_size": "128MB",
    "min_wal_size": "32MB",
}


SHM_MIN_FREE = 4 << 30  # a full test run uses about 0.3 GB


class ServerError(RuntimeError):
    """PostgreSQL is missing or could not be started."""


def find_bindir() -> Path | None:
    """Where ``initdb``, ``pg_ctl`` and ``postgres`` are: PATH first, then Debian's layout."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path.parent.parent.name))

    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=version)
    return debian[-1].parent if debian else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _process_start_time(pid: int) -> str | None:
    """A process's start time in clock ticks since boot (tells a reused pid apart)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


class PrivateServer:
    """A PostgreSQL server that lives in one temporary folder; use it as a context manager."""

    def __init__(self, bindir: Path | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise ServerError(
                "PostgreSQL is not installed (no initdb/pg_ctl found); "
                "on Debian: apt-get install postgresql"
            )
        self.bindir = found
        self.run_as: str | None = None
        if os.geteuid() == 0:
            self.run_as = _service_user()
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=_temp_parent(self.run_as)))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.url = ""
        self._watchdog: subprocess.Popen[bytes] | None = None
        self.timings: dict[str, float] = {}

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> str:
        """Create the cluster, start the server; returns its SQLAlchemy URL."""
        try:
            if self.run_as:
                entry = pwd.getpwnam(self.run_as)
                os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self._watchdog = _start_watchdog(self.root)
            self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync",
            )
            for attempt in range(5):
                self.port = free_port()
                options = " ".join(
                    [f"-p {self.port}", f"-c unix_socket_directories={self.root}"]
                    + [f"-c {k}={v}" for k, v in SERVER_SETTINGS.items()]
                )
                try:
                    self._run(
                        "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                        "-o", options, "start",
                    )
                    break
                except ServerError:
                    if attempt == 4 or "could not bind" not in self._log_tail():
                        raise
            self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
            return self.url
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Shut the server down (immediately: it is throwaway) and delete its folder."""
        started = time.monotonic()
        if self._watchdog is not None:
            with contextlib.suppress(ProcessLookupError):
                self._watchdog.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._watchdog.wait(5)
            self._watchdog = None
        self.timings = {"watchdog": time.monotonic() - started}
        self.timings |= teardown(self.root, self.bindir, self.run_as)

    def __enter__(self) -> PrivateServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- helpers ----------------------------------------------------------------------------
    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        done = subprocess.run(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, cwd=self.root, check=False,
        )
        if done.returncode != 0:
            raise ServerError(
                f"{tool} failed (exit {done.returncode}):\n{done.stdout.strip()}\n"
                f"{self._log_tail()}".rstrip()
            )

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-15:])
        except OSError:
            return ""


def teardown(
    root: Path, bindir: Path | None = None, run_as: str | None = None
) -> dict[str, float]:
    """Stop the server whose folder is ``root`` (if it runs) and delete the folder.

    Returns how long each of the two steps took, in seconds.
    """
    started = time.monotonic()
    data = root / "data"
    pid_file = data / "postmaster.pid"
    if pid_file.exists():
        bindir = bindir or find_bindir()
        if bindir is not None:
            cmd = [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "-t", "30",
                   "stop"]
            if run_as:
                cmd = ["runuser", "-u", run_as, "--", *cmd]
            subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False, cwd="/")
        if pid_file.exists():  # pg_ctl missing or failed: end the postmaster by its pid
            with contextlib.suppress(OSError, ValueError, IndexError):
                pid = int(pid_file.read_text().split()[0])
                os.kill(pid, signal.SIGKILL)
                time.sleep(0.5)
    stopped = time.monotonic()
    shutil.rmtree(root, ignore_errors=True)
    return {"server": stopped - started, "files": time.monotonic() - stopped}


def _service_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ServerError("running as root, but there is no 'postgres' user to run PostgreSQL as")


def _temp_parent(run_as: str | None) -> str | None:
    """Where the server's folder goes: memory (/dev/shm) when there is room, else TMPDIR.

    A throwaway server has nothing to keep, and on a disk mounted with ``discard`` deleting its
    few thousand files alone takes seconds.  The service user must be able to reach the folder
    (root's TMPDIR may be private).
    """
    shm = Path("/dev/shm")
    with contextlib.suppress(OSError):
        room = os.statvfs(shm)
        if (shm.stat().st_mode & 0o1777 == 0o1777 and os.access(shm, os.W_OK)
                and room.f_bavail * room.f_frsize >= SHM_MIN_FREE):
            return str(shm)
    if run_as is None:
        return None
    parent = Path(tempfile.gettempdir()).resolve()
    for folder in (parent, *parent.parents):
        if not folder.stat().st_mode & 0o001:
            return "/tmp"
    return str(parent)


def _start_watchdog(root: Path) -> subprocess.Popen[bytes]:
    """A detached process that tears the server down if this process dies first."""
    me = os.getpid()
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--watchdog", str(me),
         _process_start_time(me) or "", str(root)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True, cwd="/",
    )


def _watchdog(owner: int, started: str, root: Path) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    while root.exists():
        alive = _process_start_time(owner) == started if started else _pid_exists(owner)
        if not alive:
            teardown(root, run_as=_service_user() if os.geteuid() == 0 else None)
            return 0
        time.sleep(1)
    return 0


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(argv: list[str]) -> int:
    if argv[:1] == ["--watchdog"]:
        return _watchdog(int(argv[1]), argv[2], Path(argv[3]))
    if not argv or argv[0] != "--" or len(argv) < 2:
        print("usage: python3 tools/pg_server.py -- COMMAND [ARGS...]\n"
              f"  runs COMMAND with {PG_URL_ENV} naming a private, throwaway PostgreSQL server",
              file=sys.stderr)
        return 2
    with PrivateServer() as server:
        print(f"PostgreSQL for this run: {server.url}", file=sys.stderr)
        env = dict(os.environ, **{PG_URL_ENV: server.url})
        child = subprocess.Popen(argv[1:], env=env)
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:  # the child got Ctrl-C too; let it finish its way
                continue


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
