"""Printing through a real pty to the simulated printer, including paper out and reprint."""
from __future__ import annotations

from posdesk.core.receipt import TextReport
from posdesk.devices.escpos.connection import open_connection
from posdesk.devices.escpos.parser import Cut
from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.service import PrinterService
from posdesk.devices.pty import open_pty_pair

from .samples import latin_receipt


def _cuts(sim) -> int:
    return sum(isinstance(b, Cut) for b in sim.document.blocks)


def test_receipt_comes_out_of_the_printer(printer, printer_sim):
    outcome = printer.print_receipt(latin_receipt())
    assert outcome.printed and outcome.pending == 0 and outcome.status.can_print
    assert printer_sim.wait_until(lambda s: _cuts(s) == 1)
    assert "Café Müller" in printer_sim.document.lines


def test_paper_out_is_seen_before_printing_and_the_receipt_waits(printer, printer_sim):
    printer_sim.paper_out = True
    outcome = printer.print_receipt(latin_receipt())
    assert not outcome.printed
    assert outcome.status.paper_out
    assert str(outcome.problem) == "The printer is out of paper."
    assert "R-000123" in printer.queue and outcome.pending == 1
    assert printer_sim.document.lines == []  # nothing was sent into the empty printer

    printer_sim.paper_out = False
    retry = printer.print_pending()
    assert retry.printed and len(printer.queue) == 0
    assert printer_sim.wait_until(lambda s: "Café Müller" in s.document.lines)


def test_paper_running_out_during_the_receipt_keeps_it_for_reprint(printer, printer_sim):
    printer_sim.paper_left = 200  # the roll ends a few lines into the receipt
    outcome = printer.print_receipt(latin_receipt())
    assert not outcome.printed and "R-000123" in printer.queue
    assert outcome.status.paper_out
    assert "TOTAL" not in " ".join(printer_sim.document.lines)


def test_reprint_last_receipt_is_marked_copy(printer, printer_sim):
    printer.print_receipt(latin_receipt())
    outcome = printer.reprint_last()
    assert outcome.printed
    assert printer_sim.wait_until(lambda s: _cuts(s) == 2)
    lines = printer_sim.document.lines
    assert lines.count("*** COPY ***") == 2
    assert lines.index("*** COPY ***") > lines.index("Café Müller")  # after the original


def test_z_report_prints(printer, printer_sim):
    outcome = printer.print_report("Z-0001", TextReport("Z REPORT", (("Total", "1,234.50"),)))
    assert outcome.printed
    assert printer_sim.wait_until(lambda s: "Z REPORT" in s.document.lines)


def test_silent_port_queues_the_receipt_instead_of_hanging():
    pair = open_pty_pair()  # nobody answers on the other side
    try:
        service = PrinterService(lambda: open_connection(pair.path), profile_by_name("tm-t20"))
        outcome = service.print_receipt(latin_receipt())
        assert not outcome.printed and outcome.status is None
        assert str(outcome.problem) == "The printer does not answer."
        assert len(service.queue) == 1
        service.close()
    finally:
        pair.close()


def test_file_printer_gets_the_bytes_without_status(tmp_path):
    target = tmp_path / "lp0"
    service = PrinterService(lambda: open_connection(str(target)), profile_by_name("tm-t20"))
    outcome = service.print_receipt(latin_receipt())
    service.close()
    assert outcome.printed and outcome.status is None
    assert b"Caf\x82 M\x81ller" in target.read_bytes()  # cp858 é = 82, ü = 81


def test_queue_survives_a_restart_through_records(printer, printer_sim):
    from posdesk.devices.escpos.queue import PrintQueue

    printer_sim.cover_open = True
    printer.print_receipt(latin_receipt())
    restored = PrintQueue.from_records(printer.queue.to_records())
    assert [j.key for j in restored.pending()] == ["R-000123"]
    assert restored.pending()[0].data == printer.queue.pending()[0].data


def test_printing_on_a_device_worker_reports_the_outcome_by_callback(printer, printer_sim):
    import queue

    from posdesk.devices.worker import DeviceWorker

    results: queue.Queue = queue.Queue()
    worker = DeviceWorker("printer")
    worker.start()
    worker.submit(lambda: printer.print_receipt(latin_receipt()), lambda r, e: results.put((r, e)))
    outcome, error = results.get(timeout=5)
    assert worker.stop()
    assert error is None and outcome.printed
    assert "Café Müller" in printer_sim.document.lines
