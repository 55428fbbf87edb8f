"""The entry point of both programs of the bundle.

``stockdesk`` (a console program) is the command line, exactly as ``stockdesk`` from pip;
``stockdesk-gui`` (a windowed program on Windows: no black console window behind StockDesk)
opens the window, and is what the shortcuts start.  They are the same code built twice by
installer/stockdesk.spec; the name the program was started under picks which one runs, so
``stockdesk-gui --db D:\\stock.sqlite3`` works like ``stockdesk gui --db D:\\stock.sqlite3``.
"""

from __future__ import annotations

import sys
from pathlib import Path

GUI_SUFFIX = "-gui"


def main() -> int:
    from stockdesk.cli import main as cli

    name = Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).stem
    args = sys.argv[1:]
    # --version and --help still answer; anything else opens the window
    if name.lower().endswith(GUI_SUFFIX) and args[:1] not in (["--version"], ["-h"], ["--help"]):
        args = ["gui", *args]
    return cli(args)


if __name__ == "__main__":
    sys.exit(main())
