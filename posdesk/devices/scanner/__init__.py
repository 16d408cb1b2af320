"""Barcode scanners: serial scanners are read here; keyboard wedges are recognised by the
window (`ui/scanner`). Both end in the checkout's scan entry, with source "scan"."""
from .reader import SerialScannerReader, split_codes

__all__ = ["SerialScannerReader", "split_codes"]
