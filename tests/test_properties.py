"""Properties on generated texts: cleaning loses nothing; spans stay in bounds."""

from __future__ import annotations

import html
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.ingest.clean import clean, visible
from reader.config import bundled_config
from reader.annotate.gazetteer import Matcher, load_gazetteer
from reader.sanitize import sanitize

# Lines built from the pieces scraped news is made of, residue included.
PIECES = ["Add new comment", "Read our comment policy before posting your viewpoints", "Leave a Comment", "4 + 1 =",
          "National", "0", "12", "Financialtribune.com", "As reported by The Times of Israel", "TEHRAN –",
          "MOSCOW (Dispatches) —", "November 1, 2017 - 22:14", "Trilateral Summit", "Putin met Raisi in Tehran.",
          "“We agree,” he said.", "Iranian, European and Russian", "diplomats made progress.", "The deal",
          "the deal.", "\u00a0", "", " ", "Nov. 1.", "$30 billion", "U.S. sanctions", "A caption. A caption.",
          "[bold]x[/bold]", "Iran’s", "NATO - officials"]

lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=0, max_size=40)), min_size=1, max_size=40)


def chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


@settings(max_examples=400, deadline=None)
@given(lines)
def test_cleaning_keeps_every_character_somewhere(raw_lines):
    raw, _ = sanitize("\n".join(raw_lines))
    result = clean(raw, language="en")
    kept = " ".join([result.meta.title, *(p.text for p in result.paragraphs), *(d.text for d in result.dropped)])
    # Every visible character of the raw text is kept (a derived title repeats some).
    assert not chars("\n".join(visible(line) for line in raw.split("\n"))) - chars(kept)


@settings(max_examples=200, deadline=None)
@given(lines)
@example(["&GT;"])  # found by Hypothesis in CI: an entity dropped as the character it names
def test_dropped_lines_point_at_real_raw_lines(raw_lines):
    raw, _ = sanitize("\n".join(raw_lines))
    numbered = raw.split("\n")
    for dropped in clean(raw, language="en").dropped:
        assert 1 <= dropped.line <= len(numbered)
        # A dropped logical line may run on over the raw lines after it; its HTML
        # entities are read as the cleaner reads them ("&GT;" is dropped as ">").
        after = "\n".join(numbered[dropped.line - 1:])
        assert chars(dropped.text) <= chars(after) | chars(html.unescape(after)) or dropped.reason.startswith(("duplicated", "repeated"))


MATCHER = Matcher(load_gazetteer(bundled_config().parent / "gazetteer.yaml"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("IranUSRusiaPutn’'- .,$0123456789%NovJCPOA\n")), max_size=200) | st.text(max_size=200))
def test_entity_spans_are_in_bounds_and_never_overlap(text):
    end = 0
    for mention in MATCHER.mentions(text):
        assert end <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        end = mention.end
