"""The support bundle: what remote support needs to understand a lane, in one zip.

It holds the logs, the configuration with its secrets blanked, the self-test report and the
build's version. It is assembled from an allow-list, never by copying the data directory:
keys, the database (PIN hashes, sales), clips and print queues stay on the lane.
"""
from __future__ import annotations

import json
import logging
import platform
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from .about import build_date, version
from .selftest_report import SelfTestReport

if TYPE_CHECKING:
    from .build import Services

log = logging.getLogger(__name__)

#: Log files of the app and the recorder, current and rotated.
LOG_PATTERNS: tuple[str, ...] = ("posdesk.log*", "recorder.log*")
#: Settings whose values are secrets (a word in the key's last part).
SECRET_WORDS: tuple[str, ...] = ("password", "passphrase", "pin", "secret", "token")
REDACTED = "(not included)"


def redacted_config(flat: Mapping[str, object]) -> str:
    lines = []
    for key, value in flat.items():
        last = key.rsplit(".", 1)[-1].lower()
        shown = REDACTED if any(word in last for word in SECRET_WORDS) else value
        lines.append(f"{key} = {shown!r}")
    return "\n".join(lines) + "\n"


def write_support_bundle(services: Services, out: Path, report: SelfTestReport) -> list[str]:
    """Write the bundle to `out`; return the names inside it."""
    logs = services.data_dir / "logs"
    names: list[str] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        def add(name: str, text: str) -> None:
            bundle.writestr(name, text)
            names.append(name)
        add("selftest.json", json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
        add("selftest.txt", "\n".join(report.lines()) + "\n")
        add("config.txt", redacted_config(services.config.flat()))
        add("about.txt", f"posdesk {version()}\nbuilt {build_date() or 'from source'}\n"
                         f"python {sys.version.split()[0]}\nplatform {platform.platform()}\n")
        for pattern in LOG_PATTERNS:
            for path in sorted(logs.glob(pattern)):
                if path.is_file():
                    bundle.write(path, f"logs/{path.name}")
                    names.append(f"logs/{path.name}")
    log.info("support bundle %s written (%d files)", out, len(names))
    return names
