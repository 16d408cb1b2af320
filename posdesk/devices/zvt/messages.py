"""ZVT commands (ECR to terminal) and terminal messages (terminal to ECR), typed.

Builders return `Apdu`s; `decode_message` turns a terminal's APDU into a dataclass. Card
data is reduced at this boundary: a PAN leaves here masked to its last four digits
whatever the terminal sent, card numbers in receipt and display texts too (they go on to
the journal, the receipt and logs), and track data is read past, never kept.
Command layouts: ZVT spec chapter 2 ("ECR commands") and 3 ("PT commands").
"""
from __future__ import annotations

from dataclasses import dataclass

from posdesk.core.card_numbers import VISIBLE_DIGITS as PAN_VISIBLE_DIGITS
from posdesk.core.card_numbers import mask_card_numbers
from posdesk.core.money import Currency

from . import bmp as B
from .apdu import Apdu, bcd_decode, bcd_encode, bcd_int
from .errors import MalformedApdu
from .tlv import TAG_DISPLAY_TEXTS, TAG_PRINT_TEXTS, TAG_RECEIPT_TYPE, TAG_TEXT_LINE, encode_tlv, \
    parse_tlv, text_lines

#: Registration (ECR -> PT).
CMD_REGISTRATION = (0x06, 0x00)
#: Log-Off: the ECR ends its registration (ECR -> PT; the terminal answers 80 00 only).
CMD_LOG_OFF = (0x06, 0x02)
#: Authorization, i.e. a card payment.
CMD_AUTHORIZATION = (0x06, 0x01)
#: Repeat Receipt: the terminal repeats the last transaction's status and receipt.
CMD_REPEAT_RECEIPT = (0x06, 0x20)
#: Reversal of a payment by receipt number.
CMD_REVERSAL = (0x06, 0x30)
#: Refund to a card.
CMD_REFUND = (0x06, 0x31)
#: End-of-Day: submit the day's turnover.
CMD_END_OF_DAY = (0x06, 0x50)
#: Diagnosis: the terminal checks its host connection.
CMD_DIAGNOSIS = (0x06, 0x70)
#: Abort of the running command, sent by the ECR.
CMD_ABORT = (0x06, 0xB0)
#: Status Enquiry.
CMD_STATUS_ENQUIRY = (0x05, 0x01)
#: Intermediate Status Information (PT -> ECR).
MSG_INTERMEDIATE_STATUS = (0x04, 0xFF)
#: Status Information: the result and details of a transaction.
MSG_STATUS_INFORMATION = (0x04, 0x0F)
#: Print Line.
MSG_PRINT_LINE = (0x06, 0xD1)
#: Print Text Block.
MSG_PRINT_TEXT_BLOCK = (0x06, 0xD3)
#: Completion: the command ended and master rights return to the ECR.
MSG_COMPLETION = (0x06, 0x0F)
#: Abort by the terminal, with a result code.
MSG_ABORT = (0x06, 0x1E)
#: Class of the positive acknowledgement APDU 80 00 00.
CLS_ACK = 0x80
#: Class of a negative acknowledgement 84 xx; the instruction byte is the error code.
CLS_NACK = 0x84
#: The positive acknowledgement the ECR sends for every terminal message.
ACK_APDU = Apdu(CLS_ACK, 0x00)

#: Registration config byte bits (spec "Registration"): 02 ECR prints payment receipts,
#: 04 ECR prints administration receipts, 08 intermediate status to the ECR,
#: 80 receipts as Print Text Block (06 D3) instead of lines.
CONFIG_ECR_PRINTS_PAYMENT = 0x02
CONFIG_ECR_PRINTS_ADMIN = 0x04
CONFIG_SEND_INTERMEDIATE_STATUS = 0x08
CONFIG_TEXT_BLOCKS = 0x80
#: What posdesk registers with: it prints every receipt and shows every status.
DEFAULT_CONFIG = CONFIG_ECR_PRINTS_PAYMENT | CONFIG_ECR_PRINTS_ADMIN | CONFIG_SEND_INTERMEDIATE_STATUS
#: Print Line attribute bit that marks the last line of a receipt.
PRINT_LAST_LINE = 0x80
#: Character set of ZVT texts. Terminals differ (the spec names code page 437); receipts
#: seen in the field are ISO 8859-1 ("H\xc4NDLERBELEG" in Portalum.Zvt's print-line vectors).
TEXT_ENCODING = "latin-1"


