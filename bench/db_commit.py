"""Storage figures on a real SQLite file (WAL, synchronous=FULL):

- p95 of `SaleStore.commit_sale` for 5–20 line sales (target < 20 ms), and its ratio to a
  bare one-row INSERT transaction measured in the same run (the fsync floor; target < 25,
  about the number of rows a commit writes);
- mean `CatalogStore.by_barcode` over a 100,000-product catalog (target < 1 ms).

Prints one JSON line per figure; exits 0 only when every figure meets its target.
"""
from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from posdesk.core.barcodes import gtin_check_digit
from posdesk.core.catalog import Product
from posdesk.core.clock import ManualClock
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.sale import Sale
from posdesk.core.tax import PRESETS, TaxMode
from posdesk.db.catalog import CatalogStore
from posdesk.db.database import close_database, open_database
from posdesk.db.sales import SaleStore

EUR = currency("EUR")
SALES = 200
PRODUCTS = 100_000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def ean(n: int) -> str:
    body = f"4{n:011d}"
    return body + str(gtin_check_digit(body))


def bench_commit(db, store: SaleStore) -> tuple[float, float]:
    rng = random.Random(7)
    products = [Product(i, f"S{i}", f"Item {i}", Money.from_minor(rng.randint(50, 5000), EUR),
                        PRESETS["DE"][i % 2]) for i in range(50)]
    clock = ManualClock()
    commits, bare = [], []
    db.execute_sql("CREATE TABLE bare (id INTEGER PRIMARY KEY, v TEXT)")
    for n in range(SALES):
        sale = Sale.open(sale_id=f"b{n}", lane="L1", cashier="anna", cashier_role=Role.CASHIER,
                         cur=EUR, tax_mode=TaxMode.INCLUSIVE, clock=clock,
                         listener=lambda e, sid=f"b{n}": store.append_event(sid, e))
        for p in rng.sample(products, rng.randint(5, 20)):
            sale.add_product(p, Decimal(rng.randint(1, 3)))
        sale.start_tender()
        sale.pay_cash(sale.cash_due(), f"p{n}")
        sale.complete(str(store.next_receipt_no("L1")))
        start = time.perf_counter()
        store.commit_sale(sale)
        commits.append(time.perf_counter() - start)
        start = time.perf_counter()
        with db.atomic():
            db.execute_sql("INSERT INTO bare (v) VALUES (?)", (f"{n}",))
        bare.append(time.perf_counter() - start)
    return p95(commits), p95(bare)


def bench_lookup(path: Path) -> tuple[float, float]:
    catalog = CatalogStore(EUR)
    catalog.set_tax_rates(PRESETS["DE"])
    with path.open("w", encoding="utf-8") as f:
        f.write("sku,name,price,tax_code,barcodes\n")
        for i in range(PRODUCTS):
            f.write(f"S{i},Product {i},{i % 5000 / 100:.2f},{'AB'[i % 2]},{ean(i)}\n")
    start = time.perf_counter()
    catalog.import_csv(path)
    import_s = time.perf_counter() - start
    rng = random.Random(3)
    codes = [ean(rng.randrange(PRODUCTS)) for _ in range(2000)]
    start = time.perf_counter()
    for code in codes:
        catalog.by_barcode(code)
    return (time.perf_counter() - start) / len(codes), import_s


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.db")
        try:
            commit_p95, bare_p95 = bench_commit(db, SaleStore())
            lookup, import_s = bench_lookup(Path(tmp) / "big.csv")
        finally:
            close_database()
    figures = [
        ("commit_sale_p95_ms", commit_p95 * 1000, 20.0),
        # A commit writes ~25 rows; it must cost less than 25 one-row transactions would.
        ("commit_sale_p95_ratio_vs_bare_insert", commit_p95 / bare_p95, 25.0),
        ("barcode_lookup_100k_ms", lookup * 1000, 1.0),
        ("catalog_import_100k_s", import_s, 30.0),
    ]
    ok = True
    for name, value, target in figures:
        good = value < target
        ok &= good
        print(json.dumps({"figure": name, "value": round(value, 3), "target": target, "ok": good}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
