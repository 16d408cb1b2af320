"""The setup wizard's device tests, run before the lane's devices are started: a page on
the printer the answers name, a registration at their terminal. Each blocks on a port:
call them from a worker thread."""
from __future__ import annotations

from posdesk.core.money import currency
from posdesk.core.receipt import TextReport
from posdesk.devices.escpos.connection import open_connection
from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.service import PrintOutcome, PrinterService
from posdesk.devices.payment import AdminResult
from posdesk.devices.ports import SerialSettings
from posdesk.devices.zvt.client import ZvtTerminal

from .setup import SetupAnswers


def print_page(answers: SetupAnswers, title: str, rows: tuple[tuple[str, str], ...]) -> PrintOutcome:
    """Print a page (test page, recovery sheet) on the printer the answers name."""
    printer = PrinterService(lambda: open_connection(answers.printer_port, baudrate=answers.printer_baudrate),
                             profile_by_name(answers.printer_profile))
    try:
        return printer.print_report("setup", TextReport(title, rows))
    finally:
        printer.close()


def register_terminal(answers: SetupAnswers) -> AdminResult:
    """Register at the terminal the answers name (ZVT 06 00)."""
    terminal = ZvtTerminal(SerialSettings(answers.terminal_port, baudrate=answers.terminal_baudrate),
                           cur=currency(answers.currency), password=answers.terminal_password)
    try:
        return terminal.register()
    finally:
        terminal.close()