def password_bcd(password: str) -> bytes:
    """The 3-byte BCD password of admin commands; raise `ValueError` if not 6 digits."""
    if len(password) != 6 or not password.isdigit():
        raise ValueError("the terminal password has exactly 6 digits")
    return bcd_encode(password, 3)


def _amount(minor: int) -> bytes:
    if minor < 0:
        raise ValueError("ZVT amounts are unsigned")
    return B.encode_bmp(B.BMP_AMOUNT, bcd_encode(str(minor), 6))


def _currency(cur: Currency) -> bytes:
    return B.encode_bmp(B.BMP_CURRENCY, bcd_encode(str(cur.numeric), 2))


# -- ECR commands ------------------------------------------------------------------------
def registration(password: str, cur: Currency, config: int = DEFAULT_CONFIG,
                 service_byte: int | None = None) -> Apdu:
    """06 00: password, config byte, currency code (no BMP tag), optional service byte."""
    data = password_bcd(password) + bytes((config,)) + bcd_encode(str(cur.numeric), 2)
    if service_byte is not None:
        data += B.encode_bmp(B.BMP_SERVICE, bytes((service_byte,)))
    return Apdu(*CMD_REGISTRATION, data)


def log_off() -> Apdu:
    return Apdu(*CMD_LOG_OFF)


def authorization(amount_minor: int, cur: Currency) -> Apdu:
    return Apdu(*CMD_AUTHORIZATION, _amount(amount_minor) + _currency(cur))


def refund(password: str, amount_minor: int, cur: Currency) -> Apdu:
    return Apdu(*CMD_REFUND, password_bcd(password) + _amount(amount_minor) + _currency(cur))


def reversal(password: str, receipt_no: int) -> Apdu:
    return Apdu(*CMD_REVERSAL, password_bcd(password)
                + B.encode_bmp(B.BMP_RECEIPT_NO, bcd_encode(str(receipt_no), 2)))


def repeat_receipt(password: str) -> Apdu:
    return Apdu(*CMD_REPEAT_RECEIPT, password_bcd(password))


def end_of_day(password: str) -> Apdu:
    return Apdu(*CMD_END_OF_DAY, password_bcd(password))


def diagnosis() -> Apdu:
    return Apdu(*CMD_DIAGNOSIS)


def status_enquiry(password: str) -> Apdu:
    return Apdu(*CMD_STATUS_ENQUIRY, password_bcd(password))


def abort() -> Apdu:
    return Apdu(*CMD_ABORT)


# -- terminal messages -------------------------------------------------------------------
@dataclass(frozen=True)
class PositiveAck:
    """80 00: the command was accepted (or a message of ours was)."""


@dataclass(frozen=True)
class NegativeAck:
    """84 xx: the command was refused; `code` is a result code."""

    code: int


@dataclass(frozen=True)
class IntermediateStatus:
    code: int
    timeout_s: int | None = None
    display_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusInformation:
    """04 0F. Only masked card data; `incomplete` when a BMP could not be read."""

    result_code: int | None = None
    amount_minor: int | None = None
    currency_numeric: int | None = None
    trace_no: int | None = None
    receipt_no: int | None = None
    turnover_no: int | None = None
    terminal_id: str | None = None
    card_type: int | None = None
    card_name: str | None = None
    masked_pan: str | None = None
    date_mmdd: str | None = None
    time_hhmmss: str | None = None
    aid: str | None = None
    additional_text: str | None = None
    incomplete: bool = False


@dataclass(frozen=True)
class PrintLine:
    attribute: int
    text: str

    @property
    def last(self) -> bool:
        return bool(self.attribute & PRINT_LAST_LINE)


@dataclass(frozen=True)
class PrintTextBlock:
    lines: tuple[str, ...]
    receipt_type: int | None = None


@dataclass(frozen=True)
class Completion:
    terminal_id: str | None = None


@dataclass(frozen=True)
class TerminalAbort:
    """06 1E: the terminal ended the command without success."""

    result_code: int


@dataclass(frozen=True)
class OtherMessage:
    """A message posdesk does not act on; it is acknowledged and otherwise ignored."""

    command: tuple[int, int]


TerminalMessage = (PositiveAck | NegativeAck | IntermediateStatus | StatusInformation | PrintLine
                   | PrintTextBlock | Completion | TerminalAbort | OtherMessage)


def decode_message(apdu: Apdu) -> TerminalMessage:
    """Decode a terminal's APDU; raise `MalformedApdu` if its fixed part is broken."""
    if apdu.cls == CLS_ACK:
        return PositiveAck()
    if apdu.cls == CLS_NACK:
        return NegativeAck(apdu.instr)
    decoder = _DECODERS.get(apdu.command)
    return decoder(apdu.data) if decoder else OtherMessage(apdu.command)


