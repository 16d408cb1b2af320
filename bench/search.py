"""Manager's search on a big database: p95 query time of typical filters.

Fills a lane database with N sales (default 1,000,000 over a year, with lines, payments,
journals, search facts and exception marks as the viewer extracts them), then runs each
typical filter 40 times with random time windows and prints its p95 in milliseconds.
Target (issue 11): p95 <= 50 ms on SQLite. The filled database is kept for reruns with
`--db PATH` (filling 1,000,000 sales takes a few minutes).

Usage: python bench/search.py [--sales 1000000] [--db /tmp/search-bench/lane] [--runs 40]
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from posdesk.core.sale_marks import Mark
from posdesk.core.sale_search import ClipProblem, SearchFilter
from posdesk.db import sale_search
from posdesk.db.database import close_database, open_database
from posdesk.services.build import build_services

#: p95 target per filter, milliseconds (issue 11).
TARGET_MS = 50.0
#: The year the sales are spread over.
END = datetime(2026, 12, 1, tzinfo=timezone.utc)
DAYS = 365
CASHIERS = ("Anna", "Ben", "Chen", "Dana", "Emil", "Fang", "Gus", "Hana")
LANES = ("L1", "L2", "L3", "L4")
#: Share of sales with each mark (rare, as in real shops).
MARK_RATES = ((Mark.LINE_VOID, 0.03), (Mark.DISCOUNT, 0.05), (Mark.VOIDED, 0.01),
              (Mark.PRICE_OVERRIDE, 0.005), (Mark.CARD_DECLINED, 0.004),
              (Mark.RECORDING_GAP, 0.001), (Mark.REFUND, 0.003))


def _utc(t: datetime) -> str:
    return t.isoformat(timespec="microseconds")


def fill(path: Path, sales: int, products: list[tuple[str, str]]) -> None:
    con = sqlite3.connect(path)
    con.execute("pragma journal_mode=wal")
    con.execute("pragma synchronous=off")
    rnd = random.Random(11)
    step = DAYS * 86400 / sales
    start = END - timedelta(days=DAYS)
    receipts = dict.fromkeys(LANES, 0)
    batch = 20000
    t0 = time.perf_counter()
    for first in range(0, sales, batch):
        s_rows, l_rows, p_rows, j_rows, f_rows, m_rows, r_rows = [], [], [], [], [], [], []
        for n in range(first, min(sales, first + batch)):
            sid = uuid.UUID(int=rnd.getrandbits(128)).hex
            lane = LANES[n % len(LANES)]
            at = start + timedelta(seconds=n * step)
            receipts[lane] += 1
            marks = [m for m, rate in MARK_RATES if rnd.random() < rate]
            state = "voided" if Mark.VOIDED in marks else "completed"
            lines = [products[rnd.randrange(len(products))] for _ in range(rnd.randint(1, 4))]
            total = sum(rnd.randint(50, 3000) for _ in lines)
            discount = total // 5 if Mark.DISCOUNT in marks else 0
            tender = "card" if rnd.random() < 0.45 else "cash"
            s_rows.append((sid, lane, "return" if Mark.REFUND in marks else "sale", state,
                           CASHIERS[rnd.randrange(len(CASHIERS))], _utc(at),
                           _utc(at + timedelta(seconds=40)),
                           receipts[lane] if state == "completed" else None, "EUR", "inclusive",
                           total + discount, discount, total, 0, 0))
            for i, (sku, name) in enumerate(lines, 1):
                l_rows.append((sid, i, sku, name, total, "1", "", "", "A", "19", "", 0, total,
                               total, 0))
            if state == "completed":
                p_rows.append((sid, uuid.UUID(int=rnd.getrandbits(128)).hex, tender, total,
                               "approved", "{}"))
            j_rows.append((sid, 1, "sale_started", _utc(at), n, '{"lane":"%s"}' % lane))
            j_rows.append((sid, 2, "sale_completed", _utc(at), n + 1, "{}"))
            f_rows.append((sid, tender if state == "completed" else "",
                           ",".join(m.value for m in marks)))
            m_rows += [(sid, m.value, 2, _utc(at)) for m in marks]
            status = "truncated" if rnd.random() < 0.002 else "complete"
            r_rows.append((sid, f"clips/{sid}.mp4.age", None, 0, None, status, None, "[]",
                           _utc(at), _utc(at), 0))
        with con:
            con.executemany("insert into sale (id, lane, kind, state, cashier, started_utc, ended_utc,"
                            " receipt_no, currency, tax_mode, subtotal_minor, discount_minor,"
                            " total_minor, rounding_minor, change_minor) values"
                            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", s_rows)
            con.executemany("insert into sale_line (sale_id, line_id, sku, name, unit_price_minor,"
                            " quantity, unit, category, tax_code, tax_percent, tax_name,"
                            " discount_minor, amount_minor, net_amount_minor, voided) values"
                            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", l_rows)
            con.executemany("insert into payment (sale_id, payment_id, tender, amount_minor, status,"
                            " details) values (?,?,?,?,?,?)", p_rows)
            con.executemany("insert into journal_event (sale_id, seq, kind, utc, mono_ns, data)"
                            " values (?,?,?,?,?,?)", j_rows)
            con.executemany("insert into sale_facts (sale_id, tenders, marks) values (?,?,?)", f_rows)
            con.executemany("insert into sale_mark (sale_id, mark, seq, started_utc) values (?,?,?,?)",
                            m_rows)
            con.executemany("insert into recording (sale_id, clip_path, manifest_path, size, sha256,"
                            " status, duration_ms, key_ids, created_utc, updated_utc, legal_hold)"
                            " values (?,?,?,?,?,?,?,?,?,?,?)", r_rows)
        print(f"filled {first + len(s_rows)} sales in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
    con.execute("analyze")
    con.close()


def _window(rnd: random.Random, days: float) -> tuple[datetime, datetime]:
    since = END - timedelta(days=rnd.uniform(days, DAYS))
    return since, since + timedelta(days=days)


def filters(barcode: str) -> dict[str, Callable[[random.Random], SearchFilter]]:
    def w(days: float, **kw: object) -> Callable[[random.Random], SearchFilter]:
        def make(rnd: random.Random) -> SearchFilter:
            since, until = _window(rnd, days)
            return SearchFilter(since=since, until=until, **kw)  # type: ignore[arg-type]
        return make

    return {
        "week_all": w(7),
        "day_cashier": lambda r: SearchFilter(*_window(r, 1), cashier=r.choice(CASHIERS)),
        "week_lane": lambda r: SearchFilter(*_window(r, 7), lane=r.choice(LANES)),
        "receipt": lambda r: SearchFilter(lane=r.choice(LANES), receipt_no=r.randint(1, 200000)),
        "week_amount": w(7, min_total_minor=5000, max_total_minor=6000),
        "week_product": w(7, product=barcode),
        "week_card": w(7, tender="card"),
        "month_voided": w(30, marks=frozenset({Mark.VOIDED})),
        "month_exceptions": w(30, marks=frozenset({Mark.LINE_VOID, Mark.PRICE_OVERRIDE,
                                                    Mark.CARD_DECLINED, Mark.REFUND})),
        "week_discount": w(7, discount_above_percent=10),
        "month_truncated": w(30, clip_problems=frozenset({ClipProblem.TRUNCATED})),
    }


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--sales", type=int, default=1_000_000)
    p.add_argument("--db", type=Path, default=Path("/tmp/posdesk-search-bench/lane"))
    p.add_argument("--runs", type=int, default=40)
    args = p.parse_args()
    db_file = args.db / "posdesk.db"
    if not db_file.exists():
        services = build_services(args.db, demo=True)
        products = [(pr.sku, pr.name) for pr in services.catalog.all_products()]
        services.close()
        fill(db_file, args.sales, products)
    services = build_services(args.db, demo=True)
    barcode = next(pr.barcodes[0] for pr in services.catalog.all_products() if pr.barcodes)
    services.close()
    open_database(db_file)
    rnd = random.Random(5)
    ok = True
    try:
        for name, make in filters(barcode).items():
            times = []
            for _ in range(args.runs):
                f = make(rnd)
                t0 = time.perf_counter()
                sale_search.search_sales(f)
                times.append((time.perf_counter() - t0) * 1000)
            p95 = statistics.quantiles(times, n=20)[18]
            ok &= p95 <= TARGET_MS
            print(json.dumps({"figure": f"search_{name}_p95_ms", "value": round(p95, 1),
                              "target": TARGET_MS, "ok": p95 <= TARGET_MS}))
        times = []
        for _ in range(args.runs // 4 or 1):
            since, until = _window(rnd, 1)
            t0 = time.perf_counter()
            sale_search.exception_report("cashier", since=since, until=until)
            times.append((time.perf_counter() - t0) * 1000)
        p95 = max(times) if len(times) < 20 else statistics.quantiles(times, n=20)[18]
        ok &= p95 <= TARGET_MS
        print(json.dumps({"figure": "exception_report_day_p95_ms", "value": round(p95, 1),
                          "target": TARGET_MS, "ok": p95 <= TARGET_MS}))
    finally:
        close_database()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
