"""The lane's configuration: one TOML file in the data directory.

Keys are dotted paths (`devices.printer.port`); defaults live here, so a fresh data dir
works and `posdesk config get` shows every setting that exists.
"""
from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

DEFAULTS: dict[str, Any] = {
    "store": {"name": "posdesk demo store", "address": "1 Market Street", "tax_id": "",
              "currency": "EUR", "tax_mode": "inclusive", "tax_preset": "DE"},
    "lane": {"id": "L1"},
    "ui": {"locale": ""},
    "policy": {"discount_threshold_percent": "10"},
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
                  "width": 1280, "height": 720, "fps": 30, "preroll_s": 5, "postroll_s": 3,
                  "watermark": True, "retention_days": 90, "disk_warn_mb": 2048,
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
    def __init__(self, path: Path):
        self.path = path
        self._data = copy.deepcopy(DEFAULTS)
        if path.exists():
            try:
                _merge(self._data, tomllib.loads(path.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"{path}: {e}") from e

    def get(self, key: str) -> Any:
        node: Any = self._data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ConfigError(f"unknown setting {key!r}")
            node = node[part]
        return node

    def set(self, key: str, value: str) -> None:
        """Set from a command-line string, converted to the type of the default."""
        parts = key.split(".")
        current = self.get(key)
        if isinstance(current, dict):
            raise ConfigError(f"{key!r} is a section, name one of its settings")
        node = self._data
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = _convert(key, value, current)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(self._data), encoding="utf-8")
        os.replace(tmp, self.path)

    def flat(self) -> dict[str, Any]:
        out: dict[str, Any] = {}

        def walk(prefix: str, node: dict[str, Any]) -> None:
            for k, v in node.items():
                name = f"{prefix}{k}"
                if isinstance(v, dict):
                    walk(name + ".", v)
                else:
                    out[name] = v
        walk("", self._data)
        return out


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = v


def _convert(key: str, value: str, current: Any) -> Any:
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