def _intermediate_status(data: bytes) -> IntermediateStatus:
    if not data:
        raise MalformedApdu("intermediate status without a status byte")
    timeout = data[1] if len(data) > 1 else None
    lines: tuple[str, ...] = ()
    if len(data) > 2:
        parsed = B.parse_bmps(data[2:])
        if B.BMP_TLV in parsed.fields:
            container = parse_tlv(parsed.fields[B.BMP_TLV])
            lines = _masked_lines(text_lines(container, TAG_DISPLAY_TEXTS, TEXT_ENCODING))
    return IntermediateStatus(data[0], timeout, lines)


def _text(raw: bytes) -> str:
    return raw.split(b"\x00", 1)[0].decode(TEXT_ENCODING, "replace").strip()


def _masked_lines(lines: list[str]) -> tuple[str, ...]:
    return tuple(mask_card_numbers(line) for line in lines)


def mask_pan(nibbles: str) -> str:
    """Keep the last four digits of a PAN (given as digits, with '*' for masked ones)."""
    visible = nibbles[-PAN_VISIBLE_DIGITS:]
    return "*" * (len(nibbles) - len(visible)) + "".join(
        c if c.isdigit() else "*" for c in visible)


def _pan(raw: bytes) -> str:
    nibbles = raw.hex().upper().rstrip("F")  # F pads an odd digit count
    return mask_pan("".join(c if c.isdigit() else "*" for c in nibbles))


def _status_information(data: bytes) -> StatusInformation:
    parsed = B.parse_bmps(data)
    f = parsed.fields

    def number(tag: int) -> int | None:
        return bcd_int(f[tag]) if tag in f else None

    def byte(tag: int) -> int | None:
        return f[tag][0] if tag in f else None

    return StatusInformation(
        result_code=byte(B.BMP_RESULT_CODE),
        amount_minor=number(B.BMP_AMOUNT),
        currency_numeric=number(B.BMP_CURRENCY),
        trace_no=number(B.BMP_TRACE),
        receipt_no=number(B.BMP_RECEIPT_NO),
        turnover_no=number(B.BMP_TURNOVER_NO),
        terminal_id=bcd_decode(f[B.BMP_TERMINAL_ID]) if B.BMP_TERMINAL_ID in f else None,
        card_type=byte(B.BMP_CARD_TYPE),
        card_name=_text(f[B.BMP_CARD_NAME]) if B.BMP_CARD_NAME in f else None,
        masked_pan=_pan(f[B.BMP_PAN]) if B.BMP_PAN in f else None,
        date_mmdd=bcd_decode(f[B.BMP_DATE]) if B.BMP_DATE in f else None,
        time_hhmmss=bcd_decode(f[B.BMP_TIME]) if B.BMP_TIME in f else None,
        aid=_text(f[B.BMP_AID]) if B.BMP_AID in f else None,
        additional_text=mask_card_numbers(_text(f[B.BMP_ADDITIONAL_TEXT])) if B.BMP_ADDITIONAL_TEXT in f else None,
        incomplete=parsed.stopped_at is not None,
    )


def _print_line(data: bytes) -> PrintLine:
    if not data:
        raise MalformedApdu("print line without an attribute byte")
    text = data[1:]
    # Newer terminals append a TLV container (06 ...) after the text; it is not text.
    tlv_at = text.find(bytes((B.BMP_TLV,)))
    if tlv_at >= 0:
        text = text[:tlv_at]
    return PrintLine(data[0], mask_card_numbers(text.decode(TEXT_ENCODING, "replace").rstrip()))


def _print_text_block(data: bytes) -> PrintTextBlock:
    parsed = B.parse_bmps(data)
    if B.BMP_TLV not in parsed.fields:
        raise MalformedApdu("print text block without a TLV container")
    container = parse_tlv(parsed.fields[B.BMP_TLV])
    receipt_type = next((t.value[0] for item in container
                         for t in ([item] if item.tag == TAG_RECEIPT_TYPE else item.find(TAG_RECEIPT_TYPE))
                         if t.value), None)
    return PrintTextBlock(_masked_lines(text_lines(container, TAG_PRINT_TEXTS, TEXT_ENCODING)), receipt_type)


def _completion(data: bytes) -> Completion:
    parsed = B.parse_bmps(data)
    tid = parsed.fields.get(B.BMP_TERMINAL_ID)
    return Completion(bcd_decode(tid) if tid else None)


