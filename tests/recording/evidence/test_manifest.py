"""Canonical bytes and signatures of chain entries."""
from __future__ import annotations

import json

import pytest

from posdesk.recording.evidence.manifest import canonical_json
from posdesk.recording.evidence.signing import check_signature, sign_body

from .conftest import LaneSigner


def test_canonical_json_sorts_keys_drops_whitespace_and_keeps_utf8():
    assert canonical_json({"b": 1, "a": {"y": [1, 2], "x": "收银"}}) == \
        '{"a":{"x":"收银","y":[1,2]},"b":1}'.encode("utf-8")


def test_canonical_json_refuses_floats_anywhere():
    with pytest.raises(TypeError):
        canonical_json({"clip": {"duration": 2.5}})


def test_signed_entry_verifies_and_a_changed_member_does_not():
    signer = LaneSigner()
    raw = sign_body({"sale": "s1", "journal": {"events": 3}}, signer)
    keys = {signer.key_id: signer.public_raw}
    body = json.loads(raw)
    assert check_signature(body, keys) is None
    body["journal"]["events"] = 2
    assert "does not match" in check_signature(body, keys)


def test_entry_of_a_retired_lane_key_verifies_with_key_history():
    old, new = LaneSigner(), LaneSigner()
    body = json.loads(sign_body({"sale": "s1"}, old))
    assert check_signature(body, {new.key_id: new.public_raw}) == \
        f"signed with unknown key {old.key_id}"
    history = {old.key_id: old.public_raw, new.key_id: new.public_raw}
    assert check_signature(body, history) is None


def test_entry_signed_by_a_foreign_key_claiming_the_lane_key_id_is_rejected():
    lane_key, forger = LaneSigner(), LaneSigner()
    forger.key_id = lane_key.key_id
    body = json.loads(sign_body({"sale": "s1"}, forger))
    assert "does not match" in check_signature(body, {lane_key.key_id: lane_key.public_raw})
