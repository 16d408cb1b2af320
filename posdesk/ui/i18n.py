"""Showing translatable texts and loading the translation for the chosen language.

Lower layers hand the UI a `core.i18n.Text` (context, English source, arguments); `translate`
looks the source up in the installed translator and fills in the arguments afterwards, so a
translation may move `{name}` wherever its grammar wants it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from posdesk.core.i18n import Text

log = logging.getLogger(__name__)

#: Where the compiled `posdesk_<locale>.qm` files live.
TRANSLATIONS_DIR: Path = Path(__file__).resolve().parents[2] / "resources" / "translations"
#: The language the sources are written in; it needs no translator.
SOURCE_LOCALE: str = "en"


def translate(text: Text) -> str:
    """The text in the user's language with its arguments filled in."""
    translated = QCoreApplication.translate(text.context, text.source)
    if not text.args:
        return translated
    try:
        return translated.format(**text.args)
    except (KeyError, IndexError, ValueError):
        # A broken translation must never hide the message: fall back to English.
        log.warning("translation of %r does not fit its arguments", text.source)
        return str(text)


def resolve_locale(configured: str | None) -> str:
    """The configured locale, or the system's when none is set (`zh_CN`, `en_US`)."""
    return configured or QLocale.system().name()


def install_translators(app: QCoreApplication, locale: str) -> list[QTranslator]:
    """Install posdesk's and Qt's own translations for `locale`; return those installed.

    English is the source language, so `en*` installs nothing. A locale without a
    translation falls back to English with a log line, never an error.
    """
    if locale.split("_")[0] in (SOURCE_LOCALE, "C", "POSIX"):
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"posdesk_{locale}", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no posdesk translation for %s in %s; showing English", locale, TRANSLATIONS_DIR)
        return installed
    # Qt's own strings (OK/Cancel in standard buttons, context menus).
    qt = QTranslator(app)
    if qt.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(locale))
    return installed
