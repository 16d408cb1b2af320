"""Writes clips with the journal cue patterns that crash careless muxing; run as a script.

FFmpeg's MP4 muxer aborts the process on a bad subtitle timing, so the test runs this in a
subprocess. It prints one JSON line: the event texts sent and the cues read back per clip.
"""
from __future__ import annotations

import io
import json
import random
import sys

from posdesk.core.clock import ManualClock
from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder
from posdesk.recording.media.pipeline import MediaPipeline
from posdesk.recording.media.reader import read_clip
from posdesk.recording.media.synthetic import SyntheticVideoSource, ToneAudioSource

MS = 1_000_000
START = 10**12


def main() -> None:
    clock = ManualClock(mono_ns=START)
    pipeline = MediaPipeline([VideoEncoder(160, 120, 30), AudioEncoder(track=1)],
                             preroll_s=1, postroll_s=1, clock=clock)
    camera = SyntheticVideoSource(160, 120, 30, live=False, start_ns=START)
    tone = ToneAudioSource(live=False, start_ns=START)
    frame, chunk = camera.read(), tone.read()
    clips: dict[str, io.BytesIO] = {}
    sent: dict[str, list[str]] = {}
    n = 0
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)

    def event(sale: str, at_ns: int) -> None:
        nonlocal n
        n += 1
        text = f"{n} × Item {n}"
        sent[sale].append(text)
        pipeline.cue(sale, at_ns, text)

    for index in range(30 * 9):
        now = frame.mono_ns
        while chunk.mono_ns <= now:
            pipeline.push_audio(chunk)
            chunk = tone.read()
        pipeline.push_video(0, frame)
        frame = camera.read()
        if index == 10:  # random scans for the whole run, some reported late
            clips["r"], sent["r"] = io.BytesIO(), []
            pipeline.open_clip("r", clips["r"], at_ns=now)
        if 10 < index <= 230 and rng.random() < 0.3:
            for _ in range(rng.choice((1, 1, 2, 5))):
                event("r", now + rng.randint(-400, 30) * MS + rng.randint(0, 999_999))
        if index == 30:
            for sale in ("a", "b"):
                clips[sale], sent[sale] = io.BytesIO(), []
                pipeline.open_clip(sale, clips[sale], at_ns=now)
        if index == 35:  # 50 scans within 3 ms, several in the same millisecond
            for k in range(50):
                event("a", now + k * 60_000)
        if index == 40:  # exactly 1 ms and 2 ms apart, back to back
            for k in range(10):
                event("a", now + k * MS)
            for k in range(10):
                event("a", now + 20 * MS + k * 2 * MS)
        if index in (59, 60, 61, 89, 90):  # around keyframes and fragment boundaries
            event("a", now)
            event("a", now)
        if index == 70:  # reported late: older than media already written
            event("a", now - 500 * MS)
            event("b", now - 200 * MS)
        if index == 100:  # timestamps going backwards within a burst
            for k in range(5):
                event("b", now - k * MS)
        if 110 <= index < 150:  # one event per frame for over a second
            event("b", now)
        if index == 150:
            pipeline.close_clip("a", at_ns=now)
            event("a", now)  # in the post-roll
        if index == 200:
            pipeline.close_clip("b", at_ns=now)
        if index == 230:
            pipeline.close_clip("r", at_ns=now)
    pipeline.stop()
    result = {}
    for sale, data in clips.items():
        contents = read_clip(data.getvalue())
        result[sale] = {"sent": sent[sale],
                        "cues": [[c.start_s, c.end_s, c.text] for c in contents.cues],
                        "video_frames": len(contents.frames_of(0))}
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
