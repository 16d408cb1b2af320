"""`posdesk simulate scanner --pty` as a process: stdin lines become scans on the pty."""
from __future__ import annotations

import queue
import subprocess
import sys

from posdesk.devices.ports import SerialSettings
from posdesk.devices.scanner import SerialScannerReader

ENTRY = "import sys; from posdesk.devices.scanner.simulator import main; sys.exit(main(sys.argv[1:]))"


def test_scanner_simulator_types_stdin_codes_onto_its_pty():
    proc = subprocess.Popen([sys.executable, "-c", ENTRY, "--pty"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    codes: queue.Queue[str] = queue.Queue()
    reader = None
    try:
        path = proc.stdout.readline().strip().rsplit(" ", 1)[1]
        reader = SerialScannerReader(SerialSettings(path), codes.put)
        reader.start()
        # Opening a port flushes its input: scan a probe until the reader sees one.
        got = None
        for _ in range(50):
            proc.stdin.write("PROBE\n")
            proc.stdin.flush()
            proc.stdout.readline()
            try:
                got = codes.get(timeout=0.1)
                break
            except queue.Empty:
                continue
        assert got == "PROBE"
        proc.stdin.write("4006381333931\n")
        proc.stdin.flush()
        while (code := codes.get(timeout=3)) == "PROBE":
            pass
        assert code == "4006381333931"
    finally:
        if reader is not None:
            reader.stop()
        proc.stdin.close()
        assert proc.wait(timeout=10) == 0
