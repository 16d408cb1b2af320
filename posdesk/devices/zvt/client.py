"""`ZvtTerminal`: posdesk's side of a conversation with a ZVT card terminal.

Every command follows the same path: send it, wait up to T3 for the terminal's 80 00 (or a
refusal), then follow its messages (status, receipt lines, status information) until
Completion (06 0F) or Abort (06 1E), acknowledging each and allowing at most T4 of silence.
What the terminal said is then mapped to a typed result.

Opening the port registers posdesk with the terminal (06 00: password, config byte,
currency), since most terminals refuse payments from an unregistered ECR; a terminal that
restarted refuses with "not registered" (84 6B), which is answered by registering again and
repeating the refused command once (a refused command did nothing, so nothing can happen
twice). Closing logs off (06 02).

Money commands never raise once their frame may have left the port: a lost answer is an
`UNKNOWN` result carrying a `PendingPayment`, and `reconcile` asks the terminal (Repeat
Receipt, 06 20) what its last transaction was. Logs name commands and result codes only,
never card data.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass, field

from posdesk.core.clock import Clock, SystemClock
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.money import Currency, Money
from posdesk.devices.errors import DeviceError
from posdesk.devices.payment import AdminResult, Outcome, PaymentKind, PaymentResult, \
    PaymentTerminal, PendingPayment, StatusCallback, StatusUpdate
from posdesk.devices.ports import SerialSettings, open_port

from . import messages as M
from .apdu import Apdu
from .codes import RESULT_ABORTED, RESULT_NOT_REGISTERED, RESULT_OK, result_text, status_text
from .errors import CommandRefused, LineLost, MalformedApdu, ZvtError
from .transport import ACK_TIMEOUT_S, MAX_RETRANSMISSIONS, LinkTimeouts, SerialStream, ZvtTransport

log = logging.getLogger(__name__)

#: T3: seconds for the terminal's first answer (80 00 or 84 xx) to a command
#: (ZVT spec "Timeouts"; ecrterm TIMEOUT_T3 = 5).
T3_S = 5.0
#: T4: longest silence between the terminal's messages while it runs a command; an
#: intermediate status restarts it (ZVT spec "Timeouts"; ecrterm TIMEOUT_T4_DEFAULT = 180).
T4_S = 180.0



@dataclass(frozen=True)
class ZvtTimeouts:
    ack_s: float = ACK_TIMEOUT_S
    retransmissions: int = MAX_RETRANSMISSIONS
    command_s: float = T3_S
    inactivity_s: float = T4_S


@dataclass
class _Conversation:
    """What the terminal said during one command."""

    status: M.StatusInformation | None = None
    slip: list[str] = field(default_factory=list)
    end: M.Completion | M.TerminalAbort | M.NegativeAck | None = None


class ZvtTerminal(PaymentTerminal):
    """A ZVT terminal on a serial port (device path or pyserial URL)."""

    def __init__(self, settings: SerialSettings, *, cur: Currency, password: str = "000000",
                 config: int = M.DEFAULT_CONFIG, timeouts: ZvtTimeouts = ZvtTimeouts(),
                 clock: Clock | None = None, last_receipt_no: int | None = None):
        M.password_bcd(password)  # refuse a malformed password now, not mid-sale
        self.settings = settings
        self.currency = cur
        self.timeouts = timeouts
        self._password = password
        self._config = config
        self._clock = clock or SystemClock()
        self._transport: ZvtTransport | None = None
        self._stream: SerialStream | None = None
        self._busy = threading.Event()
        self._registered = False
        #: The terminal's last receipt number this lane saw; persist it across restarts.
        self.last_receipt_no = last_receipt_no

    # -- connection ------------------------------------------------------------------------
    def open(self) -> None:
        """Open the port and register; raise `DeviceError` (nothing charged) if either fails."""
        if self._transport is not None:
            return
        self._stream = SerialStream(open_port(self.settings))
        self._transport = ZvtTransport(self._stream, timeouts=LinkTimeouts(
            self.timeouts.ack_s, self.timeouts.retransmissions))
        try:
            self.register()
        except ZvtError:
            self._drop()  # the next open tries again from the start
            raise

    def close(self) -> None:
        """Log off (when registered and idle) and close the port."""
        if self._transport is not None and self._registered and not self._busy.is_set():
            self._log_off(self._transport)
        self._drop()

    def _drop(self) -> None:
        if self._stream is not None:
            self._stream.close()
        self._stream = self._transport = None
        self._registered = False

    def __enter__(self) -> ZvtTerminal:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def transport(self) -> ZvtTransport | None:
        return self._transport

    # -- money -----------------------------------------------------------------------------
    def authorize(self, amount: Money, *, on_status: StatusCallback | None = None,
                  reference: str | None = None) -> PaymentResult:
        self._check_currency(amount)
        return self._money_command(M.authorization(amount.minor, self.currency), PaymentKind.AUTHORIZATION,
                                   amount, on_status, reference)

    def refund(self, amount: Money, *, on_status: StatusCallback | None = None,
               reference: str | None = None) -> PaymentResult:
        self._check_currency(amount)
        return self._money_command(M.refund(self._password, amount.minor, self.currency),
                                   PaymentKind.REFUND, amount, on_status, reference)

    def reverse(self, receipt_no: int, *, on_status: StatusCallback | None = None,
                reference: str | None = None) -> PaymentResult:
        return self._money_command(M.reversal(self._password, receipt_no), PaymentKind.REVERSAL,
                                   None, on_status, reference)

    def abort(self) -> bool:
        if not self._busy.is_set() or self._transport is None:
            return False
        try:
            self._transport.send_concurrently(M.abort().encode())
        except DeviceError:
            log.exception("could not send abort to the card terminal on %s", self.settings.port)
            return False
        log.info("abort sent to the card terminal on %s", self.settings.port)
        return True

    def reconcile(self, pending: PendingPayment) -> PaymentResult:
        """Ask for the terminal's last transaction (Repeat Receipt) and compare it with
        `pending`: same amount, approved, and not the receipt seen before it was sent.

        A reversal is not reconciled but repeated: the terminal refuses a second reversal
        of the same receipt ("already reversed", B4), so repeating it cannot undo twice."""
        if pending.kind is PaymentKind.REVERSAL:
            raise ValueError("repeat an unknown reversal with reverse(); the terminal "
                             "refuses to reverse one receipt twice")
        conv = self._converse(M.repeat_receipt(self._password), None)
        if not isinstance(conv.end, M.Completion) or conv.status is None:
            code = _end_code(conv)
            raise CommandRefused(
                f"card terminal on {self.settings.port} cannot repeat its last receipt: "
                f"{result_text(code)} ({code:02X})", code)
        status = conv.status
        self._remember(status)
        charged = (status.result_code == RESULT_OK
                   and pending.amount is not None and status.amount_minor == pending.amount.minor
                   and status.receipt_no is not None
                   and status.receipt_no != pending.previous_receipt_no)
        if charged:
            log.warning("reconciled payment %s: the terminal charged it (receipt %s)",
                        pending.reference, status.receipt_no)
            return self._result(Outcome.APPROVED, result_text(RESULT_OK), pending.amount, conv, pending)
        log.info("reconciled payment %s: not charged", pending.reference)
        return PaymentResult(Outcome.NOT_CHARGED,
                             QT_TRANSLATE_NOOP("PaymentResult", "The card was not charged"),
                             amount=pending.amount, pending=pending)

    # -- administration --------------------------------------------------------------------
    def register(self) -> AdminResult:
        conv = self._converse(M.registration(self._password, self.currency, self._config), None)
        if isinstance(conv.end, M.Completion):
            self._registered = True
            log.info("registered with the card terminal on %s", self.settings.port)
            return AdminResult(True, result_text(RESULT_OK), RESULT_OK, conv.end.terminal_id)
        code = _end_code(conv)
        raise CommandRefused(
            f"card terminal on {self.settings.port} refused registration: {result_text(code)} "
            f"({code:02X}); check the terminal password and currency", code)

    def end_of_day(self) -> AdminResult:
        return self._admin(M.end_of_day(self._password))

    def diagnosis(self) -> AdminResult:
        return self._admin(M.diagnosis())

    def status_enquiry(self) -> AdminResult:
        return self._admin(M.status_enquiry(self._password))

    def _admin(self, command: Apdu) -> AdminResult:
        conv = self._converse(command, None)
        code = _end_code(conv)
        ok = isinstance(conv.end, M.Completion) and code == RESULT_OK
        tid = conv.status.terminal_id if conv.status else None
        if tid is None and isinstance(conv.end, M.Completion):
            tid = conv.end.terminal_id
        return AdminResult(ok, result_text(code), code, tid, tuple(conv.slip))

    # -- the conversation ------------------------------------------------------------------
    def _money_command(self, command: Apdu, kind: PaymentKind, amount: Money | None,
                       on_status: StatusCallback | None, reference: str | None) -> PaymentResult:
        self.open()  # a port that cannot open raises here: nothing has left yet
        now = self._clock.now()
        pending = PendingPayment(reference or uuid.uuid4().hex, kind, amount, now.utc, now.mono_ns,
                                 self.last_receipt_no)
        log.info("%s %s of %s sent to %s", kind.value, pending.reference, amount, self.settings.port)
        try:
            conv = self._converse(command, on_status)
        except ZvtError as e:
            log.error("%s %s: answer lost (%s); the result is unknown", kind.value, pending.reference, e)
            return PaymentResult(
                Outcome.UNKNOWN,
                QT_TRANSLATE_NOOP("PaymentResult", "Payment state unknown: check the terminal before trying again"),
                amount=amount, pending=pending)
        return self._payment_result(conv, amount, pending)

    def _payment_result(self, conv: _Conversation, amount: Money | None,
                        pending: PendingPayment) -> PaymentResult:
        end, status = conv.end, conv.status
        if isinstance(end, (M.NegativeAck, M.TerminalAbort)):
            code = _end_code(conv)
            outcome = Outcome.ABORTED if code == RESULT_ABORTED else Outcome.DECLINED
            log.info("%s %s: %s, result code %02X", pending.kind.value, pending.reference,
                     outcome.value, code)
            return self._result(outcome, result_text(code), amount, conv, pending, code)
        if status is None or status.result_code is None:
            log.error("%s %s: completion without a status; the result is unknown",
                      pending.kind.value, pending.reference)
            return PaymentResult(
                Outcome.UNKNOWN,
                QT_TRANSLATE_NOOP("PaymentResult", "Payment state unknown: check the terminal before trying again"),
                amount=amount, slip_lines=tuple(conv.slip), pending=pending)
        self._remember(status)
        outcome = Outcome.APPROVED if status.result_code == RESULT_OK else Outcome.DECLINED
        log.info("%s %s: %s, result code %02X, receipt %s", pending.kind.value, pending.reference,
                 outcome.value, status.result_code, status.receipt_no)
        return self._result(outcome, result_text(status.result_code), amount, conv, pending,
                            status.result_code)

    def _result(self, outcome: Outcome, message: Text, amount: Money | None, conv: _Conversation,
                pending: PendingPayment, code: int | None = None) -> PaymentResult:
        s = conv.status or M.StatusInformation()
        if s.amount_minor is not None:
            charged = Money.from_minor(s.amount_minor, self.currency)
            if amount is not None and charged != amount:
                log.error("terminal reports %s for %s requested", charged, amount)
            amount = charged
        return PaymentResult(
            outcome, message, amount=amount,
            result_code=code if code is not None else s.result_code,
            trace_no=s.trace_no, receipt_no=s.receipt_no, terminal_id=s.terminal_id,
            card_type=s.card_type, card_name=s.card_name, masked_pan=s.masked_pan, aid=s.aid,
            terminal_date=s.date_mmdd, terminal_time=s.time_hhmmss, slip_lines=tuple(conv.slip),
            pending=pending)

    def _converse(self, command: Apdu, on_status: StatusCallback | None) -> _Conversation:
        conv = self._converse_once(command, on_status)
        refused = conv.end if isinstance(conv.end, M.NegativeAck) else None
        if refused is None or refused.code != RESULT_NOT_REGISTERED or command.command == M.CMD_REGISTRATION:
            return conv
        log.warning("card terminal on %s forgot the registration (restarted?); registering again",
                    self.settings.port)
        self._registered = False
        try:
            self.register()
        except ZvtError as e:
            log.error("registering again with the card terminal on %s failed: %s", self.settings.port, e)
            return conv  # the refusal stands: the command was not carried out
        return self._converse_once(command, on_status)

    def _converse_once(self, command: Apdu, on_status: StatusCallback | None) -> _Conversation:
        self.open()
        transport = self._transport
        assert transport is not None
        self._busy.set()
        try:
            transport.forget_unread()
            transport.send(command.encode())
            conv = _Conversation()
            message = self._next(transport, self.timeouts.command_s)
            while True:
                if isinstance(message, M.NegativeAck):
                    conv.end = message
                    return conv
                if not isinstance(message, M.PositiveAck):
                    transport.send(M.ACK_APDU.encode())
                    if self._take(message, conv, on_status):
                        return conv
                message = self._next(transport, self.timeouts.inactivity_s)
        except LineLost:
            self._drop()
            raise
        finally:
            self._busy.clear()

    def _log_off(self, transport: ZvtTransport) -> None:
        """06 02, answered by 80 00 alone; a terminal that does not take it is only logged,
        since closing must go on regardless."""
        self._busy.set()  # a close from another thread meanwhile only drops the port
        try:
            transport.forget_unread()
            transport.send(M.log_off().encode())
            answer = self._next(transport, self.timeouts.command_s)
        except ZvtError as e:
            log.warning("card terminal on %s did not take the log-off: %s", self.settings.port, e)
            return
        finally:
            self._busy.clear()
        if isinstance(answer, M.PositiveAck):
            log.info("logged off from the card terminal on %s", self.settings.port)
        else:
            log.warning("card terminal on %s answered the log-off with %s", self.settings.port,
                        type(answer).__name__)

    def _next(self, transport: ZvtTransport, timeout_s: float) -> M.TerminalMessage:
        deadline = time.monotonic() + timeout_s
        while True:
            # Malformed messages do not extend the wait: the deadline holds for all of them.
            raw = transport.receive(max(0.0, deadline - time.monotonic()))
            try:
                message = M.decode_message(Apdu.decode(raw))
            except MalformedApdu as e:
                # It passed the CRC, so it is the terminal's bytes; not answering lets the
                # terminal repeat it or time out, which ends in UNKNOWN, never in a guess.
                log.warning("ignoring a malformed message from %s: %s", self.settings.port, e)
                continue
            return message

    def _take(self, message: M.TerminalMessage, conv: _Conversation,
              on_status: StatusCallback | None) -> bool:
        """Record one terminal message; True when it ends the command."""
        if isinstance(message, M.IntermediateStatus):
            if on_status is not None:
                update = StatusUpdate(message.code, status_text(message.code), message.display_lines)
                try:
                    on_status(update)
                except Exception:  # noqa: BLE001 - a broken display must not break a payment
                    log.exception("status callback failed")
        elif isinstance(message, M.StatusInformation):
            if conv.status is None or conv.status.result_code is None:
                conv.status = message
        elif isinstance(message, M.PrintLine):
            conv.slip.append(message.text)
        elif isinstance(message, M.PrintTextBlock):
            conv.slip.extend(message.lines)
        elif isinstance(message, (M.Completion, M.TerminalAbort)):
            conv.end = message
            return True
        return False

    def _remember(self, status: M.StatusInformation) -> None:
        if status.receipt_no is not None:
            self.last_receipt_no = status.receipt_no

    def _check_currency(self, amount: Money) -> None:
        if amount.currency != self.currency:
            raise ValueError(f"terminal is set up for {self.currency.code}, not {amount.currency.code}")
        if amount.minor <= 0:
            raise ValueError("a card amount must be positive")


def _end_code(conv: _Conversation) -> int:
    end = conv.end
    if isinstance(end, M.NegativeAck):
        return end.code
    if isinstance(end, M.TerminalAbort):
        return end.result_code
    if conv.status is not None and conv.status.result_code is not None:
        return conv.status.result_code
    return RESULT_OK
