"""What a start of the window imports before it shows anything.

The other pages are imported only when shown, and the first page's figures (numpy, the
forecasts) come on a thread of their own once the database is open, or with the page's first
load, on the db lane; file formats (openpyxl, reportlab),
migrations (Alembic) and the other database's dialect come when first needed.  Each of these
costs a clinic PC tenths of a second at every start (``python -m benchmarks ui_start``); this
keeps them from creeping back.
"""

from __future__ import annotations

import json
import subprocess
import sys

LATER = ("numpy", "openpyxl", "reportlab", "alembic", "sqlalchemy.dialects.postgresql",
         "stockdesk.services.dashboard",
         "stockdesk.services.ledger", "stockdesk.services.summaries", "stockdesk.forecast.auto",
         "stockdesk.ui.pages.stock", "stockdesk.ui.pages.entry", "stockdesk.ui.pages.admin",
         "stockdesk.ui.pages.district", "stockdesk.ui.pages.reports",
         "stockdesk.ui.pages.requisitions")


def test_starting_the_window_leaves_the_heavy_modules_for_later() -> None:
    code = (
        "import json, sys\n"
        "import stockdesk.ui.start, stockdesk.ui.main_window, stockdesk.ui.context\n"
        "import stockdesk.services.users, stockdesk.app, stockdesk.ui.pages.dashboard\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    loaded = set(json.loads(out.stdout))
    early = sorted(m for m in LATER if m in loaded)
    assert early == [], f"imported before the window is shown: {early}"


def test_the_first_pages_figures_are_imported_ahead_on_a_thread_of_their_own() -> None:
    """Once the database is open, the first page's data module (numpy and the forecasts for
    the dashboard) is imported on its own thread while the person signs in; the page last
    shown is the first page, and a name that is no page means the dashboard."""
    code = (
        "import importlib, sys, threading\n"
        "from stockdesk.ui.pages import preload_data\n"
        "imported_on = []\n"
        "real = importlib.import_module\n"
        "def spy(name, *args):\n"
        "    imported_on.append(threading.current_thread() is not threading.main_thread())\n"
        "    return real(name, *args)\n"
        "importlib.import_module = spy\n"
        "before = 'stockdesk.services.dashboard' in sys.modules\n"
        "thread = preload_data('no longer a page')\n"
        "thread.join(120)\n"
        "other = imported_on == [True]\n"
        "stock = preload_data('stock')\n"
        "stock.join(120)\n"
        "print(before, other, 'stockdesk.services.dashboard' in sys.modules,\n"
        "      'numpy' in sys.modules, 'stockdesk.services.product_view' in sys.modules,\n"
        "      preload_data('entry'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.split() == ["False", "True", "True", "True", "True", "None"]
