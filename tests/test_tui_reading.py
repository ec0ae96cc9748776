"""The reader as a new user meets it (issue 12): the first screen, where it reopens,
which keys reach which pane, what the panel and legend say. Driven with Pilot."""

from __future__ import annotations

import pytest
from rich.text import Text

from reader.config import bundled_config, load_config
from reader.history import Location
from reader.library import Library
from reader.state import StateStore, set_last
from reader.tui.app import ReaderApp
from reader.tui.widgets.article import chip_lines
from reader.tui.widgets.legend import Legend, compact_label, legend_text
from reader.tui.widgets.panel import EntityList, LinkList
from reader.tui.widgets.raw import RawView
from reader.tui.widgets.sidebar import ArticleList, Sidebar

from tui_helpers import drive, make_app, marked, option_texts, where

FIRST = "003_4958d00dca6ef37f"
OTHER = "002_c60d12b64ace6e87"


@pytest.fixture
def app(library, tmp_path) -> ReaderApp:
    return make_app(library, tmp_path)


def hidden(widget) -> bool:
    return widget.has_class("-hidden")


# --- the first screen at 80x24 ---------------------------------------------------------

def test_at_80x24_the_article_has_the_screen(app):
    async def scenario(pilot):
        assert hidden(app.query_one(Sidebar)) and hidden(app.panel)
        assert app.view.region.width == 80
        chips = [line for line in app.view.lines if line.owner == -1 and "Strategic partnership" in line.strip.text]
        assert len(chips) == 1  # the topics take one line

    drive(app, scenario, size=(80, 24))


def test_at_120x40_sidebar_and_panel_are_beside_the_article(app):
    async def scenario(pilot):
        assert not hidden(app.query_one(Sidebar)) and not hidden(app.panel)
        assert app.query_one(Sidebar).region.right <= app.view.region.x < app.panel.region.x

    drive(app, scenario)


def test_toggled_panes_and_sidebar_width_are_remembered(library, tmp_path):
    first = make_app(library, tmp_path)

    async def toggle(pilot):
        await pilot.press("z")  # show the sidebar that 80 columns hid
        assert not hidden(first.query_one(Sidebar))
        before = first.query_one(Sidebar).region.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert first.query_one(Sidebar).region.width == before + 8

    drive(first, toggle, size=(80, 24))
    second = make_app(library, tmp_path)

    async def check(pilot):
        sidebar = second.query_one(Sidebar)
        assert not hidden(sidebar) and hidden(second.panel)  # the panel was never toggled: auto
        assert sidebar.styles.width.value == 36
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert sidebar.styles.width.value == 32

    drive(second, check, size=(80, 24))


@pytest.mark.parametrize("setting,sidebar,panel", [("{sidebar: show, panel: hide}", True, False),
                                                   ("{sidebar: hide, panel: show}", False, True)])
def test_layout_in_config_decides_the_panes(tmp_path, write, setting, sidebar, panel):
    config = load_config(write("c.yaml", f"layout: {setting}\n"))
    app = ReaderApp(Library(config, cache=False), StateStore(tmp_path / "s.json"))

    async def scenario(pilot):
        assert (not hidden(app.query_one(Sidebar)), not hidden(app.panel)) == (sidebar, panel)

    drive(app, scenario, size=(100, 30))


def test_chips_never_split_and_count_the_rest():
    labels = ["Strategic partnership", "Syria", "Nuclear deal (JCPOA)", "Trade and investment", "Caspian"]
    [line] = chip_lines(labels, 40, expanded=False)
    assert line.cell_len <= 40 and line.plain == " Strategic partnership   Syria  +3"
    lines = chip_lines(labels, 40, expanded=True)
    assert len(lines) > 1 and all(line.cell_len <= 40 for line in lines)
    shown = " ".join(line.plain for line in lines)
    assert all(f" {label} " in shown for label in labels)  # each chip whole, on one line
    assert chip_lines([], 40, expanded=False) == []


# --- legend and panel --------------------------------------------------------------------

def test_legend_uses_the_gazetteer_labels_and_never_misnames_a_type():
    labels = {"PERSON": "Person", "FAC": "Facility", "EVENT": "Agreement, process or war"}
    wide = legend_text(labels, {}, False, width=120).plain
    assert wide == "Person  Facility  Agreement, process or war"
    narrow = legend_text(labels, {}, False, width=39).plain
    assert narrow == "Person  Facility  Agreement/process/war"
    assert legend_text(labels, {}, False, width=30).plain == "Person  Facility\nAgreement/process/war"
    assert compact_label("Country or city") == "Country/city" and compact_label("Person") == "Person"


