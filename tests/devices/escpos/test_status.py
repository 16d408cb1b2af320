"""DLE EOT answers parsed into what the cashier must fix."""
from __future__ import annotations

import pytest

from posdesk.devices.escpos.status import is_status_byte, parse_status

# Answers of an Epson TM printer (fixed bits 0x12 plus the documented flags).
READY = (0x12, 0x12, 0x12, 0x12)


def test_ready_printer_can_print():
    status = parse_status(*READY)
    assert status.can_print and status.problem() is None and status.drawer_open is False


def test_paper_end_from_roll_sensor_and_offline_cause():
    status = parse_status(0x1A, 0x32, 0x12, 0x7E)
    assert status.paper_out and status.paper_near_end and not status.online
    assert not status.can_print
    assert str(status.problem()) == "The printer is out of paper."


def test_cover_open_is_reported_before_paper():
    status = parse_status(0x1A, 0x16, 0x12, 0x12)
    assert status.cover_open and str(status.problem()) == "The printer cover is open."


def test_near_end_still_prints():
    status = parse_status(0x12, 0x12, 0x12, 0x1E)
    assert status.paper_near_end and not status.paper_out and status.can_print


def test_autocutter_error_stops_printing():
    assert not parse_status(0x12, 0x52, 0x1A, 0x12).can_print


@pytest.mark.parametrize(("level_high", "expected"), [(True, True), (False, False), (None, None)])
def test_drawer_pin3_level_maps_to_open_per_wiring(level_high, expected):
    assert parse_status(0x16, 0x12, 0x12, 0x12, drawer_open_level_high=level_high).drawer_open is expected


def test_bytes_without_the_fixed_bits_are_not_status_answers():
    assert is_status_byte(0x12) and is_status_byte(0x7E)
    assert not is_status_byte(0x06)  # a ZVT ACK is not a printer status
    assert not is_status_byte(0x92)
