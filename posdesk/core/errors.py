"""Domain errors. Each carries a translatable `text` the UI shows as it is."""
from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, Text


class DomainError(Exception):
    """Base of every rule the domain refuses to break."""

    text: Text = QT_TRANSLATE_NOOP("Domain", "This action is not allowed now.")

    def __init__(self, message: str = "", text: Text | None = None):
        if text is not None:
            self.text = text
        super().__init__(message or str(self.text))


class UnknownCode(DomainError):
    def __init__(self, code: str, reason: str):
        self.code = code
        self.reason = reason
        texts = {
            "check digit": QT_TRANSLATE_NOOP("Domain", "Barcode {code} is misread (bad check digit). Scan again."),
            "empty": QT_TRANSLATE_NOOP("Domain", "Nothing was entered."),
        }
        text = texts.get(reason, QT_TRANSLATE_NOOP("Domain", "Unknown item: {code}"))
        super().__init__(f"unknown code {code!r}: {reason}", text.format(code=code))


class IllegalTransition(DomainError):
    def __init__(self, action: str, state: str):
        self.action, self.state = action, state
        super().__init__(
            f"{action} is not allowed while the sale is {state}",
            QT_TRANSLATE_NOOP("Domain", "Not possible while the sale is {state}.").format(state=state),
        )


class ApprovalRequired(DomainError):
    """The action needs a manager's PIN; retry with `approved_by` set."""

    def __init__(self, permission: str):
        self.permission = permission
        super().__init__(
            f"{permission} needs manager approval",
            QT_TRANSLATE_NOOP("Domain", "A manager must approve this."),
        )


class AgeCheckRequired(DomainError):
    def __init__(self, product_name: str, min_age: int):
        self.product_name, self.min_age = product_name, min_age
        super().__init__(
            f"{product_name} needs an age check ({min_age}+)",
            QT_TRANSLATE_NOOP("Domain", "{name}: confirm the customer is {age} or older.").format(
                name=product_name, age=min_age),
        )


class InvalidAmount(DomainError):
    def __init__(self, message: str, text: Text):
        super().__init__(message, text)
