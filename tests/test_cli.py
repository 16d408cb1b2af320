"""The command line as installers and scripts use it: real subprocesses, real data dirs."""
import json
import os
import subprocess
import sys
from pathlib import Path



def posdesk(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "posdesk", "--data", str(data), *args],
                          capture_output=True, text=True, timeout=120, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"posdesk {args} failed: {proc.stderr}")
    return proc


def test_db_upgrade_creates_the_database(tmp_path):
    out = posdesk(tmp_path, "db", "upgrade").stdout
    assert "version" in out and (tmp_path / "posdesk.db").exists()


def test_config_set_then_get_round_trips_and_types_are_checked(tmp_path):
    posdesk(tmp_path, "config", "set", "devices.printer.port", "socket://127.0.0.1:9100")
    assert posdesk(tmp_path, "config", "get", "devices.printer.port").stdout.strip() == "socket://127.0.0.1:9100"
    bad = posdesk(tmp_path, "config", "set", "recording.fps", "fast", check=False)
    assert bad.returncode == 1 and "expects a int" in bad.stderr and "Traceback" not in bad.stderr
    unknown = posdesk(tmp_path, "config", "get", "no.such.key", check=False)
    assert unknown.returncode == 1 and "unknown setting" in unknown.stderr


def test_user_add_and_list(tmp_path):
    posdesk(tmp_path, "user", "add", "Lea", "--role", "manager", "--pin", "4321")
    listing = posdesk(tmp_path, "user", "list").stdout
    assert "Lea\tmanager\tactive" in listing
    dup = posdesk(tmp_path, "user", "add", "Lea", "--pin", "5555", check=False)
    assert dup.returncode == 1 and "Traceback" not in dup.stderr


def test_catalog_import_reports_bad_rows_and_exports(tmp_path):
    csv = tmp_path / "in.csv"
    csv.write_text("sku,name,price,tax_code,barcodes,plu,category,unit,min_age\n"
                   "A1,Apple juice,1.99,A,4006381333931,,Drinks,,0\n"
                   "B1,Broken,1.99,A,4006381333932,,Drinks,,0\n", encoding="utf-8")
    posdesk(tmp_path, "config", "get")  # creates nothing but proves the dir is usable
    proc = posdesk(tmp_path, "catalog", "import", str(csv), check=False)
    assert "imported 1 products, 1 rows rejected" in proc.stdout
    assert "in.csv:3" in proc.stderr
    out = tmp_path / "out.csv"
    posdesk(tmp_path, "catalog", "export", str(out))
    assert "Apple juice" in out.read_text(encoding="utf-8")


def test_missing_catalog_file_is_one_clear_line(tmp_path):
    proc = posdesk(tmp_path, "catalog", "import", str(tmp_path / "nope.csv"), check=False)
    assert proc.returncode == 1 and proc.stderr.strip().startswith("posdesk: no such file")


def test_sales_list_json_on_an_empty_lane(tmp_path):
    assert json.loads(posdesk(tmp_path, "sales", "list", "--json").stdout) == []


def test_x_report_without_a_shift_fails_cleanly(tmp_path):
    proc = posdesk(tmp_path, "report", "x", check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "shift" in proc.stderr.lower()


def test_keys_init_sets_up_a_lane_that_holds_no_plain_identity(tmp_path):
    passfile = tmp_path / "pass.txt"
    passfile.write_text("a long passphrase\n")
    out = posdesk(tmp_path / "lane", "keys", "init", "--passphrase-file", str(passfile)).stdout
    assert "manager recipient age1" in out
    keys_dir = tmp_path / "lane" / "keys"
    assert not any("AGE-SECRET-KEY" in p.read_text(errors="ignore") for p in keys_dir.iterdir())
    again = posdesk(tmp_path / "lane", "keys", "init", "--passphrase-file", str(passfile), check=False)
    assert again.returncode == 1 and "already set up" in again.stderr


def test_keys_init_shows_the_manager_key_fingerprint(tmp_path):
    passfile = tmp_path / "pass.txt"
    passfile.write_text("long enough passphrase\n")
    out = posdesk(tmp_path, "keys", "init", "--passphrase-file", str(passfile)).stdout
    fingerprint = out.split("manager key fingerprint ")[1].split()[0]
    assert fingerprint.startswith("ed25519:") and len(fingerprint) == len("ed25519:") + 16
    assert f"manager key fingerprint: {fingerprint}" in posdesk(tmp_path, "keys", "show").stdout
