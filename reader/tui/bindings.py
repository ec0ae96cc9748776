"""Every key of the reader, in one place, each with an id a keymap can remap.

The help screen is generated from these lists, so it cannot drift from what
the keys do. Remap in config.yaml:  keymap: {trail.next: "right_square_bracket,l"}
"""

from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("q", "quit", "Quit", id="quit"),
    # Priority: an input box would otherwise take Ctrl+C as "copy".
    Binding("ctrl+c", "quit", "Quit", id="quit.interrupt", show=False, priority=True),
    Binding("escape,ctrl+g", "focus_article", "Back to the article", id="article.focus", show=False),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("slash", "find", "Find", id="find"),
    Binding("s", "search_corpus", "Search all", id="search-corpus"),
    Binding("n", "next_match", "Next match", id="match.next", show=False),
    Binding("N", "previous_match", "Prev match", id="match.previous", show=False),
    Binding("t", "same_topic", "Same topic", id="same-topic"),
    Binding("right_square_bracket", "trail(1)", "Next on topic", id="trail.next"),
    Binding("left_square_bracket", "trail(-1)", "Prev on topic", id="trail.previous", show=False),
    Binding("T", "switch_trail", "Switch trail topic", id="trail.topic", show=False),
    Binding("backspace,b", "back", "Back", id="back"),
    Binding("f", "forward", "Forward", id="forward", show=False),
    Binding("e", "entities", "Entities", id="entities", show=False),
    Binding("r", "toggle_raw", "Raw/clean", id="raw", show=False),
    Binding("m", "bookmark", "Bookmark", id="bookmark", show=False),
    Binding("M", "bookmarks", "Bookmarks", id="bookmarks", show=False),
    Binding("y", "copy_passage", "Copy passage", id="copy", show=False),
    Binding("p", "toggle_panel", "Panel", id="panel", show=False),
    Binding("z", "toggle_sidebar", "Sidebar", id="sidebar", show=False),
    Binding("less_than_sign", "sidebar_width(-4)", "Narrower sidebar", id="sidebar.narrower", show=False),
    Binding("greater_than_sign", "sidebar_width(4)", "Wider sidebar", id="sidebar.wider", show=False),
]

ARTICLE = [
    Binding("j,down", "cursor(1)", "Next passage", id="passage.next", show=False),
    Binding("k,up", "cursor(-1)", "Prev passage", id="passage.previous", show=False),
    Binding("g,home", "cursor_to('first')", "First passage", id="passage.first", show=False),
    Binding("G,end", "cursor_to('last')", "Last passage", id="passage.last", show=False),
    Binding("space,pagedown", "page(1)", "Page down", id="page.down", show=False),
    Binding("pageup", "page(-1)", "Page up", id="page.up", show=False),
    Binding("enter", "open_links", "Same topic", id="passage.links", show=False),
    Binding("c", "toggle_chips", "All topic chips / one line", id="topics.chips", show=False),
]


def _scrolling(pane: str) -> list[Binding]:
    """Line, end and page keys for a pane that scrolls (ids `<pane>.down`, ...)."""
    return [
        Binding("j,down", "scroll_down", "Line down", id=f"{pane}.down", show=False),
        Binding("k,up", "scroll_up", "Line up", id=f"{pane}.up", show=False),
        Binding("g,home", "scroll_home", "Top", id=f"{pane}.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id=f"{pane}.bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", id=f"{pane}.page-down", show=False),
        Binding("pageup", "page_up", "Page up", id=f"{pane}.page-up", show=False),
    ]


RAW = [
    *_scrolling("raw"),
    Binding("left,h", "scroll_left", "Scroll left", id="raw.left", show=False),
    Binding("right,l", "scroll_right", "Scroll right", id="raw.right", show=False),
]

LIST = [
    Binding("j", "cursor_down", "Down", id="list.down", show=False),
    Binding("k", "cursor_up", "Up", id="list.up", show=False),
    Binding("g", "first", "First", id="list.first", show=False),
    Binding("G", "last", "Last", id="list.last", show=False),
]

INPUT = [
    Binding("ctrl+g", "cancel", "Close", id="input.cancel"),
]

MODAL = [
    Binding("escape,ctrl+g,q", "close", "Close", id="modal.close"),
]

BOOKMARKS = [
    Binding("d,delete", "delete", "Delete bookmark", id="bookmarks.delete"),
    Binding("u", "undo", "Undo delete", id="bookmarks.undo"),
]

HELP = _scrolling("help")

#: (pane, bindings, what that pane is) in the order the help screen shows them.
SECTIONS = [
    ("Everywhere", APP, "Tab / Shift+Tab move between the sidebar, the article and the panel; Ctrl+P opens the command palette."),
    ("Article", ARTICLE, "The marked passage is the passage cursor; jumps land on a passage and mark it."),
    ("Raw view (r)", RAW, "The file as it is: dropped lines struck through, long lines not wrapped."),
    ("Lists (sidebar, panel)", LIST, "Arrows, PgUp/PgDn, Home/End and Enter work too."),
    ("Find, filter and search boxes", INPUT, "Escape closes as well; Enter keeps the result."),
    ("Dialogs (help, search, bookmarks)", MODAL, "Enter opens the highlighted item; j k g G move in their lists."),
    ("Bookmarks (M)", BOOKMARKS, "The next bookmark is highlighted after a delete."),
    ("Help (?)", HELP, "Scrolls this screen."),
]
