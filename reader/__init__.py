"""iranru-reader: a terminal reader for news about Iran–Russia relations."""

__version__ = "0.1.0"
