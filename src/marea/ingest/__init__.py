"""Ingest: find inputs, read them into Documents, clean their text."""

from marea.ingest.clean import clean
from marea.ingest.sources import read_inputs

__all__ = ["clean", "read_inputs"]
