"""Translatable text that crosses layers without importing Qt.

Lower layers describe what happened with `QT_TRANSLATE_NOOP("Context", "Source {arg}")`;
`lupdate` finds those calls by name, and the UI translates them with the same context.
`str()` of a text is its English form, for logs and the command line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Text:
    context: str
    source: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def format(self, **args: Any) -> Text:
        return Text(self.context, self.source, {**self.args, **args})

    def __str__(self) -> str:
        return self.source.format(**self.args) if self.args else self.source


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # noqa: N802 - lupdate's name
    """Mark `source` for translation in `context`; the UI calls `translate(context, source)`."""
    return Text(context, source)
