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
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.config import load_config  # noqa: E402
from reader.index import CorpusIndex, decompress  # noqa: E402
from reader.library import Library  # noqa: E402


def table_rows(index: CorpusIndex) -> Iterator[tuple[str, str]]:
    """(table, row as JSON) of everything `index` stores that analysis decides, keyed by
    article id and name (not by rowid or name id, which follow the order of writing)."""
    db = index.db
    rowids = dict(db.execute("SELECT rowid, id FROM articles"))
    names = {i: (name, kind) for i, name, kind in db.execute("SELECT id, name, kind FROM names")}
    for row in db.execute("SELECT id, path, size, hash, title, source, date, words, topics, warnings, doc, language, "
                          "story FROM articles ORDER BY id"):
        *fields, doc, language, story = row
        yield "articles", json.dumps([*fields, json.loads(decompress(doc, index.dictionary)), language, story],
                                     ensure_ascii=False)
    yield from (("names", json.dumps(pair, ensure_ascii=False)) for pair in sorted(names.values()))
    yield from sorted(("passages", json.dumps([*names[t], rowids[a], i, s, d], ensure_ascii=False))
                      for t, a, i, s, d in db.execute("SELECT * FROM passages"))
    yield from sorted(("mentions", json.dumps([*names[e], rowids[a], c, i], ensure_ascii=False))
                      for e, a, c, i in db.execute("SELECT * FROM mentions"))
    yield from (("duplicates", json.dumps(row)) for row in db.execute("SELECT id, kept FROM duplicates ORDER BY id"))
    # Search rows, by article and passage: rowid = first + 1 + passage (first: the headline's).
    starts = sorted(db.execute("SELECT first, id FROM articles"))
    db.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search, instance)")
    found = []
    at = 0
    for term, rowid, column, offset in db.execute("SELECT term, doc, col, offset FROM temp.words ORDER BY doc"):
        while at + 1 < len(starts) and starts[at + 1][0] <= rowid:
            at += 1
        first, aid = starts[at]
        found.append(json.dumps([aid, rowid - first - 1, column, offset, term], ensure_ascii=False))
    yield from (("search", row) for row in sorted(found))


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
    for table, row in table_rows(library.index):
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
