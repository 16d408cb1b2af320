"""Settings are checked by meaning when set and when the file is read: one line, nothing lost."""
from __future__ import annotations

import pytest

from posdesk.services.build import build_services
from posdesk.services.config import Config, ConfigError

from ..test_cli import posdesk

BAD_VALUES = [
    ("store.currency", "XYZ", "not one of"),
    ("store.tax_mode", "sideways", "not one of"),
    ("store.tax_preset", "XX", "not one of"),
    ("recording.fps", "0", "outside"),
    ("recording.mode", "sometimes", "not one of"),
    ("recording.retention_days", "-1", "at least 1 day"),
    ("recording.retention_days", "0", "at least 1 day"),
    ("recording.width", "0", "outside"),
    ("recording.height", "721", "odd"),
    ("recording.audio", "loud", "microphone"),
    ("recording.rules.events", "card,birthday", "birthday"),
    ("devices.printer.baudrate", "12345", "not one of"),
    ("devices.terminal.port", "my printer", "serial port"),
    ("devices.terminal.password", "12ab", "six digits"),
    ("lane.id", "L1/../x", "letters"),
]


@pytest.mark.parametrize(("key", "value", "said"), BAD_VALUES)
def test_config_set_refuses_a_value_that_makes_no_sense_and_keeps_the_old_one(tmp_path, key, value,
                                                                                 said):
    config = Config(tmp_path / "posdesk.toml")
    before = config.get(key)
    with pytest.raises(ConfigError, match=said) as refused:
        config.set(key, value)
    assert str(refused.value).startswith(f"{key}: ") and "\n" not in str(refused.value)
    assert config.get(key) == before


def test_good_values_are_taken(tmp_path):
    config = Config(tmp_path / "posdesk.toml")
    for key, value in [("store.currency", "CNY"), ("store.tax_mode", "exclusive"),
                       ("recording.fps", "15"), ("recording.mode", "manual"),
                       ("recording.retention_days", "1"), ("recording.audio", "microphone:2"),
                       ("devices.terminal.port", "COM3"), ("devices.printer.port", "socket://h:9100"),
                       ("recording.rules.threshold", "50.00")]:
        config.set(key, value)
    config.save()
    assert Config(config.path).get("recording.audio") == "microphone:2"


@pytest.mark.parametrize(("text", "key"), [
    ('[store]\ncurrency = "XYZ"\n', "store.currency"),
    ("[recording]\nfps = 0\n", "recording.fps"),
    ('[recording]\nmode = "sometimes"\n', "recording.mode"),
    ("[recording]\nretention_days = -1\n", "recording.retention_days"),
    ('[recording]\nfps = "fast"\n', "recording.fps"),
    ('[recordng]\nmode = "manual"\n', "recordng"),
])
def test_bad_file_is_refused_naming_the_file_and_the_key(tmp_path, text, key):
    (tmp_path / "posdesk.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        build_services(tmp_path, demo=True)
    assert str(refused.value).startswith(f"{tmp_path / 'posdesk.toml'}: {key}: ")


def test_cli_names_the_bad_file_in_one_line_and_config_set_repairs_it(tmp_path):
    (tmp_path / "posdesk.toml").write_text('[store]\ntax_mode = "sideways"\n', encoding="utf-8")
    broken = posdesk(tmp_path, "sales", "list", check=False)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert broken.stderr.count("\n") == 1
    assert "posdesk.toml: store.tax_mode: 'sideways' is not one of" in broken.stderr
    refused = posdesk(tmp_path, "config", "set", "store.tax_mode", "sideways", check=False)
    assert refused.returncode == 1 and "store.tax_mode" in refused.stderr
    posdesk(tmp_path, "config", "set", "store.tax_mode", "exclusive")
    assert posdesk(tmp_path, "sales", "list").returncode == 0
