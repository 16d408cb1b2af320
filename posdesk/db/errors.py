"""Errors of the storage layer. Callers catch `StoreError`; each names the file, lane or row."""
from __future__ import annotations

import errno

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text


class StoreError(Exception):
    """Base of every storage failure. `text` is what a user may be shown."""

    text: Text = QT_TRANSLATE_NOOP("Storage", "The database could not complete the request.")

    def __init__(self, message: str, text: Text | None = None):
        if text is not None:
            self.text = text
        super().__init__(message)


class DatabaseUnavailable(StoreError):
    """The database file cannot be opened, created or migrated."""


class NotTheLanesDatabase(DatabaseUnavailable):
    """The database file is there but cannot be this lane's: empty, malformed, failing its
    integrity check, or holding another lane's sales. Nothing was written to it."""


class MigrationFailed(StoreError):
    """A numbered migration raised; nothing of it was applied."""


class ReceiptGap(StoreError):
    """A sale was committed with a receipt number other than the lane's next one."""

    def __init__(self, lane: str, expected: int, got: int):
        self.lane, self.expected, self.got = lane, expected, got
        super().__init__(f"lane {lane}: receipt number {got} given, {expected} expected")


class JournalConflict(StoreError):
    """A journal event with the same sequence number but other content is already stored."""


class UnknownSale(StoreError):
    def __init__(self, sale_id: str):
        self.sale_id = sale_id
        super().__init__(f"no sale {sale_id}")


class UnknownUser(StoreError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"no user {name!r}",
                         QT_TRANSLATE_NOOP("Storage", "There is no user {name}.").format(name=name))


class DuplicateUser(StoreError):
    """A user name is taken, or (with PIN-only login) a PIN; never says whose PIN it is."""


class NameNeeded(StoreError):
    """A PIN came without a name while the lane logs in by name and PIN."""

    def __init__(self) -> None:
        super().__init__("a name is needed with the PIN (this lane logs in by name and PIN)",
                         QT_TRANSLATE_NOOP("Storage", "Choose your name first."))


class SharedPins(StoreError):
    """PIN-only login was asked for while two users share a PIN (whose is not said)."""

    def __init__(self) -> None:
        super().__init__("some users share a PIN: give them new PINs before PIN-only login")


class WrongPin(StoreError):
    """The PIN did not match. `tries_left` is None when no user could be named."""

    def __init__(self, tries_left: int | None):
        self.tries_left = tries_left
        text = (QT_TRANSLATE_NOOP("Storage", "Wrong PIN.") if tries_left is None else
                QT_TRANSLATE_NOOP("Storage", "Wrong PIN. {n} tries left.").format(n=tries_left))
        super().__init__(f"wrong PIN ({tries_left} tries left)", text)


class UserLocked(StoreError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"user {name} is locked after too many wrong PINs", QT_TRANSLATE_NOOP(
            "Storage", "{name} is locked. A manager must unlock the account.").format(name=name))


class PinLockedOut(StoreError):
    """Too many wrong PINs on this lane without a name: the next try must wait."""

    def __init__(self, lane: str, seconds: int):
        self.lane, self.seconds = lane, seconds
        super().__init__(f"lane {lane}: too many wrong PINs; try again in {seconds} s",
                         QT_TRANSLATE_NOOP("Storage", "Too many wrong PINs. Try again in "
                                           "{seconds} seconds.").format(seconds=seconds))


class NotAManager(StoreError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"{name} is not a manager", QT_TRANSLATE_NOOP(
            "Storage", "{name} may not approve this.").format(name=name))


class ShiftError(StoreError):
    """No open shift where one is needed, a second open shift, or a second Z report."""


class CatalogFileError(StoreError):
    """A catalog file that cannot be read at all (missing header column, not a CSV)."""


class BadPin(StoreError):
    """A new PIN that is not 4 to 12 digits."""

    def __init__(self) -> None:
        super().__init__("a PIN is 4 to 12 digits",
                         QT_TRANSLATE_NOOP("Storage", "A PIN has 4 to 12 digits."))


class DiskFull(StoreError):
    """The disk holding the database is full: nothing more can be written until space is
    freed. Writes are retried, so freeing space is enough to go on."""

    text = QT_TRANSLATE_NOOP("Storage", "The disk is full: free some space, then the sale is saved.")


#: SQLite's extended name of a full disk, and the OS error number for it.
_SQLITE_FULL = "SQLITE_FULL"
_ENOSPC = errno.ENOSPC


def _causes(error: BaseException) -> list[BaseException]:
    """`error` and everything it was raised from or during, innermost last."""
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def storage_error(error: BaseException) -> BaseException:
    """The failure a write really met. SQLite rolls a transaction back by itself when the
    disk fills, so the rollback that follows fails with `cannot rollback - no transaction is
    active` and hides the cause; that cause is found in the chain and named `DiskFull`."""
    if isinstance(error, DiskFull):
        return error
    for cause in _causes(error):
        full = (getattr(cause, "sqlite_errorname", None) == _SQLITE_FULL
                or "database or disk is full" in str(cause)
                or (isinstance(cause, OSError) and cause.errno == _ENOSPC))
        if full:
            disk_full = DiskFull(f"the disk is full ({cause})")
            disk_full.__cause__ = error
            return disk_full
    return error
