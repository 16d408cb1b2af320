"""Every user-visible string is in the Chinese catalogue, translated, and compiled."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "posdesk_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            out[(name, m.find("source").text)] = m.find("translation")
    return out


def test_every_catalogued_string_is_translated():
    unfinished = [key for key, tr in _messages(TS).items() if tr.get("type") == "unfinished" or not tr.text]
    assert unfinished == []


def test_no_string_in_the_code_is_missing_from_the_catalogue(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    if not lupdate:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "posdesk").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True,
                   timeout=120)
    new = [key for key, tr in _messages(fresh).items() if tr.get("type") == "unfinished"]
    assert new == [], "run `make translations` and translate these"
