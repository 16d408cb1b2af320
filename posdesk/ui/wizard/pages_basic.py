"""The wizard's plain questions: language, store and lane, money, retention."""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from posdesk.services.setup import CURRENCIES, SetupAnswers

from .page import AnswerPage

#: Languages with a translation, by locale: the name each language calls itself.
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh_CN", "简体中文"))
#: A lane id goes into file names and receipt numbers: letters, digits, dash.
LANE_ID_PATTERN = r"[A-Za-z0-9-]{1,16}"


def _combo(parent: QWidget, name: str, items: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for value, label in items:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


class LanguagePage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="languagePage", parent=parent)
        self.setTitle(self.tr("Language"))
        self.setSubTitle(self.tr("The language of the till and its receipts. It applies from the login screen on."))
        self.language = _combo(self, "language", LANGUAGES, answers.locale or "en")
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        self.body.addLayout(form)
        self.finish_layout()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.answers.locale = self.language.currentData()
        return True


class StorePage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="storePage", parent=parent)
        self.setTitle(self.tr("Store and lane"))
        self.setSubTitle(self.tr("The store's name heads every receipt; the lane id tells this till from the others."))
        self.store_name = QLineEdit(answers.store_name, self)
        self.store_name.setObjectName("storeName")
        self.lane_id = QLineEdit(answers.lane_id, self)
        self.lane_id.setObjectName("laneId")
        self.lane_id.setValidator(QRegularExpressionValidator(QRegularExpression(LANE_ID_PATTERN), self))
        form = QFormLayout()
        form.addRow(self.tr("Store name"), self.store_name)
        form.addRow(self.tr("Lane id"), self.lane_id)
        self.body.addLayout(form)
        self.finish_layout()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if not self.store_name.text().strip():
            self.say(self.tr("Type the store's name."))
            return False
        if not self.lane_id.hasAcceptableInput():
            self.say(self.tr("The lane id has 1 to 16 letters, digits or dashes."))
            return False
        self.answers.store_name = self.store_name.text().strip()
        self.answers.lane_id = self.lane_id.text()
        self.say("")
        return True


class MoneyPage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="moneyPage", parent=parent)
        self.setTitle(self.tr("Currency and tax"))
        self.setSubTitle(self.tr("Prices with VAT included (Europe, China) or sales tax added at the till (US)."))
        self.currency = _combo(self, "currency", tuple((c, c) for c in CURRENCIES), answers.currency)
        self.tax_mode = _combo(self, "taxMode", (("inclusive", self.tr("Prices include tax (VAT)")),
                                                 ("exclusive", self.tr("Tax is added to prices (sales tax)"))),
                               answers.tax_mode)
        form = QFormLayout()
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Tax"), self.tax_mode)
        self.body.addLayout(form)
        self.finish_layout()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.answers.currency = self.currency.currentData()
        self.answers.tax_mode = self.tax_mode.currentData()
        return True


class RetentionPage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="retentionPage", parent=parent)
        self.setTitle(self.tr("Keeping recordings"))
        self.setSubTitle(self.tr("Clips older than this are deleted (a tombstone stays in the evidence chain); "
                                 "clips on legal hold are kept. Finish saves the settings."))
        self.days = QSpinBox(self)
        self.days.setObjectName("retentionDays")
        self.days.setRange(1, 3650)
        self.days.setValue(int(answers.retention_days))
        form = QFormLayout()
        form.addRow(self.tr("Keep recordings for (days)"), self.days)
        self.body.addLayout(form)
        self.finish_layout()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.answers.retention_days = self.days.value()
        return True
