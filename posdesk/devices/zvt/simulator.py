"""A ZVT card terminal in software, speaking the real bytes on any byte stream (a pty's
master side in tests, demos and installers).

Modes: approve, decline (with a result code), timeout (accepts frames, never answers),
drop (charges, then goes silent or closes the line before the final messages) and slow
(a series of intermediate statuses, during which the cashier can abort). It keeps a book of
its transactions, so Repeat Receipt and Reversal behave like a real terminal's, and it can
be told to NAK the ECR's frames or corrupt its own CRCs to exercise retransmission.

It is as strict as a real terminal: only a bare 06 acknowledges its frames (a `10 06` gets
the frame repeated, then the terminal gives up), and an ECR that has not registered (06 00)
since the terminal started or since it logged off (06 02) has its commands refused.
"""
from __future__ import annotations

import argparse
import enum
import logging
import signal
import threading
from datetime import datetime
from typing import Sequence

from posdesk.devices.pty import PtyPair, open_pty_pair

from . import messages as M
from .apdu import Apdu, bcd_int
from .book import Transaction, TransactionBook
from .bmp import BMP_AMOUNT, BMP_CURRENCY, BMP_RECEIPT_NO, parse_bmps
from .codes import RESULT_ABORTED, RESULT_NOT_POSSIBLE, RESULT_NOT_REGISTERED, RESULT_OK, \
    RESULT_PROTOCOL_ERROR
from .errors import AnswerTimeout, LineLost, MalformedApdu, ZvtError
from .line_faults import FaultyStream
from .transport import ByteStream, FdStream, LinkTimeouts, ZvtTransport

log = logging.getLogger(__name__)

#: Result code the decline mode answers with: "credit not sufficient".
DEFAULT_DECLINE_CODE = 0x71
#: Result code for "already reversed" and "reversal not possible".
RESULT_ALREADY_REVERSED = 0xB4
RESULT_REVERSAL_NOT_POSSIBLE = 0xB5
#: Intermediate statuses of slow mode: insert card, watch PIN pad, please wait.
SLOW_STATUSES = (0x0A, 0x01, 0x0E)
#: Card type (BMP 8A) the simulator reports: 46, girocard/Maestro in the spec's list.
SIM_CARD_TYPE = 0x2E
#: A test card number; the terminal itself masks the middle digits (E nibbles).
SIM_PAN_MASKED = "6725EEEEEEEE4771"
#: The same card unmasked, for testing that posdesk masks what a careless terminal sends.
SIM_PAN_FULL = "6725123412344771"
#: Commands a terminal takes from an ECR that has not registered: registering itself,
#: asking whether anyone is there, logging off and aborting.
WITHOUT_REGISTRATION = frozenset({M.CMD_REGISTRATION, M.CMD_STATUS_ENQUIRY, M.CMD_LOG_OFF,
                                  M.CMD_ABORT})


class Mode(enum.Enum):
    APPROVE = "approve"
    DECLINE = "decline"
    TIMEOUT = "timeout"
    DROP = "drop"
    SLOW = "slow"


class _AbortedByEcr(Exception):
    """The ECR sent Abort (06 B0) while the customer was still at the terminal."""


class _LineClosed(Exception):
    """The simulator pulls the cable (drop mode with `drop_closes_line`)."""


