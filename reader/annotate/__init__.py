"""Annotate: entities (gazetteer, patterns) and topics over clean paragraphs (SPEC §10)."""
