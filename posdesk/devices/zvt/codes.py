"""What ZVT's numeric codes mean: result codes (BMP 27, Abort 06 1E) and intermediate
status codes (04 FF), as translatable texts for the cashier's screen.

Values from the ZVT spec's tables "Error-messages" and "Intermediate status"; unknown
codes get a generic text that still shows the number, so support can look it up.
"""
from __future__ import annotations

from functools import cache

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text

#: Result code of a successful command.
RESULT_OK = 0x00
#: Aborted by timeout or the abort key (also the answer to the ECR's Abort 06 B0).
RESULT_ABORTED = 0x6C
#: Function deactivated: the terminal takes no such command from an unregistered ECR.
RESULT_NOT_REGISTERED = 0x6B
#: Function not possible: the generic refusal, also for a wrong password.
RESULT_NOT_POSSIBLE = 0x83
#: ZVT protocol error: a message the terminal could not parse.
RESULT_PROTOCOL_ERROR = 0x9A
#: System error; details, if any, in TLV tags 1F16/1F17.
RESULT_SYSTEM_ERROR = 0xFF


@cache
def _result_texts() -> dict[int, Text]:
    return {
        0x00: QT_TRANSLATE_NOOP("ZvtResult", "Approved"),
        0x64: QT_TRANSLATE_NOOP("ZvtResult", "Card not readable"),
        0x65: QT_TRANSLATE_NOOP("ZvtResult", "Card data not present"),
        0x66: QT_TRANSLATE_NOOP("ZvtResult", "Processing error"),
        0x67: QT_TRANSLATE_NOOP("ZvtResult", "Function not permitted for debit cards"),
        0x68: QT_TRANSLATE_NOOP("ZvtResult", "Function not permitted for credit cards"),
        0x6A: QT_TRANSLATE_NOOP("ZvtResult", "Turnover file full"),
        0x6B: QT_TRANSLATE_NOOP("ZvtResult", "Function deactivated (terminal not registered)"),
        0x6C: QT_TRANSLATE_NOOP("ZvtResult", "Aborted"),
        0x6E: QT_TRANSLATE_NOOP("ZvtResult", "Card blocked"),
        0x6F: QT_TRANSLATE_NOOP("ZvtResult", "Wrong currency"),
        0x71: QT_TRANSLATE_NOOP("ZvtResult", "Insufficient funds"),
        0x72: QT_TRANSLATE_NOOP("ZvtResult", "Chip error"),
        0x73: QT_TRANSLATE_NOOP("ZvtResult", "Card data incorrect"),
        0x77: QT_TRANSLATE_NOOP("ZvtResult", "End-of-day not possible"),
        0x78: QT_TRANSLATE_NOOP("ZvtResult", "Card expired"),
        0x79: QT_TRANSLATE_NOOP("ZvtResult", "Card not yet valid"),
        0x7A: QT_TRANSLATE_NOOP("ZvtResult", "Card unknown"),
        0x7D: QT_TRANSLATE_NOOP("ZvtResult", "Communication error"),
        0x83: QT_TRANSLATE_NOOP("ZvtResult", "Function not possible"),
        0x85: QT_TRANSLATE_NOOP("ZvtResult", "Key missing"),
        0x89: QT_TRANSLATE_NOOP("ZvtResult", "PIN pad defective"),
        0x9A: QT_TRANSLATE_NOOP("ZvtResult", "Protocol error"),
        0x9B: QT_TRANSLATE_NOOP("ZvtResult", "Error from dial-up or communication fault"),
        0x9C: QT_TRANSLATE_NOOP("ZvtResult", "Please wait"),
        0xA0: QT_TRANSLATE_NOOP("ZvtResult", "Receiver not ready"),
        0xA1: QT_TRANSLATE_NOOP("ZvtResult", "Remote station does not respond"),
        0xA3: QT_TRANSLATE_NOOP("ZvtResult", "No connection"),
        0xB1: QT_TRANSLATE_NOOP("ZvtResult", "Memory full"),
        0xB2: QT_TRANSLATE_NOOP("ZvtResult", "Merchant journal full"),
        0xB4: QT_TRANSLATE_NOOP("ZvtResult", "Already reversed"),
        0xB5: QT_TRANSLATE_NOOP("ZvtResult", "Reversal not possible"),
        0xB7: QT_TRANSLATE_NOOP("ZvtResult", "Amount wrong"),
        0xC2: QT_TRANSLATE_NOOP("ZvtResult", "Diagnosis required"),
        0xC3: QT_TRANSLATE_NOOP("ZvtResult", "Maximum amount exceeded"),
        0xC5: QT_TRANSLATE_NOOP("ZvtResult", "Payment method not supported"),
        0xC6: QT_TRANSLATE_NOOP("ZvtResult", "Currency not applicable"),
        0xC8: QT_TRANSLATE_NOOP("ZvtResult", "Amount too small"),
        0xCC: QT_TRANSLATE_NOOP("ZvtResult", "Printer not ready"),
        0xDC: QT_TRANSLATE_NOOP("ZvtResult", "Card inserted"),
        0xE2: QT_TRANSLATE_NOOP("ZvtResult", "Card reader does not answer"),
        0xE4: QT_TRANSLATE_NOOP("ZvtResult", "Terminal activation required"),
        0xEC: QT_TRANSLATE_NOOP("ZvtResult", "PIN processing not possible"),
        0xF0: QT_TRANSLATE_NOOP("ZvtResult", "Open end-of-day batch present"),
        0xFC: QT_TRANSLATE_NOOP("ZvtResult", "Necessary device not present or defective"),
        0xFD: QT_TRANSLATE_NOOP("ZvtResult", "Baud rate not supported"),
        0xFE: QT_TRANSLATE_NOOP("ZvtResult", "Register unknown"),
        0xFF: QT_TRANSLATE_NOOP("ZvtResult", "System error"),
    }


