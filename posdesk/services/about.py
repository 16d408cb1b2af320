"""What this build is: one version number (from the package metadata, i.e. pyproject),
the build date a packaged build records, and the licences of what it bundles."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

#: Written by `make package` beside the resources; absent when running from source.
BUILD_INFO: Path = Path(__file__).resolve().parents[2] / "resources" / "build-info.json"


@dataclass(frozen=True)
class BundledPart:
    name: str
    licence: str
    note: str = ""


#: The parts a packaged build carries, with their licences (see the README's table).
BUNDLED: tuple[BundledPart, ...] = (
    BundledPart("Qt 6 / PySide6", "LGPL-3.0",
                "dynamically linked; the Qt libraries in the install folder may be replaced"),
    BundledPart("FFmpeg (in PyAV)", "LGPL-2.1+ / GPL-2.0+", "built with libx264, which makes it GPL"),
    BundledPart("x264", "GPL-2.0+", "H.264 encoder"),
    BundledPart("OpenCV", "Apache-2.0"),
    BundledPart("PortAudio", "MIT"),
    BundledPart("cryptography / OpenSSL", "Apache-2.0 / BSD"),
    BundledPart("pyserial, numpy, PyAV", "BSD-3-Clause"),
    BundledPart("peewee, python-escpos, platformdirs, tomli-w, sounddevice", "MIT"),
)
#: x264 is GPL and linked into the bundled FFmpeg, so the binary as a whole is GPL.
WHOLE_LICENCE = "GPL-2.0-or-later"


def version() -> str:
    try:
        return metadata.version("posdesk")
    except metadata.PackageNotFoundError:
        return "unknown"


def build_date() -> str:
    """The packaged build's UTC date, or "" when running from source."""
    try:
        return str(json.loads(BUILD_INFO.read_text(encoding="utf-8")).get("build_date", ""))
    except (OSError, ValueError):
        return ""
