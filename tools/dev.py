"""StockDesk's one bootstrap script: set up what is needed, then run one job.

    python3 tools/dev.py demo [ARGS]   build the demo district on SQLite, open the window on it
    python3 tools/dev.py test [ARGS]   the whole test suite, SQLite and a private PostgreSQL
    python3 tools/dev.py lint          ruff, mypy and the import-linter layer contracts
    python3 tools/dev.py bench [ARGS]  the benchmarks
    python3 tools/dev.py setup         only create .venv and install (with the test extras)
    python3 tools/dev.py setup build   the same, plus what installer/build.sh needs
    python3 tools/dev.py system        only check (and as root install) the Debian packages

Needs nothing but Python 3.11+: it creates ``.venv`` (installing Debian's python3-venv first if
this Python lacks ensurepip and we are root), installs the package in it only when
pyproject.toml changed since the last install, and for ``test`` checks the system packages the
tests use with ``dpkg`` (installing them with apt-get when root) and starts a throwaway
PostgreSQL server for the run.  ARGS go to ``stockdesk demo``, pytest or the benchmarks.
Standard library only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".stockdesk-install.json"

# What the window needs on a Debian machine (PLATFORM.md): Qt's libraries, and its X plugin.
WINDOW_PACKAGES = (
    "libgl1", "libegl1", "libglib2.0-0", "libfontconfig1", "libxkbcommon0", "libdbus-1-3",
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
)
# What the test suite uses besides (PLATFORM.md): the server for the PostgreSQL tests, the real
# readers that check exported files, and Xvfb.
TEST_PACKAGES = (
    *WINDOW_PACKAGES,
    "postgresql",
    "poppler-utils", "qpdf", "libreoffice-calc-nogui",
    "xvfb", "xauth",
)
# What installer/build.sh needs besides the build extra (PyInstaller): objdump, and makensis to
# compile the Windows installer script.
BUILD_PACKAGES = ("binutils", "nsis")
SKIP_SYSTEM_ENV = "STOCKDESK_SKIP_SYSTEM_CHECK"


class Failure(Exception):
    """A setup step failed; the message says what to do."""


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(cmd: Sequence[str | Path], **kwargs: Any) -> None:
    done = subprocess.run([str(c) for c in cmd], check=False, **kwargs)
    if done.returncode != 0:
        raise Failure(f"command failed (exit {done.returncode}): {' '.join(map(str, cmd))}")


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# -- Debian packages ------------------------------------------------------------------------
def missing_packages(packages: Sequence[str]) -> list[str]:
    """The packages dpkg does not list as installed (one dpkg-query call, ~10 ms)."""
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", *packages],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=False,
    )
    installed = {
        line.split()[0] for line in done.stdout.splitlines() if line.endswith(" installed")
    }
    return [p for p in packages if p not in installed]


def apt_install(packages: Sequence[str]) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=300"]
    say(f"apt-get update, then installing: {' '.join(packages)}")
    started = time.monotonic()
    run(["apt-get", *lock, "update", "-q"], env=env)
    run(["apt-get", *lock, "install", "-y", "-q", "--no-install-recommends", *packages], env=env)
    say(f"system packages installed in {time.monotonic() - started:.0f} s")


def ensure_system_packages(packages: Sequence[str]) -> None:
    if os.environ.get(SKIP_SYSTEM_ENV) == "1":
        say(f"{SKIP_SYSTEM_ENV}=1: not checking system packages")
        return
    if shutil.which("dpkg-query") is None:
        say("not a Debian system (no dpkg): make sure these or their equivalents are installed: "
            + " ".join(packages))
        return
    missing = missing_packages(packages)
    if not missing:
        say(f"system packages: all {len(packages)} present")
        return
    if is_root() and shutil.which("apt-get"):
        apt_install(missing)
        still = missing_packages(missing)
        if still:
            raise Failure(f"apt-get did not install: {' '.join(still)}")
        return
    raise Failure(
        "these system packages are missing; install them, then run this again:\n"
        f"    sudo apt-get install -y --no-install-recommends {' '.join(missing)}\n"
        f"(or set {SKIP_SYSTEM_ENV}=1 to run anyway: the tests that need them will then fail)"
    )


# -- the virtual environment ----------------------------------------------------------------
def ensure_venv_support() -> None:
    """``python3 -m venv`` needs ensurepip, which Debian ships apart in python3-venv."""
    if importlib.util.find_spec("ensurepip") is not None:
        return
    minor = f"python3.{sys.version_info.minor}-venv"
    if is_root() and shutil.which("apt-get") and sys.executable.startswith("/usr/"):
        if missing_packages(["python3-venv", minor]):
            apt_install(["python3-venv", minor])
        importlib.invalidate_caches()
        if importlib.util.find_spec("ensurepip") is not None:
            return
    raise Failure(
        f"this Python ({sys.executable}) cannot create virtual environments: ensurepip is "
        "missing.\n"
        f"On Debian or Ubuntu: sudo apt-get install python3-venv {minor}\n"
        "Elsewhere: install a Python 3.11+ that includes venv and pip, and run this with it."
    )


def venv_works() -> bool:
    if not PYTHON.exists():
        return False
    done = subprocess.run(
        [str(PYTHON), "-c", "import sys, pip; print(sys.version_info >= (3, 11))"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=False,
    )
    return done.returncode == 0 and done.stdout.strip() == "True"


def ensure_venv() -> None:
    if venv_works():
        return
    if VENV.exists():
        say(f"{VENV} is incomplete or broken: recreating it")
        shutil.rmtree(VENV)
    ensure_venv_support()
    say(f"creating {VENV.relative_to(ROOT)} with Python {sys.version.split()[0]}")
    try:
        run([sys.executable, "-m", "venv", VENV])
    except Failure:
        shutil.rmtree(VENV, ignore_errors=True)
        raise
    if not venv_works():
        shutil.rmtree(VENV, ignore_errors=True)
        raise Failure(f"{sys.executable} -m venv made an environment without pip")


def install_key() -> str:
    """What an install depends on: pyproject.toml's bytes and where this checkout is."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(str(ROOT).encode())
    return digest.hexdigest()


