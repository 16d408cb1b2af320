"""Seal throughput: AgeWriter against a bare ChaCha20-Poly1305 loop over the same chunks.

Both seal the same 256 MiB of random data in 64 KiB chunks into a sink that discards the
bytes, so the ratio is the cost of the age stream framing (buffering, nonces, writes)
over the cipher itself. AgeWriter is fed 32 KiB at a time, about one encoded video
packet. Usage: python bench/seal.py [--mib 256] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from posdesk.recording.age import CHUNK_SIZE, AgeWriter, X25519Identity

#: Size of one write into AgeWriter, like one encoded video packet.
WRITE_SIZE = 32 * 1024
#: AgeWriter may take at most this many times as long as the bare cipher loop.
TARGET_RATIO = 1.5


class NullSink:
    """A binary file that forgets what it is given."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def seal_plain(data: memoryview) -> float:
    cipher = ChaCha20Poly1305(os.urandom(32))
    sink = NullSink()
    started = time.perf_counter()
    for counter, start in enumerate(range(0, len(data), CHUNK_SIZE)):
        nonce = counter.to_bytes(11, "big") + b"\x00"
        sink.write(cipher.encrypt(nonce, data[start:start + CHUNK_SIZE], None))
    return time.perf_counter() - started


def seal_age(data: memoryview, recipient) -> float:
    started = time.perf_counter()
    writer = AgeWriter(NullSink(), [recipient])
    for start in range(0, len(data), WRITE_SIZE):
        writer.write(data[start:start + WRITE_SIZE])
    writer.finish()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    data = memoryview(os.urandom(args.mib * 1024 * 1024))
    recipient = X25519Identity.generate().recipient()
    plain_times, age_times = [], []
    for _ in range(args.rounds):  # interleaved, so a noisy neighbour hits both alike
        plain_times.append(seal_plain(data))
        age_times.append(seal_age(data, recipient))
    plain, sealed = min(plain_times), min(age_times)
    megabytes = len(data) / 1e6
    print(f"bare ChaCha20-Poly1305: {megabytes / plain:8.0f} MB/s")
    print(f"AgeWriter:              {megabytes / sealed:8.0f} MB/s")
    ratio = sealed / plain
    figures = [{"figure": "seal_time_ratio_agewriter_vs_chacha", "value": round(ratio, 3),
                "target": TARGET_RATIO, "ok": ratio <= TARGET_RATIO}]
    for figure in figures:
        print(json.dumps(figure))
    return 0 if all(f["ok"] for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
