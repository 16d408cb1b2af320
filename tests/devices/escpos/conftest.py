from __future__ import annotations

import pytest

from posdesk.devices.escpos.connection import open_connection
from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.service import PrinterService
from posdesk.devices.escpos.simulator import serve


@pytest.fixture
def printer_sim(tmp_path):
    sim = serve(out_dir=tmp_path / "printed")
    yield sim
    sim.stop()


@pytest.fixture
def printer(printer_sim):
    service = PrinterService(lambda: open_connection(printer_sim.path), profile_by_name("tm-t20"))
    yield service
    service.close()
