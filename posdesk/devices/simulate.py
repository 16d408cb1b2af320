"""`posdesk simulate terminal|printer|scanner`: each simulator's own command line."""
from __future__ import annotations

from typing import Sequence


def run_simulator(device: str, argv: Sequence[str]) -> int:
    if device == "terminal":
        from .zvt.simulator import main
    elif device == "printer":
        from .escpos.simulator import main
    elif device == "scanner":
        from .scanner.simulator import main
    else:
        raise ValueError(f"no simulator for {device!r}")
    return main(list(argv))
