"""Issue 17: a faster cold index holds what a plain one does (same paragraphs, entities, topics,
search words): the indexer's speed settings (worker processes, batched writes, the writer's
page cache) are checked against one process writing one article a transaction."""

from __future__ import annotations

import shutil
from dataclasses import replace

from reader.config import bundled_config, load_config
from reader.library import Library

from conftest import ROOT, SEEDS


def test_a_cold_index_in_workers_and_batches_holds_what_one_article_a_transaction_does(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "fixtures" / "ingest", corpus)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / f"seed_{seed.name}")
    config = replace(load_config(bundled_config()), entity_model=False)
    plain = Library(config, [corpus], cache=False)
    plain.refresh(batch=1, workers=1)
    fast = Library(config, [corpus], cache=False)
    fast.refresh(workers=2)
    rows = list(plain.index.contents())
    assert {table for table, _ in rows} >= {"articles", "names", "passages", "mentions", "search"}
    assert list(fast.index.contents()) == rows
    assert list(fast.index.contents()) == rows  # read twice: the same
