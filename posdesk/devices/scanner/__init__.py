"""Barcode scanners: serial scanners read here; keyboard wedges are classified by
`posdesk.core.wedge` in the UI. Both end in the same "barcode scanned" callback."""
from .reader import SerialScannerReader, split_codes

__all__ = ["SerialScannerReader", "split_codes"]
