"""The cash drawer opens by a pulse through the printer and reports its switch."""
from __future__ import annotations

import pytest

from posdesk.devices.drawer import CashDrawer, DrawerState
from posdesk.devices.escpos.connection import open_connection
from posdesk.devices.escpos.profile import DrawerPin, PrinterProfile, profile_by_name
from posdesk.devices.escpos.service import PrinterService
from posdesk.devices.escpos.simulator import serve


@pytest.fixture
def sim():
    s = serve()
    yield s
    s.stop()


def _service(sim, profile: PrinterProfile) -> PrinterService:
    return PrinterService(lambda: open_connection(sim.path), profile)


def test_pulse_on_pin2_opens_the_drawer_and_the_switch_reports_it(sim):
    service = _service(sim, profile_by_name("tm-t20"))
    drawer = CashDrawer(service)
    assert drawer.state() is DrawerState.CLOSED
    drawer.open()
    assert sim.wait_until(lambda s: len(s.document.pulses) == 1)
    pulse = sim.document.pulses[0]
    assert (pulse.pin, pulse.on_ms) == (2, 100)
    assert drawer.state() is DrawerState.OPEN
    sim.close_drawer()
    assert drawer.state() is DrawerState.CLOSED
    service.close()


def test_pin5_drawer_gets_its_pulse_on_pin5(sim):
    service = _service(sim, profile_by_name("tm-t20"))
    CashDrawer(service, DrawerPin.PIN5).open()
    assert sim.wait_until(lambda s: s.document.pulses and s.document.pulses[0].pin == 5)
    service.close()


def test_drawer_without_switch_reports_unknown(sim):
    profile = PrinterProfile("no-switch", reports_drawer=False)
    assert CashDrawer(_service(sim, profile)).state() is DrawerState.UNKNOWN


def test_drawer_on_a_file_printer_reports_unknown(tmp_path):
    service = PrinterService(lambda: open_connection(str(tmp_path / "lp0")), profile_by_name("tm-t20"))
    drawer = CashDrawer(service)
    drawer.open()
    assert drawer.state() is DrawerState.UNKNOWN
    service.close()
    assert (tmp_path / "lp0").read_bytes() == b"\x1b\x70\x00\x32\xfa"
