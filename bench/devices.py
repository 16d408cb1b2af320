"""Device benchmarks: ZVT authorization round trip against the time its bytes need on the wire.

A pty does not pace bytes at the configured baud rate, so the measured round trip is pure
software time (client, simulator, kernel). The figure adds it to the wire time computed from
the bytes actually exchanged in the same run (10 bits per byte at 8N1) and reports
(wire + software) / wire: how much slower than the line itself a sale would be. 1.0 is
ideal; the targets allow the software a quarter of the wire time at 9600 baud and as much
again as the wire time at 115200.

Ends with one JSON line per figure; exits 0 only when every figure meets its target.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

from posdesk.core.money import Money, currency
from posdesk.core.receipt import Receipt, ReceiptLine, StoreHeader, Tender, TenderKind
from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.render import receipt_bytes
from posdesk.devices.ports import SerialSettings
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt.client import ZvtTerminal
from posdesk.devices.zvt.simulator import serve

#: Bits per byte on an 8N1 line: start bit, eight data bits, stop bit.
BITS_PER_BYTE = 10
#: Authorizations per baud rate; the median is reported.
ROUNDS = 15
#: Allowed (wire + software) / wire per baud rate.
TARGETS = {9600: 1.25, 115200: 2.0}


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    target: float

    @property
    def ok(self) -> bool:
        return self.value <= self.target

    def json(self) -> str:
        return json.dumps({"figure": self.name, "value": round(self.value, 5),
                           "target": self.target, "ok": self.ok})


def zvt_roundtrip(baud: int) -> Figure:
    pair = open_pty_pair()
    sim = serve(pair)
    eur = currency("EUR")
    term = ZvtTerminal(SerialSettings(pair.path, baudrate=baud), cur=eur)
    try:
        term.open()
        term.authorize(Money.of("1.00", eur))  # warm-up: port open, first imports
        times, wire_bytes = [], []
        for i in range(ROUNDS):
            transport = term.transport
            before = transport.bytes_out + transport.bytes_in
            start = time.perf_counter()
            result = term.authorize(Money.from_minor(100 + i, eur))
            times.append(time.perf_counter() - start)
            wire_bytes.append(transport.bytes_out + transport.bytes_in - before)
            if not result.approved:
                raise SystemExit(f"authorization {i} at {baud} baud was {result.outcome.value}")
    finally:
        term.close()
        sim.stop()
        pair.close()
    software_s = statistics.median(times)
    wire_s = statistics.median(wire_bytes) * BITS_PER_BYTE / baud
    print(f"ZVT authorization at {baud} baud: {statistics.median(wire_bytes):.0f} bytes, "
          f"wire {wire_s * 1000:.1f} ms, software (pty, unpaced) {software_s * 1000:.1f} ms")
    return Figure(f"zvt_roundtrip_overhead_ratio_{baud}", (wire_s + software_s) / wire_s, TARGETS[baud])


def _sample_receipt(cjk: bool) -> Receipt:
    cur = currency("CNY" if cjk else "EUR")
    names = ["全脂牛奶 1升", "大米 5公斤", "绿茶 250克"] if cjk else ["Whole milk 1 l", "Rye bread", "Coffee 500 g"]
    lines = tuple(ReceiptLine(names[i % 3] + f" #{i}", Decimal(1 + i % 3), Money.of("2.49", cur),
                              Money.of("2.49", cur).times(1 + i % 3), "A") for i in range(20))
    total = Money.sum((ln.amount for ln in lines), cur)
    return Receipt(StoreHeader("posdesk demo store", ("1 Market Street",)), "L1", "1234", "Anna",
                   datetime.now(timezone.utc), "2026-01-02 09:00", lines, total, total,
                   tenders=(Tender(TenderKind.CASH, "Cash", total),), qr_payload="posdesk:sale=x",
                   barcode="1234")


def receipt_bytes_generation() -> list[Figure]:
    """Time to build a 20-line receipt's ESC/POS bytes (Latin and Chinese, with QR and
    barcode) against the time those bytes take on a 9600-baud line, in the same run: the
    printer must never wait for posdesk (target: under 5 % of the wire time)."""
    figures = []
    for cjk, profile in ((False, "generic-80"), (True, "chinese-80")):
        receipt, prof = _sample_receipt(cjk), profile_by_name(profile)
        data = receipt_bytes(receipt, prof)
        started = time.perf_counter()
        for _ in range(ROUNDS * 10):
            receipt_bytes(receipt, prof)
        build_s = (time.perf_counter() - started) / (ROUNDS * 10)
        wire_s = len(data) * BITS_PER_BYTE / 9600
        figures.append(Figure(f"receipt_bytes_time_ratio_vs_wire_9600_{'cjk' if cjk else 'latin'}",
                              build_s / wire_s, 0.05))
    return figures


def main() -> int:
    figures = [zvt_roundtrip(baud) for baud in TARGETS] + receipt_bytes_generation()
    for figure in figures:
        print(figure.json())
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
