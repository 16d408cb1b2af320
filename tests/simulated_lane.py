"""A lane's devices as an installer finds them, simulated: a ZVT terminal and an ESC/POS
printer on pseudo-terminals, and a data directory configured for them."""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from posdesk.devices.escpos import simulator as printer_sim
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt import simulator as zvt_sim
from posdesk.services.config import Config


@dataclass
class SimulatedDevices:
    terminal: zvt_sim.TerminalSimulator
    terminal_port: str
    printer: printer_sim.PrinterSimulator

    @property
    def printer_port(self) -> str:
        return self.printer.path


@contextlib.contextmanager
def simulated_devices(printed: Path) -> Iterator[SimulatedDevices]:
    pair = open_pty_pair()
    terminal = zvt_sim.serve(pair, ack_timeout_s=0.5)
    printer = printer_sim.serve(out_dir=printed)
    try:
        yield SimulatedDevices(terminal, pair.path, printer)
    finally:
        printer.stop()
        terminal.stop()
        pair.close()


def configure_lane(data: Path, devices: SimulatedDevices, **settings: str) -> None:
    """Point the lane at the simulators; a disk that holds a day of recording is enough."""
    config = Config(data / "posdesk.toml")
    values = {"devices.terminal.port": devices.terminal_port, "devices.printer.port": devices.printer_port,
              "devices.printer.profile": "tm-t20", "recording.retention_days": "1",
              "recording.hours_per_day": "1", **settings}
    for key, value in values.items():
        config.set(key, value)
    config.save()
