"""What a cold index holds, as text to compare across versions of the indexer: every
article's row (its stored document decompressed), the names, passages, mentions and
duplicates tables, and every word occurrence of the contentless search index (read
through an fts5vocab "instance" table). Two versions that index alike print alike.

    python benchmarks/index_digest.py CORPUS_DIR [CORPUS_DIR ...] [--out FILE] [--workers N]

Prints one hash per table (and the whole); `--out` writes the rows, one a line, for
`diff`. Indexes into a temporary folder with the bundled config and the statistical
recogniser off (as benchmarks/run.py's cold index does), in `--workers` processes (default:
as `iranru-reader list` does).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.config import load_config  # noqa: E402
from reader.library import Library  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, help="write every row here, one a line")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core from 50 files)")
    args = parser.parse_args()
    library = Library(replace(load_config(), entity_model=False), args.corpus, cache=False)
    library.refresh(workers=args.workers)
    hashes: dict[str, hashlib.blake2b] = {}
    whole = hashlib.blake2b(digest_size=16)
    out = args.out.open("w", encoding="utf-8") if args.out else None
    for table, row in library.index.contents():
        hashes.setdefault(table, hashlib.blake2b(digest_size=16)).update(row.encode() + b"\n")
        whole.update(f"{table}\t{row}\n".encode())
        if out:
            out.write(f"{table}\t{row}\n")
    if out:
        out.close()
    for table, digest in hashes.items():
        print(f"{table:<12} {digest.hexdigest()}")
    print(f"{'all':<12} {whole.hexdigest()}")


if __name__ == "__main__":
    main()
