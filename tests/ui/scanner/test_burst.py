"""The timing classifier alone: made-up timestamps, no Qt."""
from __future__ import annotations

from posdesk.ui.scanner.burst import BurstClassifier, KeyKind

MS = 1_000_000


def feed(classifier: BurstClassifier, text: str, *, gap_ms: int, start_ms: int = 0) -> tuple[list[KeyKind], KeyKind]:
    t = start_ms * MS
    kinds = []
    for _ in text:
        kinds.append(classifier.feed_char(t))
        t += gap_ms * MS
    return kinds, classifier.feed_enter(t)


def test_fast_keys_ending_in_enter_are_a_scan() -> None:
    kinds, end = feed(BurstClassifier(), "4006381333931", gap_ms=4)
    assert kinds[0] is KeyKind.TYPED and set(kinds[1:]) == {KeyKind.BURST}
    assert end is KeyKind.SCAN_END


def test_a_person_typing_is_never_a_scan() -> None:
    kinds, end = feed(BurstClassifier(), "4006381333931", gap_ms=80)
    assert set(kinds) == {KeyKind.TYPED}
    assert end is KeyKind.ENTER


def test_a_short_fast_burst_is_not_a_scan() -> None:
    _, end = feed(BurstClassifier(), "12", gap_ms=3)
    assert end is KeyKind.ENTER


def test_a_pause_before_enter_makes_it_a_typed_enter() -> None:
    classifier = BurstClassifier()
    for i in range(8):
        classifier.feed_char(i * 3 * MS)
    assert classifier.feed_enter(500 * MS) is KeyKind.ENTER


def test_each_scan_starts_afresh() -> None:
    classifier = BurstClassifier()
    feed(classifier, "40063813", gap_ms=2)
    kinds, end = feed(classifier, "4006381333931", gap_ms=2, start_ms=1000)
    assert kinds[0] is KeyKind.TYPED and end is KeyKind.SCAN_END
