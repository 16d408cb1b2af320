"""The lane's configuration: one TOML file in the data directory.

Keys are dotted paths (`devices.printer.port`); defaults live here, so a fresh data dir
works and `posdesk config get` shows every setting that exists. Every value is checked by
meaning (`settings_rules`) when it is set and when the file is read, so a bad value is one
line naming the file and key, never a failure somewhere later.
"""
from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any, Iterator, Mapping

import tomli_w

from posdesk.durable import write_text_durably

from .settings_rules import problem

#: A section of settings as TOML holds it: names to values or to further sections.
Tree = dict[str, object]

DEFAULTS: Tree = {
    "store": {"name": "posdesk demo store", "address": "1 Market Street", "tax_id": "",
              "currency": "EUR", "tax_mode": "inclusive", "tax_preset": "DE"},
    "lane": {"id": "L1"},
    # "name_and_pin": pick your name, then the PIN; "pin_only": the PIN alone (PINs unique).
    "ui": {"locale": "", "login": "name_and_pin"},
    "policy": {"discount_threshold_percent": "10"},
    # The evidence viewer drops the unlocked manager identity after this long unused.
    "viewer": {"idle_timeout_s": 300},
    "devices": {
        "terminal": {"port": "", "baudrate": 9600, "password": "000000", "protocol": "zvt"},
        "printer": {"port": "", "baudrate": 9600, "profile": "generic-80"},
        "scanner": {"port": "", "baudrate": 9600},
    },
    "recording": {"mode": "automatic", "camera": "",
                  # The customer-side camera (empty: none; "synthetic": a test pattern).
                  "camera2": "",
                  # An rtsp:// camera's own H.264 is recorded as it comes (no re-encoding).
                  "passthrough": True,
                  # "auto": a test tone with the test-pattern camera, else the default
                  # microphone; or "microphone", "microphone:<device>", "synthetic", "off".
                  "audio": "auto",
                  "width": 1280, "height": 720,
                  # Frames per second recorded: 15 is the usual evidence rate (see the
                  # README for the trade-offs); the camera is read at camera_fps for a
                  # smooth preview.
                  "fps": 15, "camera_fps": 30, "preroll_s": 5, "postroll_s": 3,
                  # "auto": a hardware H.264 encoder where the PC has one, else libx264.
                  "encoder": "auto", "preset": "veryfast", "crf": 30, "keyframe_s": 2,
                  # x264 look-ahead: smaller clips, but each frame seals a clip a frame later.
                  "lookahead_frames": 1,
                  "audio_kbps": 48,
                  # A still counter is encoded at this rate (0: always full rate); frames
                  # of a sale only if motion_thin_sales is on.
                  "motion_idle_fps": 2.0, "motion_thin_sales": False,
                  # Clips of ordinary sales are kept this many days; flagged sales per class.
                  "watermark": True, "retention_days": 30,
                  "retention": {"regulated_days": 3653, "refund_days": 365, "void_days": 365,
                                "override_days": 365,
                                # Catalog categories whose sales are regulated (plus any
                                # age-restricted item).
                                "regulated_categories": "insurance,financial"},
                  # Warn too when the disk is full within this many days at the current rate.
                  "disk_warn_mb": 2048, "disk_warn_days": 30.0,
                  "disk_full_mb": 256,
                  # Hours of recording a day (sales with pre- and post-roll, not idle
                  # time), for the self-test's "days of recording the disk holds".
                  "hours_per_day": 4,
                  # mode "rules": record a sale once one of these fires (pre-roll included).
                  "rules": {"threshold": "", "categories": "",
                            "events": "refund,void,override,card"}},
}


class ConfigError(Exception):
    pass


class Config:
    def __init__(self, path: Path, *, check: bool = True):
        """Read `path` (if it exists). With `check` (the default) a setting that is unknown
        or makes no sense raises `ConfigError` naming the file and the key; `config set`
        reads without it, so a bad file can be repaired with the command line."""
        self.path = path
        self._data = copy.deepcopy(DEFAULTS)
        if path.exists():
            try:
                loaded = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise ConfigError(f"{path}: {e}") from e
            first = next(_problems(loaded, DEFAULTS, ""), None) if check else None
            if first is not None:
                raise ConfigError(f"{path}: {first[0]}: {first[1]}")
            _merge(self._data, loaded)

    def get(self, key: str) -> Any:
        """The value of setting `key`. Its type is the type of the setting's default: the
        file is checked against it when read and on every `set`, so a caller may use it as
        that type; only the key, a string, says which it is — hence `Any`, here alone."""
        return _lookup(self._data, key)

    def set(self, key: str, value: str) -> None:
        """Set from a command-line string, converted to the type of the default."""
        parts = key.split(".")
        current = self.get(key)
        if isinstance(current, dict):
            raise ConfigError(f"{key!r} is a section, name one of its settings")
        node = self._data
        for part in parts[:-1]:
            section = node[part]
            assert isinstance(section, dict)
            node = section
        default = _lookup(DEFAULTS, key)
        converted = _convert(key, value, default)
        message = problem(key, converted, default)
        if message is not None:
            raise ConfigError(f"{key}: {message}")
        node[parts[-1]] = converted

    def save(self) -> None:
        write_text_durably(self.path, tomli_w.dumps(self._data))

    def flat(self) -> dict[str, object]:
        out: dict[str, object] = {}

        def walk(prefix: str, node: Mapping[str, object]) -> None:
            for k, v in node.items():
                name = f"{prefix}{k}"
                if isinstance(v, dict):
                    walk(name + ".", v)
                else:
                    out[name] = v
        walk("", self._data)
        return out


def _problems(loaded: Mapping[str, object], defaults: Mapping[str, object],
              prefix: str) -> Iterator[tuple[str, str]]:
    """(key, message) for every setting in a loaded file that is unknown or wrong."""
    for k, v in loaded.items():
        key = f"{prefix}{k}"
        if k not in defaults:
            yield key, "unknown setting"
        elif isinstance(section := defaults[k], dict):
            if not isinstance(v, dict):
                yield key, "is a section, not a value"
            else:
                yield from _problems(v, section, key + ".")
        else:
            message = problem(key, v, defaults[k])
            if message is not None:
                yield key, message


def _lookup(tree: Tree, key: str) -> object:
    node: object = tree
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ConfigError(f"unknown setting {key!r}")
        node = node[part]
    return node


def _merge(base: Tree, extra: Mapping[str, object]) -> None:
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(section := base.get(k), dict):
            _merge(section, v)
        else:
            base[k] = v


def _convert(key: str, value: str, current: object) -> object:
    try:
        if isinstance(current, bool):
            if value.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise ValueError(value)
            return value.lower() in ("true", "1", "yes", "on")
        if isinstance(current, int):
            return int(value)
    except ValueError:
        raise ConfigError(f"{key} expects a {type(current).__name__}, not {value!r}") from None
    return value
