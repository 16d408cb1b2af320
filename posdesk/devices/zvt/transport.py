"""The ZVT transport layer: frames over a byte stream, acknowledged and repeated.

`ZvtTransport.send` writes one APDU as a frame and waits for ACK, repeating it on NAK or
silence; `receive` returns the next good APDU, ACKing it and NAKing broken ones. Every wait
has a deadline, so a dead or babbling line ends in a typed error, never a hang.

One thread reads at a time. `send_concurrently` is the exception the protocol needs: the
ECR may send Abort (06 B0) while the worker thread waits for the terminal's answer; it is
written under the write lock and its ACK/NAK is handled by whichever thread is reading.
"""
from __future__ import annotations

import logging
import os
import select
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Protocol

import serial

from .errors import AnswerTimeout, LineLost, NoAcknowledge
from .framing import ACK_BYTES, NAK_BYTES, Ack, BrokenFrame, Frame, FrameDecoder, encode_frame

log = logging.getLogger(__name__)

#: Seconds to wait for ACK/NAK after a frame (ZVT transport layer; ecrterm uses the same
#: 5 s as its T3).
ACK_TIMEOUT_S = 5.0
#: How often a frame is repeated after NAK or a missing ACK (ZVT: "max. 3 repetitions").
MAX_RETRANSMISSIONS = 3
#: How long one read waits before the reader checks its deadline again.
POLL_S = 0.05


class ByteStream(Protocol):
    """What the transport needs from a port: short blocking reads and whole writes."""

    name: str

    def read_some(self) -> bytes:
        """Return the bytes available now, waiting at most about `POLL_S` for the first."""

    def write(self, data: bytes) -> None: ...


class SerialStream:
    """A pyserial port (device path or URL) as a `ByteStream`."""

    def __init__(self, port: serial.SerialBase):
        self._port = port
        self.name = str(port.port)

    def read_some(self) -> bytes:
        try:
            first = self._port.read(1)  # waits up to the port's read timeout
            if not first:
                return b""
            waiting = self._port.in_waiting
            return first + (self._port.read(waiting) if waiting else b"")
        except (serial.SerialException, OSError) as e:
            raise LineLost(f"line to the card terminal on {self.name} lost: {e}") from e

    def write(self, data: bytes) -> None:
        try:
            self._port.write(data)  # returns once the kernel has the bytes; no tcdrain
        except (serial.SerialException, OSError) as e:
            raise LineLost(f"cannot write to the card terminal on {self.name}: {e}") from e

    def close(self) -> None:
        self._port.close()


