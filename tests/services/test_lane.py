"""The window's face of the lane: the same devices object across a restart with changed
settings, and use cases and values only — no database store."""
from __future__ import annotations

from posdesk.core.journal import JournalKind
from posdesk.core.money import Money, currency
from posdesk.services.build import build_services, open_config
from tests.services.helpers import settle, wait_for
from tests.simulated_lane import configure_lane, simulated_devices

EUR = currency("EUR")
MILK = "4006381333931"


def test_a_restart_opens_the_changed_ports_in_the_same_devices_object(tmp_path):
    with simulated_devices(tmp_path / "printed") as first, \
            simulated_devices(tmp_path / "printed2") as second:
        configure_lane(tmp_path / "lane", first)
        s = build_services(tmp_path / "lane", demo=True, with_devices=True)
        try:
            devices = s.lane.devices
            assert devices is s.devices
            assert devices.ports == {"terminal": first.terminal_port, "printer": first.printer_port}
            devices.print_evidence_head(lambda: "7:0123456789abcdef")
            s.config.set("devices.printer.port", second.printer_port)
            s.config.set("devices.terminal.port", second.terminal_port)
            devices.close()  # as the settings page does before the set-up wizard
            devices.restart()
            assert devices.ports == {"terminal": second.terminal_port, "printer": second.printer_port}
            printing = devices.printing
            assert printing is not None and printing.evidence_head() == "7:0123456789abcdef"
            # The sale's receipt goes to the new printer, once: the old one was let go.
            assert s.checkout.on_sale_finished.count(printing.print_sale) == 1
            s.till.session.login("1234", name="Anna")
            s.till.selling.enter(MILK)
            s.till.tender.start_tender()
            s.till.tender.pay_cash(Money.of("5", EUR))
            settle(s)
            sale = s.checkout.last_sale
            wait_for(s, lambda: any(e.kind == JournalKind.RECEIPT_PRINTED for e in sale.events))
        finally:
            s.close()
    assert list((tmp_path / "printed2").glob("*.txt")) and not list((tmp_path / "printed").glob("*.txt"))
    assert devices.payments is None and devices.ports == {}, "closed with the lane"


def test_the_window_gets_use_cases_and_values_never_a_store(tmp_path):
    s = build_services(tmp_path, demo=True)
    try:
        lane = s.lane
        assert lane is s.lane
        for store in ("users", "catalog", "sales", "shifts", "recordings", "keys", "writer"):
            assert not hasattr(lane, store), store
        products = lane.products()
        assert MILK in {code for p in products for code in p.barcodes}
        assert not lane.keys_set_up()
        made = lane.make_manager_and_keys(name="Mia", pin="4321", passphrase="a passphrase")
        assert made.new and lane.keys_set_up()
        assert "Mia" in lane.till.session.user_names()
        assert lane.recording is None and lane.config is s.config
    finally:
        s.close()


def test_an_unconfigured_lane_has_no_devices_until_started(tmp_path):
    open_config(tmp_path).save()
    s = build_services(tmp_path)
    try:
        assert s.lane.devices.payments is None and s.lane.devices.printing is None
        assert s.lane.devices.ports == {} and s.lane.devices.simulated == set()
    finally:
        s.close()
