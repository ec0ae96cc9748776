"""reader/keys.py: the key table as plain data, and what `check` says about a keymap."""

import string
import subprocess
import sys

import pytest

from reader.keys import ALL, keymap_problems, key_name, normalize_keys


def test_the_default_keys_have_no_problem():
    assert keymap_problems({}) == ([], [])


def test_the_key_table_does_not_import_textual():
    code = "import sys, reader.keys, reader.config; print(any(m.startswith('textual') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


@pytest.mark.parametrize("character", [c for c in string.punctuation if c != ","] + list("aZ7é"))
def test_key_names_are_textuals_own(character):
    from textual.keys import _character_to_key  # how Textual names a Binding's one-character key

    assert key_name(character) == _character_to_key(character)


def test_normalize_keys():
    assert normalize_keys(" ], ctrl+N ,?") == "right_square_bracket,ctrl+N,question_mark"
    assert normalize_keys("Ctrl+right_square_bracket,F5,PageDown") == "ctrl+right_square_bracket,f5,pagedown"


@pytest.mark.parametrize("key", ["foo", "ctrl+", "hyper+ctrl+nope", "", "\x1b"])
def test_what_names_no_key(key):
    assert key_name(key) is None


def test_unknown_ids_are_errors_with_a_suggestion():
    errors, _ = keymap_problems({"trail.nxt": "o", "frobnicate": "x"})
    assert errors == ["keymap: unknown binding id 'trail.nxt' (did you mean 'trail.next'?)",
                      "keymap: unknown binding id 'frobnicate' (the help screen, ?, lists the ids)"]


def test_two_actions_on_one_key_in_one_pane():
    errors, _ = keymap_problems({"trail.next": "l"})  # raw view: l scrolls right
    assert errors == ["keymap: l is bound to both 'raw.right' and 'trail.next' in the raw view"]
    errors, _ = keymap_problems({"back": "f"})
    assert errors == ["keymap: f is bound to both 'back' and 'forward' in the article, the raw view, the lists"]
    # Moving a key away first frees it: no clash.
    assert keymap_problems({"back": "f", "forward": "o"}) == ([], [])
    # A dialog's own keys take the app's on purpose (q closes a dialog): no clash.
    assert keymap_problems({"bookmarks.delete": "s"}) == ([], [])


def test_a_remap_that_leaves_no_quit_key():
    # Ctrl+C (quit.interrupt) quits too, so both must go for the reader to lose its way out.
    assert keymap_problems({"quit": "j"})[0][-1].startswith("keymap: j is bound to both")
    errors, _ = keymap_problems({"quit": "j", "quit.interrupt": "x"})
    assert errors[-1].startswith("keymap: j is bound to both")  # and x still quits: no missing-quit error
    errors, warnings = keymap_problems({"quit": "ctrl+q", "quit.interrupt": "ctrl+s"})  # flow control keys
    assert errors == ["keymap: no key is left that quits the reader (give 'quit' a key of its own, such as q)"]
    assert warnings == ["keymap: 'quit': ctrl+q is often swallowed by terminals and ssh",
                        "keymap: 'quit.interrupt': ctrl+s is often swallowed by terminals and ssh"]
    assert keymap_problems({"quit": "ctrl+q,x", "quit.interrupt": "ctrl+s"})[0] == []


def test_bad_key_names_are_errors():
    errors, _ = keymap_problems({"find": "ctrl+f,rightbracket"})
    assert errors == ["keymap: 'find': 'rightbracket' is not a key name (write keys as j, G, ], ctrl+n, pagedown, f5)"]


def test_every_binding_of_the_reader_is_in_the_table():
    """A key added to a screen or widget but not to reader/keys.py would be unknown to check."""
    import inspect

    from textual.binding import Binding

    import reader.tui.app
    import reader.tui.screens.bookmarks
    import reader.tui.screens.help
    import reader.tui.screens.search
    import reader.tui.widgets.article
    import reader.tui.widgets.panel
    import reader.tui.widgets.raw
    import reader.tui.widgets.sidebar

    table = {(row.id, row.keys, row.action) for row in ALL}
    found = set()
    for module in [m for name, m in sys.modules.items() if name.startswith("reader.tui.")]:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                found |= {(b.id, b.key, b.action) for b in vars(cls).get("BINDINGS", ()) if isinstance(b, Binding) and b.id}
    assert found and found <= table, found - table


def test_keys_textual_keeps_for_itself_are_errors():
    errors, _ = keymap_problems({"find": "tab", "help": "ctrl+p,question_mark"})
    assert errors == ["keymap: 'find': tab moves to the next pane; choose another key",
                      "keymap: 'help': ctrl+p opens the command palette; choose another key"]
