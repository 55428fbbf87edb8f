"""The layer rules of DESIGN.md §1, checked by import-linter (contracts in pyproject.toml)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports() -> str | None:
    beside = Path(sys.executable).parent / "lint-imports"
    if beside.exists():
        return str(beside)
    return shutil.which("lint-imports")


def test_import_contracts_are_kept() -> None:
    tool = _lint_imports()
    if tool is None:
        pytest.skip("missing tool: import-linter (pip install -e '.[test]')")
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
    done = subprocess.run(
        [tool, "--no-cache"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, f"import-linter found broken layer contracts:\n{done.stdout}"
    kept = re.search(r"Contracts: (\d+) kept, (\d+) broken", done.stdout)
    assert kept, done.stdout
    assert (int(kept.group(1)), int(kept.group(2))) == (len(contracts), 0), done.stdout