class FdStream:
    """A raw file descriptor (the master side of a pty) as a `ByteStream`."""

    def __init__(self, fd: int, name: str = "pty"):
        self.fd = fd
        self.name = name

    def read_some(self) -> bytes:
        try:
            ready, _, _ = select.select([self.fd], [], [], POLL_S)
            if not ready:
                return b""
            data = os.read(self.fd, 4096)
        except (OSError, ValueError) as e:
            raise LineLost(f"line on {self.name} lost: {e}") from e
        if not data:
            raise LineLost(f"line on {self.name} closed")
        return data

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except OSError as e:
            raise LineLost(f"cannot write to {self.name}: {e}") from e

    def close(self) -> None:
        """Close the descriptor: the other side of a pty then reads an error, like a cut cable."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


@dataclass(frozen=True)
class LinkTimeouts:
    ack_s: float = ACK_TIMEOUT_S
    retransmissions: int = MAX_RETRANSMISSIONS


@dataclass
class _Outstanding:
    """A frame written by another thread whose ACK the reading thread must collect."""

    frame: bytes
    repeats: int = 0


class ZvtTransport:
    """Sends and receives APDUs over one `ByteStream`."""

    def __init__(self, stream: ByteStream, *, timeouts: LinkTimeouts = LinkTimeouts(),
                 monotonic: Callable[[], float] = time.monotonic, strict: bool = False):
        self.stream = stream
        self.timeouts = timeouts
        self._now = monotonic
        # A BadAck (strict only) is neither Ack nor Nak: it fails the attempt like a NAK.
        self._decoder = FrameDecoder(strict=strict)
        self._apdus: deque[bytes] = deque()
        self._acks: deque[bool] = deque()
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._outstanding: _Outstanding | None = None
        #: Bytes written and read, for the benchmark's wire-time figure.
        self.bytes_out = 0
        self.bytes_in = 0

    # -- public ----------------------------------------------------------------------------
    def send(self, apdu: bytes) -> None:
        """Send `apdu` and return once it is ACKed; raise `NoAcknowledge` or `LineLost`."""
        with self._read_lock:
            self._send_locked(apdu)

    def send_concurrently(self, apdu: bytes) -> None:
        """Send from a thread other than the reader (Abort during an authorization)."""
        if self._read_lock.acquire(blocking=False):
            try:
                self._send_locked(apdu)
            finally:
                self._read_lock.release()
            return
        frame = encode_frame(apdu)
        with self._write_lock:
            self._outstanding = _Outstanding(frame)
        self._write(frame)

    def forget_unread(self) -> None:
        """Drop messages that arrived unasked (the tail of an abandoned command), so a new
        command's answer cannot be confused with them."""
        with self._read_lock:
            if self._apdus:
                log.warning("discarding %d stale messages from %s", len(self._apdus), self.stream.name)
            self._apdus.clear()

    def receive(self, timeout_s: float) -> bytes:
        """The next good APDU within `timeout_s`, or `AnswerTimeout`."""
        deadline = self._now() + timeout_s
        with self._read_lock:
            while not self._apdus:
                if self._now() >= deadline:
                    raise AnswerTimeout(
                        f"no message from the card terminal on {self.stream.name} "
                        f"within {timeout_s:g} s")
                self._pump()
            return self._apdus.popleft()

    # -- internals ---------------------------------------------------------------------------
    def _send_locked(self, apdu: bytes) -> None:
        frame = encode_frame(apdu)
        self._acks.clear()
        for attempt in range(1 + self.timeouts.retransmissions):
            if attempt:
                log.warning("repeating frame to %s (attempt %d)", self.stream.name, attempt + 1)
            self._write(frame)
            deadline = self._now() + self.timeouts.ack_s
            while not self._acks and self._now() < deadline:
                self._pump()
            if self._acks and self._acks.popleft():
                return
        raise NoAcknowledge(
            f"card terminal on {self.stream.name} did not acknowledge a frame "
            f"after {1 + self.timeouts.retransmissions} attempts")

    def _write(self, data: bytes) -> None:
        with self._write_lock:
            self.stream.write(data)
            self.bytes_out += len(data)

    def _pump(self) -> None:
        data = self.stream.read_some()
        if not data:
            return
        self.bytes_in += len(data)
        for event in self._decoder.feed(data):
            if isinstance(event, Frame):
                if event.crc_ok:
                    self._write(ACK_BYTES)
                    self._apdus.append(event.apdu)
                else:
                    log.warning("bad CRC in frame from %s; asking for a repeat", self.stream.name)
                    self._write(NAK_BYTES)
            elif isinstance(event, BrokenFrame):
                log.warning("broken frame from %s; asking for a repeat", self.stream.name)
                self._write(NAK_BYTES)
            elif self._outstanding is not None:
                self._settle_outstanding(isinstance(event, Ack))
            else:
                self._acks.append(isinstance(event, Ack))

    def _settle_outstanding(self, acked: bool) -> None:
        out = self._outstanding
        assert out is not None
        if acked or out.repeats >= self.timeouts.retransmissions:
            if not acked:
                log.error("frame sent from another thread to %s was never acknowledged",
                          self.stream.name)
            self._outstanding = None
            return
        out.repeats += 1
        self._write(out.frame)
