"""The simulated terminal's memory of its transactions: receipt and trace numbers,
amounts, reversals. Share one book between simulators to survive a cut line."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Transaction:
    kind: str  # "payment", "refund" or "reversal"
    receipt_no: int
    trace_no: int
    amount_minor: int
    currency_numeric: int
    at: datetime
    reversed: bool = False


@dataclass
class TransactionBook:
    """The terminal's memory; share one between simulators to survive a line cut."""

    transactions: list[Transaction] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, kind: str, amount_minor: int, currency_numeric: int) -> Transaction:
        with self._lock:
            n = len(self.transactions) + 1
            tx = Transaction(kind, n, n, amount_minor, currency_numeric, datetime.now().astimezone())
            self.transactions.append(tx)
            return tx

    def last(self) -> Transaction | None:
        with self._lock:
            return self.transactions[-1] if self.transactions else None

    def find(self, receipt_no: int) -> Transaction | None:
        with self._lock:
            return next((t for t in self.transactions if t.receipt_no == receipt_no), None)

    def charged_minor(self) -> int:
        """Net amount charged to cards: payments not reversed, minus refunds."""
        with self._lock:
            return sum(t.amount_minor if t.kind == "payment" and not t.reversed else
                       -t.amount_minor if t.kind == "refund" else 0 for t in self.transactions)
