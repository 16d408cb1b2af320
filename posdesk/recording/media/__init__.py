"""Media for sealed clips: capture, burn-in, encode once, pre-roll and per-sale clip cutting.

The pieces are plain objects driven by calls (no hidden threads unless a class says so):
sources yield timestamped frames and PCM chunks, encoders turn them into one continuous
stream of encoded packets, and a `ClipManager` cuts per-sale fragmented MP4 clips out of
that stream. Every time is a `time.monotonic_ns()` value.

Entry points: `pipeline.MediaPipeline` (what the recorder process drives), the sources in
`synthetic`, `camera`, `microphone` and `passthrough`, and `reader.read_clip` for playback.
"""
