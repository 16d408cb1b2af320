"""Receipts that did not print, kept until the printer can take them.

A sale is complete whether or not its paper came out; what did not print waits here, in
order, for a reprint. The queue holds the finished bytes, so a restart can persist and
restore it (`to_records` / `from_records`) without knowing about receipts.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintJob:
    #: Unique per job; usually the receipt number (a report uses its own key).
    key: str
    data: bytes
    #: Why it is waiting, in plain English for the log ("paper out", "port closed").
    reason: str = ""


class PrintQueue:
    """Thread-safe ordered jobs: the printer worker adds and removes, the GUI reads."""

    def __init__(self, jobs: list[PrintJob] | None = None):
        self._lock = threading.Lock()
        self._jobs: dict[str, PrintJob] = {job.key: job for job in jobs or []}

    def put(self, job: PrintJob) -> None:
        """Queue `job`, replacing a waiting job with the same key (keeping its place)."""
        with self._lock:
            self._jobs[job.key] = job

    def remove(self, key: str) -> None:
        with self._lock:
            self._jobs.pop(key, None)

    def pending(self) -> list[PrintJob]:
        with self._lock:
            return list(self._jobs.values())

    def __len__(self) -> int:
        with self._lock:
            return len(self._jobs)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._jobs

    def to_records(self) -> list[dict[str, str]]:
        """JSON-friendly form for the app to store."""
        return [{"key": j.key, "data": j.data.hex(), "reason": j.reason} for j in self.pending()]

    @classmethod
    def from_records(cls, records: list[dict[str, str]]) -> PrintQueue:
        return cls([PrintJob(r["key"], bytes.fromhex(r["data"]), r.get("reason", "")) for r in records])
