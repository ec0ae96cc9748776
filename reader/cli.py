"""`iranru-reader`: the TUI by default, and subcommands for scripts and pipes.

stdout is data, stderr is messages. Exit status: 0 ok, 1 nothing found,
2 bad input or config (SPEC §7). No user error ever ends in a traceback.
"""

from __future__ import annotations

import argparse
import errno
import gc
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cache import cache_dir, clear_cache
from .config import Display, load_config
from .annotate.gazetteer import candidates, unused_aliases
from .keys import keymap_problems
from .library import AmbiguousArticle, Library
from .models import Document, Skipped
from .render import pilcrow, plural, to_ansi, to_json, to_plain
from .sanitize import safe_line
from .yamlfile import ConfigError

OK, NOTHING, BAD = 0, 1, 2
SUBCOMMANDS = ("list", "show", "related", "topics", "entities", "check", "cache", "timeline", "brief", "serve")


class UsageError(Exception):
    """Bad input from the user: reported on stderr with exit status 2."""


class NotFound(Exception):
    """Nothing to show: the message says what was not found; exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line (argparse prints the usage first)."""

    def error(self, message: str):
        self.exit(BAD, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = _subcommand_first(list(sys.argv[1:] if argv is None else argv))
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
    except NotFound as error:
        _say(str(error))
        return NOTHING
    except BrokenPipeError:
        # The reader of our stdout went away (`| head`); that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        return 130
    except SystemExit as done:  # argparse: --help, --version, a usage error (already printed)
        return done.code if isinstance(done.code, int) else BAD


def _subcommand_first(argv: list[str]) -> list[str]:
    """`--config FILE list` as `list --config FILE`: common options may come before
    the subcommand (it is the first argument that is neither an option nor its value)."""
    position = 0
    while position < len(argv) and argv[position] in ("--config", "--no-cache"):
        position += 2 if argv[position] == "--config" else 1
    if 0 < position < len(argv) and argv[position] in SUBCOMMANDS:
        return [argv[position], *argv[:position], *argv[position + 1:]]
    return argv


def _say(message: str) -> None:
    print(f"iranru-reader: {message}", file=sys.stderr)


# --- argument parsing -----------------------------------------------------------

def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help="config file (default: $IRANRU_READER_CONFIG, ./config.yaml, the user config "
                             "directory's config.yaml, else the bundled one; yours is laid over the bundled one)")
    parser.add_argument("--no-cache", action="store_true",
                        help="analyse every article now, into a temporary index deleted on exit, without reading or writing the cached one")


