"""Guards against the PySide6 release that aborts Python 3.11 (see ../shared/PLATFORM.md).

PySide6 6.12.0 drops one reference to ``None`` each time it turns an invalid QVariant into
Python's ``None``.  Every model answers "no value" for most roles, so a running app soon drops
None's count to zero and dies with ``Fatal Python error: none_dealloc``.  6.11.2 is clean and
pinned in pyproject.toml; these tests fail early (not with a crash hours into a session) if a
bad release slips in through an upgrade or an unpinned environment.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItemModel

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
CALLS = 1000
NOISE = 50  # the interpreter's own use of None may move its count a little


class _TrivialModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


def _base_header_data() -> Callable[[], object]:
    model = _TrivialModel()
    return lambda: QAbstractTableModel.headerData(
        model, 0, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole
    )


def _item_font_data() -> Callable[[], object]:
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    return lambda: index.data(Qt.ItemDataRole.FontRole) if model else None  # keeps model alive


@pytest.mark.parametrize("make_call", [_base_header_data, _item_font_data],
                         ids=["headerData", "index.data"])
def test_invalid_qvariant_to_none_keeps_none_refcount(qapp, make_call) -> None:
    call = make_call()
    assert call() is None  # an invalid QVariant: the case that leaks
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    after = sys.getrefcount(None)
    assert after >= before - NOISE, (
        f"{CALLS} invalid QVariants dropped {before - after} references to None: this PySide6 "
        f"({PySide6.__version__}) has the none_dealloc bug and will abort the app; "
        "use the version pinned in pyproject.toml"
    )


def _pinned_pyside() -> str:
    deps = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    pins = [m.group(1) for d in deps if (m := re.fullmatch(r"PySide6-Essentials==(\S+)", d))]
    assert len(pins) == 1, f"pyproject.toml must pin PySide6-Essentials exactly once: {deps}"
    return pins[0]


def test_pyside6_is_the_pinned_release() -> None:
    import shiboken6

    pinned = _pinned_pyside()
    assert pinned == "6.11.2", "the pin moved: re-run the none_dealloc check before changing it"
    assert PySide6.__version__ == pinned, (
        f"PySide6 {PySide6.__version__} is installed but pyproject.toml pins {pinned}: "
        "reinstall with python3 tools/dev.py test"
    )
    assert shiboken6.__version__ == pinned