def _abort(data: bytes) -> TerminalAbort:
    if not data:
        raise MalformedApdu("terminal abort without a result code")
    return TerminalAbort(data[0])


_DECODERS = {
    MSG_INTERMEDIATE_STATUS: _intermediate_status,
    MSG_STATUS_INFORMATION: _status_information,
    MSG_PRINT_LINE: _print_line,
    MSG_PRINT_TEXT_BLOCK: _print_text_block,
    MSG_COMPLETION: _completion,
    MSG_ABORT: _abort,
}


# -- terminal message builders (the simulator's side) ------------------------------------
def intermediate_status_apdu(code: int, timeout_s: int = 0, display: tuple[str, ...] = ()) -> Apdu:
    data = bytes((code, timeout_s))
    if display:
        lines = b"".join(encode_tlv(TAG_TEXT_LINE, line.encode(TEXT_ENCODING)) for line in display)
        data += B.encode_bmp(B.BMP_TLV, encode_tlv(TAG_DISPLAY_TEXTS, lines))
    return Apdu(*MSG_INTERMEDIATE_STATUS, data)


def status_information_apdu(*, result_code: int, amount_minor: int | None = None,
                            currency_numeric: int | None = None, trace_no: int | None = None,
                            receipt_no: int | None = None, terminal_id: str | None = None,
                            card_type: int | None = None, card_name: str | None = None,
                            pan_nibbles: str | None = None, date_mmdd: str | None = None,
                            time_hhmmss: str | None = None) -> Apdu:
    """04 0F with the given fields; `pan_nibbles` uses 'E' for digits the terminal masks."""
    parts = [B.encode_bmp(B.BMP_RESULT_CODE, bytes((result_code,)))]
    if amount_minor is not None:
        parts.append(_amount(amount_minor))
    if currency_numeric is not None:
        parts.append(B.encode_bmp(B.BMP_CURRENCY, bcd_encode(str(currency_numeric), 2)))
    if trace_no is not None:
        parts.append(B.encode_bmp(B.BMP_TRACE, bcd_encode(str(trace_no), 3)))
    if time_hhmmss is not None:
        parts.append(B.encode_bmp(B.BMP_TIME, bcd_encode(time_hhmmss, 3)))
    if date_mmdd is not None:
        parts.append(B.encode_bmp(B.BMP_DATE, bcd_encode(date_mmdd, 2)))
    if pan_nibbles is not None:
        padded = pan_nibbles + ("F" if len(pan_nibbles) % 2 else "")
        parts.append(B.encode_bmp(B.BMP_PAN, bytes.fromhex(padded)))
    if terminal_id is not None:
        parts.append(B.encode_bmp(B.BMP_TERMINAL_ID, bcd_encode(terminal_id, 4)))
    if receipt_no is not None:
        parts.append(B.encode_bmp(B.BMP_RECEIPT_NO, bcd_encode(str(receipt_no), 2)))
    if card_type is not None:
        parts.append(B.encode_bmp(B.BMP_CARD_TYPE, bytes((card_type,))))
    if card_name is not None:
        parts.append(B.encode_bmp(B.BMP_CARD_NAME, card_name.encode(TEXT_ENCODING) + b"\x00"))
    return Apdu(*MSG_STATUS_INFORMATION, b"".join(parts))


def print_line_apdu(text: str, *, last: bool = False) -> Apdu:
    return Apdu(*MSG_PRINT_LINE, bytes((PRINT_LAST_LINE if last else 0,)) + text.encode(TEXT_ENCODING))


def print_text_block_apdu(lines: tuple[str, ...], receipt_type: int) -> Apdu:
    body = b"".join(encode_tlv(TAG_TEXT_LINE, line.encode(TEXT_ENCODING)) for line in lines)
    container = encode_tlv(TAG_PRINT_TEXTS, body) + encode_tlv(TAG_RECEIPT_TYPE, bytes((receipt_type,)))
    return Apdu(*MSG_PRINT_TEXT_BLOCK, B.encode_bmp(B.BMP_TLV, container))


def completion_apdu(terminal_id: str | None = None) -> Apdu:
    data = B.encode_bmp(B.BMP_TERMINAL_ID, bcd_encode(terminal_id, 4)) if terminal_id else b""
    return Apdu(*MSG_COMPLETION, data)


def terminal_abort_apdu(result_code: int) -> Apdu:
    return Apdu(*MSG_ABORT, bytes((result_code,)))


def negative_ack_apdu(code: int) -> Apdu:
    return Apdu(CLS_NACK, code)
