"""Users and their PINs: slow salted hashes, lockout after too many wrong tries.

A till PIN is short, so what protects it is the per-user scrypt cost (a stolen database
costs an attacker seconds per guess per user) and the lockout (a person at the counter gets
`Policy.max_pin_tries`). KDF parameters are stored per row so they can be raised later: a
user's hash is upgraded the next time they log in.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from posdesk.core.permissions import Permission, Policy, Role, allowed

from .errors import (BadPin, DuplicateUser, NameNeeded, NotAManager, SharedPins, UnknownUser, UserLocked,
                     WrongPin)
from .models import User, db

log = logging.getLogger(__name__)

#: Bytes of random salt per user.
SALT_BYTES: int = 16
#: Length of the derived key in bytes.
HASH_BYTES: int = 32


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost: n=2**14, r=8 takes about 35 ms and 16 MiB on the reference machine."""

    n: int = 2 ** 14
    r: int = 8
    p: int = 1


@dataclass(frozen=True)
class UserRecord:
    id: int
    name: str
    role: Role
    active: bool
    locked: bool
    failed_tries: int


def _record(row: User) -> UserRecord:
    return UserRecord(row.id, row.name, Role(row.role), row.active, row.locked, row.failed_tries)


def _derive(pin: str, salt: bytes, params: KdfParams) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=params.n, r=params.r, p=params.p,
                          maxmem=256 * params.n * params.r + (1 << 20), dklen=HASH_BYTES)


def _matches(row: User, pin: str) -> bool:
    params = KdfParams(row.kdf_n, row.kdf_r, row.kdf_p)
    derived = _derive(pin, bytes.fromhex(row.pin_salt), params)
    return hmac.compare_digest(derived, bytes.fromhex(row.pin_hash))


class UserStore:
    """Users of the store. `kdf` sets the cost for new and upgraded hashes.

    With `pin_only` a PIN alone says who is there, so PINs must be unique; otherwise (the
    default) everyone names themselves first, two people may share a PIN, and setting one
    never tells whether someone else has it.
    """

    def __init__(self, policy: Policy | None = None, kdf: KdfParams | None = None, *,
                 pin_only: bool = False):
        self.policy = policy or Policy()
        self.kdf = kdf or KdfParams()
        self.pin_only = pin_only

    def add(self, name: str, role: Role, pin: str) -> UserRecord:
        """Create a user. Raises `DuplicateUser` if the name is taken, or with `pin_only`
        the PIN (without saying whose it is)."""
        _check_pin_format(pin)
        with db.atomic():
            if User.select().where(User.name == name).exists():
                raise DuplicateUser(f"user {name!r} exists")
            shared = self._share_check(pin, exclude=None)
            row = User.create(name=name, role=role.value, created_utc=datetime.now(timezone.utc),
                              pin_shared=shared, **self._hash_fields(pin))
        log.info("user %s added as %s", name, role.value)
        return _record(row)

    def require_unique_pins(self) -> None:
        """Raise `SharedPins` if PIN-only login could not tell two users apart."""
        if User.select().where(User.active == True, User.pin_shared == True).exists():  # noqa: E712
            raise SharedPins()

    def list(self) -> list[UserRecord]:
        return [_record(r) for r in User.select().order_by(User.name)]

    def get(self, name: str) -> UserRecord:
        return _record(self._row(name))

    def check_pin(self, name: str | None, pin: str) -> UserRecord:
        """The user `name` (or, with None, whoever's PIN this is) if the PIN is right.

        Raises `WrongPin(tries_left)`, or `UserLocked` once `policy.max_pin_tries` wrong
        PINs in a row were entered for a named user (or the user was already locked).
        """
        if name is None:
            if not self.pin_only:
                raise NameNeeded()
            row = self._holder_of(pin)
            if row is None:
                log.warning("login with an unknown PIN")
                raise WrongPin(None)
        else:
            row = self._row(name)
            if not row.active:
                raise UnknownUser(name)
            if not row.locked and not _matches(row, pin):
                self._count_failure(row)
        if row.locked:
            raise UserLocked(row.name)
        self._on_success(row, pin)
        return _record(User.get_by_id(row.id))

    def find_manager(self, pin: str, permission: Permission = Permission.VOID_SALE) -> UserRecord:
        """The manager (or admin) whose PIN this is, for an approval at the counter."""
        user = self.check_pin(None, pin)
        if not allowed(user.role, permission):
            raise NotAManager(user.name)
        return user

    def unlock(self, name: str, by: UserRecord) -> None:
        if not allowed(by.role, Permission.VOID_SALE):
            raise NotAManager(by.name)
        User.update(locked=False, failed_tries=0).where(User.name == name).execute()
        log.info("user %s unlocked by %s", name, by.name)

    def set_pin(self, name: str, pin: str) -> None:
        _check_pin_format(pin)
        row = self._row(name)
        with db.atomic():
            shared = self._share_check(pin, exclude=row.id)
            User.update(**self._hash_fields(pin), failed_tries=0, pin_shared=shared).where(
                User.id == row.id).execute()

    def deactivate(self, name: str) -> None:
        User.update(active=False).where(User.name == self._row(name).name).execute()

    # -- internals -------------------------------------------------------------------------
    def _row(self, name: str) -> User:
        row = User.get_or_none(User.name == name)
        if row is None:
            raise UnknownUser(name)
        return row

    def _holder_of(self, pin: str) -> User | None:
        holders = self._holders_of(pin)
        return holders[0] if holders else None

    def _holders_of(self, pin: str) -> list[User]:
        # One scrypt per active user, always all of them: the time taken must not tell
        # whose PIN (or how early in the list) matched. Fine for one store's handful.
        return [row for row in User.select().where(User.active == True)  # noqa: E712 - SQL
                if _matches(row, pin)]

    def _share_check(self, pin: str, exclude: int | None) -> bool:
        """Whether another active user has `pin`; marks them as sharing it. With `pin_only`
        a shared PIN is refused, in words that name nobody."""
        others = [row.id for row in self._holders_of(pin) if row.id != exclude]
        if others and self.pin_only:
            raise DuplicateUser("this PIN cannot be used: choose another one")
        if others:
            User.update(pin_shared=True).where(User.id.in_(others)).execute()
        return bool(others)

    def _hash_fields(self, pin: str) -> dict[str, object]:
        salt = os.urandom(SALT_BYTES)
        return {"pin_hash": _derive(pin, salt, self.kdf).hex(), "pin_salt": salt.hex(),
                "kdf": "scrypt", "kdf_n": self.kdf.n, "kdf_r": self.kdf.r, "kdf_p": self.kdf.p}

    def _count_failure(self, row: User) -> None:
        tries = row.failed_tries + 1
        locked = tries >= self.policy.max_pin_tries
        User.update(failed_tries=tries, locked=locked).where(User.id == row.id).execute()
        if locked:
            log.warning("user %s locked after %d wrong PINs", row.name, tries)
            raise UserLocked(row.name)
        raise WrongPin(self.policy.max_pin_tries - tries)

    def _on_success(self, row: User, pin: str) -> None:
        changes: dict[str, object] = {}
        if row.failed_tries:
            changes["failed_tries"] = 0
        if (row.kdf_n, row.kdf_r, row.kdf_p) != (self.kdf.n, self.kdf.r, self.kdf.p):
            changes.update(self._hash_fields(pin))  # raise the cost now that we know the PIN
        if changes:
            User.update(**changes).where(User.id == row.id).execute()


def _check_pin_format(pin: str) -> None:
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise BadPin()
