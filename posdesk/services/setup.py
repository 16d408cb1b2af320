"""Setting up a lane: what the first-run wizard asks, checked and saved in one place.

A data directory without `posdesk.toml` has not been set up: the window opens the wizard
instead of the login screen. The wizard's answers are applied in two steps — the manager
and the keys first (they must exist before anything is recorded), the configuration last,
so a wizard cancelled half-way leaves no configuration and runs again next time.
Revisiting the wizard later shows the saved values and never replaces existing keys.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.permissions import Role
from posdesk.core.money import currency

from posdesk.db.users import UserStore
from posdesk.db.writer import DbWriter
from posdesk.recording.keys import KeyStore

from .config import Config

log = logging.getLogger(__name__)

#: The file whose presence means "this lane is set up".
CONFIG_FILE = "posdesk.toml"
#: Currencies the wizard offers (any ISO code can be set with `posdesk config set`).
CURRENCIES: tuple[str, ...] = ("EUR", "CNY", "CHF", "GBP", "USD", "HKD", "JPY")
#: A manager passphrase protects every recording: no shorter than `posdesk keys init` allows.
MIN_PASSPHRASE = 8
#: How long adding the manager may wait for the database's writer.
WRITER_TIMEOUT_S = 30.0


class SetupError(Exception):
    """An answer that cannot be used; the message says which and why."""

    def __init__(self, text: Text):
        super().__init__(str(text))
        self.text = text


@dataclass
class SetupAnswers:
    locale: str = ""
    store_name: str = ""
    lane_id: str = "L1"
    currency: str = "EUR"
    tax_mode: str = "inclusive"
    camera: str = ""
    camera2: str = ""
    audio: str = "auto"
    terminal_port: str = ""
    terminal_baudrate: int = 9600
    terminal_password: str = "000000"
    printer_port: str = ""
    printer_baudrate: int = 9600
    printer_profile: str = "generic-80"
    retention_days: int = 90

    #: Config key of each answer.
    KEYS = {"locale": "ui.locale", "store_name": "store.name", "lane_id": "lane.id",
            "currency": "store.currency", "tax_mode": "store.tax_mode", "camera": "recording.camera",
            "camera2": "recording.camera2", "audio": "recording.audio",
            "terminal_port": "devices.terminal.port", "terminal_baudrate": "devices.terminal.baudrate",
            "terminal_password": "devices.terminal.password",
            "printer_port": "devices.printer.port", "printer_baudrate": "devices.printer.baudrate",
            "printer_profile": "devices.printer.profile", "retention_days": "recording.retention_days"}

    @classmethod
    def from_config(cls, config: Config) -> SetupAnswers:
        return cls(**{name: config.get(key) for name, key in cls.KEYS.items()})


@dataclass(frozen=True)
class KeysMade:
    lane_key_id: str
    manager_recipient: str
    #: What the manager compares on the recovery sheet and when a lane is endorsed.
    fingerprint: str
    #: False when the lane already had its keys (a revisit): nothing was replaced.
    new: bool


def needs_setup(data_dir: Path) -> bool:
    return not (data_dir / CONFIG_FILE).exists()


def fingerprint(recipient: str) -> str:
    """Twenty hex digits of SHA-256 of the manager's public key, in groups of four."""
    digest = hashlib.sha256(recipient.encode("ascii")).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def check_manager(name: str, pin: str, pin_again: str, passphrase: str, passphrase_again: str) -> None:
    """Raise `SetupError` naming the first answer that cannot be used."""
    if not name.strip():
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "Type the manager's name."))
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "The PIN has 4 to 8 digits."))
    if pin != pin_again:
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "The two PINs differ."))
    if len(passphrase) < MIN_PASSPHRASE:
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "The passphrase needs at least {n} characters.")
                         .format(n=MIN_PASSPHRASE))
    if passphrase != passphrase_again:
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "The two passphrases differ."))


def make_manager_and_keys(users: UserStore, keys: KeyStore, writer: DbWriter, *, name: str, pin: str,
                          passphrase: str) -> KeysMade:
    """Add the manager `name` (none when empty, as on a revisit) through the database's
    writer, then create the lane signing key and the manager key sealed with `passphrase`
    unless the lane has keys. Slow (scrypt): call it from a worker thread."""
    if name:
        _add_manager(users, writer, name, pin)
    new = not keys.is_set_up()
    if new:
        keys.set_up(passphrase)
    recipient = str(keys.manager_recipient())
    log.info("setup: manager %s, lane key %s%s", name or "-", keys.key_id, "" if new else " (kept)")
    return KeysMade(keys.key_id, recipient, fingerprint(recipient), new)


def _add_manager(users: UserStore, writer: DbWriter, name: str, pin: str) -> None:
    added = threading.Event()
    outcome: dict[str, BaseException | None] = {}

    def done(_result: object, error: BaseException | None) -> None:
        outcome["error"] = error
        added.set()
    writer.submit(lambda: users.add(name, Role.MANAGER, pin), done)
    if not added.wait(WRITER_TIMEOUT_S):
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "The database did not answer; the manager was not added."))
    if outcome["error"] is not None:
        raise SetupError(QT_TRANSLATE_NOOP("Setup", "The manager cannot be added: {error}").format(
            error=str(outcome["error"])))


def save_answers(config: Config, answers: SetupAnswers) -> None:
    """Write the answers into the lane's configuration (last step of the wizard)."""
    currency(answers.currency)  # an unknown code fails here, before anything is saved
    for name, key in SetupAnswers.KEYS.items():
        config.set(key, str(getattr(answers, name)))
    config.save()


def recovery_rows(answers: SetupAnswers, made: KeysMade, labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The recovery sheet: what a manager needs to prove which key seals this lane's clips.
    Never the passphrase or any private key."""
    return ((labels["store"], answers.store_name), (labels["lane"], answers.lane_id),
            (labels["date"], datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
            (labels["fingerprint"], made.fingerprint), (labels["lane_key"], made.lane_key_id),
            (labels["recipient"], made.manager_recipient))
