"""A way out of an unknown card payment: the terminal cannot repeat its last receipt, so a
manager settles the payment (charged / not charged, with where it was checked), audited; the
lane is not stuck on it."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from posdesk.core.errors import DomainError
from posdesk.core.lines import PaymentStatus
from posdesk.core.permissions import Permission
from posdesk.services.build import build_services
from tests.services.helpers import settle

MILK = "4006381333931"


def _lane_with_unknown_card_payment(data: Path) -> str:
    s = build_services(data, demo=True)
    try:
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        s.till.tender.start_tender()
        sale = s.checkout.sale
        s.till.tender.begin_card(sale.remaining, "pay-1", {"previous_receipt_no": 82})
        s.till.tender.card_result("pay-1", PaymentStatus.UNKNOWN, {"error": "line lost"})
        settle(s)
        return sale.id
    finally:
        s.close()


def _posdesk(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "posdesk", "--data", str(data), *args],
                          capture_output=True, text=True, timeout=120)


def _rows(data: Path, sql: str) -> list:
    con = sqlite3.connect(data / "posdesk.db")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_cli_resolves_a_charged_payment_and_the_sale_completes(tmp_path):
    sale_id = _lane_with_unknown_card_payment(tmp_path)
    listed = _posdesk(tmp_path, "payment", "list")
    assert listed.returncode == 0 and "pay-1" in listed.stdout
    cashier = _posdesk(tmp_path, "payment", "resolve", "pay-1", "--charged",
                       "--reason", "terminal journal", "--manager", "Anna", "--manager-pin", "1234")
    assert cashier.returncode == 1, "a cashier must not settle it"
    done = _posdesk(tmp_path, "payment", "resolve", "pay-1", "--charged",
                    "--reason", "terminal journal shows receipt 83", "--manager", "Max", "--manager-pin", "9999")
    assert done.returncode == 0, done.stderr
    assert "receipt 1" in done.stdout
    assert _rows(tmp_path, f"select state, receipt_no from sale where id = '{sale_id}'") == [("completed", 1)]
    assert _rows(tmp_path, "select status from payment") == [("approved",)]
    assert len(_rows(tmp_path, "select user from audit_log where action = 'card_payment_resolved'")) == 1
    assert _posdesk(tmp_path, "payment", "list").returncode == 1  # nothing waits any more


def test_not_charged_reopens_the_sale_for_another_payment(tmp_path):
    _lane_with_unknown_card_payment(tmp_path)
    done = _posdesk(tmp_path, "payment", "resolve", "pay-1", "--not-charged",
                    "--reason", "end-of-day report", "--manager", "Max", "--manager-pin", "9999")
    assert done.returncode == 0, done.stderr
    s = build_services(tmp_path, demo=True)
    try:
        s.till.session.login("1234", name="Anna")
        s.till.selling.resume_recovered()
        sale = s.checkout.sale
        assert not sale.open_payments and sale.payment("pay-1").status is PaymentStatus.DECLINED
        s.till.selling.void_sale(approved_by="Max", reason="customer left")
        settle(s)
    finally:
        s.close()


def test_a_reason_is_required(services, till):
    till.selling.enter(MILK)
    till.tender.start_tender()
    till.tender.begin_card(till.checkout.sale.remaining, "pay-2", {})
    till.tender.card_result("pay-2", PaymentStatus.UNKNOWN, {})
    approver = till.session.approve("9999", Permission.RESOLVE_PAYMENT, name="Max")
    with pytest.raises(DomainError):
        till.tender.resolve_card_payment("pay-2", charged=False, reason="  ", approved_by=approver)
    assert till.checkout.sale.payment("pay-2").open
