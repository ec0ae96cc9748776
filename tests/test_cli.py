import json
from pathlib import Path

import pytest
from rich.cells import cell_len

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
    code, out, err = run(capsys, "list", str(tmp_path))
    assert code == 1 and out == "" and f"no articles in {tmp_path}" in err


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
    code, out, _ = run(capsys, "related", "003", "--passage", "8", "--json")  # ¶8, as the reader numbers it
    rows = json.loads(out)
    assert code == 0 and rows and all("jcpoa" in r["topics"] for r in rows[:5])
    assert {r["from_passage"] for r in rows} == {7}  # JSON keeps the 0-based index
    _, text, _ = run(capsys, "related", "003", "--passage", "8")
    assert all(line.startswith("¶8\t") for line in text.splitlines())


def test_related_passage_out_of_range(capsys):
    code, _, err = run(capsys, "related", "003", "--passage", "999")
    assert code == 2 and "no passage ¶999" in err
    code, _, err = run(capsys, "related", "003", "--passage", "0")
    assert code == 2 and "passages ¶1 to" in err


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
    code, out, err = run(capsys, "check")
    # The summary is the data; warnings are messages, on stderr only.
    assert code == 0 and "0 errors" in out and "aliases of" in err and "warning" not in out.replace("warnings", "")
    assert out.count("\n") == 1


def test_check_warns_about_metadata_for_missing_files(capsys, write, tmp_path):
    config = write("c.yaml", "articles:\n  gone.txt: {title: Gone}\n")
    code, _, err = run(capsys, "check", "--config", str(config))
    assert code == 0 and "metadata for 'gone.txt'" in err
    # Another corpus: the bundled config's metadata for the seeds is not this config's concern.
    write("news/a.txt", "A headline\n\nIran and Russia signed a deal on gas in Tehran today.\n")
    config = write("d.yaml", "corpus: [news]\narticles:\n  gone.txt: {title: Gone}\n")
    code, _, err = run(capsys, "check", "--config", str(config))
    assert "metadata for 'gone.txt'" in err and "000_f4d4ea7fa12037db" not in err


