"""How evidence video is encoded: one set of quality settings, spelt out for each H.264 encoder.

The defaults were chosen on real counter footage (see the README's recording section):
`veryfast` at CRF 30, a keyframe every 2 s, no B-frames and a one-frame look-ahead, one
thread. Clips are never streamed and the preview does not come from the encoder, so x264's
`zerolatency` tune is not needed; but a clip is finished once packets pass its post-roll,
so encoder delay is kept to one frame (B-frames and a long look-ahead would each add
frames of delay before a sale's clip can be sealed). One frame of look-ahead is enough for
x264's macroblock tree, which more than halves the size of a calm counter scene (on the
shipped footage it came out smaller than with two).
"""
from __future__ import annotations

from dataclasses import dataclass

#: The software encoder every lane can fall back to.
SOFTWARE_ENCODER = "libx264"


@dataclass(frozen=True)
class VideoSettings:
    #: x264 preset (hardware encoders use their own equivalent of a mid preset).
    preset: str = "veryfast"
    #: Constant quality: lower is better and larger (x264 CRF; hardware CQ/QP alike).
    crf: int = 30
    #: Seconds between keyframes: a clip starts on one, so it bounds pre-roll precision.
    keyframe_interval_s: float = 2.0
    #: Frames x264 looks ahead (each one delays every packet by a frame period).
    lookahead_frames: int = 1
    #: Encoder threads; one thread encodes 720p15 with room to spare and costs the least CPU.
    threads: int = 1

    def options_for(self, codec: str) -> dict[str, str]:
        """Codec options for PyAV (and, for libx264, the ffmpeg CLI alike)."""
        if codec == SOFTWARE_ENCODER:
            return {
                "preset": self.preset,
                "crf": str(self.crf),
                "x264-params": f"bframes=0:rc-lookahead={self.lookahead_frames}:sync-lookahead=0",
                "threads": str(self.threads),
                # A keyframe forced by time must be an IDR frame, or a clip could not start there.
                "forced-idr": "1",
            }
        if codec == "h264_nvenc":
            return {"preset": "p4", "rc": "vbr", "cq": str(self.crf), "bf": "0"}
        if codec == "h264_qsv":
            return {"preset": "medium", "global_quality": str(self.crf), "bf": "0"}
        if codec == "h264_vaapi":
            return {"qp": str(self.crf), "bf": "0"}
        if codec == "h264_mf":
            return {"rate_control": "quality", "quality": str(max(0, 100 - 2 * self.crf)),
                    "hw_encoding": "1"}
        return {}
