"""Child process for the kill -9 test: journals events through the writer forever, printing
`ack <seq>` once each event's transaction has committed."""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from posdesk.core.clock import ManualClock
from posdesk.core.money import currency
from posdesk.core.permissions import Role
from posdesk.core.sale import Sale
from posdesk.core.tax import TaxMode
from posdesk.db.database import open_database
from posdesk.db.sales import SaleStore
from posdesk.db.writer import DbWriter

from .conftest import MILK


def main(path: Path) -> None:
    database = open_database(path)
    writer = DbWriter(database)
    writer.start()
    store = SaleStore()

    def acked(seq: int):
        def done(_result, error):
            if error is None:
                print(f"ack {seq}", flush=True)
        return done

    sale = Sale.open(sale_id="killed", lane="L1", cashier="anna", cashier_role=Role.CASHIER,
                     cur=currency("EUR"), tax_mode=TaxMode.INCLUSIVE, clock=ManualClock(),
                     listener=lambda e: writer.submit(lambda: store.append_event("killed", e), acked(e.seq)))
    while True:
        sale.add_product(MILK, Decimal(1))
        writer.flush(5)  # keep the queue short, as a cashier does


if __name__ == "__main__":
    main(Path(sys.argv[1]))