def test_the_legend_on_screen_names_every_type(app):
    async def scenario(pilot):
        legend = app.query_one(Legend)
        assert legend.region.height == 2  # compact labels, wrapped between labels
        line = "\n".join(legend.render_line(y).text for y in range(legend.region.height))
        for label in app.library.gazetteer.labels.values():
            assert compact_label(label) in line
        assert "Agreement  " not in line

    drive(app, scenario, size=(90, 30))


def test_below_the_article_the_panel_shows_entity_names(app):
    async def scenario(pilot):
        await pilot.press("e")
        assert not hidden(app.panel)
        entities = app.query_one(EntityList)
        shown = [entities.get_option_at_index(i).prompt for i in range(entities.option_count)]
        names = [str(p) for p in shown[: entities.region.height]]
        assert any("Vladimir Putin" in n for n in names)

    drive(app, scenario, size=(80, 40))


# --- reopening where the reader left off ---------------------------------------------------

def test_reopening_scrolls_to_the_saved_passage_and_marks_it(library, tmp_path):
    StateStore(tmp_path / "state.json").apply(set_last(Location(FIRST, 18)))
    app = make_app(library, tmp_path)

    async def scenario(pilot):
        await pilot.pause()
        assert where(app) == (FIRST, 18) and marked(app) == [18]  # the cursor is on screen

    drive(app, scenario, size=(80, 24))


def test_an_article_opened_from_the_sidebar_resumes_at_its_last_passage(app):
    async def scenario(pilot):
        await pilot.press(*"jjjjj")
        await app.open_article(OTHER)
        await pilot.press("j", "j")
        articles = app.query_one(ArticleList)
        app.focus_now(articles)
        articles.point_at(FIRST)
        await pilot.press("enter")
        await pilot.pause()
        assert where(app) == (FIRST, 5) and marked(app) == [5]
        assert app.store.state.position(OTHER) == 2

    drive(app, scenario)


# --- keys that did nothing -------------------------------------------------------------------

def test_enter_in_the_article_shows_the_same_topic_passages(app):
    async def scenario(pilot):
        await pilot.press(*"jjjjjjj", "enter")
        links = app.query_one(LinkList)
        assert app.focused is links and links.highlighted is not None
        assert "Nuclear deal (JCPOA)" in option_texts(links)[links.highlighted]

    drive(app, scenario)


def test_t_on_a_passage_without_a_topic_says_so_and_keeps_the_focus(app):
    async def scenario(pilot):
        await pilot.press(*"jjjjj")  # ¶6 of the first article: no topic
        assert not app.view.doc.topic_ids(5)
        await pilot.press("t")
        assert app.focused is app.view
        assert any("has no topic" in str(n.message) for n in app._notifications)

    drive(app, scenario)


@pytest.mark.parametrize("keys", [("e",), ("shift+tab",), ("t",), ("r",)], ids=["entities", "sidebar", "links", "raw"])
def test_escape_returns_to_the_article_from_any_pane(app, keys):
    async def scenario(pilot):
        await pilot.press(*keys)
        assert app.focused is not app.view
        await pilot.press("escape")
        assert app.focused is app.view and app.view.display and not app.query_one(RawView).display

    drive(app, scenario)


def test_a_list_highlights_its_first_row_when_it_gains_focus(app):
    async def scenario(pilot):
        await pilot.press("e")
        entities = app.query_one(EntityList)
        assert entities.highlighted is not None and not entities.get_option_at_index(entities.highlighted).disabled

    drive(app, scenario)


def test_focus_shows_without_colour(app):
    """The cursor bar's shape and the focused list's left bar, not only a colour."""
    async def scenario(pilot):
        line = next(app.view.render_line(y).text for y in range(app.view.size.height)
                    if app.view.render_line(y).text[1:2] in "█▌")
        assert line[1] == "█"
        await pilot.press("e")
        assert app.view.render_line(0) is not None
        bar = next(app.view.render_line(y).text[1] for y in range(app.view.size.height)
                   if app.view.render_line(y).text[1:2] in "█▌")
        assert bar == "▌"
        assert app.query_one(EntityList).styles.border_left[0] != ""

    drive(app, scenario)


def test_an_empty_folder_shows_a_hint(tmp_path):
    (tmp_path / "empty").mkdir()
    library = Library(load_config(bundled_config()), [tmp_path / "empty"], cache=False)
    app = ReaderApp(library, StateStore(tmp_path / "s.json"))

    async def scenario(pilot):
        shown = "\n".join(line.strip.text for line in app.view.lines)
        assert "No articles here" in shown and "iranru-reader ~/news" in shown
        await pilot.press("j", "t", "e", "y", "m", "r")
        assert app.is_running

    drive(app, scenario, size=(80, 24))
