"""Emitting Qt signals from Python without corrupting the interpreter.

PySide6 6.12.0's `SignalInstance.emit()` returns `True` without owning a reference to it, so
every Python-side emit takes one reference from `True` away. After a few thousand emits the
interpreter frees `True` and aborts ("bool_dealloc: deallocating True or False"). All of the
UI's emits go through `emit()`, which gives the reference back when this Qt binding is
affected; the check runs once, on the first emit, against a private signal.
"""
from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

#: Emits per probe; large enough to see through other threads touching `True` meanwhile.
PROBE_EMITS: int = 200

_drops_reference: bool | None = None


class _Probe(QObject):
    fired = Signal()


def _emit_drops_reference() -> bool:
    global _drops_reference
    if _drops_reference is None:
        probe = _Probe()
        before = sys.getrefcount(True)
        for _ in range(PROBE_EMITS):
            probe.fired.emit()
        lost = before - sys.getrefcount(True)
        _drops_reference = lost > PROBE_EMITS // 2
        if _drops_reference:
            _give_back(PROBE_EMITS)
            log.info("this PySide6 drops a reference to True on every emit; compensating")
    return _drops_reference


def _give_back(count: int) -> None:
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for _ in range(count):
        incref(True)


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, safe on every PySide6 version."""
    result = signal.emit(*args)
    if result is True and _emit_drops_reference():
        _give_back(1)
