"""A new lane's first start: `posdesk` on an empty data directory opens the setup wizard,
and once it is finished the same start goes on to the cashier's login screen.

Runs the command line's own entry point in this process, so the wizard can be driven with
keys and mouse while its modal loop runs."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from posdesk.app import main
from posdesk.services.build import open_config
from posdesk.services.setup import needs_setup
from posdesk.ui.wizard.setup_wizard import SetupWizard
from tests.ui.wizard.test_setup_wizard import click, next_page, retype


@pytest.fixture
def root_logging() -> Iterator[None]:
    """The command line sets up the lane's log file as the root handler; put pytest's back."""
    handlers, level = logging.root.handlers[:], logging.root.level
    yield
    for handler in logging.root.handlers:
        if handler not in handlers:
            handler.close()
    logging.root.handlers, logging.root.level = handlers, level


def shown_wizard() -> SetupWizard | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, SetupWizard) and w.isVisible()), None)


def when_wizard_shown(act: Callable[[SetupWizard], None], *, tries: int = 1500) -> None:
    """Run `act` on the wizard once its modal loop shows it (polled: the loop is the app's)."""
    wizard = shown_wizard()
    if wizard is not None:
        act(wizard)
    elif tries:
        QTimer.singleShot(20, lambda: when_wizard_shown(act, tries=tries - 1))


def walk_wizard(qtbot: Any, wizard: SetupWizard) -> None:
    """The shortest way through: a store, the defaults, a manager, the keys."""
    next_page(qtbot, wizard, "storePage")
    retype(qtbot, wizard.store.store_name, "First Shop")
    for page in ("moneyPage", "cameraPage", "microphonePage", "devicesPage", "managerPage"):
        next_page(qtbot, wizard, page)
    manager = wizard.manager
    for edit, text in ((manager.name, "Lea"), (manager.pin, "4321"), (manager.pin_again, "4321"),
                       (manager.passphrase, "correct horse"),
                       (manager.passphrase_again, "correct horse")):
        retype(qtbot, edit, text)
    next_page(qtbot, wizard, "keysPage")
    click(qtbot, wizard.keys.generate_button)
    qtbot.waitUntil(lambda: wizard.keys.made is not None, timeout=60_000)
    next_page(qtbot, wizard, "retentionPage")
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))


def test_first_start_runs_the_wizard_then_shows_the_login_screen(
        qtbot: Any, tmp_path: Path, capsys: Any, root_logging: None) -> None:
    data = tmp_path / "new-lane"
    walked: list[bool] = []

    def drive(wizard: SetupWizard) -> None:
        walk_wizard(qtbot, wizard)
        walked.append(True)

    QTimer.singleShot(0, lambda: when_wizard_shown(drive))
    assert main(["--data", str(data), "--quit-at-login"]) == 0

    assert walked, "the first start did not show the setup wizard"
    assert "login screen shown" in capsys.readouterr().out
    assert not needs_setup(data)
    assert open_config(data).get("store.name") == "First Shop"


def test_a_cancelled_first_start_saves_nothing_and_asks_again(
        qtbot: Any, tmp_path: Path, capsys: Any, root_logging: None) -> None:
    data = tmp_path / "new-lane"

    def cancel(wizard: SetupWizard) -> None:
        click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))

    QTimer.singleShot(0, lambda: when_wizard_shown(cancel))
    assert main(["--data", str(data), "--quit-at-login"]) != 0

    assert "the wizard runs again next time" in capsys.readouterr().err
    assert needs_setup(data)
