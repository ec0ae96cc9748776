"""Ingest as the library wires it: provenance and language reach the index, `show --json` and `list --json`."""

import json
from pathlib import Path

from reader.cli import main
from reader.config import bundled_config, load_config
from reader.library import Library
from reader.render import to_json

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def test_provenance_and_language_survive_the_index(tmp_path):
    library = Library(load_config(bundled_config()), paths=[FIXTURES], cache=False).ensure_fresh()
    by_name = {Path(e.path).name: e for e in library.entries}
    assert by_name["tass_ru.txt"].language == "ru" and by_name["irna_fa.txt"].language == "fa"
    data = to_json(library.get(by_name["tass_ru.txt"].id))
    assert data["language"] == "ru"
    assert data["provenance"] == {"date": "text", "dateline": "text", "language": "derived", "source": "text",
                                  "title": "derived"}
    html = to_json(library.get(by_name["article.html"].id))
    assert html["provenance"]["title"] == "html" and html["url"] == "https://example.com/2022/01/19/putin-raisi"


def test_web_addresses_get_no_entities_or_topic_evidence():
    library = Library(load_config(bundled_config()), paths=[FIXTURES / "url_slug.txt"], cache=False).ensure_fresh()
    doc = library.get(library.entries[0].id)
    paragraph = doc.clean.paragraphs[-1]
    assert paragraph.urls and not any(s < e2 and m.start < e2 and m.end > s
                                      for m in doc.mentions[-1] for s, e2 in paragraph.urls)
    assert to_json(doc)["paragraphs"][-1]["urls"] == [list(span) for span in paragraph.urls]


def test_config_overrides_are_marked_as_config():
    library = Library(load_config(bundled_config()), cache=False).ensure_fresh()
    doc = library.get("004_1930e3c77fad4e3e")
    assert doc.meta.origins["source"] == "config" and doc.meta.origins["date"] == "config"


def test_list_json_has_the_language(capsys):
    assert main(["list", str(FIXTURES / "tass_ru.txt"), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["language"] == "ru"
