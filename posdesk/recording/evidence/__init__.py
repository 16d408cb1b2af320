"""Sealed evidence of each sale: signed manifests in a hash chain, verify, recovery, retention.

The chain is kept by the app process (`EvidenceChain`); the recorder child only writes
sealed clips and pending notes (`ClipLayout.write_pending`). See `chain.py` for why.
"""
