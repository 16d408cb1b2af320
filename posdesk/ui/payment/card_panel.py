"""The card part of the tender dialog: what the terminal says, and the one or two things the
cashier can do at each stage (cancel, check with the terminal, try again, pay another way)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..formatting import money_text
from .card_flow import CardFlow, CardStage


class CardPanel(QFrame):
    """Shows a `CardFlow`; its buttons are public so the dialog wires them to its own keys."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardPanel")
        self.headline = QLabel(self)
        self.headline.setObjectName("cardHeadline")
        self.headline.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("cardStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display = QLabel(self)
        self.display.setObjectName("cardDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.cancel_button = self._button("cardCancel", self.tr("Cancel card payment (Esc)"))
        self.check_button = self._button("cardCheck", self.tr("Check with terminal (Enter)"))
        self.retry_button = self._button("cardRetry", self.tr("Try again (F11)"))
        self.other_button = self._button("cardOther", self.tr("Pay another way (Esc)"))
        self.resolve_button = self._button("cardResolve", self.tr("Resolve as manager…"))
        buttons = QHBoxLayout()
        for button in (self.cancel_button, self.other_button, self.retry_button, self.resolve_button,
                       self.check_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.status)
        layout.addWidget(self.display)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(52)
        return button

    def show_flow(self, flow: CardFlow) -> None:
        stage = flow.stage
        self.setVisible(stage is not CardStage.NONE)
        if stage is CardStage.NONE:
            return
        amount = flow.amount
        refund = amount is not None and amount.amount < 0
        shown = money_text(abs(amount)) if amount is not None else ""
        title = (self.tr("Refund to card {amount}") if refund
                 else self.tr("Card payment {amount}")).format(amount=shown)
        status, hint, problem = flow.status_text, "", False
        if stage is CardStage.UNKNOWN:
            title = self.tr("Result unknown — the card may have been charged.")
            status = shown
            hint = self.tr("Do not take this payment again. Check with the terminal first: "
                           "it knows whether the card was charged.")
            problem = True
        elif stage is CardStage.CHECKING:
            title = self.tr("Checking {amount} with the terminal").format(amount=shown)
        elif stage is CardStage.DECLINED:
            title, status, problem = self.tr("Card declined"), flow.message, True
        elif stage is CardStage.REVERSING:
            title = self.tr("Reversing card payment {amount}").format(amount=shown)
        self.headline.setText(title)
        self.status.setText(status)
        self.display.setText("\n".join(flow.display) if stage in (CardStage.WAITING, CardStage.REVERSING) else "")
        self.display.setVisible(bool(self.display.text()))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.setProperty("problem", problem)
        self.style().unpolish(self)
        self.style().polish(self)
        self.cancel_button.setVisible(stage in (CardStage.WAITING, CardStage.CANCELLING))
        self.cancel_button.setEnabled(stage is CardStage.WAITING)
        self.check_button.setVisible(stage is CardStage.UNKNOWN)
        # The way out when the terminal cannot say (it cannot repeat its last receipt).
        self.resolve_button.setVisible(stage is CardStage.UNKNOWN)
        self.retry_button.setVisible(stage is CardStage.DECLINED)
        self.other_button.setVisible(stage is CardStage.DECLINED)
