from decimal import Decimal
from pathlib import Path

import pytest

from posdesk.core.barcodes import gtin_check_digit
from posdesk.core.catalog import Product, resolve_code
from posdesk.core.tax import PRESETS
from posdesk.db.catalog import CatalogStore
from posdesk.db.errors import CatalogFileError
from posdesk.db.models import Barcode
from posdesk.db.models import Product as ProductRow

from .conftest import VAT7, eur

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "demo.csv"
HEADER = "sku,name,price,tax_code,barcodes,plu,category,unit,min_age\n"


@pytest.fixture
def catalog(database) -> CatalogStore:
    store = CatalogStore()
    store.set_tax_rates(PRESETS["DE"])
    return store


def ean13(n: int) -> str:
    body = f"4{n:011d}"
    return body + str(gtin_check_digit(body))


def test_demo_catalog_imports_cleanly_and_scans(catalog):
    result = catalog.import_csv(DEMO)
    assert result.errors == []
    assert 35 <= result.imported == catalog.count() <= 45
    products = catalog.all_products()
    assert sum(p.min_age > 0 for p in products) >= 2
    assert any(p.weighed and p.plu for p in products)
    assert catalog.search("方便面")[0].sku == "NOODLE-CN"
    milk = resolve_code("4006381333931", catalog)
    assert milk.product.sku == "MILK-1L" and milk.product.price == eur("1.19")
    bananas = resolve_code("4011", catalog)
    assert bananas.product.weighed


def test_lookups_by_barcode_upc_plu_and_name_in_any_case(catalog):
    catalog.upsert([Product(0, "COLA", "Cola Zero 1.5 L", eur("1.49"), VAT7,
                            barcodes=("036000291452",), plu="1001")])
    assert catalog.by_barcode("0036000291452").sku == "COLA"  # UPC-A stored as EAN-13
    assert catalog.by_barcode("036000291452").barcodes == ("0036000291452",)
    assert catalog.by_plu("1001").name == "Cola Zero 1.5 L"
    assert [p.sku for p in catalog.search("cola z")] == ["COLA"]
    assert [p.sku for p in catalog.search("ZERO")] == ["COLA"]
    assert catalog.search("%") == [] and catalog.by_barcode("4000000000000") is None


def test_bad_rows_are_reported_by_line_and_column_and_good_rows_still_import(catalog, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(HEADER +
                    f"A1,Good,1.99,B,{ean13(1)},,,,\n"
                    "A2,Bad check,1.99,B,4000000000011,,,,\n"
                    "A3,Bad price,1.999,B,,,,,\n"
                    "A4,Bad tax,1.00,Q,,,,,\n"
                    f"A5,Dup barcode,2.00,B,{ean13(1)},,,,\n"
                    "A1,Dup sku,2.00,B,,,,,\n"
                    "A6,Bad unit,2.00,B,,,,litre,\n"
                    ",No sku,2.00,B,,,,,\n"
                    "A7,Loose,2.99,B,,4133,Produce,kg,\n", encoding="utf-8")
    result = catalog.import_csv(path)
    assert result.imported == 2 and catalog.count() == 2
    got = {(e.line, e.column) for e in result.errors}
    assert got == {(3, "barcodes"), (4, "price"), (5, "tax_code"), (6, "barcodes"), (7, "sku"),
                   (8, "unit"), (9, "sku")}
    dup = next(e for e in result.errors if e.line == 6)
    assert "line 2" in dup.message and "check digit" in next(e.message for e in result.errors if e.line == 3)


def test_reimport_updates_prices_and_replaces_barcodes(catalog, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + f"A1,Tea,1.99,B,{ean13(1)}|{ean13(2)},,,,\n", encoding="utf-8")
    catalog.import_csv(path)
    path.write_text(HEADER + f"A1,Green tea,2.19,A,{ean13(3)},,,,\n", encoding="utf-8")
    assert catalog.import_csv(path).errors == []
    assert catalog.by_barcode(ean13(1)) is None
    tea = catalog.by_barcode(ean13(3))
    assert (tea.name, tea.price, tea.tax.percent) == ("Green tea", eur("2.19"), Decimal(19))
    assert catalog.count() == 1


def test_export_then_import_into_an_empty_catalog_gives_the_same_products(catalog, tmp_path):
    catalog.import_csv(DEMO)
    before = catalog.all_products()
    out = tmp_path / "out.csv"
    assert catalog.export_csv(out) == len(before)
    Barcode.delete().execute()
    ProductRow.delete().execute()
    assert catalog.import_csv(out).errors == []
    def strip(products):
        return [(p.sku, p.name, p.price, p.tax, p.barcodes, p.plu, p.unit, p.min_age)
                for p in products]

    assert strip(catalog.all_products()) == strip(before)


def test_a_file_without_the_required_columns_is_refused_whole(catalog, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("sku,title,price\nA,B,1\n", encoding="utf-8")
    with pytest.raises(CatalogFileError, match="name, tax_code"):
        catalog.import_csv(path)


@pytest.mark.slow
def test_a_100k_product_catalog_imports_whole_and_every_barcode_is_found(catalog, tmp_path):
    # How fast is bench/checkout.py's business (import time, lookup p95); this checks that
    # nothing of a large import is lost.
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for i in range(100_000):
            f.write(f"S{i},Product number {i},{i % 5000 / 100:.2f},{'AB'[i % 2]},{ean13(i)},,Cat{i % 50},,\n")
    result = catalog.import_csv(path)
    assert result.errors == [] and catalog.count() == 100_000
    for i in range(0, 100_000, 1000):
        assert catalog.by_barcode(ean13(i)).sku == f"S{i}"
