"""Catalog text reaches the receipt printer and, exported, a spreadsheet: control bytes are
stripped at import, formulas are neutralised at export, and a malformed row is reported with
its line number and skipped without stopping the import."""
from __future__ import annotations

import csv

from ..test_cli import posdesk

HEADER = "sku,name,price,tax_code,barcodes,plu,category,unit,min_age\n"


def test_malformed_rows_are_skipped_control_bytes_stripped_formulas_neutralised(tmp_path):
    rows = [
        'S1,"Milk\x1b@\x1dV\x00 \u202eeulav",1.00,A,,,Dairy,,0',  # line 2: ESC/POS + bidi
        "S2,Superscript barcode,1.00,A,\u00b2\u00b2\u00b2\u00b2\u00b2\u00b2\u00b2\u00b2,,,,0",  # 3
        "S3,Superscript age,1.00,A,,,,,\u00b2",                     # line 4
        "S4," + "x" * 200_000 + ",1.00,A,,,,,0",                    # line 5: a 200 KB field
        'S5,"=HYPERLINK(""http://evil"",""click"")",1.00,A,,,@SUM(1),,0',  # line 6
        "S6,Bread,2.00,A,,,,,0",                                    # line 7
    ]
    source = tmp_path / "in.csv"
    source.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = posdesk(tmp_path, "catalog", "import", str(source), check=False)
    assert "imported 3 products, 3 rows rejected" in result.stdout, result.stdout + result.stderr
    for line in (3, 4, 5):
        assert f"in.csv:{line}:" in result.stderr
    assert "Traceback" not in result.stderr

    out = tmp_path / "out.csv"
    posdesk(tmp_path, "catalog", "export", str(out))
    exported = {r["sku"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert exported["S1"]["name"] == "Milk@V eulav"
    assert exported["S5"]["name"].startswith("'=HYPERLINK")
    assert exported["S5"]["category"] == "'@SUM(1)"
    assert exported["S6"]["name"] == "Bread"
