"""What each setting may mean: the checks `Config` runs on `config set` and on load.

A setting of the right type can still be nonsense (`store.currency XYZ`, `recording.fps 0`,
`recording.retention_days -1`) and would then fail much later — every command with a
traceback, a recorder that dies at each start, or a purge that deletes all evidence. Each
rule answers None for a good value or one line saying what is wrong with it.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Callable, Sequence

from posdesk.core.money import CURRENCIES
from posdesk.core.retention import MAX_KEEP_DAYS, RetentionClass
from posdesk.core.tax import PRESETS, TaxMode
from posdesk.devices.escpos import PROFILES
from posdesk.recording.evidence.purge_safety import MIN_KEEP

#: A setting's value as read from the file or typed (any TOML value) -> what is wrong with it.
Rule = Callable[[object], "str | None"]

#: How the lane asks who is there: pick a name then type the PIN, or a (unique) PIN alone.
LOGIN_MODES = ("name_and_pin", "pin_only")
#: Recording policies `recording_policy.RecordingPolicy` knows.
RECORDING_MODES = ("automatic", "manual", "rules")
#: Events the "rules" policy can fire on.
RULE_EVENTS = ("refund", "void", "override", "card")
#: Serial speeds the card terminals and printers we support offer.
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
#: Payment protocols a terminal can speak.
TERMINAL_PROTOCOLS = ("zvt",)
#: Ports pyserial opens: a device path, a Windows COM port, or a URL (socket://, loop://...).
_PORT = re.compile(r"^(|/\S+|COM\d+|\\\\\.\\COM\d+|[a-z][a-z0-9+]*://\S*)$", re.IGNORECASE)
#: Lane ids end up in file names and on receipts: letters, digits, dash and underscore.
_LANE_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_LOCALE = re.compile(r"^(|[a-z]{2,3}(_[A-Z]{2})?)$")


def one_of(choices: Sequence[object]) -> Rule:
    shown = ", ".join(str(c) for c in choices)
    return lambda v: None if v in choices else f"{v!r} is not one of {shown}"


def number(low: float, high: float, *, even: bool = False) -> Rule:
    def rule(v: object) -> str | None:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return f"{v!r} is not a number"
        if not low <= v <= high:
            return f"{v:g} is outside {low:g}..{high:g}"
        if even and v % 2:
            return f"{v} is odd (the video encoder needs an even size)"
        return None
    return rule


def decimal(low: Decimal, high: Decimal | None = None, *, empty: bool = False) -> Rule:
    def rule(v: object) -> str | None:
        if empty and str(v) == "":
            return None
        try:
            d = Decimal(str(v))
        except InvalidOperation:
            return f"{v!r} is not a number"
        if not d.is_finite() or d < low:
            return f"{v!r} is below {low}"
        if high is not None and d > high:
            return f"{v!r} is above {high}"
        return None
    return rule


def pattern(regex: re.Pattern[str], what: str) -> Rule:
    return lambda v: None if regex.match(str(v)) else f"{v!r} is not {what}"


def comma_list(choices: tuple[str, ...]) -> Rule:
    def rule(v: object) -> str | None:
        unknown = [p for p in str(v).split(",") if p and p not in choices]
        return f"{', '.join(unknown)} not among {', '.join(choices)}" if unknown else None
    return rule


def audio(v: object) -> str | None:
    if v in ("auto", "off", "synthetic", "microphone") or str(v).startswith("microphone:"):
        return None
    return f"{v!r} is not auto, off, synthetic, microphone or microphone:<device>"


def retention_days(v: object) -> str | None:
    if isinstance(v, bool) or not isinstance(v, int) or v < MIN_KEEP.days:
        return f"{v!r} is too short: clips are kept at least {MIN_KEEP.days} day"
    return None


def class_keep_days(v: object) -> str | None:
    if isinstance(v, bool) or not isinstance(v, int) or not MIN_KEEP.days <= v <= MAX_KEEP_DAYS:
        return f"{v!r} is not between {MIN_KEEP.days} and {MAX_KEEP_DAYS} days (ten years)"
    return None


_port = pattern(_PORT, "a serial port (/dev/ttyUSB0, COM3, socket://host:port, ...)")
_baud = one_of(BAUDRATES)

#: The rule of each setting that has one; the others need only the type of their default.
RULES: dict[str, Rule] = {
    "store.currency": one_of(sorted(CURRENCIES)),
    "store.tax_mode": one_of([m.value for m in TaxMode]),
    "store.tax_preset": one_of(sorted(PRESETS)),
    "lane.id": pattern(_LANE_ID, "1-32 letters, digits, '-' or '_'"),
    "ui.locale": pattern(_LOCALE, "a locale such as zh_CN or en (or empty)"),
    "ui.login": one_of(LOGIN_MODES),
    "policy.discount_threshold_percent": decimal(Decimal(0), Decimal(100)),
    "devices.terminal.port": _port,
    "devices.terminal.baudrate": _baud,
    "devices.terminal.password": pattern(re.compile(r"^\d{6}$"), "six digits"),
    "devices.terminal.protocol": one_of(TERMINAL_PROTOCOLS),
    "devices.printer.port": _port,
    "devices.printer.baudrate": _baud,
    "devices.printer.profile": one_of(sorted(PROFILES)),
    "devices.scanner.port": _port,
    "devices.scanner.baudrate": _baud,
    "recording.mode": one_of(RECORDING_MODES),
    "recording.audio": audio,
    "recording.width": number(16, 7680, even=True),
    "recording.height": number(16, 4320, even=True),
    "recording.fps": number(1, 120),
    "recording.preroll_s": number(0, 60),
    "recording.postroll_s": number(0, 60),
    "recording.retention_days": retention_days,
    **{f"recording.retention.{cls.value}_days": class_keep_days
       for cls in RetentionClass if cls is not RetentionClass.ORDINARY},
    "recording.disk_warn_mb": number(0, 10**9),
    "recording.disk_full_mb": number(0, 10**9),
    "recording.rules.threshold": decimal(Decimal(0), empty=True),
    "recording.rules.events": comma_list(RULE_EVENTS),
}

#: Settings whose default is an int but which may be written with a fraction in the file.
_FRACTIONAL = {"recording.fps", "recording.preroll_s", "recording.postroll_s"}


def problem(key: str, value: object, default: object) -> str | None:
    """What is wrong with `value` for setting `key` (whose default is `default`), or None."""
    fraction_allowed = key in _FRACTIONAL and isinstance(value, float)
    if type(value) is not type(default) and not fraction_allowed:
        return f"expects a {type(default).__name__}, not {value!r}"
    rule = RULES.get(key)
    return rule(value) if rule is not None else None
