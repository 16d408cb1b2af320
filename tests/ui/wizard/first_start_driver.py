"""Starts `posdesk` on a data directory the way a new lane's first start does and drives
the setup wizard that comes up with key and mouse events: `walk` answers it, `cancel`
cancels it. Prints "wizard walked" / "wizard cancelled" once done, and exits with
posdesk's own exit status.

A process of its own: once posdesk has shown its login screen it quits the Qt application,
which cannot run again in that process.

    python -m tests.ui.wizard.first_start_driver DATA_DIR walk|cancel
"""
from __future__ import annotations

import sys
import time
import traceback
from typing import Callable

from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from posdesk.app import main as posdesk_main
from posdesk.ui.wizard.setup_wizard import SetupWizard
from tests.ui.wizard.test_setup_wizard import click, next_page, retype


class Bot:
    """The few pytest-qt calls the wizard helpers make, on QTest, for a plain process."""

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton) -> None:  # noqa: N802
        QTest.mouseClick(widget, button)

    def keyClick(self, widget: QWidget, key: Qt.Key,  # noqa: N802
                 modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(widget, key, modifier)

    def keyClicks(self, widget: QWidget, text: str) -> None:  # noqa: N802
        QTest.keyClicks(widget, text)

    def waitUntil(self, condition: Callable[[], object], timeout: int = 5000) -> None:  # noqa: N802
        end = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"waited {timeout} ms")
            QTest.qWait(20)


def walk(bot: Bot, wizard: SetupWizard) -> None:
    """The shortest way through: a store, the defaults, a manager, the keys."""
    next_page(bot, wizard, "storePage")
    retype(bot, wizard.store.store_name, "First Shop")
    for page in ("moneyPage", "cameraPage", "microphonePage", "devicesPage", "managerPage"):
        next_page(bot, wizard, page)
    manager = wizard.manager
    for edit, text in ((manager.name, "Lea"), (manager.pin, "4321"), (manager.pin_again, "4321"),
                       (manager.passphrase, "correct horse"),
                       (manager.passphrase_again, "correct horse")):
        retype(bot, edit, text)
    next_page(bot, wizard, "keysPage")
    click(bot, wizard.keys.generate_button)
    bot.waitUntil(lambda: wizard.keys.made is not None, timeout=60_000)
    next_page(bot, wizard, "retentionPage")
    click(bot, wizard.button(QWizard.WizardButton.FinishButton))
    print("wizard walked", flush=True)


def cancel(bot: Bot, wizard: SetupWizard) -> None:
    click(bot, wizard.button(QWizard.WizardButton.CancelButton))
    print("wizard cancelled", flush=True)


def when_shown(act: Callable[[Bot, SetupWizard], None], tries: int = 1500) -> None:
    """Run `act` once the wizard's modal loop shows it; a failure cancels the wizard."""
    wizard = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, SetupWizard) and w.isVisible()), None)
    if wizard is None:
        if tries:
            QTimer.singleShot(20, lambda: when_shown(act, tries - 1))
        return
    try:
        act(Bot(), wizard)
    except Exception:  # noqa: BLE001 - said on stderr; the wizard must not stay open
        traceback.print_exc()
        wizard.reject()


def main(argv: list[str]) -> int:
    data, action = argv
    QApplication.instance() or QApplication(sys.argv[:1])  # posdesk reuses it
    QTimer.singleShot(0, lambda: when_shown(walk if action == "walk" else cancel))
    return posdesk_main(["--data", data, "--quit-at-login"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
