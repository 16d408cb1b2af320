"""Recognising the errors a cashier should read, as opposed to bugs.

Domain and service errors (and the database's user errors such as a wrong PIN) carry a
translatable `text`; anything else is a defect and must not be shown as if it were a rule.
"""
from __future__ import annotations

from posdesk.core.i18n import Text


def user_text(error: BaseException) -> Text | None:
    """The error's text for the cashier, or None when the error is a defect."""
    text = getattr(error, "text", None)
    return text if isinstance(text, Text) else None
