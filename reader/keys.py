"""Every key of the reader as plain data, and the rules a keymap must keep.

Each key row has an id that `keymap:` in config.yaml remaps. The rows are
plain data so that `iranru-reader check` validates a keymap without importing
Textual; `tui/bindings.py` turns them into Textual `Binding`s, and the help
screen is generated from them, so neither can drift from what the keys do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    """One binding: `keys` comma-separated Textual key names, `action` a Textual action string."""

    keys: str
    action: str
    description: str
    id: str
    show: bool = True
    priority: bool = False  # checked before the focused widget's own keys (Textual's priority binding)


APP = (
    Key("q", "quit", "Quit", "quit"),
    # Priority: an input box would otherwise take Ctrl+C as "copy".
    Key("ctrl+c", "quit", "Quit", "quit.interrupt", show=False, priority=True),
    Key("escape,ctrl+g", "focus_article", "Back to the article", "article.focus", show=False),
    Key("question_mark", "help", "Help", "help"),
    # Priority: it opens a box, and the words typed after it in one burst (fast, or
    # bundled by ssh) went to the old focus, as commands or lost; a box types it itself
    # (ReaderApp.typed_elsewhere).
    Key("slash", "find", "Find", "find", priority=True),
    Key("s", "search_corpus", "Search all", "search-corpus"),
    Key("n", "next_match", "Next match", "match.next", show=False),
    Key("N", "previous_match", "Prev match", "match.previous", show=False),
    Key("t", "same_topic", "Same topic", "same-topic"),
    Key("right_square_bracket", "trail(1)", "Next on topic", "trail.next"),
    Key("left_square_bracket", "trail(-1)", "Prev on topic", "trail.previous", show=False),
    Key("right_curly_bracket", "switch_trail", "Switch trail topic", "trail.topic", show=False),
    Key("backspace,b", "back", "Back", "back"),
    Key("f", "forward", "Forward", "forward", show=False),
    Key("e", "entities", "Entities", "entities", show=False),
    Key("r", "toggle_raw", "Raw/clean", "raw", show=False),
    Key("m", "bookmark", "Bookmark", "bookmark", show=False),
    Key("M", "bookmarks", "Bookmarks", "bookmarks", show=False),
    Key("y", "copy_passage", "Copy passage", "copy", show=False),
    Key("p", "toggle_panel", "Panel", "panel", show=False),
    Key("z", "toggle_sidebar", "Sidebar", "sidebar", show=False),
    Key("less_than_sign", "sidebar_width(-4)", "Narrower sidebar", "sidebar.narrower", show=False),
    Key("greater_than_sign", "sidebar_width(4)", "Wider sidebar", "sidebar.wider", show=False),
    Key("T", "timeline", "Timeline", "timeline", show=False),
    Key("B", "brief", "Brief", "brief", show=False),
    Key("plus", "add_name", "Add a name", "gazetteer.add", show=False),
)

ARTICLE = (
    Key("j,down", "cursor(1)", "Next passage", "passage.next", show=False),
    Key("k,up", "cursor(-1)", "Prev passage", "passage.previous", show=False),
    Key("g,home", "cursor_to('first')", "First passage", "passage.first", show=False),
    Key("G,end", "cursor_to('last')", "Last passage", "passage.last", show=False),
    Key("space,pagedown", "page(1)", "Page down", "page.down", show=False),
    Key("pageup", "page(-1)", "Page up", "page.up", show=False),
    Key("enter", "open_links", "Same topic", "passage.links", show=False),
    Key("w", "toggle_evidence", "Why: topic evidence", "passage.evidence", show=False),
    Key("c", "toggle_chips", "All topic chips / one line", "topics.chips", show=False),
)


def _scrolling(pane: str) -> tuple[Key, ...]:
    """Line, end and page keys for a pane that scrolls (ids `<pane>.down`, ...)."""
    return (
        Key("j,down", "scroll_down", "Line down", f"{pane}.down", show=False),
        Key("k,up", "scroll_up", "Line up", f"{pane}.up", show=False),
        Key("g,home", "scroll_home", "Top", f"{pane}.top", show=False),
        Key("G,end", "scroll_end", "Bottom", f"{pane}.bottom", show=False),
        Key("space,pagedown", "page_down", "Page down", f"{pane}.page-down", show=False),
        Key("pageup", "page_up", "Page up", f"{pane}.page-up", show=False),
    )


RAW = (
    *_scrolling("raw"),
    Key("left,h", "scroll_left", "Scroll left", "raw.left", show=False),
    Key("right,l", "scroll_right", "Scroll right", "raw.right", show=False),
)

LIST = (
    Key("j", "cursor_down", "Down", "list.down", show=False),
    Key("k", "cursor_up", "Up", "list.up", show=False),
    Key("g", "first", "First", "list.first", show=False),
    Key("G", "last", "Last", "list.last", show=False),
)

INPUT = (
    Key("ctrl+g", "cancel", "Close", "input.cancel"),
)

MODAL = (
    Key("escape,ctrl+g,q", "close", "Close", "modal.close"),
)

BOOKMARKS = (
    Key("d,delete", "delete", "Delete bookmark", "bookmarks.delete"),
    Key("u", "undo", "Undo delete", "bookmarks.undo"),
)

HELP = _scrolling("help")

CANDIDATES = (
    Key("t", "cycle_type", "Change type", "candidates.type"),
)

TIMELINE = (
    Key("left,h", "month(-1)", "Previous bar (month, quarter, year) with passages", "timeline.previous"),
    Key("right,l", "month(1)", "Next bar with passages", "timeline.next"),
    Key("home", "month_to('first')", "First bar", "timeline.first", show=False),
    Key("end", "month_to('last')", "Last bar", "timeline.last", show=False),
    Key("enter", "open_month", "The bar's passages", "timeline.open"),
    Key("a", "add_subject", "Compare with another topic or entity", "timeline.add"),
    Key("d", "drop_subject", "Drop the last one compared", "timeline.drop"),
)

BRIEF = (
    Key("w", "save", "Save the brief as…", "brief.save"),
    Key("t", "switch", "Bookmarks / the current topic", "brief.switch"),
)

#: (pane, keys, what that pane is) in the order the help screen shows them.
SECTIONS = (
    ("Everywhere", APP, "Tab / Shift+Tab move between the sidebar, the article and the panel; Ctrl+P opens the command palette."),
    ("Article", ARTICLE, "The marked passage is the passage cursor; jumps land on a passage and mark it."),
    ("Raw view (r)", RAW, "The file as it is: dropped lines struck through, long lines not wrapped."),
    ("Lists (sidebar, panel)", LIST, "Arrows, PgUp/PgDn, Home/End and Enter work too."),
    ("Find, filter and search boxes", INPUT, "Escape closes as well; Enter keeps the result."),
    ("Dialogs (help, search, bookmarks, names)", MODAL,
     "Enter opens the highlighted item; j k g G move in their lists; in the names dialog (+), t changes the type."),
    ("Bookmarks (M)", BOOKMARKS, "The next bookmark is highlighted after a delete."),
    ("Help (?)", HELP, "Scrolls this screen."),
    ("Timeline (T)", TIMELINE, "Passages per month on the passage's topic (Ctrl+P: any topic or entity)."),
    ("Brief (B)", BRIEF, "Bookmarked passages, or the topic's, quoted and cited as Markdown; it scrolls with the raw view's keys."),
)

#: Where keys are live at the same time. A pane's own keys shadow the app's in
#: that pane (Textual asks the focused widget first), so one key for an app
#: action and a pane action leaves the app action dead there. Boxes and dialogs
#: take keys from the app on purpose (`q` closes a dialog) and are checked alone.
CONTEXTS: tuple[tuple[str, tuple[tuple[Key, ...], ...]], ...] = (
    ("the article", (APP, ARTICLE)),
    ("the raw view", (APP, RAW)),
    ("the lists", (APP, LIST)),
    ("the find and filter boxes", (INPUT,)),
    ("dialogs", (MODAL, BOOKMARKS)),
    ("help", (MODAL, HELP)),
    ("the timeline", (MODAL, TIMELINE)),
    ("the brief", (MODAL, BRIEF)),
    ("the names dialog", (MODAL, CANDIDATES)),
)

ALL = APP + ARTICLE + RAW + LIST + INPUT + MODAL + BOOKMARKS + HELP + CANDIDATES + TIMELINE + BRIEF

#: Keys a terminal or ssh may keep for itself (XON/XOFF flow control); SPEC §3.
SWALLOWED = frozenset({"ctrl+s", "ctrl+q"})

#: Keys Textual itself binds in every pane, ahead of or instead of ours (they have no id to remap).
RESERVED = {"tab": "moves to the next pane", "shift+tab": "moves to the previous pane",
            "ctrl+p": "opens the command palette"}

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMED = frozenset({
    "escape", "enter", "tab", "backspace", "delete", "insert", "home", "end", "pageup", "pagedown",
    "up", "down", "left", "right", "space", *(f"f{n}" for n in range(1, 25)),
})
# Textual's own short names for some characters (textual.keys.KEY_NAME_REPLACEMENTS).
_SHORT_NAMES = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
                "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}


def key_name(key: str) -> str | None:
    """The Textual name of one key as a user may write it (`]`, `right_square_bracket`,
    `ctrl+n`, ` down`), or None when it names no key.

    A single character becomes its Unicode name in Textual's form, as Textual
    does for `Binding` keys (but not for keymaps, which it takes as written:
    `]` in a keymap would never fire).
    """
    key = key.strip()
    if not key:
        return None
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if any(m.lower() not in _MODIFIERS for m in modifiers) or not base:
        return None
    if len(base) == 1:
        if not base.isprintable():
            return None
        if not base.isalnum():
            base = unicodedata.name(base, base).lower().replace("-", "_").replace(" ", "_")
            base = _SHORT_NAMES.get(base, base)
    elif base.lower() in _NAMED:
        base = base.lower()
    elif base not in _SHORT_NAMES.values() and not _is_character_name(base):
        return None
    return "+".join([*(m.lower() for m in modifiers), base])


def _is_character_name(name: str) -> bool:
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def normalize_keys(keys: str) -> str:
    """A keymap value with every key in Textual's form (`"], ctrl+n"` -> `"right_square_bracket,ctrl+n"`);
    keys that name nothing are kept as written (`keymap_problems` reports them)."""
    return ",".join(key_name(k) or k.strip() for k in keys.split(","))


def keymap_problems(keymap: Mapping[str, str], rows: Sequence[Key] = ALL) -> tuple[list[str], list[str]]:
    """(errors, warnings) of a keymap (binding id -> comma-separated keys), one line each.

    Errors: an unknown binding id; a key that names no key or one Textual keeps
    (RESERVED); one key for two actions where both are live (CONTEXTS); no key
    left that quits the reader.
    Warnings: keys that terminals or ssh swallow (SWALLOWED).
    """
    from difflib import get_close_matches

    errors: list[str] = []
    warnings: list[str] = []
    ids = list(dict.fromkeys(row.id for row in rows))
    for binding_id in keymap:
        if binding_id not in ids:
            hint = get_close_matches(binding_id, ids, n=1)
            errors.append(f"keymap: unknown binding id '{binding_id}'"
                          + (f" (did you mean '{hint[0]}'?)" if hint else " (the help screen, ?, lists the ids)"))
    for binding_id, keys in keymap.items():
        for key in keys.split(","):
            name = key_name(key)
            if name is None:
                errors.append(f"keymap: '{binding_id}': '{key.strip()}' is not a key name "
                              "(write keys as j, G, ], ctrl+n, pagedown, f5)")
            elif name in SWALLOWED:
                warnings.append(f"keymap: '{binding_id}': {name} is often swallowed by terminals and ssh")
            elif name in RESERVED:
                errors.append(f"keymap: '{binding_id}': {name} {RESERVED[name]}; choose another key")

    def live(row: Key) -> list[str]:
        written = keymap.get(row.id, row.keys)
        return [n for n in (key_name(k) for k in written.split(",")) if n is not None]

    quit_keys = set()
    clashes: dict[tuple[str, str, str], list[str]] = {}  # (key, id, id) -> where both are live
    for place, groups in CONTEXTS:
        taken: dict[str, Key] = {}  # the pane's keys first: they shadow the app's
        for row in (row for group in reversed(groups) for row in group):
            for name in live(row):
                other = taken.setdefault(name, row)
                if other.id != row.id:
                    clashes.setdefault((name, *sorted((other.id, row.id))), []).append(place)
        if place == CONTEXTS[0][0]:
            quit_keys = {name for name, row in taken.items() if row.action == "quit" and name not in SWALLOWED}
    errors += [f"keymap: {name} is bound to both '{first}' and '{second}' in {', '.join(places)}"
               for (name, first, second), places in clashes.items()]
    if not quit_keys:
        errors.append("keymap: no key is left that quits the reader (give 'quit' a key of its own, such as q)")
    return errors, warnings
