"""Before a clip is opened for someone: is it the clip its sale's signed manifest names?

A swapped or replaced file decrypts fine (it was sealed by the same lane to the same
manager), so decryption alone cannot tell sale 4's video from sale 3's. The manifest can:
it is signed, names the sale, and holds the sealed file's size and SHA-256.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Mapping

from .errors import EvidenceError, UnsafePath
from .files import sha256_file
from .layout import ClipLayout
from .manifest import MANIFEST_TYPE, Entry
from .signing import check_signature
from .verify import clip_owners

log = logging.getLogger(__name__)


class ClipMismatch(EvidenceError):
    """The clip on disk is not the one the sale's signed manifest names."""


class ClipCutShort(ClipMismatch):
    """The clip on disk is shorter than signed: cut off (a crash, a bad copy) or replaced.

    `path` is the clip, for a caller that was asked to hand out what of it authenticates.
    """

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def checked_clip(layout: ClipLayout, manifest_file: str, sale_id: str,
                 public_keys: Mapping[str, bytes]) -> Path:
    """The path of `sale_id`'s sealed clip, once it matches its signed manifest.

    Raises `ClipMismatch` saying what does not match.
    """
    try:
        raw = layout.resolve(manifest_file).read_bytes()
        entry = Entry.parse(raw)
    except (OSError, ValueError, UnsafePath) as e:
        raise ClipMismatch(f"the manifest of sale {sale_id} cannot be read: {e}") from e
    why = check_signature(entry.body, public_keys)
    if why is not None:
        raise ClipMismatch(f"the manifest of sale {sale_id} is not trustworthy: {why}")
    if entry.kind != MANIFEST_TYPE or entry.sale_id != sale_id:
        raise ClipMismatch(f"{manifest_file} is the manifest of sale {entry.sale_id}, "
                           f"not of sale {sale_id}")
    clip = entry.clip
    if clip is None:
        raise ClipMismatch(f"sale {sale_id} has no clip in its signed manifest")
    try:
        path = layout.resolve(clip["file"])
        size, sha = sha256_file(path)
    except (OSError, UnsafePath) as e:
        raise ClipMismatch(f"the clip of sale {sale_id} cannot be read: {e}") from e
    owner = clip_owners(layout.chain_log(entry.body["lane"])).get(sha, sale_id) \
        if sha != clip["sha256"] else sale_id
    if owner != sale_id:
        raise ClipMismatch(f"{clip['file']} holds the clip signed for sale {owner}, "
                           f"not the one signed for sale {sale_id} (swapped)")
    if size < clip["size"]:
        raise ClipCutShort(f"{clip['file']} is {size} bytes, shorter than the {clip['size']} "
                           f"signed for sale {sale_id} (cut short, or replaced)", path)
    if (size, sha) != (clip["size"], clip["sha256"]):
        raise ClipMismatch(f"{clip['file']} is not the clip signed for sale {sale_id} "
                           f"(size {size}, signed {clip['size']}; SHA-256 differs)")
    return path