@cache
def _status_texts() -> dict[int, Text]:
    return {
        0x00: QT_TRANSLATE_NOOP("ZvtStatus", "Waiting for amount confirmation"),
        0x01: QT_TRANSLATE_NOOP("ZvtStatus", "Please watch PIN pad"),
        0x02: QT_TRANSLATE_NOOP("ZvtStatus", "Please watch PIN pad"),
        0x03: QT_TRANSLATE_NOOP("ZvtStatus", "Not accepted"),
        0x04: QT_TRANSLATE_NOOP("ZvtStatus", "Waiting for the host"),
        0x05: QT_TRANSLATE_NOOP("ZvtStatus", "Sending auto-reversal"),
        0x06: QT_TRANSLATE_NOOP("ZvtStatus", "Sending post-bookings"),
        0x07: QT_TRANSLATE_NOOP("ZvtStatus", "Card not admitted"),
        0x08: QT_TRANSLATE_NOOP("ZvtStatus", "Card unknown"),
        0x09: QT_TRANSLATE_NOOP("ZvtStatus", "Expired card"),
        0x0A: QT_TRANSLATE_NOOP("ZvtStatus", "Insert card"),
        0x0B: QT_TRANSLATE_NOOP("ZvtStatus", "Please remove card"),
        0x0C: QT_TRANSLATE_NOOP("ZvtStatus", "Card not readable"),
        0x0D: QT_TRANSLATE_NOOP("ZvtStatus", "Processing error"),
        0x0E: QT_TRANSLATE_NOOP("ZvtStatus", "Please wait"),
        0x0F: QT_TRANSLATE_NOOP("ZvtStatus", "Starting automatic end-of-day"),
        0x10: QT_TRANSLATE_NOOP("ZvtStatus", "Invalid card"),
        0x12: QT_TRANSLATE_NOOP("ZvtStatus", "System malfunction"),
        0x13: QT_TRANSLATE_NOOP("ZvtStatus", "Payment not possible"),
        0x14: QT_TRANSLATE_NOOP("ZvtStatus", "Credit not sufficient"),
        0x15: QT_TRANSLATE_NOOP("ZvtStatus", "Incorrect PIN"),
        0x16: QT_TRANSLATE_NOOP("ZvtStatus", "Limit not sufficient"),
        0x17: QT_TRANSLATE_NOOP("ZvtStatus", "Please wait"),
        0x18: QT_TRANSLATE_NOOP("ZvtStatus", "PIN try limit exceeded"),
        0x19: QT_TRANSLATE_NOOP("ZvtStatus", "Card data incorrect"),
        0x1B: QT_TRANSLATE_NOOP("ZvtStatus", "Approved, please fill up"),
        0x1C: QT_TRANSLATE_NOOP("ZvtStatus", "Approved, please take goods"),
        0x1D: QT_TRANSLATE_NOOP("ZvtStatus", "Declined"),
        0x2C: QT_TRANSLATE_NOOP("ZvtStatus", "Application selection, please wait"),
        0x4B: QT_TRANSLATE_NOOP("ZvtStatus", "Please remove card"),
        0x68: QT_TRANSLATE_NOOP("ZvtStatus", "Card inserted"),
        0xC8: QT_TRANSLATE_NOOP("ZvtStatus", "Waiting for the cashier"),
        0xD2: QT_TRANSLATE_NOOP("ZvtStatus", "Connecting"),
        0xD3: QT_TRANSLATE_NOOP("ZvtStatus", "Connected"),
        0xE0: QT_TRANSLATE_NOOP("ZvtStatus", "Waiting for application selection"),
        0xF1: QT_TRANSLATE_NOOP("ZvtStatus", "Offline"),
        0xF2: QT_TRANSLATE_NOOP("ZvtStatus", "Online"),
        0xF3: QT_TRANSLATE_NOOP("ZvtStatus", "Offline transaction"),
    }


def result_text(code: int) -> Text:
    """The cashier-facing text of a result code."""
    text = _result_texts().get(code)
    return text if text is not None else \
        QT_TRANSLATE_NOOP("ZvtResult", "Terminal error {code}").format(code=f"{code:02X}")


def status_text(code: int) -> Text:
    """The cashier-facing text of an intermediate status code."""
    text = _status_texts().get(code)
    return text if text is not None else \
        QT_TRANSLATE_NOOP("ZvtStatus", "Terminal status {code}").format(code=f"{code:02X}")
