"""`posdesk simulate printer` as a process: announces its port, saves what it prints."""
from __future__ import annotations

import signal
import subprocess
import sys

from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.render import receipt_bytes

from .samples import latin_receipt

ENTRY = "import sys; from posdesk.devices.escpos.simulator import main; sys.exit(main(sys.argv[1:]))"


def test_printer_simulator_process_prints_a_receipt_to_png(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", ENTRY, "--pty", "--out", str(tmp_path)],
                            stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.startswith("printer simulator on ")
        path = first.split(" on ", 1)[1].split(";", 1)[0]
        with open(path, "wb", buffering=0) as port:
            port.write(receipt_bytes(latin_receipt(), profile_by_name("tm-t20")))
            saved = proc.stdout.readline()
        assert saved.strip().endswith("receipt-0001.png")
        assert "Café Müller" in (tmp_path / "receipt-0001.txt").read_text(encoding="utf-8")
        assert (tmp_path / "receipt-0001.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
