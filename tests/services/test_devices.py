"""The demo lane's devices: simulators on ptys, driven by the very code real ports use."""
from posdesk.core.money import Money, currency
from posdesk.core.sale import SaleState
from posdesk.services.build import build_services
from tests.services.helpers import settle

from .helpers import wait_for

EUR = currency("EUR")
MILK = "4006381333931"


def test_demo_lane_prints_the_receipt_after_a_cash_sale(tmp_path):
    s = build_services(tmp_path, demo=True, with_devices=True)
    try:
        assert s.devices.simulated == {"terminal", "printer"}
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(f"2*{MILK}")
        s.till.tender.start_tender()
        s.till.tender.pay_cash(Money.of("10", EUR))
        settle(s)
        sale = s.checkout.last_sale
        wait_for(s, lambda: any(e.kind == "receipt_printed" for e in sale.events))
        printed = sorted((tmp_path / "printed").glob("*.txt"))
        assert printed, "the simulated printer saved nothing"
        text = printed[-1].read_text(encoding="utf-8")
        assert "Whole milk" in text and "TOTAL" in text and sale.receipt_no in text
        assert "drawer_opened" in [e.kind for e in sale.events]
    finally:
        s.close()


def test_card_sale_on_the_demo_lane_prints_the_card_slip(tmp_path):
    s = build_services(tmp_path, demo=True, with_devices=True)
    try:
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        s.till.tender.start_tender()
        sale = s.checkout.sale
        s.devices.payments.pay(sale.remaining)
        wait_for(s, lambda: sale.state is SaleState.COMPLETED)
        wait_for(s, lambda: any(e.kind == "receipt_printed" for e in sale.events))
        text = sorted((tmp_path / "printed").glob("*.txt"))[-1].read_text(encoding="utf-8")
        assert "Card" in text and "****" in text
    finally:
        s.close()
