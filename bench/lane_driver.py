"""A cashier at a real lane, for crash tests: rings cash sales through the real services with
the simulated printer and card terminal and the real recorder child, until told to stop.

    python bench/lane_driver.py --data DIR [--sales N] [--seed S]

It starts the lane as a cashier would (same data directory, same start-up recovery), offers
an interrupted sale back and finishes it, then rings `--sales` sales (0: until killed), each
waiting until its receipt is saved. Lines on stdout: `ready` once the lane took its first
scan, `sold <receipt>` per saved sale, `done` after a clean close. Exit 0 on a clean run.
A crash point (`POSDESK_CRASH_AT`, see `posdesk.crashpoints`) or `kill -9` may end it anywhere.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from posdesk.core.money import Money
from posdesk.core.permissions import Permission
from posdesk.core.sale import SaleState
from posdesk.services.build import Services, build_services, open_config

#: Small recording settings so a 2-core machine can run many lanes' worth of restarts.
RECORDING = {"recording.width": "320", "recording.height": "240", "recording.fps": "10",
             "recording.preroll_s": "1", "recording.postroll_s": "1"}
#: Barcodes of the demo catalog (resources/catalog/demo.csv) rung at random.
CODES = ("4006381333931", "4006381333948", "4000500012349", "4000500043213")
#: How long one step may take before the run counts as stuck (seconds).
STEP_TIMEOUT_S = 60.0


class Stuck(Exception):
    pass


def _wait(s: Services, condition, what: str) -> None:
    end = time.monotonic() + STEP_TIMEOUT_S
    while not condition():
        if time.monotonic() > end:
            raise Stuck(f"waited {STEP_TIMEOUT_S:.0f} s for {what}")
        s.dispatch.run_pending()
        time.sleep(0.01)


def _settle_recording(s: Services) -> None:
    """Wait until every clip of this run has its manifest (no pending notes are left)."""
    if s.recording is None or s.recording.chain is None:
        return
    layout = s.recording.chain.layout
    _wait(s, lambda: not list(layout.pending()), "every clip's manifest")


def _pay_and_save(s: Services) -> str:
    sale = s.checkout.sale
    if sale.state is SaleState.OPEN:
        s.till.tender.start_tender()
    if sale.state is SaleState.TENDERING:
        s.till.tender.pay_cash(sale.cash_due() if not sale.cash_due().is_zero()
                            else Money.zero(sale.currency))
    _wait(s, lambda: s.checkout.sale is None, f"sale {sale.id} saved")
    return str(sale.receipt_no)


def _finish_recovered(s: Services) -> None:
    """An interrupted sale comes back: pay what is left (cash) and finish it, or void it
    with the manager when nothing was rung."""
    found = s.till.selling.recoverable()
    if found is None:
        return
    s.till.selling.resume_recovered()
    sale = s.checkout.sale
    if sale.open_payments:
        raise Stuck(f"recovered sale {sale.id} has a card payment in flight")
    if not sale.active_lines and sale.state is SaleState.OPEN:
        s.till.selling.void_sale(approved_by=s.till.session.approve("9999", Permission.VOID_SALE, name="Max"),
                             reason="empty after restart")
        return
    print(f"sold {_pay_and_save(s)}", flush=True)


def run(data: Path, sales: int, seed: int) -> int:
    config = open_config(data)
    for key, value in RECORDING.items():
        config.set(key, value)
    config.save()
    s = build_services(data, demo=True, with_devices=True, with_recording=True)
    rng = random.Random(seed)
    try:
        _wait(s, lambda: s.recording.state.recorder_up, "the recorder")
        s.till.session.login("1234", name="Anna")
        _finish_recovered(s)
        print("ready", flush=True)
        sold = 0
        while sales == 0 or sold < sales:
            for _ in range(rng.randint(1, 3)):
                s.till.selling.enter(f"{rng.randint(1, 3)}*{rng.choice(CODES)}")
            print(f"sold {_pay_and_save(s)}", flush=True)
            sold += 1
        _settle_recording(s)
    except Stuck as e:
        print(f"stuck: {e}", flush=True)
        return 1
    finally:
        s.close()
    print("done", flush=True)
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--sales", type=int, default=0, help="0: ring sales until killed")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    return run(args.data, args.sales, args.seed)


if __name__ == "__main__":
    sys.exit(main())
