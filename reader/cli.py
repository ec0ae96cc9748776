"""`iranru-reader`: the TUI by default, and subcommands for scripts and pipes.

stdout is data, stderr is messages. Exit status: 0 ok, 1 nothing found,
2 bad input or config (SPEC §7). No user error ever ends in a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cache import cache_dir, clear_cache
from .config import load_config
from .annotate.gazetteer import candidates, unused_aliases
from .library import AmbiguousArticle, Library
from .models import Document, Skipped
from .render import to_ansi, to_json, to_plain
from .sanitize import safe_line
from .yamlfile import ConfigError

OK, NOTHING, BAD = 0, 1, 2
SUBCOMMANDS = ("list", "show", "related", "topics", "entities", "check", "cache")


class UsageError(Exception):
    """Bad input from the user: reported on stderr with exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return _run_subcommand(argv)
        return _run_tui(argv)
    except ConfigError as error:
        _say(f"config error: {error}")
        return BAD
    except UsageError as error:
        _say(f"error: {error}")
        return BAD
    except BrokenPipeError:
        # The reader of our stdout went away (`| head`); that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        return 130


def _say(message: str) -> None:
    print(f"iranru-reader: {message}", file=sys.stderr)


# --- argument parsing -----------------------------------------------------------

def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="config file (default: see README, 'Configuration')")
    parser.add_argument("--no-cache", action="store_true",
                        help="analyse every article now, in memory, without reading or writing the cached index")


