"""Line faults for the terminal simulator: its stream, wrapped to NAK the ECR's frames or to
corrupt its own on request, and to keep what the ECR sent for tests that read the line."""
from __future__ import annotations

from .framing import ACK_BYTES, DLE, NAK_BYTES, STX
from .transport import ByteStream

#: How much of what the ECR sent is kept: enough for any test, bounded for a long demo.
HEARD_LIMIT = 64 * 1024


class FaultyStream:
    """Wraps the simulator's stream to inject line faults on request."""

    def __init__(self, inner: ByteStream):
        self.inner = inner
        self.name = inner.name
        self.nak_next = 0  # answer the ECR's next N frames with NAK instead of ACK
        self.corrupt_next = 0  # send our next N frames with a wrong CRC
        #: The latest bytes the ECR sent (up to `HEARD_LIMIT`), for tests that read the line.
        self.heard = bytearray()

    def read_some(self) -> bytes:
        data = self.inner.read_some()
        self.heard += data
        if len(self.heard) > HEARD_LIMIT:
            del self.heard[:-HEARD_LIMIT]
        return data

    def write(self, data: bytes) -> None:
        if data == ACK_BYTES and self.nak_next > 0:
            self.nak_next -= 1
            data = NAK_BYTES
        elif data[:2] == bytes((DLE, STX)) and self.corrupt_next > 0:
            self.corrupt_next -= 1
            data = data[:-1] + bytes((data[-1] ^ 0xFF,))
        self.inner.write(data)
