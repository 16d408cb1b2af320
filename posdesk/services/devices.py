"""The lane's devices, built from the configuration — or simulated for the demo.

Each device gets its own worker thread. With `simulate=True` (the demo, or a device whose port
is left empty in the demo), posdesk starts the ZVT terminal and ESC/POS printer simulators on
pseudo-terminals of its own and talks to them through the very same code as to real ports.
`LaneDevices` is what the window and the self-test hold: the running devices, restarted with
changed settings in place, so whoever holds it sees the new ones.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.money import Currency
from posdesk.core.receipt import StoreHeader
from posdesk.devices.escpos.connection import open_connection
from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.service import PrinterService
from posdesk.devices.ports import SerialSettings
from posdesk.devices.scanner.reader import SerialScannerReader
from posdesk.devices.simulate import run_simulator
from posdesk.devices.worker import DeviceWorker
from posdesk.devices.zvt.client import ZvtTerminal
from posdesk.db.writer import DbWriter

from .config import Config
from .dispatch import Dispatch
from .payments import CardPayments, TerminalState
from .printing import QueueFile, ReceiptPrinting
from .till import Till

log = logging.getLogger(__name__)


@dataclass
class Devices:
    payments: CardPayments | None = None
    printing: ReceiptPrinting | None = None
    #: Human-readable port per device, for the status bar and the settings page.
    ports: dict[str, str] = field(default_factory=dict)
    simulated: set[str] = field(default_factory=set)
    #: Run in reverse order on close; what they return (a stop's "in time") is not needed.
    closers: list[Callable[[], object]] = field(default_factory=list)

    def close(self) -> None:
        for close in reversed(self.closers):
            try:
                close()
            except Exception:  # noqa: BLE001 - close the rest regardless
                log.exception("closing a device")


def _start_simulators(config: Config, data_dir: Path, devices: Devices) -> tuple[str, str]:
    from posdesk.devices.escpos import simulator as printer_sim
    from posdesk.devices.pty import open_pty_pair
    from posdesk.devices.zvt import simulator as zvt_sim
    terminal_port = config.get("devices.terminal.port")
    printer_port = config.get("devices.printer.port")
    if not terminal_port:
        pair = open_pty_pair()
        sim = zvt_sim.serve(pair, mode="slow", status_delay_s=0.4,
                            password=config.get("devices.terminal.password"))
        devices.closers += [pair.close, sim.stop]
        devices.simulated.add("terminal")
        terminal_port = pair.path
    if not printer_port:
        psim = printer_sim.serve(out_dir=data_dir / "printed")
        devices.closers.append(psim.stop)
        devices.simulated.add("printer")
        printer_port = psim.path
    return terminal_port, printer_port


def _close_on_worker(worker: DeviceWorker, close: Callable[[], None]) -> None:
    worker.submit(close)
    worker.stop(5)


def build_devices(*, config: Config, data_dir: Path, till: Till, writer: DbWriter,
                  dispatch: Dispatch, cur: Currency, simulate: bool) -> Devices:
    devices = Devices()
    if simulate:
        terminal_port, printer_port = _start_simulators(config, data_dir, devices)
    else:
        terminal_port = config.get("devices.terminal.port")
        printer_port = config.get("devices.printer.port")

    if terminal_port:
        terminal = ZvtTerminal(SerialSettings(terminal_port, baudrate=config.get("devices.terminal.baudrate")),
                               cur=cur, password=config.get("devices.terminal.password"))
        worker = DeviceWorker("terminal")
        worker.start()
        devices.payments = CardPayments(checkout=till.checkout, tender=till.tender,
                                        terminal=terminal, worker=worker,
                                        dispatch=dispatch, writer=writer,
                                        state=TerminalState(data_dir / "devices" / "terminal.json"))
        # Closed in reverse: the worker finishes its job and logs off from the terminal (a
        # dead line must not hold up the window), then the port closes if it is still open.
        devices.closers += [terminal.close, lambda: _close_on_worker(worker, terminal.close)]
        devices.ports["terminal"] = terminal_port

    if printer_port:
        baud = config.get("devices.printer.baudrate")
        queue_file = QueueFile(data_dir / "devices" / "print-queue.json")
        printer = PrinterService(lambda: open_connection(printer_port, baudrate=baud),
                                 profile_by_name(config.get("devices.printer.profile")),
                                 queue_file.load())
        pworker = DeviceWorker("printer")
        pworker.start()
        header = StoreHeader(config.get("store.name"), tuple(
            line for line in str(config.get("store.address")).split("|") if line), config.get("store.tax_id"))
        devices.printing = ReceiptPrinting(printer=printer, worker=pworker, dispatch=dispatch,
                                           header=header, queue_file=queue_file)
        devices.closers += [printer.close, lambda: pworker.stop(5)]
        devices.ports["printer"] = printer_port
        till.checkout.set_drawer(devices.printing.open_drawer)
        till.checkout.on_sale_finished.append(devices.printing.print_sale)

    scanner_port = config.get("devices.scanner.port")
    if scanner_port:
        def scanned(code: str) -> None:
            dispatch.post(lambda: till.selling.scan_from_device(code))
        settings = SerialSettings(scanner_port, baudrate=config.get("devices.scanner.baudrate"))
        reader = SerialScannerReader(settings, scanned, on_error=lambda e: till.checkout.notice(
            QT_TRANSLATE_NOOP("Devices", "Scanner on {port}: {error}").format(
                port=scanner_port, error=str(e))))
        reader.start()
        devices.closers.append(reader.stop)
        devices.ports["scanner"] = scanner_port
    return devices


class LaneDevices:
    """The lane's running devices, as one object that outlives a restart.

    `restart` closes them and opens them again from the (changed) configuration; the card
    payments, the printing service and the ports are always read from here, never kept.
    """

    def __init__(self, *, config: Config, data_dir: Path, till: Till,
                 writer: DbWriter, dispatch: Dispatch, cur: Currency):
        self._config = config
        self._data_dir = data_dir
        self._till = till
        self._checkout = till.checkout
        self._writer = writer
        self._dispatch = dispatch
        self._cur = cur
        self._running = Devices()
        #: The evidence chain head (`SEQ:HASH`) printed in each receipt's QR code, once the
        #: recorder runs; every printing service started gets it.
        self._evidence_head: Callable[[], str] | None = None

    @property
    def running(self) -> Devices:
        """The devices started last (none before `start`, or after `close`)."""
        return self._running

    @property
    def payments(self) -> CardPayments | None:
        return self._running.payments

    @property
    def printing(self) -> ReceiptPrinting | None:
        return self._running.printing

    @property
    def ports(self) -> dict[str, str]:
        """Human-readable port per running device."""
        return dict(self._running.ports)

    @property
    def simulated(self) -> set[str]:
        """The devices a simulator stands in for (the demo)."""
        return set(self._running.simulated)

    def start(self, *, simulate: bool = False) -> None:
        self._running = build_devices(config=self._config, data_dir=self._data_dir,
                                      till=self._till, writer=self._writer,
                                      dispatch=self._dispatch, cur=self._cur, simulate=simulate)
        self._wire_evidence_head()

    def restart(self, *, simulate: bool = False) -> None:
        """Close the devices (if still open) and open them again from the (changed)
        configuration."""
        self.close()
        self.start(simulate=simulate)

    def print_evidence_head(self, head: Callable[[], str]) -> None:
        """Receipts print the chain head in their QR code (a witness on paper)."""
        self._evidence_head = head
        self._wire_evidence_head()

    def _wire_evidence_head(self) -> None:
        if self._running.printing is not None and self._evidence_head is not None:
            self._running.printing.evidence_head = self._evidence_head

    def close(self) -> None:
        """Let the devices go: the checkout no longer prints on them or opens their drawer."""
        printing = self._running.printing
        if printing is not None:
            self._checkout.on_sale_finished[:] = [f for f in self._checkout.on_sale_finished
                                                  if f != printing.print_sale]
        self._checkout.set_drawer(None)
        self._running.close()
        self._running = Devices()


__all__ = ["Devices", "LaneDevices", "build_devices", "run_simulator"]
