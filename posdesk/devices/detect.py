"""Finding the receipt printer and the card terminal among the serial ports.

Each candidate port is probed at the common baud rates with short timeouts: first for an
ESC/POS printer (DLE EOT 1 must come back as a status byte), then for a ZVT terminal (a
Status Enquiry 05 01 frame must be acknowledged or answered with a frame). The printer goes
first because a ZVT frame would print junk on a printer, while DLE EOT is harmless line
noise to a terminal. Ports are probed in parallel and the whole run ends by its deadline.

The Status Enquiry carries a password, and terminals may count or log wrong ones: the probe
sends the lane's configured terminal password and no other.
"""
from __future__ import annotations

import enum
import logging
import threading
import time
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable

import serial

from .errors import DeviceError
from .escpos import commands as escpos_cmd
from .escpos.status import is_status_byte
from .ports import SerialSettings, available_ports, open_port
from .zvt.framing import ACK_BYTES, Ack, FrameDecoder, encode_frame
from .zvt.messages import password_bcd, status_enquiry

log = logging.getLogger(__name__)

#: Baud rates tried in order: the factory settings of most printers and ZVT terminals first.
COMMON_BAUDRATES: tuple[int, ...] = (9600, 19200, 38400, 115200)
#: How long a device may take to answer one probe. Printers answer DLE EOT within a few
#: ms; ZVT allows the terminal 5 s to ACK, but real terminals ACK in well under 300 ms.
ANSWER_TIMEOUT_S: float = 0.3


class DeviceKind(enum.Enum):
    RECEIPT_PRINTER = "receipt_printer"
    ZVT_TERMINAL = "zvt_terminal"


@dataclass(frozen=True)
class PortReport:
    port: str
    #: What answered, or None.
    kind: DeviceKind | None = None
    baudrate: int | None = None
    #: Why the port could not be probed (busy, missing), in plain English.
    error: str | None = None


Probe = Callable[[serial.SerialBase, float], bool]


def _read_until(port: serial.SerialBase, timeout_s: float, done: Callable[[bytes], bool]) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        data = port.read(max(1, port.in_waiting))
        if data and done(data):
            return True
    return False


def probe_escpos(port: serial.SerialBase, timeout_s: float = ANSWER_TIMEOUT_S) -> bool:
    """Whether an ESC/POS printer answers DLE EOT 1 on `port`."""
    port.reset_input_buffer()
    port.write(escpos_cmd.STATUS_QUERY + bytes((escpos_cmd.STATUS_PRINTER,)))
    return _read_until(port, timeout_s, lambda data: any(is_status_byte(b) for b in data))


def probe_zvt(port: serial.SerialBase, timeout_s: float = ANSWER_TIMEOUT_S, *, password: str) -> bool:
    """Whether a ZVT terminal acknowledges a Status Enquiry (sent with the configured
    `password`; a terminal with another one still ACKs the frame, which is all detection
    needs) on `port`."""
    port.reset_input_buffer()
    port.write(encode_frame(status_enquiry(password).encode()))
    decoder = FrameDecoder()

    def answered(data: bytes) -> bool:
        events = decoder.feed(data)
        if any(not isinstance(e, Ack) for e in events):
            port.write(ACK_BYTES)  # acknowledge its answer, as the ECR side must
        # An ACK, a NAK or a frame: any of them is a ZVT link layer talking.
        return bool(events)

    return _read_until(port, timeout_s, answered)


def probes(zvt_password: str) -> tuple[tuple[DeviceKind, Probe], ...]:
    """The probes in the order they are tried on each port and baud rate."""
    return ((DeviceKind.RECEIPT_PRINTER, probe_escpos),
            (DeviceKind.ZVT_TERMINAL, partial(probe_zvt, password=zvt_password)))


def probe_port(name: str, baudrates: Iterable[int] = COMMON_BAUDRATES,
               timeout_s: float = ANSWER_TIMEOUT_S,
               deadline: float | None = None, *, zvt_password: str) -> PortReport:
    """Probe one port; stops at the first device that answers or at `deadline`
    (a `time.monotonic()` value). `zvt_password` is the lane's configured terminal password."""
    password_bcd(zvt_password)  # a malformed password is refused before any port is touched
    for baud in baudrates:
        if deadline is not None and time.monotonic() >= deadline:
            break
        try:
            port = open_port(SerialSettings(name, baudrate=baud, timeout=0.02, write_timeout=0.5))
        except DeviceError as e:
            return PortReport(name, error=str(e))
        try:
            for kind, probe in probes(zvt_password):
                if probe(port, timeout_s):
                    log.info("found %s on %s at %d baud", kind.value, name, baud)
                    return PortReport(name, kind, baud)
        except (serial.SerialException, OSError) as e:
            return PortReport(name, error=f"probing {name} failed: {e}")
        finally:
            port.close()
    return PortReport(name)


def detect_devices(extra_ports: Iterable[str] = (), *, zvt_password: str, system_ports: bool = True,
                   baudrates: Iterable[int] = COMMON_BAUDRATES,
                   timeout_s: float = ANSWER_TIMEOUT_S, deadline_s: float = 15.0) -> list[PortReport]:
    """Probe the PC's serial ports (and `extra_ports`: paths or pyserial URLs) in parallel;
    a terminal is probed with `zvt_password`, the lane's configured one.

    Returns one report per port, in the order given; a port whose probe did not finish
    by the deadline is reported with an error rather than waited for.
    """
    names = list(dict.fromkeys([*(available_ports() if system_ports else []), *extra_ports]))
    rates = tuple(baudrates)
    deadline = time.monotonic() + deadline_s
    reports: dict[str, PortReport] = {}

    def run(name: str) -> None:
        reports[name] = probe_port(name, rates, timeout_s, deadline, zvt_password=zvt_password)

    threads = [threading.Thread(target=run, args=(n,), name=f"detect-{n}", daemon=True)
               for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()) + timeout_s)
    return [reports.get(n, PortReport(n, error=f"no answer from {n} before the deadline"))
            for n in names]