def ensure_installed(extras: Sequence[str] = ()) -> None:
    """``pip install -e .[extras]``, skipped when the stamp says it is already done."""
    ensure_venv()
    key = install_key()
    try:
        stamp = json.loads(STAMP.read_text())
    except (OSError, ValueError):
        stamp = {}
    have = set(stamp.get("extras", [])) if stamp.get("key") == key else None
    if have is not None and set(extras) <= have:
        return
    target = "." + (f"[{','.join(sorted(extras))}]" if extras else "")
    say(f"installing {target} into .venv (pyproject.toml changed or first run)")
    started = time.monotonic()
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    run([PYTHON, "-m", "pip", "install", "-q", "-e", target], cwd=ROOT, env=env)
    STAMP.write_text(json.dumps({"key": key, "extras": sorted(set(extras) | (have or set()))}))
    say(f"installed in {time.monotonic() - started:.0f} s")


# -- jobs -----------------------------------------------------------------------------------
def _die_with_parent() -> Callable[[], None] | None:
    """On Linux, a child that gets SIGTERM if this process is killed (no orphaned pytest)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    return lambda: libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)


class Child:
    """Runs one child process; Ctrl-C reaches it from the terminal, SIGTERM is passed on."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.signalled: int | None = None

    def _forward(self, signum: int, _frame: FrameType | None) -> None:
        self.signalled = signum
        if self.proc is not None and self.proc.poll() is None and signum != signal.SIGINT:
            # SIGINT from a terminal already went to the whole foreground process group.
            self.proc.send_signal(signum)

    def run(self, cmd: Sequence[str | Path], env: dict[str, str] | None = None) -> int:
        handled = [signal.SIGINT, signal.SIGTERM]
        if hasattr(signal, "SIGHUP"):
            handled.append(signal.SIGHUP)
        previous = {s: signal.signal(s, self._forward) for s in handled}
        try:
            self.proc = subprocess.Popen(
                [str(c) for c in cmd], cwd=ROOT, env=env, preexec_fn=_die_with_parent()
            )
            code = self.proc.wait()
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)
        return 128 - code if code < 0 else code


def xdist_args(args: Sequence[str]) -> list[str]:
    """Run on every core with pytest-xdist, unless the caller chose, or debugs."""
    chosen = any(
        a in ("-n", "--numprocesses", "--pdb", "--trace", "-s", "--capture=no")
        or a.startswith(("-n", "--numprocesses=", "--pdb"))
        for a in args
    ) or any(a == "no:xdist" or a == "-pno:xdist" for a in args)
    if chosen:
        return []
    has_xdist = subprocess.run(
        [str(PYTHON), "-c", "import xdist"], stderr=subprocess.DEVNULL, check=False
    ).returncode == 0
    return ["-n", "auto"] if has_xdist else []


