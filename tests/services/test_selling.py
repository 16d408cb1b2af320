"""Ringing up against a real SQLite file: items, approvals, parking, recovery after a crash."""
import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from posdesk.core.errors import AgeCheckRequired, ApprovalRequired, UnknownCode
from posdesk.core.lines import Discount, DiscountKind
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Permission
from posdesk.core.sale import SaleState
from posdesk.services.build import build_services
from tests.services.helpers import db_rows, settle

MILK = "4006381333931"
EUR = currency("EUR")


def test_the_first_scan_opens_a_sale(services, till):
    assert till.checkout.sale is None
    till.selling.enter(MILK, source="scan")
    till.selling.enter(f"2*{MILK}")
    sale = till.checkout.sale
    assert sale.state is SaleState.OPEN and [ln.quantity for ln in sale.lines] == [1, 2]
    assert db_rows(services, "select cashier, state from sale") == [("Anna", "open")]


def test_unknown_barcode_changes_nothing(services, till):
    with pytest.raises(UnknownCode):
        till.selling.enter("4000000000006")
    assert till.checkout.sale is None
    assert db_rows(services, "select count(*) from sale") == [(0,)]


def test_a_scanner_error_becomes_a_notice(till):
    notices = []
    till.checkout.on_notice.append(notices.append)
    till.selling.scan_from_device("4000000000006")
    assert len(notices) == 1 and till.checkout.sale is None
    till.selling.scan_from_device(MILK)
    assert len(till.checkout.sale.lines) == 1 and len(notices) == 1


def test_search_finds_by_name_and_ignores_blanks(till):
    assert till.selling.search("  ") == []
    assert any("Milk" in p.name for p in till.selling.search("milk"))


def test_void_line_with_manager_pin(services, till):
    till.selling.enter(MILK)
    with pytest.raises(ApprovalRequired):
        till.selling.void_line(1)
    manager = till.session.approve("9999", Permission.VOID_LINE, name="Max")
    till.selling.void_line(1, approved_by=manager)
    assert till.checkout.sale.lines[0].voided
    data = db_rows(services, "select data from journal_event where kind='line_voided'")
    assert '"approved_by":"Max"' in data[0][0].replace(" ", "")


def test_a_large_discount_needs_a_manager(till):
    till.selling.enter(MILK)
    half = Discount(DiscountKind.PERCENT, Decimal(50))
    with pytest.raises(ApprovalRequired):
        till.selling.discount_sale(half)
    till.selling.discount_sale(half, approved_by="Max")
    till.selling.override_price(1, Money.of("1.00", EUR), approved_by="Max")
    assert till.checkout.sale.total == Money.of("0.50", EUR)


def test_age_restricted_item_waits_for_confirmation(services, till):
    wine = next(p for p in services.catalog.all_products() if p.min_age)
    code = wine.barcodes[0]
    with pytest.raises(AgeCheckRequired):
        till.selling.enter(code)
    till.selling.confirm_age_and_add(code)
    assert till.checkout.sale.lines[-1].name == wine.name


def test_a_voided_sale_is_finished_and_stored(services, till):
    till.selling.enter(MILK)
    sale = till.checkout.sale
    till.selling.void_sale(approved_by="Max", reason="customer left")
    assert till.checkout.sale is None and till.checkout.last_sale is sale
    assert db_rows(services, "select state from sale") == [("voided",)]


def test_suspend_and_resume_survive_a_restart(tmp_path):
    s = build_services(tmp_path, demo=True)
    s.till.session.login("1234", name="Anna")
    s.till.selling.enter(MILK)
    sale_id = s.checkout.sale.id
    s.till.selling.suspend()
    assert s.checkout.sale is None
    s.close()
    s = build_services(tmp_path, demo=True)
    s.till.session.login("1234", name="Anna")
    (parked,) = s.till.selling.suspended()
    assert parked.id == sale_id
    s.till.selling.enter(MILK)
    with pytest.raises(Exception, match="a sale is open"):
        s.till.selling.resume(sale_id)
    s.till.selling.suspend()
    s.till.selling.resume(sale_id)
    assert s.checkout.sale.state is SaleState.OPEN and len(s.checkout.sale.lines) == 1
    s.close()


def test_kill_9_mid_sale_then_resume_it_intact(tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from posdesk.services.build import build_services
        s = build_services(Path({str(tmp_path)!r}), demo=True)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter("{MILK}")
        s.till.selling.enter("3*4006381333931")
        s.till.selling.set_quantity(2, __import__("decimal").Decimal(5))
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
        s.till.session.login("1234", name="Anna")
        found = s.till.selling.recoverable()
        assert found is not None and found.id == sale_id and str(found.total) == total
        s.till.selling.resume_recovered()
        sale = s.checkout.sale
        assert [(ln.id, ln.quantity) for ln in sale.lines] == [(1, 1), (2, 5)]
        assert sale.events[-1].kind == "sale_recovered"
        s.till.tender.start_tender()
        s.till.tender.pay_cash(Money.of("50", EUR))
        settle(s)
        assert s.checkout.last_sale.state is SaleState.COMPLETED
    finally:
        s.close()
