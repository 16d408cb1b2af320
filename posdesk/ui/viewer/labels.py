"""Names of marks, badge states and tenders as the manager reads them (translated)."""
from __future__ import annotations

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.sale_marks import Mark
from posdesk.services.viewer_badge import BadgeState

from ..i18n import translate

_MARKS: dict[Mark, Text] = {
    Mark.VOIDED: QT_TRANSLATE_NOOP("Viewer", "voided sale"),
    Mark.LINE_VOID: QT_TRANSLATE_NOOP("Viewer", "line void"),
    Mark.REFUND: QT_TRANSLATE_NOOP("Viewer", "refund"),
    Mark.PRICE_OVERRIDE: QT_TRANSLATE_NOOP("Viewer", "price override"),
    Mark.DISCOUNT: QT_TRANSLATE_NOOP("Viewer", "discount"),
    Mark.CARD_DECLINED: QT_TRANSLATE_NOOP("Viewer", "card declined"),
    Mark.CARD_ABORTED: QT_TRANSLATE_NOOP("Viewer", "card aborted"),
    Mark.CARD_UNKNOWN: QT_TRANSLATE_NOOP("Viewer", "card result unknown"),
    Mark.RECORDING_GAP: QT_TRANSLATE_NOOP("Viewer", "recording gap"),
    Mark.RECORDING_STOPPED: QT_TRANSLATE_NOOP("Viewer", "recording stopped by hand"),
    Mark.NO_SALE: QT_TRANSLATE_NOOP("Viewer", "drawer opened without a sale"),
}

_BADGES: dict[BadgeState, Text] = {
    BadgeState.VERIFIED: QT_TRANSLATE_NOOP("Viewer", "Verified: signature, chain and clip hash match"),
    BadgeState.TRUNCATED: QT_TRANSLATE_NOOP("Viewer", "Truncated: the clip ends early (signed as such)"),
    BadgeState.NO_CLIP: QT_TRANSLATE_NOOP("Viewer", "No clip recorded"),
    BadgeState.PURGED: QT_TRANSLATE_NOOP("Viewer", "Clip purged by retention"),
    BadgeState.MISSING: QT_TRANSLATE_NOOP("Viewer", "Missing: the evidence is gone"),
    BadgeState.TAMPERED: QT_TRANSLATE_NOOP("Viewer", "Tampered"),
}

_RECORDING: dict[str, Text] = {
    "complete": QT_TRANSLATE_NOOP("Viewer", "complete"),
    "truncated": QT_TRANSLATE_NOOP("Viewer", "truncated"),
    "no-clip": QT_TRANSLATE_NOOP("Viewer", "no clip"),
    "purged": QT_TRANSLATE_NOOP("Viewer", "purged"),
}

_TENDERS: dict[str, Text] = {
    "cash": QT_TRANSLATE_NOOP("Viewer", "cash"),
    "card": QT_TRANSLATE_NOOP("Viewer", "card"),
}


def mark_label(mark: Mark) -> str:
    return translate(_MARKS[mark])


def badge_label(state: BadgeState) -> str:
    return translate(_BADGES[state])


def recording_label(status: str | None) -> str:
    if status is None:
        return translate(QT_TRANSLATE_NOOP("Viewer", "missing"))
    return translate(_RECORDING[status]) if status in _RECORDING else status


def tender_label(tender: str) -> str:
    return translate(_TENDERS[tender]) if tender in _TENDERS else tender