def job_test(args: list[str]) -> int:
    ensure_system_packages(TEST_PACKAGES)
    ensure_installed(["test"])
    sys.path.insert(0, str(ROOT / "tools"))
    from pg_server import PG_URL_ENV, PrivateServer, ServerError

    env = dict(os.environ, STOCKDESK_STRICT="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cmd: list[str | Path] = [PYTHON, "-m", "pytest", *xdist_args(args), *args]
    server: PrivateServer | None = None
    try:
        if env.get(PG_URL_ENV):
            say(f"using the PostgreSQL server in {PG_URL_ENV}")
        else:
            started = time.monotonic()
            try:
                server = PrivateServer()
                env[PG_URL_ENV] = server.start()
            except ServerError as exc:
                raise Failure(str(exc)) from exc
            say(f"private PostgreSQL {server.url} in {server.root} "
                f"(started in {time.monotonic() - started:.1f} s)")
        say("running: " + " ".join(str(c) for c in cmd[1:]))
        started = time.monotonic()
        code = Child().run(cmd, env=env)
        say(f"pytest finished in {time.monotonic() - started:.1f} s with exit code {code}")
    finally:
        if server is not None:
            stopping = time.monotonic()
            server.stop()
            steps = ", ".join(f"{k} {v:.1f} s" for k, v in server.timings.items())
            say(f"private PostgreSQL stopped and deleted in {time.monotonic() - stopping:.1f} s"
                f" ({steps})")
    if code == 5:
        say("no test ran: that is a failure here")
        return 1
    return code


def has_display() -> bool:
    return os.name == "nt" or sys.platform == "darwin" \
        or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def job_demo(args: list[str]) -> int:
    """Build the demo district, print one health centre's stock, then open the window on it.

    Without a screen (a server, CI) the window opens offscreen, signed in as the demo
    pharmacist, and a picture of it is saved instead.
    """
    ensure_system_packages(WINDOW_PACKAGES)
    ensure_installed()
    code = Child().run([BIN / "stockdesk", "demo", *args])
    if code != 0:
        return code
    if has_display():
        say("opening the window: sign in as pharmacist (or incharge, logistician, supervisor, "
            "admin), password demo")
        return Child().run([BIN / "stockdesk", "gui", "--demo"])
    shot = ROOT / "stockdesk-window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STOCKDESK_USER="pharmacist",
               STOCKDESK_PASSWORD="demo")
    say("no screen here: opening the window offscreen as the demo pharmacist")
    code = Child().run([BIN / "stockdesk", "gui", "--demo", "--screenshot", shot], env=env)
    if code == 0:
        say(f"the window on the demo district is pictured in {shot}; on a desktop this "
            "command opens it")
    return code


def job_lint(args: list[str]) -> int:
    ensure_installed(["test"])
    checks: dict[str, list[str | Path]] = {
        "ruff": [BIN / "ruff", "check", ".", *args],
        "mypy": [BIN / "mypy"],
        "lint-imports": [BIN / "lint-imports", "--no-cache"],
    }
    failed = []
    for name, cmd in checks.items():
        say(f"{name}: " + " ".join(str(c) for c in cmd[1:]))
        if Child().run(cmd) != 0:
            failed.append(name)
    if failed:
        say("lint FAILED: " + ", ".join(failed))
        return 1
    say("lint passed: " + ", ".join(checks))
    return 0


def job_bench(args: list[str]) -> int:
    ensure_installed(["test"])
    return Child().run([PYTHON, "-m", "benchmarks", *args])


def job_setup(args: list[str]) -> int:
    """``setup build`` also installs what a release build needs (installer/build.sh)."""
    if "build" in args:
        ensure_system_packages(BUILD_PACKAGES)
    ensure_installed(["test", *(["build"] if "build" in args else [])])
    say(f"ready: {PYTHON}")
    return 0


def job_system(args: list[str]) -> int:
    ensure_system_packages(tuple(dict.fromkeys(TEST_PACKAGES + BUILD_PACKAGES)))
    return 0


JOBS = {
    "demo": job_demo,
    "test": job_test,
    "lint": job_lint,
    "bench": job_bench,
    "setup": job_setup,
    "system": job_system,
}


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - python3 may be any version
        print(f"StockDesk needs Python 3.11 or newer; this is {sys.version.split()[0]}.",
              file=sys.stderr)
        return 2
    if not argv or argv[0] not in JOBS:
        print(__doc__, file=sys.stderr)
        return 2
    os.chdir(ROOT)
    try:
        return JOBS[argv[0]](argv[1:])
    except Failure as exc:
        print(f"[dev] error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("[dev] interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
