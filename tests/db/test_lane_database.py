"""A database that is not the lane's — empty, malformed, damaged, another lane's — is refused
with one clear line, and nothing is written to it."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from posdesk.db.database import close_database, open_database
from posdesk.db.errors import NotTheLanesDatabase


def _posdesk(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "posdesk", "--data", str(data), *args],
                          capture_output=True, text=True, timeout=120)


def test_an_empty_database_file_is_not_a_new_lane(tmp_path):
    (tmp_path / "posdesk.db").write_bytes(b"")
    result = _posdesk(tmp_path, "sales", "list")
    assert result.returncode == 1
    assert "empty (0 bytes)" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (tmp_path / "posdesk.db").stat().st_size == 0, "the empty file was turned into a new lane"


def test_a_file_that_is_no_database_is_refused(tmp_path):
    junk = b"this is a shopping list, not a database\n" * 200
    (tmp_path / "posdesk.db").write_bytes(junk)
    with pytest.raises(NotTheLanesDatabase, match="not a readable database"):
        open_database(tmp_path / "posdesk.db")
    assert (tmp_path / "posdesk.db").read_bytes() == junk


def test_another_lanes_database_is_refused(tmp_path):
    first = tmp_path / "first"
    assert _posdesk(first, "config", "set", "lane.id", "L2").returncode == 0
    script = ("from pathlib import Path; from decimal import Decimal\n"
              "from posdesk.core.money import Money, currency\n"
              "from posdesk.services.build import build_services\n"
              f"s = build_services(Path({str(first)!r}), demo=True)\n"
              "s.till.session.login('1234', name='Anna'); s.till.selling.enter('4006381333931')\n"
              "s.till.tender.start_tender(); s.till.tender.pay_cash(Money.of('5', currency('EUR'))); s.close()\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    second = tmp_path / "second"
    second.mkdir()
    (second / "posdesk.db").write_bytes((first / "posdesk.db").read_bytes())
    result = _posdesk(second, "sales", "list")
    assert result.returncode == 1
    assert "belongs to lane L2" in result.stderr and "(L1)" in result.stderr


def test_db_upgrade_checks_integrity_before_migrating(tmp_path):
    path = tmp_path / "posdesk.db"
    open_database(path)
    close_database()
    con = sqlite3.connect(path)
    (root,) = con.execute("select rootpage from sqlite_master where type = 'index' "
                          "and tbl_name = 'sale' limit 1").fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[(root - 1) * page] = 0x07  # an index page whose header names no b-tree page type
    path.write_bytes(bytes(data))
    result = _posdesk(tmp_path, "db", "upgrade")
    assert result.returncode == 1
    assert "integrity check" in result.stderr
    assert path.read_bytes() == bytes(data), "a damaged database was written to"
