"""Each check `make lint` runs fails on a deliberate violation, so a green lint means something."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"
sys.path.insert(0, str(ROOT / "tools"))
from check_module_size import LIMIT, oversized  # noqa: E402  (tools/ is not a package)


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_ruff_fails_on_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    result = _run([sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(CONFIG),
                   str(bad)], tmp_path)
    assert result.returncode != 0
    assert "F401" in result.stdout


@pytest.mark.parametrize("layer", ["core", "services"])
def test_mypy_is_strict_on_core_and_services(tmp_path, layer):
    package = tmp_path / "posdesk" / layer
    package.mkdir(parents=True)
    (tmp_path / "posdesk" / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "untyped.py").write_text("def total(lines):\n    return sum(lines)\n", encoding="utf-8")
    result = _run([sys.executable, "-m", "mypy", "--config-file", str(CONFIG),
                   "--cache-dir", str(tmp_path / "cache"), f"posdesk/{layer}"], tmp_path)
    assert result.returncode != 0
    assert "no-untyped-def" in result.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("core/money.py", "import posdesk.ui", "core imports nothing of posdesk"),
    ("db/fields.py", "import posdesk.devices.ports", "never each other"),
    ("ui/bridge.py", "import posdesk.db.audit", "window reaches storage, devices and recording only"),
    ("ui/devices/detection.py", "import posdesk.devices.detect", "window reaches storage"),
    ("app.py", "import posdesk.db.database", "command line reaches storage, devices and recording"),
    ("cli_evidence.py", "import posdesk.recording.keys", "command line reaches storage"),
])
def test_import_contract_fails_on_an_upward_or_sideways_import(tmp_path, module, line, contract):
    copy = tmp_path / "posdesk"
    shutil.copytree(ROOT / "posdesk", copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / module).open("a", encoding="utf-8") as f:
        f.write(f"\n{line}  # the deliberate violation\n")
    result = _run([sys.executable, "-c",
                   "from importlinter.cli import lint_imports_command; lint_imports_command()",
                   "--config", str(CONFIG), "--no-cache"], tmp_path, PYTHONPATH=str(tmp_path))
    assert result.returncode != 0, result.stdout
    # A forbidden import also breaks the contracts of every layer that reaches it indirectly.
    assert any(contract in ln and "BROKEN" in ln for ln in result.stdout.splitlines()), \
        result.stdout


def test_module_size_check_names_a_module_over_the_limit(tmp_path):
    (tmp_path / "small.py").write_text("x = 1\n" * LIMIT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "big.py").write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    (tmp_path / "old.py").write_text("x = 1\n" * (LIMIT + 50), encoding="utf-8")
    assert oversized(tmp_path, allowed={"old.py"}) == [("sub/big.py", LIMIT + 1)]


def test_today_tree_is_within_the_module_size_limit():
    assert oversized(ROOT / "posdesk") == []