class TerminalSimulator:
    """Serves one byte stream until `stop()` or until the line goes away."""

    def __init__(self, stream: ByteStream, *, mode: Mode | str = Mode.APPROVE,
                 decline_code: int = DEFAULT_DECLINE_CODE, password: str = "000000",
                 terminal_id: str = "52500001", status_delay_s: float = 0.0,
                 drop_closes_line: bool = False, full_pan: bool = False,
                 book: TransactionBook | None = None, ack_timeout_s: float = 2.0,
                 stop: threading.Event | None = None):
        self.faults = FaultyStream(stream)
        self.transport = ZvtTransport(self.faults, timeouts=LinkTimeouts(ack_s=ack_timeout_s),
                                      strict=True)
        self.mode = Mode(mode)
        self.decline_code = decline_code
        self.password = password
        self.terminal_id = terminal_id
        self.status_delay_s = status_delay_s
        self.drop_closes_line = drop_closes_line
        self.pan = SIM_PAN_FULL if full_pan else SIM_PAN_MASKED
        self.book = book if book is not None else TransactionBook()
        self.config = M.DEFAULT_CONFIG
        #: Whether an ECR registered since the start, the last restart or its log-off.
        self.registered = False
        #: The data of the last Registration: password, config byte, currency code, ...
        self.registration_data: bytes | None = None
        #: Every command APDU received, for tests that check what reached the terminal.
        self.received: list[tuple[int, int]] = []
        self._ack_timeout_s = ack_timeout_s
        self._stop = stop or threading.Event()
        self._thread: threading.Thread | None = None
        self._abort_seen = False

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> TerminalSimulator:
        self._thread = threading.Thread(target=self.serve_forever, name="zvt-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def serve_forever(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    raw = self.transport.receive(0.2)
                except AnswerTimeout:
                    continue
                try:
                    self._serve_one(raw)
                except LineLost:
                    raise
                except ZvtError as e:  # like a terminal: give up on this one, serve the next
                    log.warning("simulator abandoned a command: %s", e)
        except LineLost as e:
            log.info("simulator line ended: %s", e)
        except _LineClosed:
            log.info("simulator pulls the cable")
            close = getattr(self.faults.inner, "close", None)
            if close is not None:
                close()

    def restart(self) -> None:
        """Reboot like a terminal after a power cut: the ECR's registration is forgotten."""
        self.registered = False

    # -- commands ----------------------------------------------------------------------------
    def _serve_one(self, raw: bytes) -> None:
        try:
            apdu = Apdu.decode(raw)
        except MalformedApdu:
            self._send(M.negative_ack_apdu(RESULT_PROTOCOL_ERROR))
            return
        if apdu.cls == M.CLS_ACK:
            return  # a late 80 00 for a conversation already given up: nothing to answer
        self.received.append(apdu.command)
        if not self.registered and apdu.command not in WITHOUT_REGISTRATION:
            self._send(M.negative_ack_apdu(RESULT_NOT_REGISTERED))
            return
        handler = {
            M.CMD_REGISTRATION: self._registration,
            M.CMD_LOG_OFF: self._log_off,
            M.CMD_AUTHORIZATION: self._authorization,
            M.CMD_REFUND: self._refund,
            M.CMD_REVERSAL: self._reversal,
            M.CMD_REPEAT_RECEIPT: self._repeat_receipt,
            M.CMD_END_OF_DAY: self._end_of_day,
            M.CMD_DIAGNOSIS: self._diagnosis,
            M.CMD_STATUS_ENQUIRY: self._status_enquiry,
        }.get(apdu.command)
        if apdu.command == M.CMD_ABORT:
            self._send(M.ACK_APDU)  # nothing running: nothing to abort
        elif handler is None:
            self._send(M.negative_ack_apdu(RESULT_NOT_POSSIBLE))
        else:
            handler(apdu.data)

    def _password_ok(self, data: bytes) -> bool:
        if len(data) >= 3 and data[:3].hex() == self.password:
            return True
        self._send(M.negative_ack_apdu(RESULT_NOT_POSSIBLE))
        return False

    def _registration(self, data: bytes) -> None:
        if not self._password_ok(data):
            return
        if len(data) > 3:
            self.config = data[3]
        self.registration_data = data
        self._send(M.ACK_APDU)
        self.registered = True  # once the ECR has heard it: an unacknowledged 80 00 is no answer
        self._tell(M.completion_apdu(self.terminal_id))

    def _log_off(self, data: bytes) -> None:
        self.registered = False
        self._send(M.ACK_APDU)

    def _authorization(self, data: bytes) -> None:
        self._payment("payment", data)

    def _refund(self, data: bytes) -> None:
        if self._password_ok(data):
            self._payment("refund", data[3:])

    def _payment(self, kind: str, data: bytes) -> None:
        fields = parse_bmps(data).fields
        if BMP_AMOUNT not in fields:
            self._send(M.negative_ack_apdu(RESULT_PROTOCOL_ERROR))
            return
        amount = bcd_int(fields[BMP_AMOUNT])
        cur = bcd_int(fields.get(BMP_CURRENCY, bytes.fromhex("0978")))
        self._send(M.ACK_APDU)
        if self.mode is Mode.TIMEOUT:
            return  # a hung terminal: accepted the frame, never says more
        self._abort_seen = False
        try:
            slow = self.mode is Mode.SLOW
            for code in SLOW_STATUSES if slow else SLOW_STATUSES[:1]:
                self._tell(M.intermediate_status_apdu(code, display=(_display(code),)))
                self._pause(self.status_delay_s if slow else 0.0)
        except _AbortedByEcr:
            self._send(M.ACK_APDU)
            self._tell(M.terminal_abort_apdu(RESULT_ABORTED))
            return
        if self.mode is Mode.DECLINE:
            self._tell(self._status(None, self.decline_code, amount, cur))
            self._slip(("DECLINED", f"RESULT {self.decline_code:02X}"))
            self._tell(M.terminal_abort_apdu(self.decline_code))
            return
        tx = self.book.add(kind, amount, cur)
        if self.mode is Mode.DROP:
            log.info("simulator dropping the line after charging receipt %d", tx.receipt_no)
            if self.drop_closes_line:
                raise _LineClosed()
            return
        self._finish(tx)

    def _finish(self, tx: Transaction) -> None:
        self._tell(self._status(tx, RESULT_OK, tx.amount_minor, tx.currency_numeric))
        self._slip(_slip_lines(tx, self.terminal_id, self.pan))
        self._tell(M.completion_apdu(self.terminal_id))

    def _reversal(self, data: bytes) -> None:
        if not self._password_ok(data):
            return
        fields = parse_bmps(data[3:]).fields
        original = self.book.find(bcd_int(fields[BMP_RECEIPT_NO])) if BMP_RECEIPT_NO in fields else None
        self._send(M.ACK_APDU)
        if original is None or original.kind != "payment":
            self._tell(M.terminal_abort_apdu(RESULT_REVERSAL_NOT_POSSIBLE))
            return
        if original.reversed:
            self._tell(M.terminal_abort_apdu(RESULT_ALREADY_REVERSED))
            return
        original.reversed = True
        self._finish(self.book.add("reversal", original.amount_minor, original.currency_numeric))

    def _repeat_receipt(self, data: bytes) -> None:
        if not self._password_ok(data):
            return
        self._send(M.ACK_APDU)
        last = self.book.last()
        if last is None:
            self._tell(M.terminal_abort_apdu(RESULT_NOT_POSSIBLE))
            return
        self._finish(last)

    def _end_of_day(self, data: bytes) -> None:
        if not self._password_ok(data):
            return
        self._send(M.ACK_APDU)
        self._tell(M.intermediate_status_apdu(0x0E))
        total = self.book.charged_minor()
        self._tell(M.status_information_apdu(result_code=RESULT_OK, amount_minor=max(total, 0),
                                             terminal_id=self.terminal_id))
        self._slip(("END OF DAY", f"TOTAL {total / 100:.2f}"))
        self._tell(M.completion_apdu(self.terminal_id))

    def _diagnosis(self, data: bytes) -> None:
        self._send(M.ACK_APDU)
        self._tell(M.status_information_apdu(result_code=RESULT_OK, terminal_id=self.terminal_id))
        self._tell(M.completion_apdu(self.terminal_id))

    def _status_enquiry(self, data: bytes) -> None:
        if not self._password_ok(data):
            return
        self._send(M.ACK_APDU)
        self._tell(M.status_information_apdu(result_code=RESULT_OK, terminal_id=self.terminal_id))
        self._tell(M.completion_apdu(self.terminal_id))

    # -- helpers -----------------------------------------------------------------------------
    def _status(self, tx: Transaction | None, code: int, amount: int, cur: int) -> Apdu:
        now = tx.at if tx else datetime.now()
        return M.status_information_apdu(
            result_code=code, amount_minor=amount, currency_numeric=cur,
            trace_no=tx.trace_no if tx else None, receipt_no=tx.receipt_no if tx else None,
            terminal_id=self.terminal_id, card_type=SIM_CARD_TYPE, card_name="girocard",
            pan_nibbles=self.pan, date_mmdd=now.strftime("%m%d"), time_hhmmss=now.strftime("%H%M%S"))

    def _slip(self, lines: Sequence[str]) -> None:
        if self.config & M.CONFIG_TEXT_BLOCKS:
            self._tell(M.print_text_block_apdu(tuple(lines), 2))
            return
        for i, line in enumerate(lines):
            self._tell(M.print_line_apdu(line, last=i == len(lines) - 1))

    def _send(self, apdu: Apdu) -> None:
        self.transport.send(apdu.encode())

    def _tell(self, apdu: Apdu) -> None:
        """Send a terminal message and wait for the ECR's 80 00; note an Abort on the way."""
        self._send(apdu)
        while True:
            reply = Apdu.decode(self.transport.receive(self._ack_timeout_s))
            if reply.command == M.CMD_ABORT:
                self._abort_seen = True
                continue
            if reply.cls == M.CLS_ACK:
                return

    def _pause(self, seconds: float) -> None:
        """Wait like a customer at the PIN pad, but hear an Abort at once."""
        if self._abort_seen:
            raise _AbortedByEcr()
        if seconds <= 0:
            return
        try:
            reply = Apdu.decode(self.transport.receive(seconds))
        except AnswerTimeout:
            return
        if reply.command == M.CMD_ABORT:
            raise _AbortedByEcr()


def _display(code: int) -> str:
    return {0x0A: "Insert card", 0x01: "PIN entry", 0x0E: "Please wait"}.get(code, "")


def _slip_lines(tx: Transaction, terminal_id: str, pan: str) -> tuple[str, ...]:
    title = {"payment": "CARD PAYMENT", "refund": "REFUND", "reversal": "REVERSAL"}[tx.kind]
    # A careless terminal prints the whole card number as it has it; a good one masks it.
    card = pan if pan.isdigit() else M.mask_pan(pan.replace("E", "*"))
    return (title, f"Terminal-ID {terminal_id}", f"Trace {tx.trace_no:06d}",
            f"Receipt {tx.receipt_no:04d}", f"Card {card}",
            f"AMOUNT EUR {tx.amount_minor / 100:.2f}", "APPROVED")


def _as_stream(target: int | PtyPair | ByteStream) -> ByteStream:
    if isinstance(target, PtyPair):
        return FdStream(target.master_fd, target.path)
    if isinstance(target, int):
        return FdStream(target)
    return target


def serve(target: int | PtyPair | ByteStream, *, mode: Mode | str = Mode.APPROVE,
          stop: threading.Event | None = None, **options: object) -> TerminalSimulator:
    """Serve `target` (a pty pair, a master fd or any `ByteStream`) in a background thread
    and return the running simulator; `stop()` it (or set `stop`) when done."""
    sim = TerminalSimulator(_as_stream(target), mode=mode, stop=stop, **options)  # type: ignore[arg-type]
    return sim.start()


def main(argv: Sequence[str] | None = None) -> int:
    """`posdesk simulate terminal [--pty] [--mode M]`: print the pty path, serve until Ctrl-C."""
    p = argparse.ArgumentParser(prog="posdesk simulate terminal",
                                description="a ZVT card terminal on a pseudo-terminal")
    p.add_argument("--pty", action="store_true", help="serve on a new pty (the default)")
    p.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.APPROVE.value)
    p.add_argument("--decline-code", type=lambda s: int(s, 16), default=DEFAULT_DECLINE_CODE,
                   help="result code of decline mode, hex (default 71)")
    p.add_argument("--password", default="000000")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between slow-mode statuses")
    p.add_argument("--log", choices=["info", "debug"], help="log the simulator's doings to stderr")
    args = p.parse_args(argv)
    if args.log:
        logging.basicConfig(level=args.log.upper(), format="%(asctime)s %(name)s: %(message)s")
    pair = open_pty_pair()
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        sim = serve(pair, mode=args.mode, stop=stop, decline_code=args.decline_code,
                    password=args.password, status_delay_s=args.delay)
        print(pair.path, flush=True)
        while not stop.wait(0.5):
            pass
        sim.stop()
    finally:
        signal.signal(signal.SIGINT, previous)
        pair.close()
    return 0
