"""Command-line verbs of the evidence viewer: the standalone window and exports.

`posdesk viewer [--data DIR]` opens the viewer on a data directory (a lane's, or a copy of
one on a back-office PC). `posdesk export SALE... --out DIR` writes an evidence package;
the PDF report is laid out by Qt, so it starts an offscreen Qt application of its own.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from posdesk.cli_evidence import _find_sale_id, _passphrase

if TYPE_CHECKING:
    from posdesk.services.build import Services

Fail = Callable[[str], Exception]


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a service account, some containers)
        return "back-office"


def cmd_viewer(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    from posdesk.ui.bootstrap import create_application
    from posdesk.ui.viewer.launch import viewer_window
    if not services.keys.is_set_up():
        raise fail("no keys in this data directory: nothing can be unlocked")
    app = create_application(locale=services.config.get("ui.locale") or None)
    window = viewer_window(services.lane, user=_who())
    window.show()
    window.ask_unlock()
    return app.exec()


def _progress_bar(done: int, total: int, what: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    print(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} {what[:32]:<32}", end=end,
          file=sys.stderr, flush=True)


def cmd_export(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    from posdesk.services.viewer import ReasonRequired, WrongViewerPassphrase, open_viewer
    from posdesk.services.viewer_export import ExportRequest, ExportTargetExists, export_package
    if not args.reason or not args.reason.strip():
        raise fail("an export needs --reason TEXT (it is written into the audit log and the report)")
    sale_ids = [_find_sale_id(services, ref) for ref in args.sales]
    viewer = open_viewer(services)
    try:
        viewer.unlock(_passphrase(args), user=_who())
    except WrongViewerPassphrase as e:
        raise fail("wrong manager passphrase") from e
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from posdesk.ui.viewer.pdf_report import render_pdf
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    request = ExportRequest(tuple(sale_ids), Path(args.out), args.reason, as_zip=args.zip,
                            decrypted_mp4=args.decrypted)
    try:
        result = export_package(viewer, request, render_pdf=render_pdf,
                                progress=_progress_bar if sys.stderr.isatty() or args.progress else None)
    except ExportTargetExists as e:
        raise fail(str(e)) from e
    except ReasonRequired as e:
        raise fail(str(e)) from e
    finally:
        viewer.lock("export done")
        del app
    print(f"exported {result.sales} sale(s) to {result.path}")
    for problem in result.problems:
        print(f"  warning: {problem}")
    return 0 if not result.problems else 2


def add_parsers(add: Callable[..., argparse.ArgumentParser]) -> None:
    add("viewer", cmd_viewer, "the manager's evidence viewer (search, replay, export)")
    e = add("export", cmd_export, "write an evidence package for sales (asks the passphrase; audited)")
    e.add_argument("sales", nargs="+", metavar="SALE", help="sale id or receipt number")
    e.add_argument("--out", required=True, help="package folder (must not exist or be empty)")
    e.add_argument("--reason", help="why the evidence is exported (required)")
    e.add_argument("--zip", action="store_true", help="one zip file instead of a folder")
    e.add_argument("--decrypted", action="store_true",
                   help="also a decrypted, watermarked MP4 of each clip (audited)")
    e.add_argument("--progress", action="store_true", help="show progress even without a terminal")
    e.add_argument("--passphrase-file")
