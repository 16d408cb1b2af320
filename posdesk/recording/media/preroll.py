"""The pre-roll: the last few seconds of encoded packets, kept in memory.

A clip opened at the first scan starts with these, so it shows the seconds before the
sale began. Every video track in a clip must start on its own keyframe, so the buffer keeps
enough to reach back to a keyframe of each video track at or before the wanted start.
"""
from __future__ import annotations

import collections
import logging
from typing import Sequence

from posdesk.recording.media.frames import EncodedPacket, TrackInfo, TrackKind
from posdesk.recording.media.pacing import NS_PER_S

log = logging.getLogger(__name__)

#: Default pre-roll length.
DEFAULT_PREROLL_S = 5.0


class PreRollBuffer:
    """Bounded by time: holds `seconds` of packets plus the GOP that reaches back to them."""

    def __init__(self, tracks: Sequence[TrackInfo], seconds: float = DEFAULT_PREROLL_S):
        self._video_tracks = [i for i, t in enumerate(tracks) if t.kind is TrackKind.VIDEO]
        self._span_ns = int(seconds * NS_PER_S)
        self._packets: collections.deque[EncodedPacket] = collections.deque()
        self._keyframes: dict[int, collections.deque[int]] = {
            t: collections.deque() for t in self._video_tracks}
        self._newest_ns: int | None = None

    def __len__(self) -> int:
        return len(self._packets)

    def add(self, packet: EncodedPacket) -> None:
        self._packets.append(packet)
        if packet.keyframe and packet.track in self._keyframes:
            self._keyframes[packet.track].append(packet.pts_ns)
        if self._newest_ns is None or packet.pts_ns > self._newest_ns:
            self._newest_ns = packet.pts_ns
        self._trim()

    def since(self, start_ns: int) -> list[EncodedPacket]:
        """Packets from the last keyframe at or before `start_ns` of each video track on.

        Audio is taken from the earliest video start on. Where a video track has no
        keyframe that early, it starts at its first keyframe in the buffer.
        """
        found = {track: self._keyframe_at_or_before(track, start_ns) for track in self._video_tracks}
        by_track = {track: pts for track, pts in found.items() if pts is not None}
        if not by_track:
            return []
        first = min(by_track.values())
        return [p for p in self._packets
                if p.pts_ns >= by_track.get(p.track, first)]

    def _keyframe_at_or_before(self, track: int, start_ns: int) -> int | None:
        keyframes = self._keyframes[track]
        if not keyframes:
            return None
        earlier = [pts for pts in keyframes if pts <= start_ns]
        return earlier[-1] if earlier else keyframes[0]

    def _trim(self) -> None:
        if self._newest_ns is None:
            return
        # Drop whole GOPs while every video track still has a keyframe at or before
        # the oldest moment a clip may ask for.
        horizon = self._newest_ns - self._span_ns
        cut = min((self._keyframe_at_or_before(t, horizon) or 0) for t in self._video_tracks) \
            if self._video_tracks else horizon
        while self._packets and self._packets[0].pts_ns < cut:
            self._packets.popleft()
        for keyframes in self._keyframes.values():
            while keyframes and keyframes[0] < cut:
                keyframes.popleft()
