"""Check a built bundle as a clinic would use it: its version, the self-test, portable mode.

    python3 installer/check_bundle.py dist/stockdesk

1. ``stockdesk --version`` names stockdesk/__init__.py's version (``stockdesk-gui`` too);
2. ``stockdesk --db sqlite:///<tmp>/x.sqlite3 selftest``, offscreen, exits 0;
3. a copy with a ``portable`` file keeps its database, backups, logs and settings.ini in
   ``data/`` beside the programs and writes nothing in the user's folder; without the file the
   same commands use the user's folder and write nothing beside the programs.

Each run gets a throwaway HOME, so the person running it keeps their own data untouched.
Standard library only (it runs the bundle, not the source).  Exit 0 when all pass.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "check-bundle-1"


class CheckFailed(Exception):
    pass


def version() -> str:
    text = (ROOT / "stockdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    assert found is not None
    return found[1]


def run(program: Path, *args: str, home: Path, timeout: float = 300,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("STOCKDESK_")}
    environ.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
                   XDG_CONFIG_HOME=str(home / ".config"), QT_QPA_PLATFORM="offscreen",
                   **(env or {}))
    return subprocess.run([str(program), *args], env=environ, text=True, timeout=timeout,
                          capture_output=True, check=False)


def expect(done: subprocess.CompletedProcess[str], what: str) -> str:
    if done.returncode != 0:
        raise CheckFailed(f"{what}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} \
        if root.exists() else set()


def check_version(bundle: Path, home: Path) -> None:
    wanted = f"StockDesk {version()}"
    for name in ("stockdesk", "stockdesk-gui"):
        out = expect(run(bundle / name, "--version", home=home), f"{name} --version").strip()
        if out != wanted:
            raise CheckFailed(f"{name} --version says {out!r}, not {wanted!r}")
    print(f"ok  --version: {wanted}")


def check_selftest(bundle: Path, home: Path, scratch: Path) -> None:
    started = time.perf_counter()
    url = f"sqlite:///{scratch / 'selftest' / 'x.sqlite3'}"
    out = expect(run(bundle / "stockdesk", "--db", url, "selftest", home=home), "selftest")
    if "selftest passed" not in out:
        raise CheckFailed(f"selftest did not say it passed:\n{out}")
    print(f"ok  selftest ({time.perf_counter() - started:.1f} s):")
    print("    " + out.strip().replace("\n", "\n    "))


def use(program_dir: Path, home: Path) -> None:
    """What a first day does: an admin is created, a facility imported (the database opened
    again: the daily backup), and the window opened and pictured (settings, the log folder)."""
    cli = program_dir / "stockdesk"
    expect(run(cli, "user", "add", "admin", "--role", "admin", home=home,
               env={"STOCKDESK_NEW_PASSWORD": PASSWORD}), "user add")
    signed = {"STOCKDESK_USER": "admin", "STOCKDESK_PASSWORD": PASSWORD}
    sites = home / "facilities.csv"  # the window pictures itself once it shows a facility
    sites.write_text("code,name,type,district,region\n"
                     "HC01,Health Centre One,health_centre,North,Region A\n", encoding="utf-8")
    expect(run(cli, "import", "facilities", str(sites), home=home, env=signed),
           "import facilities")
    shot = home / "window.png"
    expect(run(program_dir / "stockdesk-gui", "--screenshot", str(shot), home=home,
               env=signed, timeout=120), "stockdesk-gui --screenshot")
    if not shot.is_file() or shot.stat().st_size == 0:
        raise CheckFailed("stockdesk-gui --screenshot saved no picture")


def check_portable(bundle: Path, scratch: Path) -> None:
    # a copy, as on a USB stick (hard links: the same disk space, another folder)
    stick = scratch / "stick" / "StockDesk"
    try:
        shutil.copytree(bundle, stick, copy_function=os.link, symlinks=True)
    except OSError:
        shutil.rmtree(stick, ignore_errors=True)
        shutil.copytree(bundle, stick, symlinks=True)
    shipped = files(stick)
    (stick / "portable").write_text("")
    home = scratch / "home-portable"
    home.mkdir()
    use(stick, home)
    data = stick / "data"
    wanted = {"stockdesk.sqlite3", "settings.ini"}
    missing = wanted - files(data)
    if missing:
        raise CheckFailed(f"portable: {sorted(missing)} not in {data} "
                          f"(found {sorted(files(data))})")
    if not list((data / "backups").glob("stockdesk-*.sqlite3")):
        raise CheckFailed(f"portable: no backup in {data / 'backups'}")
    if not (data / "logs").is_dir():
        raise CheckFailed(f"portable: no logs folder in {data}")
    left = {f for f in files(home) if f not in ("window.png", "facilities.csv")}
    if left:
        raise CheckFailed(f"portable: files written in the user's folder: {sorted(left)}")
    print(f"ok  portable: database, backups/, logs/ and settings.ini in {data}; nothing in "
          "the user's folder")

    (stick / "portable").unlink()
    shutil.rmtree(data)
    home = scratch / "home-installed"
    home.mkdir()
    use(stick, home)
    user_dir = home / ".local" / "share" / "StockDesk"
    if "stockdesk.sqlite3" not in files(user_dir) or "settings.ini" not in files(user_dir):
        raise CheckFailed(f"installed: the data is not in {user_dir} ({sorted(files(home))})")
    added = files(stick) - shipped
    if added:
        raise CheckFailed(f"installed: files written beside the program: {sorted(added)}")
    print(f"ok  installed (no portable file): data in {user_dir}; nothing beside the program")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    if not (bundle / "stockdesk").is_file():
        print(f"{bundle} holds no stockdesk program: build it with installer/build.sh",
              file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="stockdesk-bundle-check-"))
    try:
        home = scratch / "home"
        home.mkdir()
        check_version(bundle, home)
        check_selftest(bundle, home, scratch)
        check_portable(bundle, scratch)
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"bundle {bundle}: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
