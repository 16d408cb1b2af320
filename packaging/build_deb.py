"""Build the Linux package: the PyInstaller one-folder build wrapped in a .deb.

    python packaging/build_deb.py [--out DIR]

Layout: the build in /opt/posdesk, `posdesk` in /usr/bin, a menu entry and icon, an optional
kiosk autostart entry (/usr/share/posdesk/posdesk-kiosk.desktop, linked into
/etc/xdg/autostart to enable it), a udev rule for the serial ports, and maintainer scripts
that never touch a data directory. The Debian packages the frozen build still loads from
the system are declared in Depends.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "packaging" / "linux"
#: What the frozen build loads from the system: Qt's xcb platform plugin and its X
#: libraries, EGL/GL and fontconfig (left out of the build on purpose, they must match the
#: machine's drivers), GLib, PortAudio for the microphone, a CJK font for Chinese text.
DEPENDS: tuple[str, ...] = (
    "libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libegl1", "libgl1",
    "libfontconfig1", "libglib2.0-0", "libportaudio2", "fonts-noto-cjk",
)


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def freeze(work: Path, dist: Path) -> Path:
    """Run PyInstaller on the spec; return the one-folder build."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(ROOT / "packaging" / "posdesk.spec")],
                   check=True, cwd=ROOT)
    return dist / "posdesk"


def control(size_kib: int) -> str:
    return "\n".join([
        "Package: posdesk",
        f"Version: {version()}",
        "Architecture: amd64",
        "Maintainer: posdesk <support@posdesk.invalid>",
        "Section: misc",
        "Priority: optional",
        f"Installed-Size: {size_kib}",
        f"Depends: {', '.join(DEPENDS)}",
        "Description: countertop cashier with sealed audio/video evidence",
        " Drives a ZVT card terminal and an ESC/POS receipt printer and records every sale",
        " (camera and microphone), encrypted, beside its journal. The bundled FFmpeg",
        " includes x264 (GPL), so this binary package as a whole is GPL-2.0-or-later.",
        "",
    ])


def stage(build: Path, root: Path) -> None:
    """Lay out the package's file tree in `root` (the build moves into /opt/posdesk)."""
    if root.exists():
        shutil.rmtree(root)
    (root / "opt").mkdir(parents=True)
    shutil.move(str(build), root / "opt" / "posdesk")
    files = {
        "usr/share/applications/posdesk.desktop": HERE / "posdesk.desktop",
        "usr/share/posdesk/posdesk-kiosk.desktop": HERE / "posdesk-kiosk.desktop",
        "usr/share/icons/hicolor/scalable/apps/posdesk.svg": ROOT / "resources" / "icons" / "posdesk.svg",
        "lib/udev/rules.d/70-posdesk-serial.rules": HERE / "70-posdesk-serial.rules",
        "usr/share/doc/posdesk/copyright": ROOT / "packaging" / "LICENSE-binary.txt",
        "DEBIAN/postinst": HERE / "postinst",
        "DEBIAN/postrm": HERE / "postrm",
    }
    for target, source in files.items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, root / target)
    for script in ("postinst", "postrm"):
        os.chmod(root / "DEBIAN" / script, 0o755)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/posdesk/posdesk", root / "usr" / "bin" / "posdesk")
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    (root / "DEBIAN" / "control").write_text(control(size // 1024), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=str(ROOT / "build"), help="where the .deb goes (default: build/)")
    args = p.parse_args(argv)
    out = Path(args.out).resolve()
    work = out / "pyinstaller"
    started = time.monotonic()
    build = freeze(work / "work", work / "dist")
    frozen_s = time.monotonic() - started
    root = out / "deb-root"
    stage(build, root)
    deb = out / f"posdesk_{version()}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", "-z3", "--build", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    print(json.dumps({"deb": str(deb), "size_mb": round(deb.stat().st_size / 1e6),
                      "freeze_s": round(frozen_s), "total_s": round(time.monotonic() - started)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
