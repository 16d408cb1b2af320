"""HOW-TO-VERIFY.txt: exact commands for an outsider with `sha256sum`, `openssl` and `age`.

Kept in English on purpose: it travels with the package to lawyers, insurers and courts,
and the commands are the same in every language.
"""
from __future__ import annotations

_HEAD = """\
HOW TO VERIFY THIS EVIDENCE PACKAGE
===================================

Everything here can be checked with standard tools alone: sha256sum (GNU coreutils),
openssl (3.0 or newer), age (age-encryption.org, 1.0 or newer) and any video player
(VLC, ffplay, mpv). posdesk itself is not needed.

What each sale's folder holds
-----------------------------
  clip.mp4.age           the sealed recording exactly as the lane wrote it (age v1)
  manifest.json          the lane's signed statement about the sale (clip size and SHA-256,
                         journal SHA-256, times, the previous chain entry's hash)
  manifest.signed.json   manifest.json without its "signature" member: the exact bytes signed
  manifest.sig           the raw 64-byte Ed25519 signature from manifest.json
  lane-key.pem           the lane's public key that made the signature (also in keys/)
  journal.signed.jsonl   the sale's journal in the canonical form the manifest hashed
  journal.json / .csv    the same journal, readable, with each event's second in the clip
  clip-decrypted.mp4     (only when asked for) a plain copy for any player, with who exported
                         it and when burnt into the picture; NOT evidence by itself
  SHA256SUMS             the hashes of clip.mp4.age and journal.signed.jsonl AS SIGNED in
                         manifest.json (copied from it: compare with the manifest yourself)

Beside them: keys/ (every public key the lane used, and lane-keys.json, in which each
key is endorsed by its predecessor), chain-<lane>.jsonl (the chain entries of these sales
and the entry before each), report.pdf (the report for people), export.json (who exported
what, when and why).

Steps, for each sale folder
---------------------------
1. The files are the ones the lane signed (prints "OK" for each):

     sha256sum -c SHA256SUMS

   and check that the two hashes in SHA256SUMS are the "sha256" values in manifest.json:

     grep -o '"sha256":"[0-9a-f]*"' manifest.json

2. The lane signed the manifest (prints "Signature Verified Successfully"):

     openssl pkeyutl -verify -pubin -inkey lane-key.pem -rawin \\
         -in manifest.signed.json -sigfile manifest.sig

   manifest.signed.json must equal manifest.json with the "signature" member removed.

3. The manifest belongs to the chain: in chain-<lane>.jsonl the manifest is one line, and
   its "prev" value is the SHA-256 of the line before it (without its newline):

     sed -n 1p ../../chain-*.jsonl | tr -d '\\n' | sha256sum

4. Watch the recording. Decrypting needs the store's manager identity file (handed over
   separately; it is never part of a package):

     age -d -i manager-identity.txt -o clip.mp4 clip.mp4.age

   then open clip.mp4 in any player. The journal is also in the clip as subtitles; the
   "clip_s" column of journal.csv gives each event's second in the video.

The folders of this package
---------------------------
"""


def how_to_verify(folders: list[str]) -> str:
    lines = [f"  {folder}/" for folder in folders]
    example = folders[0] if folders else "sales/<lane>-<receipt>"
    return (_HEAD + "\n".join(lines) + "\n\nExample, all steps for the first sale:\n\n"
            f"  cd {example}\n  sha256sum -c SHA256SUMS\n"
            "  openssl pkeyutl -verify -pubin -inkey lane-key.pem -rawin"
            " -in manifest.signed.json -sigfile manifest.sig\n"
            "  age -d -i manager-identity.txt -o clip.mp4 clip.mp4.age\n")