def test_malformed_config_exits_2_with_location(capsys, write):
    config = write("bad.yaml", "articles: [\n")
    code, out, err = run(capsys, "list", "--config", str(config))
    assert code == 2 and out == "" and f"{config}:2:1" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_tui_refuses_without_a_terminal(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "needs a terminal" in err


# --- issue 12: a new user's command line ---------------------------------------------

ANSI = __import__("re").compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(("argument", "hint"), [("lsit", "(did you mean list?)"), ("shwo", "(did you mean show?)"),
                                                ("003", "(to print an article: iranru-reader show 003)")])
def test_a_path_that_names_nothing_is_an_error_not_an_empty_reader(capsys, argument, hint):
    code, out, err = run(capsys, argument)
    assert code == 2 and out == ""
    assert err == f"iranru-reader: error: no such file, folder or subcommand: {argument} {hint}\n"


def test_an_existing_folder_still_opens_the_reader(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "needs a terminal" in err  # past the path check: the reader would open


@pytest.mark.parametrize("fmt", ["--plain", "--ansi"])
def test_show_width_wraps_every_text_format(capsys, fmt):
    code, wide, _ = run(capsys, "show", "003", fmt)
    code_narrow, narrow, _ = run(capsys, "show", "003", fmt, "--width", "40")
    lines = ANSI.sub("", narrow).splitlines()
    assert code == code_narrow == 0 and max(map(len, lines)) <= 40 < max(len(x) for x in ANSI.sub("", wide).splitlines())
    assert " ".join(ANSI.sub("", narrow).split()) == " ".join(ANSI.sub("", wide).split())  # nothing lost


def test_show_json_accepts_a_width_and_ignores_it(capsys):
    assert run(capsys, "show", "003", "--json", "--width", "30") == run(capsys, "show", "003", "--json")


@pytest.mark.parametrize("width", ["0", "-3", "wide"])
def test_a_width_below_one_is_a_clear_error(capsys, width):
    code, out, err = run(capsys, "show", "003", "--plain", f"--width={width}")
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "--width" in err


def test_show_on_a_terminal_pages_at_the_terminal_width(capsys, monkeypatch, tmp_path):
    import os
    import shutil
    import sys

    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'exec > {paged}; echo LESS=$LESS; cat'")  # a pager that keeps what it got
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: os.terminal_size((50, 20)))
    code, out, _ = run(capsys, "show", "003")
    text = paged.read_text(encoding="utf-8")
    lines = ANSI.sub("", text).splitlines()
    assert code == 0 and out == "" and lines[0] == "LESS=FRX"  # as git: quit if one screen, colours, no clearing
    assert "\x1b[" in text and max(map(len, lines[1:])) <= 50 and "Rouhani" in text
    code, out, _ = run(capsys, "show", "003", "--no-pager")
    assert code == 0 and "Rouhani" in out


def test_the_pager_is_chosen_as_git_chooses_it():
    import shutil as sh

    from reader.cli import pager_command

    assert pager_command({}) == (["less", "-R"] if sh.which("less") else None)
    assert pager_command({"PAGER": "cat"}) is None and pager_command({"PAGER": ""}) is None
    assert pager_command({"PAGER": "no-such-pager-here -x"}) is None
    assert pager_command({"PAGER": "sh -c 'cat'"}) == ["sh", "-c", "cat"]
    assert pager_command({"PAGER": "less '-R"}) is None  # not a command line: no pager, no traceback


def test_related_limit_limits_the_whole_output(capsys):
    _, everything, _ = run(capsys, "related", "003", "--limit", "1000")
    code, limited, _ = run(capsys, "related", "003", "--limit", "3")
    rows = everything.splitlines()
    assert code == 0 and len({r.split("\t")[0] for r in rows}) > 1  # several passages have related ones
    assert limited.splitlines() == rows[:3]


def test_exit_1_says_what_was_not_found(capsys, write, tmp_path):
    article = write("news/a.txt", "Pumpkin soup\n\nCut the pumpkin, add stock and simmer for an hour.\n")
    for argv, message in [(["related", str(article)], "no other article has a passage on the same topic as any passage of"),
                          (["topics"], "no passage of the 1 article is on any of the"),
                          (["entities"], "no entity of the gazetteer is mentioned in the 1 article")]:
        code, out, err = run(capsys, *argv, "--config", str(write("c.yaml", f"corpus: [{article.parent}]\n")))
        assert code == 1 and message in err and "Traceback" not in err, argv


def test_counts_are_in_the_singular_for_one(capsys, write):
    write("news/a.txt", "Gas deal\n\nIran and Russia agreed on a gas pipeline today.\n")
    write("t.yaml", "topics:\n  gas:\n    label: Gas\n    signals: {gas pipeline: 3}\n")
    config = write("c.yaml", "corpus: [news]\ntopics: t.yaml\n")
    code, out, _ = run(capsys, "topics", "--config", str(config))
    assert code == 0 and out.splitlines()[0] == "gas\tGas\t1 passage in 1 article"
    code, out, _ = run(capsys, "check", "--config", str(config))
    assert "1 article, " in out and "1 topic;" in out


def test_article_warnings_go_to_stderr_only(capsys, write):
    article = write("odd.txt", b"A title\n\nIran and Russia \xff signed a deal in Tehran.\n")
    code, out, err = run(capsys, "show", str(article), "--plain")
    assert code == 0 and "warning" not in out and "warning" in err


def test_check_reports_keymap_problems_one_line_each(capsys, write):
    config = write("c.yaml", 'keymap: {trail.nxt: "o", quit: "j", quit.interrupt: "ctrl+q", find: "ctrl+s"}\n')
    code, out, err = run(capsys, "check", "--config", str(config))
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert code == 2 and "3 errors" not in out and f"{len(errors)} errors" in out
    assert any("unknown binding id 'trail.nxt' (did you mean 'trail.next'?)" in e for e in errors)
    assert any("j is bound to both 'passage.next' and 'quit' in the article" in e for e in errors)
    assert any("no key is left that quits the reader" in e for e in errors)
    assert any("ctrl+s is often swallowed" in line for line in err.splitlines() if ": warning: " in line)


def test_the_readme_keymap_passes_check(capsys, write):
    from test_config import _readme_keymap

    code, out, err = run(capsys, "check", "--config", str(write("c.yaml", _readme_keymap() + "\n")))
    assert code == 0 and "0 errors" in out and "keymap" not in err


def test_common_options_may_come_before_the_subcommand(capsys, write):
    config = write("c.yaml", "sources: {example.com: Example}\n")
    assert run(capsys, "--no-cache", "--config", str(config), "list") == run(capsys, "list", "--config", str(config))
    code, out, _ = run(capsys, "--config", str(config), "list", "--json")
    assert code == 0 and len(json.loads(out)) == 5


def test_list_of_a_missing_path_is_bad_input(capsys, tmp_path):
    code, out, err = run(capsys, "list", str(tmp_path), str(tmp_path / "gone"))
    assert code == 2 and out == "" and err == f"iranru-reader: error: no such file or folder: {tmp_path / 'gone'}\n"


def test_every_corpus_subcommand_takes_corpus_paths_as_list_does(capsys, tmp_path):
    """entities, topics, timeline, brief, check, show and related read the PATHs given, not the configured corpus."""
    import shutil
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    kept = {"000_f4d4ea7fa12037db", "003_4958d00dca6ef37f"}  # both 2017, both on Syria
    for name in kept:
        shutil.copy(seeds / f"{name}.txt", tmp_path / f"{name}.txt")
    titles = {SEED_META[i][0] for i in kept}
    others = {meta[0] for i, meta in SEED_META.items() if i not in kept}

    code, out, _ = run(capsys, "entities", str(tmp_path), "--json")
    assert code == 0 and {a for e in json.loads(out) for a in e["articles"]} == kept
    code, out, _ = run(capsys, "topics", str(tmp_path), "--json")
    assert code == 0 and {p["article"] for t in json.loads(out) for p in t["passages"]} == kept
    code, out, _ = run(capsys, "timeline", "syria", "Iran", str(tmp_path), "--json")
    series = json.loads(out)["series"]
    assert code == 0 and [s["id"] for s in series] == ["syria", "Iran"]
    assert {m[:4] for m in json.loads(out)["months"]} == {"2017"} and all(s["total"] for s in series)
    code, out, _ = run(capsys, "brief", "--topic", "syria", str(tmp_path), "--out", "-")
    assert code == 0 and all(t.split(":")[0] in out for t in titles) and not any(t.split(":")[0] in out for t in others)
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0 and out.strip().endswith("warnings") and out.startswith("check: 2 articles")
    ordered = run(capsys, "timeline", "syria", str(tmp_path), "--json")
    assert ordered[0] == 0 and run(capsys, "timeline", "syria", "--json", str(tmp_path)) == ordered  # PATHs after an option
    code, out, _ = run(capsys, "entities", "--json", str(tmp_path))
    assert code == 0 and {a for e in json.loads(out) for a in e["articles"]} == kept
    code, _, err = run(capsys, "entities", "--json", str(tmp_path), "--bogus")
    assert code == 2 and "unrecognized arguments: --bogus" in err
    code, _, err = run(capsys, "timeline", "syria", str(tmp_path / "missing") + "/")
    assert code == 2 and "no such file or folder" in err
    (tmp_path / "000_f4d4ea7fa12037db.txt").rename(tmp_path / "moved.txt")  # an id only this folder knows
    code, out, _ = run(capsys, "show", "moved", str(tmp_path), "--json")
    assert code == 0 and json.loads(out)["id"] == "moved"
    code, out, _ = run(capsys, "related", "moved", str(tmp_path), "--json")
    assert code == 0 and {r["article"] for r in json.loads(out)} == {"003_4958d00dca6ef37f"}


def test_entities_count_a_duplicate_article_once(capsys, tmp_path):
    """A newcomer's report: three copies of one story tripled every count."""
    import shutil
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_f4d4ea7fa12037db.txt"
    shutil.copy(seed, tmp_path / "a.txt")
    code, out, _ = run(capsys, "entities", str(tmp_path), "--json")
    once = {e["canonical"]: e["count"] for e in json.loads(out)}
    shutil.copy(seed, tmp_path / "b.txt")
    code, out, _ = run(capsys, "entities", str(tmp_path), "--json")
    assert code == 0 and {e["canonical"]: e["count"] for e in json.loads(out)} == once
    assert {a for e in json.loads(out) for a in e["articles"]} == {"a"}


def test_the_reader_refuses_a_keymap_that_check_rejects(capsys, write):
    """A newcomer's broken keymap opened the reader anyway, with a key line missing
    keys and its warnings hidden by the screen: exit 2 before the screen, like check."""
    config = write("c.yaml", 'keymap: {nosuch.id: "x", quit: "j"}\n')
    code, out, err = run(capsys, "--config", str(config))
    assert code == 2 and out == ""
    assert "unknown binding id 'nosuch.id'" in err and "more; see iranru-reader check)" in err
    assert "needs a terminal" not in err  # refused for the keymap, before the terminal check


def test_show_into_a_pipe_keeps_persian_in_logical_order_unwrapped(capsys):
    """A newcomer's `show … --plain | grep WORD` found nothing: the Persian lines were
    reversed and wrapped at 80 columns. Into a pipe they stay as written, one a line."""
    fixture = Path(__file__).parent / "fixtures" / "bidi" / "fa_agency.txt"
    code, out, err = run(capsys, "show", str(fixture), "--plain")
    assert code == 0
    paragraphs = [line for line in out.splitlines() if "رئیس\u200cجمهور" in line]
    assert paragraphs and not any("رئیس\u200cجمهور"[::-1] in line for line in out.splitlines())
    assert not any(line.startswith(" ") for line in paragraphs)  # not right-aligned
    code, out, err = run(capsys, "show", str(fixture), "--plain", "--width", "50")
    lines = out.splitlines()  # wrapped for a file: still as written (a second newcomer's grep found nothing)
    assert any("رئیس\u200cجمهور" in line for line in lines) and not any("رئیس\u200cجمهور"[::-1] in line for line in lines)
    assert max(map(cell_len, lines)) <= 50
    for flags in (["--plain", "--width", "50", "--bidi", "visual"], ["--ansi", "--width", "50"]):
        code, out, err = run(capsys, "show", str(fixture), *flags)  # for a terminal (less -R): as on screen
        assert "رئیس\u200cجمهور"[::-1] in out
        meta = next(line for line in out.splitlines() if " · " in line)
        assert "تهران"[::-1] in meta and "تهران" not in meta  # the dateline too (a newcomer saw it in logical order)
    code, out, err = run(capsys, "show", str(fixture), "--ansi", "--bidi", "logical")
    assert "رئیس\u200cجمهور" in out


def test_related_leaves_out_copies_of_the_article_itself(capsys, tmp_path):
    """A newcomer's `related` listed a byte copy of the article as its first related passage."""
    story = ("Rail deal\n\nMarch 3, 2019\n\nRussia and Iran signed a deal on the North-South corridor railway.\n\n"
             "The International North-South Transport Corridor will carry freight from Russia to India.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(story)
    (corpus / "copy.txt").write_text(story)
    (corpus / "other.txt").write_text("Corridor opens\n\nMay 5, 2021\n\nThe North-South Transport Corridor "
                                      "carried its first freight train from Russia to Iran on the new railway.\n")
    for article in ("a", "copy"):
        code, out, err = run(capsys, "related", article, str(corpus))
        assert code == 0 and {line.split("\t")[1] for line in out.splitlines()} == {"other"}, out


@pytest.mark.parametrize("command", ["show", "related"])
def test_a_missing_article_names_only_what_is_required(capsys, command):
    """argparse called the optional PATHs required too ("required: ARTICLE, PATH")."""
    code, out, err = run(capsys, command)
    assert code == 2 and "required: ARTICLE (" in err and "PATH" not in err.split("required:")[1]


def test_check_names_missing_metadata_only_for_the_configs_own_corpus(capsys, write, tmp_path):
    """`check FOLDER` with the bundled config warned that the five seeds were missing."""
    write("c/a.txt", "Rail deal\n\nRussia and Iran signed a railway deal.\n")
    config = write("c.yaml", "corpus: [c]\narticles:\n  gone.txt: {source: IRNA}\n")
    code, out, err = run(capsys, "check", "--config", str(config))
    assert "metadata for 'gone.txt', which is not in the corpus" in err
    code, out, err = run(capsys, "check", "--config", str(config), str(tmp_path / "c"))
    assert "metadata for" not in err
    code, out, err = run(capsys, "check", str(tmp_path / "c"))  # the bundled config, another folder
    assert "metadata for" not in err


def test_related_json_numbers_passages_as_show_json_and_gives_the_readers_too(capsys):
    """`related --json --passage 1` said "from_passage": 0, "passage": 3 where the text said
    ¶4: both are right (JSON is 0-based, as show --json's `index`), and now JSON names the ¶ too."""
    _, out, _ = run(capsys, "related", "003", "--passage", "8", "--json")
    rows = json.loads(out)
    _, text, _ = run(capsys, "related", "003", "--passage", "8")
    lines = [line.split("\t") for line in text.splitlines()]
    assert rows and len(rows) == len(lines)
    for row, line in zip(rows, lines):
        assert (row["from_pilcrow"], row["article"], row["pilcrow"]) == (line[0], line[1], line[2])
        assert row["pilcrow"] == f"¶{row['passage'] + 1}" and row["from_pilcrow"] == "¶8"
        _, shown, _ = run(capsys, "show", row["article"], "--json")
        paragraph = json.loads(shown)["paragraphs"][row["passage"]]
        assert paragraph["index"] == row["passage"] and set(row["topics"]) <= set(paragraph["topics"])


def test_list_json_names_the_word_count_as_show_json_does(capsys):
    _, out, _ = run(capsys, "list", "--json")
    for article in json.loads(out):
        _, shown, _ = run(capsys, "show", article["id"], "--json")
        assert article["word_count"] == json.loads(shown)["word_count"] == article["words"]


@pytest.mark.parametrize("argv", [["show", "003", "--bogus"], ["show", "003", "--width", "0"], ["list", "--bogus"]])
def test_a_bad_option_points_to_the_subcommands_own_help(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"iranru-reader {argv[0]}: error: ") and err.rstrip().endswith(f"(see iranru-reader {argv[0]} --help)")


def test_show_json_lists_no_descriptive_alias_but_keeps_its_topic(capsys, write):
    """Issue 14: "nuclear deal" puts the passage on the JCPOA topic but is no entity."""
    path = write("elsewhere/deal.txt", "Lavrov in Tehran\n\nSergei Lavrov met Abbas Araghchi in Tehran on the nuclear deal "
                                       "and the nuclear deal's future.\n")
    code, out, _ = run(capsys, "show", str(path), "--json")
    data = json.loads(out)
    entities = [e for p in data["paragraphs"] for e in p["entities"]]
    assert code == 0 and "jcpoa" in data["topics"]
    assert {e["canonical"] for e in entities} == {"Sergei Lavrov", "Abbas Araghchi", "Tehran"}


def test_check_does_not_call_an_entity_signal_unused_when_it_is_only_described(capsys, write):
    """Issue 14: "the nuclear deal" puts a passage on the topic but leaves no mention to see."""
    write("news/a.txt", "Deal talk\n\nIran and Russia discussed the nuclear deal today.\n")
    write("t.yaml", "topics:\n  deal:\n    label: Deal\n    entities: {Joint Comprehensive Plan of Action: 3}\n"
                    "    signals: {uranium swap: 3}\n")
    config = write("c.yaml", "corpus: [news]\ntopics: t.yaml\n")
    code, out, err = run(capsys, "check", "--verbose", "--config", str(config))
    assert "topic deal: 1 passage" in out and "unused signal: deal: 'uranium swap'" in err
    assert "unused signal: deal: 'Joint Comprehensive Plan of Action'" not in err