def _tui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iranru-reader",
        description="Read news about Iran–Russia relations: entities highlighted, same-topic passages one key away.",
        epilog="subcommands: " + ", ".join(SUBCOMMANDS) + " (iranru-reader SUBCOMMAND --help)",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path, help="article files or folders (default: the configured corpus)")
    _common(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iranru-reader")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("list", help="the articles, one a line (id, date, title, source)")
    p.add_argument("paths", nargs="*", metavar="PATH", type=Path)
    p.add_argument("--json", action="store_true", help="a JSON array instead of tab-separated lines")
    _common(p)

    p = sub.add_parser("show", help="one article, cleaned and highlighted")
    p.add_argument("article", metavar="ARTICLE", help="an id or title prefix from the corpus, or the path of any text file")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the article as one JSON object")
    fmt.add_argument("--plain", action="store_true", help="plain text, no colours")
    fmt.add_argument("--ansi", action="store_true", help="ANSI colours (for less -R)")
    p.add_argument("--width", type=int, default=None, help="wrap ANSI output at this width")
    _common(p)

    p = sub.add_parser("related", help="other articles' passages on the same topics as a passage")
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("--passage", type=int, default=None, metavar="N", help="paragraph index (default: every passage of the article)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    _common(p)

    p = sub.add_parser("topics", help="each topic with its passages across the corpus, in date order")
    p.add_argument("--json", action="store_true")
    _common(p)

    p = sub.add_parser("entities", help="canonical entities with mention counts per article")
    p.add_argument("--candidates", action="store_true", help="capitalised names the gazetteer misses, with counts")
    p.add_argument("--json", action="store_true")
    _common(p)

    p = sub.add_parser("cache", help="the cached corpus index: `cache clear` deletes it")
    p.add_argument("action", choices=["clear"])

    p = sub.add_parser("check", help="validate the config, gazetteer and topic map against the corpus")
    p.add_argument("--verbose", "-v", action="store_true", help="list every unused alias and signal")
    _common(p)
    return parser


def _library(args: argparse.Namespace, fresh: bool = True) -> Library:
    config = load_config(args.config, use_cache=not args.no_cache)
    for warning in config.warnings:
        _say(f"warning: {warning}")
    paths = getattr(args, "paths", None) or None
    library = Library(config, paths, cache=not args.no_cache)
    for warning in library.warnings:
        _say(f"warning: {warning}")
    return library.ensure_fresh() if fresh else library


# --- TUI -------------------------------------------------------------------------

def _run_tui(argv: list[str]) -> int:
    args = _tui_parser().parse_args(argv)
    library = _library(args, fresh=False)  # the app indexes in a worker, with progress
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError("the reader needs a terminal; for scripts use a subcommand (iranru-reader --help)")
    from .tui.app import ReaderApp

    ReaderApp(library).run()
    return OK


# --- subcommands -----------------------------------------------------------------

def _run_subcommand(argv: list[str]) -> int:
    args = _subcommand_parser().parse_args(argv)
    if args.command == "cache":
        removed = clear_cache()
        print(f"removed {removed} cached index(es) from {cache_dir()}")
        return OK
    library = _library(args)
    handler = {"list": _list, "show": _show, "related": _related, "topics": _topics,
               "entities": _entities, "check": _check}[args.command]
    return handler(library, args)


def _emit_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _report_skipped(library: Library) -> None:
    for skipped in library.skipped:
        _say(f"skipped {safe_line(str(skipped.path))}: {skipped.reason}")


def _list(library: Library, args: argparse.Namespace) -> int:
    _report_skipped(library)
    entries = library.entries
    if args.json:
        _emit_json([{
            "id": e.id, "path": safe_line(e.path), "title": e.title, "source": e.source, "date": e.date,
            "words": e.words, "topics": list(e.topics), "warnings": list(e.warnings), "language": e.language,
        } for e in entries])
    else:
        for e in entries:
            print("\t".join([e.id, e.date or "—", e.title, e.source or "—"]))
    return OK if entries else NOTHING


def _resolve(library: Library, reference: str) -> Document:
    try:
        found = library.resolve(reference)
    except AmbiguousArticle as error:
        names = "; ".join(f"{e.id} ({e.title})" for e in error.matches[:5])
        raise UsageError(f"'{reference}' matches {len(error.matches)} articles: {names}") from None
    except LookupError as error:
        raise UsageError(str(error.args[0])) from None
    if isinstance(found, Skipped):
        raise UsageError(f"cannot show {safe_line(str(found.path))}: {found.reason}")
    return found


def _show(library: Library, args: argparse.Namespace) -> int:
    doc = _resolve(library, args.article)
    labels = {t.id: t.label for t in library.topic_map.topics}
    for warning in doc.warnings:
        _say(f"warning: {doc.id}: {warning}")
    if args.json:
        _emit_json(to_json(doc))
    elif args.ansi or (not args.plain and sys.stdout.isatty()):
        sys.stdout.write(to_ansi(doc, library.config.styles, width=args.width, no_color=bool(os.environ.get("NO_COLOR")),
                                 type_tags=library.config.type_tags, topic_labels=labels))
    else:
        sys.stdout.write(to_plain(doc, type_tags=library.config.type_tags, topic_labels=labels))
    return OK


def _related(library: Library, args: argparse.Namespace) -> int:
    doc = _resolve(library, args.article)
    count = len(doc.clean.paragraphs)
    if args.passage is not None and not 0 <= args.passage < count:
        raise UsageError(f"{doc.id} has passages 0 to {count - 1}; there is no passage {args.passage}")
    indexes = [args.passage] if args.passage is not None else range(count)
    rows = []
    for index in indexes:
        for rel in library.related(doc, index, args.limit):
            rows.append((index, rel))
    if args.json:
        _emit_json([{
            "from_passage": index, "article": rel.passage.article_id, "passage": rel.passage.index,
            "title": rel.passage.title, "date": rel.passage.date, "topics": list(rel.shared),
            "score": rel.score, "snippet": rel.passage.snippet,
        } for index, rel in rows])
    else:
        for index, rel in rows:
            p = rel.passage
            print("\t".join([f"¶{index}", p.article_id, f"¶{p.index}", p.date or "—", ",".join(rel.shared), p.snippet]))
    return OK if rows else NOTHING


def _topics(library: Library, args: argparse.Namespace) -> int:
    result = []
    for topic in library.topic_map.topics:
        result.append((topic, library.trail(topic.id)))
    if args.json:
        _emit_json([{
            "id": t.id, "label": t.label, "description": t.description, "related": list(t.related),
            "passages": [{"article": p.article_id, "passage": p.index, "date": p.date, "title": p.title,
                          "snippet": p.snippet} for p in passages],
        } for t, passages in result])
    else:
        for topic, passages in result:
            articles = len({p.article_id for p in passages})
            print(f"{topic.id}\t{topic.label}\t{len(passages)} passages in {articles} articles")
            for p in passages:
                print(f"  {p.date or '—'}\t{p.article_id}\t¶{p.index}\t{p.snippet}")
    return OK if any(passages for _, passages in result) else NOTHING


def _entities(library: Library, args: argparse.Namespace) -> int:
    if args.candidates:
        counts = candidates((p.text for d in library.documents() for p in d.clean.paragraphs), library.matcher)
        ranked = counts.most_common()
        if args.json:
            _emit_json([{"name": name, "count": count} for name, count in ranked])
        else:
            for name, count in ranked:
                print(f"{count}\t{name}")
        return OK if ranked else NOTHING
    per_entity: dict[tuple[str, str], Counter[str]] = {}
    for name, kind, article, count in library.index.entity_counts():
        per_entity.setdefault((name, kind), Counter())[article] += count
    ranked = sorted(per_entity.items(), key=lambda kv: (-sum(kv[1].values()), kv[0][0]))
    if args.json:
        _emit_json([{"canonical": name, "type": kind, "count": sum(c.values()), "articles": dict(c)}
                    for (name, kind), c in ranked])
    else:
        for (name, kind), c in ranked:
            per_article = ", ".join(f"{doc_id}:{n}" for doc_id, n in c.most_common())
            print(f"{sum(c.values())}\t{kind}\t{name}\t{per_article}")
    return OK if ranked else NOTHING


def _check(library: Library, args: argparse.Namespace) -> int:
    warnings: list[str] = [*library.gazetteer.warnings, *library.topic_map.warnings]
    config = library.config
    entries = library.entries
    for skipped in library.skipped:
        warnings.append(f"{safe_line(str(skipped.path))}: skipped: {skipped.reason}")
    names = {Path(e.path).name for e in entries} | {e.id for e in entries}
    for name in config.articles:
        if name not in names:
            warnings.append(f"{config.path}: metadata for '{name}', which is not in the corpus")
    in_corpus = library.topics_in_corpus()
    for topic in library.topic_map.topics:
        if topic.id not in in_corpus:
            warnings.append(f"{library.topic_map.path}: topic '{topic.id}' has no passage in this corpus")
    # One pass over the documents, none kept: topic signals are checked on the
    # way, and the mentions each document carries are noted for the aliases.
    mention_texts: set[str] = set()

    def noting_mentions():
        for doc in library.documents():
            mention_texts.update(m.text for mentions in doc.mentions for m in mentions)
            yield doc

    unused_signals = library.topic_matcher.unused_signals(noting_mentions())
    unused = unused_aliases(library.gazetteer, mention_texts)
    if unused:
        entities = len({e.canonical for e, _ in unused})
        warnings.append(f"{library.gazetteer.path}: {len(unused)} aliases of {entities} entities never match "
                        f"in this corpus ({len(entries)} articles){'' if args.verbose else '; --verbose lists them'}")
        if args.verbose:
            warnings += [f"  unused alias: {alias!r} ({e.type} {e.canonical})" for e, alias in unused]
    if unused_signals:
        warnings.append(f"{library.topic_map.path}: {len(unused_signals)} topic signals never match in this corpus"
                        f"{'' if args.verbose else '; --verbose lists them'}")
        if args.verbose:
            warnings += [f"  unused signal: {topic}: {signal!r}" for topic, signal in unused_signals]
    for warning in warnings:
        print(f"warning: {warning}")
    print(f"check: {len(entries)} articles, {len(library.gazetteer.entities)} entities, "
          f"{len(library.topic_map.topics)} topics; 0 errors, {len(warnings)} warnings")
    return OK


if __name__ == "__main__":
    sys.exit(main())
