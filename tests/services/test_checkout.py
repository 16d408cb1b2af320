"""The checkout use case against a real SQLite file: what ends up in the database."""
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from posdesk.core.errors import AgeCheckRequired, ApprovalRequired, UnknownCode
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Permission
from posdesk.core.sale import SaleState
from posdesk.db.errors import WrongPin
from posdesk.services.build import build_services
from tests.services.helpers import settle

MILK = "4006381333931"
EUR = currency("EUR")


def rows(services, sql):
    services.writer.flush(10)
    con = sqlite3.connect(services.data_dir / "posdesk.db")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_first_scan_opens_a_sale_and_cash_completes_it(services, checkout):
    assert checkout.sale is None
    checkout.enter(MILK, source="scan")
    checkout.enter(f"2*{MILK}")
    assert checkout.sale.state is SaleState.OPEN and len(checkout.sale.lines) == 2
    checkout.start_tender()
    checkout.pay_cash(Money.of("10", EUR))
    settle(services)
    done = checkout.last_sale
    assert checkout.sale is None and done.state is SaleState.COMPLETED
    (row,) = rows(services, "select state, receipt_no, total_minor from sale")
    assert row == ("completed", 1, done.total.minor)
    kinds = [k for (k,) in rows(services, "select kind from journal_event order by seq")]
    assert kinds[0] == "sale_started" and kinds[-1] == "sale_completed"


def test_receipt_numbers_are_gapless_across_sales_and_restarts(tmp_path):
    for expected in (1, 2):
        s = build_services(tmp_path, demo=True)
        s.checkout.login("1234", name="Anna")
        s.checkout.enter(MILK)
        s.checkout.start_tender()
        s.checkout.pay_cash(Money.of("5", EUR))
        settle(s)
        assert s.checkout.last_sale.receipt_no == str(expected)
        s.close()


def test_unknown_barcode_changes_nothing(services, checkout):
    with pytest.raises(UnknownCode):
        checkout.enter("4000000000006")
    assert checkout.sale is None
    assert rows(services, "select count(*) from sale") == [(0,)]


def test_void_line_with_manager_pin(services, checkout):
    checkout.enter(MILK)
    with pytest.raises(ApprovalRequired):
        checkout.void_line(1)
    with pytest.raises(WrongPin):
        checkout.approve("1111", Permission.VOID_LINE, name="Max")
    manager = checkout.approve("9999", Permission.VOID_LINE, name="Max")
    checkout.void_line(1, approved_by=manager)
    assert checkout.sale.lines[0].voided
    data = rows(services, "select data from journal_event where kind='line_voided'")
    assert '"approved_by":"Max"' in data[0][0].replace(" ", "")


def test_cashier_cannot_approve_for_herself(checkout):
    from posdesk.services.errors import NotPermitted
    with pytest.raises(NotPermitted):
        checkout.approve("1234", Permission.VOID_LINE, name="Anna")


def test_age_restricted_item_waits_for_confirmation(services, checkout):
    wine = next(p for p in services.catalog.all_products() if p.min_age)
    code = wine.barcodes[0]
    with pytest.raises(AgeCheckRequired):
        checkout.enter(code)
    checkout.confirm_age_and_add(code)
    assert checkout.sale.lines[-1].name == wine.name


def test_suspend_and_resume_survive_a_restart(tmp_path):
    s = build_services(tmp_path, demo=True)
    s.checkout.login("1234", name="Anna")
    s.checkout.enter(MILK)
    sale_id = s.checkout.sale.id
    s.checkout.suspend()
    assert s.checkout.sale is None
    s.close()
    s = build_services(tmp_path, demo=True)
    s.checkout.login("1234", name="Anna")
    (parked,) = s.checkout.suspended()
    assert parked.id == sale_id
    s.checkout.resume(sale_id)
    assert s.checkout.sale.state is SaleState.OPEN and len(s.checkout.sale.lines) == 1
    s.close()


def test_partial_refund_against_a_receipt(services, checkout):
    checkout.enter(f"3*{MILK}")
    checkout.start_tender()
    checkout.pay_cash(Money.of("20", EUR))
    settle(services)
    receipt = checkout.last_sale.receipt_no
    services.writer.flush(10)
    with pytest.raises(ApprovalRequired):
        checkout.start_return(receipt)
    originals = checkout.start_return(receipt, approved_by=checkout.approve("9999", Permission.REFUND, name="Max"))
    checkout.return_line(originals[0], Decimal(2))
    checkout.start_tender()
    checkout.pay_cash(Money.zero(EUR))
    settle(services)
    assert checkout.last_sale.total == -Money.of("2.38", EUR)
    services.writer.flush(10)
    checkout.start_return(receipt, approved_by="Max")
    (left,) = [o for o in services.sales.find_by_receipt("L1", receipt)[1]]
    assert left.returnable == 1


def test_kill_9_mid_sale_then_resume_it_intact(tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from posdesk.services.build import build_services
        s = build_services(Path({str(tmp_path)!r}), demo=True)
        s.checkout.login("1234", name="Anna")
        s.checkout.enter("{MILK}")
        s.checkout.enter("3*4006381333931")
        s.checkout.set_quantity(2, __import__("decimal").Decimal(5))
        s.writer.flush(10)
        print("READY", s.checkout.sale.id, s.checkout.sale.total, flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().split()
        assert line[0] == "READY", line
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    sale_id, total = line[1], line[2]
    s = build_services(tmp_path, demo=True)
    try:
        s.checkout.login("1234", name="Anna")
        found = s.checkout.recoverable()
        assert found is not None and found.id == sale_id and str(found.total) == total
        s.checkout.resume_recovered()
        sale = s.checkout.sale
        assert [(ln.id, ln.quantity) for ln in sale.lines] == [(1, 1), (2, 5)]
        s.checkout.start_tender()
        s.checkout.pay_cash(Money.of("50", EUR))
        settle(s)
        assert s.checkout.last_sale.state is SaleState.COMPLETED
    finally:
        s.close()
