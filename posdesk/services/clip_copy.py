"""A sale's clip, decrypted into a file on the command line: checked against its signed
manifest first, opened with the manager passphrase, and audited.

A clip cut short by a crash is not a whole age file; its prefix is authenticated, but
handing it out must be asked for (`allow_partial`), so nobody takes it for the whole sale.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from posdesk.db.recordings import RecordingStore
from posdesk.recording.age import decrypt_bytes
from posdesk.recording.errors import AgeError, TruncatedPayload, WrongPassphrase
from posdesk.recording.evidence.clip_check import ClipCutShort, ClipMismatch, checked_clip
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.private_files import write_private
from posdesk.recording.keys import KeyStore

from .audit_log import Audit
from .key_admin import COMMAND_LINE


class ClipRefused(Exception):
    """The clip is not handed out; the message says why in one line."""


@dataclass(frozen=True)
class ClipWritten:
    out: Path
    #: Bytes written of a clip cut short (its authenticated prefix); None for a whole clip.
    partial: int | None


@dataclass(frozen=True)
class ClipRequest:
    sale_id: str
    #: How the person named the sale (its id or receipt number), for the messages.
    named: str
    out: Path
    allow_partial: bool = False


class ClipCopy:
    def __init__(self, *, data_dir: Path, keys: KeyStore, recordings: RecordingStore, audit: Audit):
        self._data_dir = data_dir
        self._keys = keys
        self._recordings = recordings
        self._audit = audit

    def write(self, request: ClipRequest, passphrase: Callable[[], str]) -> ClipWritten:
        """Check, decrypt and write the clip; `passphrase` is asked only once the clip is
        known to be the one signed for the sale."""
        sealed = self._checked(request).read_bytes()
        try:
            identities = self._keys.unlock_manager_identities(passphrase())
        except WrongPassphrase as e:
            raise ClipRefused("wrong manager passphrase") from e
        named, partial = request.named, None
        try:
            plain = decrypt_bytes(sealed, identities)
        except TruncatedPayload as e:
            if not request.allow_partial:
                raise ClipRefused(f"clip of sale {named} is truncated (cut short by a crash); "
                                  "use --allow-partial to write its authenticated prefix") from e
            if not e.partial:
                raise ClipRefused(f"clip of sale {named} has no whole chunk to decrypt") from e
            plain, partial = e.partial, len(e.partial)
        except AgeError as e:
            raise ClipRefused(f"clip of sale {named} cannot be decrypted: {e}") from e
        write_private(request.out, plain)
        self._audit(COMMAND_LINE, "clip_decrypted", sale=request.sale_id, out=str(request.out),
                    partial=partial is not None)
        return ClipWritten(request.out, partial)

    def _checked(self, request: ClipRequest) -> Path:
        """The clip file, if it is the one signed for this sale (not swapped or replaced)."""
        info = self._recordings.get(request.sale_id)
        if info is None or not info.clip_path:
            raise ClipRefused(f"sale {request.named} has no clip")
        if not info.manifest_path:
            raise ClipRefused(f"sale {request.named} has no signed manifest to check its clip against")
        try:
            return checked_clip(ClipLayout(self._data_dir), info.manifest_path, request.sale_id,
                                self._keys.lane_public_keys())
        except ClipCutShort as e:
            if not request.allow_partial:
                raise ClipRefused(f"refused: {e}; --allow-partial writes its authenticated prefix") from e
            return e.path
        except ClipMismatch as e:
            raise ClipRefused(f"refused: {e}") from e
