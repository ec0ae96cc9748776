import json

import pytest

from reader.cli import main

SEED_META = {
    "000_f4d4ea7fa12037db": ("Syria Experience Bodes Well for Tehran-Moscow Ties", "Financial Tribune", "2017-11-02"),
    "001_fb143f89bf631b66": ("Russia's Pursuit of Closer Relations Attests to Iran's Regional Clout", "Financial Tribune", "2017-11-07"),
    "002_c60d12b64ace6e87": ("In meeting with Russian leader, Iran’s Khamenei calls for strengthening ‘long-term cooperation’ "
                             "with Moscow and blames West for outbreak of Ukraine war", "The Times of Israel", "2022-07-19"),
    "003_4958d00dca6ef37f": ("Rouhani and Putin: Iran and Russia are ‘strategic partners’", "Tehran Times", "2017-11-01"),
    "004_1930e3c77fad4e3e": ("New Chapter in Strategic Cooperation With Russia", "Kayhan International", "2022-01-20"),
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_five_seeds_in_date_order(capsys):
    code, out, _ = run(capsys, "list")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and len(rows) == 5
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)


def test_list_json(capsys):
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and {a["id"] for a in json.loads(out)} == set(SEED_META)


def test_list_of_an_empty_folder_finds_nothing(capsys, tmp_path):
    assert run(capsys, "list", str(tmp_path))[0] == 1


@pytest.mark.parametrize("doc_id", sorted(SEED_META))
def test_show_json_shape_and_metadata(capsys, doc_id):
    code, out, _ = run(capsys, "show", doc_id, "--json")
    data = json.loads(out)
    assert code == 0
    assert {"id", "path", "title", "source", "date", "dateline", "encoding", "warnings", "topics", "paragraphs", "dropped"} <= set(data)
    assert (data["title"], data["source"], data["date"]) == SEED_META[doc_id]
    assert data["encoding"] == "utf-8" and data["topics"]
    for i, paragraph in enumerate(data["paragraphs"]):
        assert paragraph["index"] == i and paragraph["kind"] in ("body", "subheading", "quote")
        assert {"text", "topics", "entities"} <= set(paragraph)


def test_show_by_path_and_title_prefix(capsys):
    code, out, _ = run(capsys, "show", "seeds/001_fb143f89bf631b66.txt", "--plain")
    assert code == 0 and out.count("Russia's Pursuit of Closer Relations") == 1
    assert "Add new comment" not in out and "Financialtribune.com" not in out
    code, out, _ = run(capsys, "show", "new chapter", "--plain")
    assert code == 0 and out.startswith("New Chapter in Strategic Cooperation With Russia")


def test_show_any_text_file_with_the_active_config(capsys, write):
    path = write("elsewhere/new.txt", "Lavrov in Tehran\n\nSergei Lavrov met Abbas Araghchi in Tehran on the JCPOA.\n")
    code, out, _ = run(capsys, "show", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["title"] == "Lavrov in Tehran" and "jcpoa" in data["topics"]
    assert {e["canonical"] for e in data["paragraphs"][0]["entities"]} >= {"Sergei Lavrov", "Abbas Araghchi", "Tehran"}


def test_show_markup_and_escapes_stay_data(capsys, write):
    path = write("evil.txt", "[bold]Evil[/bold] \x1b]0;pwned\x07\n\n[@click=app.quit]Click[/] \x1b[31mred\n")
    for fmt in ("--plain", "--ansi", "--json"):
        code, out, _ = run(capsys, "show", str(path), fmt)
        assert code == 0 and "\x1b]0" not in out and "\x07" not in out and "\x1b[31m" not in out
        assert "[@click=app.quit]" in out and "[bold]Evil[/bold]" in out


def test_show_unknown_article_and_ambiguous_prefix(capsys):
    code, _, err = run(capsys, "show", "no-such-article")
    assert code == 2 and "no article matches" in err and "Traceback" not in err
    code, _, err = run(capsys, "show", "00")
    assert code == 2 and "matches 5 articles" in err


def test_show_binary_file_is_a_clear_error(capsys, write):
    code, _, err = run(capsys, "show", str(write("x.txt", b"\x00\x01" * 100)))
    assert code == 2 and "binary" in err


def test_related_lists_nuclear_deal_passages_first(capsys):
    code, out, _ = run(capsys, "related", "003", "--passage", "7", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and all("jcpoa" in r["topics"] for r in rows[:5])


def test_related_passage_out_of_range(capsys):
    code, _, err = run(capsys, "related", "003", "--passage", "999")
    assert code == 2 and "no passage 999" in err


def test_topics_json_has_trails(capsys):
    code, out, _ = run(capsys, "topics", "--json")
    topics = {t["id"]: t for t in json.loads(out)}
    assert code == 0 and len(topics["jcpoa"]["passages"]) >= 10


def test_entities_counts_and_candidates(capsys):
    code, out, _ = run(capsys, "entities", "--json")
    putin = next(e for e in json.loads(out) if e["canonical"] == "Vladimir Putin")
    assert code == 0 and putin["type"] == "PERSON" and set(putin["articles"]) == set(SEED_META)
    code, out, _ = run(capsys, "entities", "--candidates")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and rows and all(len(row) == 5 for row in rows)
    assert [int(row[0]) for row in rows] == sorted((int(row[0]) for row in rows), reverse=True)
    assert all(row[2] in ("PERSON", "GPE", "ORG", "NORP", "FAC", "EVENT") for row in rows)
    assert all(int(row[0]) == len(row[4].split(", ")) and set(row[4].split(", ")) <= {m.split(".")[0] for m in SEED_META}
               for row in rows)
    assert "Mehrabad" not in out  # a facility the gazetteer knows (Mehrabad Airport) is no candidate


def test_check_bundled_config(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and "0 errors" in out and "aliases of" in out


def test_check_warns_about_metadata_for_missing_files(capsys, write):
    config = write("c.yaml", "articles:\n  gone.txt: {title: Gone}\n")
    code, out, _ = run(capsys, "check", "--config", str(config))
    assert code == 0 and "metadata for 'gone.txt'" in out


def test_malformed_config_exits_2_with_location(capsys, write):
    config = write("bad.yaml", "articles: [\n")
    code, out, err = run(capsys, "list", "--config", str(config))
    assert code == 2 and out == "" and f"{config}:2:1" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_tui_refuses_without_a_terminal(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "needs a terminal" in err
