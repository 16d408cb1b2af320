"""A card payment whose answer was lost: the window says the card may have been charged,
offers only "Check with terminal", and never lets the customer pay twice — also after a
crash left the payment open."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import Qt

from posdesk.core.money import Money, currency
from posdesk.core.sale import SaleState
from posdesk.devices.ports import SerialSettings
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.worker import DeviceWorker
from posdesk.devices.zvt.book import TransactionBook
from posdesk.devices.zvt.client import ZvtTerminal, ZvtTimeouts
from posdesk.devices.zvt.simulator import Mode, serve
from posdesk.services.build import build_services
from posdesk.services.payments import CardPayments, TerminalState
from posdesk.ui.payment.card_flow import CardStage

from ..helpers import (CASHIER_PIN, MILK, choose_name, db_rows, journal_kinds, log_in, press, scan,
                       type_text, wait_dialog)

EUR = currency("EUR")
#: Short link timeouts, so a silent terminal is given up on in a second, not in T4's three minutes.
FAST = ZvtTimeouts(ack_s=0.3, retransmissions=3, command_s=1.0, inactivity_s=1.0)


@pytest.fixture
def dropping_terminal(device_services: Any, tmp_path: Path) -> Iterator[Any]:
    """The lane's card payments on a terminal that charges the card, then goes silent."""
    pair = open_pty_pair()
    book = TransactionBook()
    sim = serve(pair, mode="drop", book=book, ack_timeout_s=0.5)
    terminal = ZvtTerminal(SerialSettings(pair.path, baudrate=9600), cur=EUR, timeouts=FAST)
    worker = DeviceWorker("terminal")
    worker.start()
    device_services.devices.running.payments = CardPayments(
        checkout=device_services.checkout, tender=device_services.till.tender, terminal=terminal,
        worker=worker, dispatch=device_services.dispatch, writer=device_services.writer,
        state=TerminalState(tmp_path / "terminal.json"))
    yield sim, book
    worker.stop(5)
    terminal.close()
    sim.stop()
    pair.close()


def test_lost_answer_shows_unknown_blocks_other_payments_and_check_completes_with_one_charge(
        qtbot: Any, dropping_terminal: Any, device_window: Any, device_services: Any) -> None:
    sim, book = dropping_terminal
    log_in(qtbot, device_window)
    scan(qtbot, MILK)
    sale = device_window.checkout.sale
    press(qtbot, Qt.Key.Key_F11)
    tender = wait_dialog(qtbot, "tenderDialog")
    qtbot.waitUntil(lambda: tender.card_stage is CardStage.UNKNOWN, timeout=15_000)
    panel = tender.card_panel
    assert panel.headline.text() == "Result unknown — the card may have been charged."
    assert panel.check_button.isVisible()
    assert not tender.card_button.isVisible() and not tender.pay_button.isVisible()
    assert book.charged_minor() == 119  # the card WAS charged

    # Nothing else is payable: quick cash and the card key do nothing.
    press(qtbot, Qt.Key.Key_F1)
    press(qtbot, Qt.Key.Key_F11)
    assert [p.status.value for p in sale.payments] == ["unknown"]
    assert len(book.transactions) == 1

    sim.mode = Mode.APPROVE  # the line is back
    press(qtbot, Qt.Key.Key_Return)  # Check with terminal
    qtbot.waitUntil(lambda: tender.is_complete, timeout=15_000)
    assert "The terminal confirms: the card was charged € 1.19." in tender.message.text()
    assert sale.state is SaleState.COMPLETED
    assert book.charged_minor() == 119 and len(book.transactions) == 1
    kinds = journal_kinds(device_services, sale.id)
    assert kinds.index("payment_unknown") < kinds.index("payment_approved") < kinds.index("sale_completed")
    assert db_rows(device_services, "SELECT tender, amount_minor, status FROM payment") == [("card", 119, "approved")]


@pytest.fixture
def crashed_with_card_payment(lane_dir: Path, simulators: Any) -> str:
    """A lane that went down while the terminal was charging the card: the payment was
    journaled as started, the terminal charged it, the answer never arrived."""
    before = build_services(lane_dir, demo=True)
    till = before.till
    till.session.login(CASHIER_PIN, name="Anna")
    till.shifts.open_shift(Money.of("100", EUR))
    till.selling.enter(MILK)
    till.tender.start_tender()
    sale = till.checkout.sale
    till.tender.begin_card(sale.remaining, "p-before-crash", {"previous_receipt_no": None})
    simulators.book.add("payment", 119, 978)
    assert before.writer.flush(timeout=10)
    before.close()
    return sale.id


def test_recovered_sale_with_an_open_card_payment_leads_to_the_check_not_to_paying_again(
        qtbot: Any, crashed_with_card_payment: str, device_window: Any, device_services: Any,
        simulators: Any) -> None:
    choose_name(qtbot, "Anna")
    type_text(qtbot, CASHIER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    wait_dialog(qtbot, "recoveryDialog")
    press(qtbot, Qt.Key.Key_Return)
    tender = wait_dialog(qtbot, "tenderDialog")  # straight to the payment, at the check
    assert tender.card_stage is CardStage.UNKNOWN
    assert tender.card_panel.check_button.isVisible() and not tender.pay_button.isVisible()

    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tender.is_complete, timeout=15_000)
    assert simulators.book.charged_minor() == 119 and len(simulators.book.transactions) == 1
    states = db_rows(device_services, "SELECT state FROM sale WHERE id = ?", crashed_with_card_payment)
    assert states == [("completed",)]
    assert db_rows(device_services, "SELECT tender, amount_minor, status FROM payment") == [("card", 119, "approved")]
