"""Template streams: codec parameters (SPS/PPS, AudioSpecificConfig) that clips copy.

A clip's MP4 stream is made with `add_stream_from_template`, so whatever it copies from must
stay alive as long as clips are opened — for the whole life of the recorder. A stream of a
source container does not: a network camera's container is closed when the stream drops and
reconnects, and a template pointing into it is freed memory (the recorder died with SIGSEGV
on the next sale). Templates therefore live in small output containers of their own that
are never closed.
"""
from __future__ import annotations

import io

import av


def template_container() -> av.container.OutputContainer:
    """An in-memory MP4 container to hold template streams."""
    # An MP4 muxer asks for global headers, so an encoder added to it exports SPS/PPS and
    # the AudioSpecificConfig as extradata that clips can copy.
    return av.open(io.BytesIO(), "w", format="mp4")


def detached_template(stream: av.stream.Stream) -> av.stream.Stream:
    """A copy of `stream`'s codec parameters that outlives the container it came from."""
    # The copy keeps its container alive through its own reference to it.
    return template_container().add_stream_from_template(stream)
