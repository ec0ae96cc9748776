"""Ingest: bytes -> text -> clean article with metadata (SPEC §10)."""