def _positive(value: str) -> int:
    """An argparse type: a whole number above 0 (a width of 0 columns or a limit of
    0 results is a mistake, not a request)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{value}'") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


#: What each subcommand does: its --help and the reader's --help list.
HELP = {
    "list": "the articles, one a line (id, date, title, source)",
    "show": "one article, cleaned and highlighted",
    "related": "other articles' passages on the same topics as an article's passages",
    "topics": "each topic with its passages across the corpus, in date order",
    "entities": "canonical entities with mention counts per article",
    "check": "validate the config, keymap, gazetteer and topic map against the corpus",
    "cache": "the cached corpus index: `cache clear` deletes it",
    "timeline": "passages per month on a topic or about an entity, across the corpus",
    "brief": "a Markdown brief: bookmarked passages, or a topic's, quoted and cited",
    "serve": "the reader in a web browser (textual-serve)",
}


def _tui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="iranru-reader",
        description="Read news about Iran–Russia relations: entities highlighted, same-topic passages one key away.",
        epilog="subcommands, for scripts and pipes (iranru-reader SUBCOMMAND --help):\n"
               + "".join(f"  {name:<10}{HELP.get(name, '')}\n" for name in SUBCOMMANDS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", type=path_argument,
                        help="article files or folders (default: the configured corpus)")
    _common(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="iranru-reader")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    parser.commands = sub.choices  # name -> its parser, for _parse_intermixed's errors

    def add(name: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=HELP[name], description=HELP[name][0].upper() + HELP[name][1:] + ".")

    p = add("list")
    _corpus_paths(p)
    p.add_argument("--json", action="store_true", help="a JSON array instead of tab-separated lines")
    _common(p)

    p = add("show")
    p.add_argument("article", metavar="ARTICLE", help="an id or title prefix from the corpus, or the path of any text file")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the article as one JSON object")
    fmt.add_argument("--plain", action="store_true", help="plain text, no colours (the default into a pipe or file)")
    fmt.add_argument("--ansi", action="store_true", help="ANSI colours (for less -R; the default on a terminal)")
    p.add_argument("--width", type=_positive, default=None, metavar="N",
                   help="wrap the text at N columns (default: the terminal's width on a terminal, else no wrapping)")
    p.add_argument("--no-pager", action="store_true",
                   help="do not page the article on a terminal (default: through $PAGER, else less -R)")
    p.add_argument("--bidi", choices=("visual", "logical"), default=None,
                   help="right-to-left lines in visual order (as a terminal that does not reorder shows them) or "
                        "logical order (as written: for files, grep and editors); default: visual on a terminal and "
                        "with --ansi, else logical")
    _corpus_paths(p)
    _common(p)

    p = add("related")
    p.add_argument("article", metavar="ARTICLE", help="an id or title prefix from the corpus, or the path of any text file")
    p.add_argument("--passage", type=int, default=None, metavar="N",
                   help="only passage ¶N, counted from 1 as the reader shows it (default: every passage)")
    p.add_argument("--json", action="store_true", help="a JSON array instead of tab-separated lines")
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N results in all (default 20)")
    _corpus_paths(p)
    _common(p)

    p = add("topics")
    _corpus_paths(p)
    p.add_argument("--json", action="store_true", help="a JSON array instead of lines")
    _common(p)

    p = add("entities")
    _corpus_paths(p)
    p.add_argument("--candidates", action="store_true", help="names the gazetteer misses, ranked by articles, with a guessed type and the articles")
    p.add_argument("--json", action="store_true", help="a JSON array instead of tab-separated lines")
    _common(p)

    p = add("check")
    _corpus_paths(p)
    p.add_argument("--verbose", "-v", action="store_true",
                   help="list every unused alias and signal, and the words that put passages on each topic")
    _common(p)

    p = add("cache")
    p.add_argument("action", choices=["clear"], help="clear: delete the cached indexes and parsed files")
    _common(p)  # accepted like everywhere; the cache folder is the user's, whatever the config

    _view_parsers(add)
    return parser


def _parse_intermixed(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse `argv`, taking PATHs (timeline: TOPICs and PATHs) after options too
    ("timeline caspian --json corpus"): argparse leaves a positional list that
    options interrupt as unrecognised, and its parse_intermixed_args refuses
    subcommands. Any other leftover is the usual one-line error (exit 2)."""
    args, extra = parser.parse_known_args(argv)
    if extra and not any(word.startswith("-") for word in extra):
        if hasattr(args, "subjects"):
            args.subjects += extra
            return args
        if hasattr(args, "paths"):
            try:
                args.paths = [*args.paths, *map(path_argument, extra)]
            except argparse.ArgumentTypeError as error:
                parser.error(str(error))
            return args
    if extra:  # said by the subcommand's parser: its --help lists the options it takes
        owner = getattr(parser, "commands", {}).get(getattr(args, "command", None), parser)
        owner.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def path_argument(text: str) -> Path:
    """A PATH argument as a Path; an empty one is refused (Path("") is the current
    folder, which `list ""` read as the corpus). Raises argparse.ArgumentTypeError."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty PATH names no file or folder")
    return Path(text)


def _corpus_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", type=path_argument, default=[],
                        help="article files or folders (default: the configured corpus)")


def _library(args: argparse.Namespace, fresh: bool = True) -> Library:
    config = load_config(args.config, use_cache=not args.no_cache)
    for warning in config.warnings:
        _say(f"warning: {warning}")
    paths = getattr(args, "paths", None) or None
    for path in paths or ():
        if not path.exists():
            raise UsageError(f"no such file or folder: {safe_line(str(path))}")
    library = Library(config, paths, cache=not args.no_cache)
    for warning in library.warnings:
        _say(f"warning: {warning}")
    return library.ensure_fresh() if fresh else library


# --- TUI -------------------------------------------------------------------------

def _run_tui(argv: list[str]) -> int:
    args = _tui_parser().parse_args(argv)
    for path in args.paths:
        if not path.exists():
            raise UsageError(not_found_message(str(path)))
    library = _library(args, fresh=False)  # the app indexes in a worker, with progress
    errors, _ = keymap_problems(library.config.keymap)
    if errors:  # the reader would start with a broken key line, its warnings hidden by the screen
        raise UsageError(f"{library.config.path}: {errors[0]}"
                         + (f" (and {len(errors) - 1} more; see iranru-reader check)" if len(errors) > 1 else ""))
    if not _served() and (not sys.stdin.isatty() or not sys.stdout.isatty()):
        raise UsageError("the reader needs a terminal; for scripts use a subcommand (iranru-reader --help)")
    # No cyclic garbage collection until the first frame is drawn (the app enables it
    # then): Textual's import and the app's start allocate ~100,000 objects, and the
    # collector's ~170 passes over them took ~60 ms of CPU before the first frame (issue 17).
    gc.disable()
    from .tui.app import ReaderApp

    app = ReaderApp(library)
    app.run()
    return app.return_code or OK  # 1 when the app stopped on an error (Textual prints its traceback)


def not_found_message(argument: str) -> str:
    """What to say when the reader's PATH argument names nothing: it may be a
    mistyped subcommand (`lsit`) or an article id meant for `show` (`003`)."""
    from difflib import get_close_matches  # only on this error path

    guess = get_close_matches(argument, SUBCOMMANDS, n=1)
    hint = f" (did you mean {guess[0]}?)" if guess else f" (to print an article: iranru-reader show {argument})"
    return f"no such file, folder or subcommand: {safe_line(argument)}{hint}"


# --- subcommands -----------------------------------------------------------------

def _run_subcommand(argv: list[str]) -> int:
    args = _parse_intermixed(_subcommand_parser(), argv)
    if args.command == "cache":
        removed = clear_cache()
        _say(f"removed {plural(removed, 'cached index', 'cached indexes')} from {cache_dir()}")
        return OK
    if args.command in VIEW_COMMANDS:
        return VIEW_COMMANDS[args.command](args)
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
            "words": e.words, "word_count": e.words, "topics": list(e.topics), "warnings": list(e.warnings), "language": e.language,
        } for e in entries])
    else:
        for e in entries:
            print("\t".join([e.id, e.date or "—", e.title, e.source or "—"]))
    if not entries:
        raise NotFound(f"no articles in {', '.join(safe_line(str(p)) for p in library.paths)}")
    return OK


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
    terminal = sys.stdout.isatty()
    width = args.width or (shutil.get_terminal_size().columns if terminal else None)
    # Into a pipe or file, wrapped or not, right-to-left text stays in logical order: what
    # grep and editors expect (newcomers' greps found no Persian word in reversed lines, with
    # and without --width); colours are for a terminal (less -R), which shows visual order.
    visual = args.bidi == "visual" or (args.bidi is None and (terminal or args.ansi))
    display = library.config.display if visual else Display(bidi="terminal")
    options = {"type_tags": library.config.type_tags, "topic_labels": labels, "warnings": False, "display": display}
    if args.json:
        text = json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n"
    elif args.ansi or (not args.plain and terminal):
        text = to_ansi(doc, library.config.styles, width=width, no_color=bool(os.environ.get("NO_COLOR")), **options)
    else:
        text = to_plain(doc, width=width, **options)
    if terminal and not args.no_pager:
        page(text)
    else:
        sys.stdout.write(text)
    return OK


def pager_command(environ: dict[str, str]) -> list[str] | None:
    """The pager to run, as git chooses it: $PAGER, else `less -R`; None for no
    pager (`PAGER=` or `PAGER=cat`) or one that is not installed or not a command line."""
    try:
        command = shlex.split(environ.get("PAGER", "less -R"))
    except ValueError:  # an unbalanced quote
        return None
    if not command or command == ["cat"] or shutil.which(command[0]) is None:
        return None
    return command


def page(text: str) -> None:
    """Write `text` to stdout through the pager. Like git, `LESS=FRX` unless LESS is
    set: less exits at once when the text fits the screen, shows colours and leaves
    the text on the screen."""
    command = pager_command(dict(os.environ))
    sys.stdout.flush()
    try:
        if command is None:
            raise FileNotFoundError(None)
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env={**os.environ, "LESS": os.environ.get("LESS", "FRX")})
    except OSError:  # no pager, or one that cannot run: print directly
        sys.stdout.write(text)
        return
    with pager:
        # Ctrl+C is the pager's (less stops a search with it), as git has it: ignored here.
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            pager.stdin.write(text.encode("utf-8"))
            pager.stdin.close()
        except BrokenPipeError:  # the user quit the pager before the end
            pass
        finally:
            pager.wait()
            signal.signal(signal.SIGINT, interrupt)


def _related(library: Library, args: argparse.Namespace) -> int:
    doc = _resolve(library, args.article)
    count = len(doc.clean.paragraphs)
    if args.passage is not None and not 1 <= args.passage <= count:
        raise UsageError(f"{doc.id} has passages ¶1 to ¶{count}; there is no passage ¶{args.passage}")
    indexes = [args.passage - 1] if args.passage is not None else range(count)  # ¶N is index N-1
    rows = []
    for index in indexes:  # the limit is for the whole output: the first rows of an unlimited one
        rows += [(index, rel) for rel in library.related(doc, index, args.limit - len(rows))]
        if len(rows) >= args.limit:
            break
    if args.json:
        # from_passage and passage are 0-based, as show --json's paragraph `index` (¶N is N-1);
        # from_pilcrow and pilcrow are the ¶N that --passage, the text output and the reader use.
        _emit_json([{
            "from_passage": index, "article": rel.passage.article_id, "passage": rel.passage.index,
            "from_pilcrow": pilcrow(index), "pilcrow": pilcrow(rel.passage.index),
            "title": rel.passage.title, "date": rel.passage.date, "topics": list(rel.shared),
            "score": rel.score, "snippet": rel.passage.snippet,
        } for index, rel in rows])
    else:
        for index, rel in rows:
            p = rel.passage
            print("\t".join([pilcrow(index), p.article_id, pilcrow(p.index), p.date or "—", ",".join(rel.shared), p.snippet]))
    if not rows:
        which = f"passage ¶{args.passage} of {doc.id}" if args.passage is not None else f"any passage of {doc.id}"
        raise NotFound(f"no other article has a passage on the same topic as {which}")
    return OK


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
            print(f"{topic.id}\t{topic.label}\t{plural(len(passages), 'passage')} in {plural(articles, 'article')}")
            for p in passages:
                print(f"  {p.date or '—'}\t{p.article_id}\t{pilcrow(p.index)}\t{p.snippet}")
    if not any(passages for _, passages in result):
        raise NotFound(f"no passage of the {plural(len(library.entries), 'article')} is on any of "
                       f"the {plural(len(result), 'topic')} in {library.topic_map.path}")
    return OK


def _entities(library: Library, args: argparse.Namespace) -> int:
    if args.candidates:
        ranked = candidates(((d.id, [p.text for p in d.clean.paragraphs], d.mentions) for d in library.documents()),
                            library.gazetteer)
        if args.json:
            _emit_json([{"name": c.name, "type": c.type, "articles": len(c.articles), "count": c.count,
                         "article_ids": list(c.articles)} for c in ranked])
        else:
            for c in ranked:
                print(f"{len(c.articles)}\t{c.count}\t{c.type}\t{c.name}\t{', '.join(c.articles)}")
        if not ranked:
            raise NotFound(f"no name outside the gazetteer in the {plural(len(library.entries), 'article')}")
        return OK
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
    if not ranked:
        raise NotFound(f"no entity of the gazetteer is mentioned in the {plural(len(library.entries), 'article')}")
    return OK


def _check(library: Library, args: argparse.Namespace) -> int:
    config = library.config
    errors, keymap_warnings = keymap_problems(config.keymap)
    warnings: list[str] = [*library.gazetteer.warnings, *library.topic_map.warnings, *keymap_warnings]
    entries = library.entries
    for skipped in library.skipped:
        warnings.append(f"{safe_line(str(skipped.path))}: skipped: {skipped.reason}")
    names = {Path(e.path).name for e in entries} | {e.id for e in entries}
    # The config's metadata is about its own corpus: checking other PATHs (the bundled
    # config's five seeds against a newcomer's folder) it named five "missing" articles.
    for name in () if getattr(args, "paths", None) else config.own_articles:
        if name not in names:
            warnings.append(f"{config.path}: metadata for '{name}', which is not in the corpus")
    in_corpus = library.topics_in_corpus()
    for topic in library.topic_map.topics:
        if topic.id not in in_corpus:
            warnings.append(f"{library.topic_map.path}: topic '{topic.id}' has no passage in this corpus")
    # One pass over the documents, none kept: topic signals are checked on the
    # way, and the mentions each document carries are noted for the aliases.
    mention_texts: set[str] = set()
    evidence: dict[str, Counter[str]] = {}  # topic id -> the words that put passages on it, for --verbose
    passages: Counter[str] = Counter()

    def noting_mentions():
        for doc in library.documents():
            mention_texts.update(m.text for mentions in doc.mentions for m in mentions)
            for hits in doc.passage_topics:
                for hit in hits:
                    passages[hit.topic] += 1
                    evidence.setdefault(hit.topic, Counter()).update(word.lower() for word in hit.evidence)
            yield doc

    described = {e.canonical for e in library.gazetteer.entities if e.descriptive}
    unused_signals = library.topic_matcher.unused_signals(noting_mentions(), described)
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
    for error in errors:
        _say(f"error: {config.path}: {error}")
    for warning in warnings:
        _say(f"warning: {warning}")
    if args.verbose:  # why each topic has its passages: the words that fired most often
        for topic in library.topic_map.topics:
            if passages[topic.id]:
                words = ", ".join(f"{safe_line(word)!r} ×{n}" for word, n in evidence[topic.id].most_common(8))
                print(f"topic {topic.id}: {plural(passages[topic.id], 'passage')}, on the evidence of {words}")
    print(f"check: {plural(len(entries), 'article')}, {plural(len(library.gazetteer.entities), 'entity', 'entities')}, "
          f"{plural(len(library.topic_map.topics), 'topic')}; {plural(len(errors), 'error')}, "
          f"{plural(len(warnings) + len(config.warnings) + len(library.warnings), 'warning')}")  # those two: said on loading
    return BAD if errors else OK


# --- the analyst's views: timeline, brief, serve (SPEC §12) ------------------------

def _view_parsers(add) -> None:
    p = add("timeline")
    p.add_argument("subjects", nargs="+", metavar="TOPIC [PATH]",
                   help="a topic id or label, or an entity's canonical name; several are compared; "
                        "then article files or folders (default: the configured corpus)")
    p.add_argument("--json", action="store_true", help="months and counts as one JSON object")
    _common(p)

    p = add("brief")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--bookmarks", action="store_true", help="the passages bookmarked in the reader (m)")
    what.add_argument("--topic", metavar="ID", help="every passage on this topic (id or label) or about this entity")
    _corpus_paths(p)
    p.add_argument("--from", dest="start", metavar="DATE", help="only passages dated on or after DATE (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="end", metavar="DATE", help="only passages dated on or before DATE (YYYY[-MM[-DD]])")
    p.add_argument("--out", metavar="FILE", help="write here (atomically); '-' prints it (default: printed into a pipe; "
                                                 "on a terminal, a new brief-NAME-DATE.md here, never replacing one)")
    p.add_argument("--force", action="store_true", help="let --out replace a file that exists (else exit 2)")
    _common(p)

    p = add("serve")
    _corpus_paths(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every network)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    _common(p)


def _subject(library: Library, name: str):
    try:
        return library.subject(name)
    except LookupError as error:
        raise UsageError(str(error.args[0])) from None


def _split_paths(arguments: list[str]) -> tuple[list[str], list[Path]]:
    """`timeline TOPIC... [PATH...]`: the first argument is a topic; after it, one that
    names a file or folder, or looks like a path (holds a slash or ends in .txt, .md,
    .html, .htm), is a corpus path (an existing one or not: `_library` says which is missing)."""
    names, paths = arguments[:1], []
    for argument in arguments[1:]:
        if not argument.strip():  # an empty one is a name (and no such topic), not the current folder
            names.append(argument)
        elif paths or os.sep in argument or "/" in argument or Path(argument).exists() \
                or argument.lower().endswith((".txt", ".md", ".html", ".htm")):
            paths.append(Path(argument))
        else:
            names.append(argument)
    return names, paths


def _timeline(args: argparse.Namespace) -> int:
    from .timeline import text_lines, to_json

    args.subjects, args.paths = _split_paths(args.subjects)
    library = _library(args)
    subjects, unknown = [], []
    for place, name in enumerate(args.subjects):  # every unknown name said at once, each subject charted once
        try:
            subject = _subject(library, name)
        except UsageError as error:
            first = Path(name)
            if not place and name.strip() and first.exists():  # `timeline DIR`: the folder was read as the topic
                raise UsageError(f"{first} is a {'folder' if first.is_dir() else 'file'}, not a topic: give the "
                                 "TOPIC first (timeline TOPIC... [PATH...]; the ids: iranru-reader topics)") from None
            unknown.append(str(error))
        else:
            subjects += [subject] if subject not in subjects else []
    if unknown:
        raise UsageError("; ".join(unknown))
    timeline = library.timeline(subjects)
    if args.json:
        _emit_json(to_json(timeline))
    else:
        for series in timeline.series:
            if series.duplicates:
                _say(f"{series.subject.label}: {plural(series.duplicates, 'passage')} of duplicate articles not counted")
        terminal = sys.stdout.isatty()
        if terminal and len(timeline.series) == 1:
            print(f"{timeline.series[0].subject.label}: passages per month ({timeline.series[0].total} in all)")
        elif terminal:  # its lines name each series: the header says what they count
            print(" vs ".join(f"{s.subject.label} ({s.total})" for s in timeline.series) + ": passages per month")
        else:  # a pipe: a header naming each count column, one subject or several
            print("\t".join(["month", *(s.subject.label for s in timeline.series)]))
        for line in text_lines(timeline, bars=terminal):
            print(line)
    if timeline.empty:
        _say(f"no passage on {', '.join(s.subject.label for s in timeline.series)} in this corpus")
        return NOTHING
    return OK


def _brief(args: argparse.Namespace) -> int:
    from datetime import date

    from .export import brief_markdown, date_bound, default_name, free_path, gather
    from .state import StateStore

    try:
        start, end = (date_bound(x) if x is not None else None for x in (args.start, args.end))
    except ValueError as error:
        raise UsageError(str(error)) from None
    if start and end and start[:len(end)] > end:  # no date is within (export.within): bad input, not "nothing"
        raise UsageError(f"--from {start} is after --to {end}")
    library = _library(args)
    if args.bookmarks:
        store = StateStore.for_corpus(library.paths, library.config.corpus)  # the reader's, for this corpus
        marks = store.load().bookmarks
        for warning in store.warnings:
            _say(f"warning: {warning}")
        if not marks:
            _say("no bookmarks yet: press m on a passage in the reader to bookmark it")
            return NOTHING
        title, wanted = "Brief: bookmarks", [(b.article_id, b.passage) for b in marks]
    else:
        subject = _subject(library, args.topic)
        title = f"Brief: {subject.label}"
        wanted = [(p.article_id, p.index) for p in library.subject_passages(subject)]
        duplicates = library.subject_duplicates(subject, start, end)
    quotes, missing = gather(wanted, library.get, start, end)
    if args.bookmarks:  # the same passage bookmarked in two copies of one story: quoted once
        quotes, duplicates = library.distinct(quotes, lambda q: (q.doc.id, q.index))
    for article_id, index in missing:
        _say(f"warning: ¶{index + 1} of {article_id} is no longer in the corpus; left out")
    if not quotes:
        between = f" between {start or 'the start'} and {end or 'the end'}" if start or end else ""
        _say(f"nothing to brief: no passage{between}")
        return NOTHING
    text = brief_markdown(title, quotes, start, end, made=date.today().isoformat(), duplicates=duplicates)
    # Into a pipe, stdout is data: the brief itself (a newcomer's `brief … | head` printed nothing).
    if args.out == "-" or (args.out is None and not sys.stdout.isatty()):
        sys.stdout.write(text)
        return OK
    out = Path(args.out) if args.out else free_path(Path.cwd(), default_name(title, date.today().isoformat()))
    if out.is_file() and not args.force:  # a newcomer's notes, named by mistake, were replaced
        raise UsageError(f"{safe_line(str(out))} exists: --force replaces it")
    _write_file(out, text)
    _say(f"wrote {safe_line(str(out))}: {plural(len(quotes), 'passage')}")
    return OK


def _write_file(path: Path, text: str) -> None:
    from .atomic import write_atomic

    try:
        write_atomic(path, text)
    except OSError as error:
        raise UsageError(f"cannot write {safe_line(str(path))}: {error.strerror or error}") from None


def _served() -> bool:
    """Whether this process is the app behind `serve` (a browser is its terminal)."""
    return os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")


def _serve(args: argparse.Namespace) -> int:
    import shlex
    import socket

    _library(args, fresh=False)  # config errors now, not in the browser
    command = [sys.executable, "-m", "reader.cli", *(str(p.resolve()) for p in args.paths)]
    if args.config:
        command += ["--config", str(Path(args.config).resolve())]
    if args.no_cache:
        command.append("--no-cache")
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port number (1 to 65535)")
    try:  # as aiohttp binds (SO_REUSEADDR), so a port in use is one line, not a traceback
        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((args.host, args.port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(f"port {args.port} is in use on {args.host}: pick another with --port") from None
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    from .serve import serve

    url = f"http://{args.host if ':' not in args.host else f'[{args.host}]'}:{args.port}"
    if args.host in ("127.0.0.1", "localhost", "::1"):
        scope = "only this machine can connect"
    elif args.host in ("0.0.0.0", "::", ""):  # every address: the URL is no address to give a colleague
        scope = f"on every network of this machine ({socket.gethostname()}): anyone who can reach it can read the corpus"
    else:
        scope = f"anyone who can reach {args.host} can read the corpus"
    try:
        return serve(shlex.join(command), args.host, args.port,
                     announce=lambda: _say(f"serving the reader on {url} — {scope}; Ctrl+C stops"))
    except OSError as error:  # lost the race for the port since the probe
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None


VIEW_COMMANDS = {"timeline": _timeline, "brief": _brief, "serve": _serve}


if __name__ == "__main__":
    sys.exit(main())
