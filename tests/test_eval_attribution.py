"""The attribution benchmark's scoring: gold quotations, names, alignment, matching and the figures.

The benchmark measures the project against PolNeAR; if its own scoring were
wrong, every figure it reports would be too. Every sentence here is made up
for the test (no text of the data set is used).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from generator.analysis.results import Quotation, Span
from generator.analysis.text import locate_tokens
from generator.markdown import parse

ROOT = Path(__file__).resolve().parents[1]


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("eval_attribution", ROOT / "benchmarks" / "eval_attribution.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


ea = _load_benchmark()


def _span(text: str, piece: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "text": piece}


def _record(text: str, attributions: list[dict], publisher: str = "paper-a", record_id: str = "a1") -> dict:
    return {"id": record_id, "split": "train", "publisher": publisher, "date": "2016-05-04", "title": text.split("\n")[0], "text": text, "attributions": attributions}


def _attribution(text: str, source: str, cue: str, content: str) -> dict:
    return {"source": [_span(text, source)] if source else [], "cue": [_span(text, cue)], "content": [_span(text, content)]}


# ------------------------------------------------------------------ the article


def test_escaped_markdown_keeps_the_text_as_it_was() -> None:
    paragraphs = [
        "# Not a heading, *not emphasis* and _not either_ [not](a link) <b>no tag</b> `no code` &amp; 3 < 4",
        "1. not a list item\n- nor this one\n> nor a quotation block\nand a line with a back\\slash",
    ]
    body = "\n\n".join(ea.escape_markdown(p) for p in paragraphs)
    text = locate_tokens("A headline", parse(body))
    assert text.text == "A headline\n\n" + "\n\n".join(paragraphs)
    assert [b.kind for b in text.blocks] == ["headline", "paragraph", "paragraph"]


def test_blocks_are_the_first_line_then_paragraphs_between_blank_lines() -> None:
    text = "Headline here\n\nFirst paragraph.\n  \nSecond one\nstill second.\n\n\n"
    blocks = ea.blocks_of(text)
    assert [text[s:e] for s, e in blocks] == ["Headline here", "First paragraph.", "Second one\nstill second."]


def test_article_from_record_analyses_to_the_same_text() -> None:
    text = "Council meets on the *bridge*\n\nThe council met on Monday_night.\n\nIt voted 5-2 [again]."
    article = ea.article_from_record(_record(text, []))
    assert article.title == "Council meets on the *bridge*"
    analysed = locate_tokens(article.title, parse(article.body))
    assert analysed.text == text


# ------------------------------------------------------------- gold quotations


def _stretches(text: str, blocks=None) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.mark) for s in ea.quote_stretches(text, blocks)]


def test_quote_stretches_of_each_kind_of_mark() -> None:
    text = "She said “we will go” and he said \"not yet\" about it."
    assert _stretches(text) == [("we will go", "double"), ("not yet", "double")]
    assert _stretches("The ''doubled marks'' count as one double mark.") == [("doubled marks", "double")]
    assert _stretches("Mayor: ‘No delay’ on the bridge") == [("No delay", "single")]
    assert _stretches("Mayor says 'no delay' on the bridge") == [("no delay", "straight single")]


def test_apostrophes_and_nested_marks_make_no_stretch_of_their_own() -> None:
    assert _stretches("It isn't the mayor's plan, and the '90s are over.") == []
    text = "“He told me ‘wait’ and I didn't,” she said."
    assert _stretches(text) == [("He told me ‘wait’ and I didn't,", "double")]


def test_a_quotation_continues_into_a_paragraph_that_reopens_it() -> None:
    text = "Head\n\n“We began early.\n\n“And we finished late,” she said.\n\nThen a “short” one\n\nand an “open one"
    stretches = _stretches(text, ea.blocks_of(text))
    assert stretches[0] == ("We began early.\n\n“And we finished late,", "double")
    assert stretches[1] == ("short", "double")
    assert stretches[2] == ("open one", "double")  # unclosed: it ends with its paragraph


def test_gold_quotations_are_the_stretches_inside_attributed_content() -> None:
    text = "Head\n\n“The bridge opens in May,” said Mayor Anna Kowalczyk. Critics call the plan “bold.”"
    attribution = _attribution(text, "Mayor Anna Kowalczyk", "said", "“The bridge opens in May,”")
    gold = ea.gold_quotations(_record(text, [attribution]))
    assert [(text[g.start : g.end], g.source, g.cue, g.surname) for g in gold] == [
        ("The bridge opens in May,", "Mayor Anna Kowalczyk", "said", "Kowalczyk")
    ]
    assert gold[0].source_at == text.index("Mayor Anna")


def test_a_stretch_reported_inside_another_attribution_takes_the_innermost_source() -> None:
    text = "Head\n\nThe clerk said the mayor told staff the work was “nearly done” by then."
    outer = _attribution(text, "The clerk", "said", "the mayor told staff the work was “nearly done” by then")
    inner = _attribution(text, "the mayor", "told", "the work was “nearly done” by then")
    (gold,) = ea.gold_quotations(_record(text, [outer, inner]))
    assert gold.source == "the mayor"
    assert gold.surname is None  # a role, not a name


# ---------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Anna Kowalczyk", "Kowalczyk"),
        ("Mr. Kowalczyk", "Kowalczyk"),
        ("Sen. Ada Brook (D-Ore.)", "Brook"),
        ("Ada Brook, the senator from Oregon,", "Brook"),
        ("Sen. Ada Brook of Oregon", "Brook"),
        ("Oregon Gov. Ada Brook", "Brook"),
        ("Brook's campaign manager, Tom Reyes", "Reyes"),
        ("the Brook campaign", "Brook"),
        ("a Brook spokeswoman", None),
        ("the Oregon senator", None),
        ("the Oregon Democrat", None),
        ("Theodore Marsh Jr.", "Marsh"),
        ("Lena van Dijk", "Dijk"),
        ("her old friend at Calder, Tom Reyes", "Reyes"),  # a name inside "at …" is where the source belongs
        ("the head of the Harbour Trust, Ada Brook,", "Brook"),
        ("the head of the Harbour Trust", "Trust"),  # no name outside a prepositional phrase: as before
        ("he", None),
        ("officials", None),
        ("Critics", None),
        ("", None),
    ],
)
def test_surname_of_a_source(phrase: str, expected: str | None) -> None:
    assert ea.surname(phrase, frozenset({"critics"})) == expected


def test_a_capitalised_first_word_that_the_article_also_writes_in_lower_case_is_no_name() -> None:
    assert ea.surname("Residents", frozenset({"residents"})) is None
    assert ea.surname("Residents") == "Residents"


def test_same_surname_ignores_case_and_apostrophe_shape() -> None:
    assert ea.same_surname("O’Neill", "o'neill")
    assert not ea.same_surname("Brook", "Brooks")
    assert not ea.same_surname(None, "Brook")


# ------------------------------------------------------------------ alignment


def test_alignment_survives_moved_whitespace_and_counts_what_differs() -> None:
    source = "Head \n\nOne line \nnext “quoted words” end."
    target = "Head\n\nOne line\nnext “quoted words” end."
    mapping = ea.align(source, target)
    start = source.index("quoted")
    placed = ea.map_span(mapping, source, target, start, start + len("quoted words"))
    assert placed is not None and target[placed[0] : placed[1]] == "quoted words"
    changed = "Head\n\nOne line\nnext “other words” end."
    assert ea.map_span(ea.align(source, changed), source, changed, start, start + len("quoted words")) is None


# ------------------------------------------------------------------- matching


def test_a_match_covers_more_than_half_of_the_gold_stretch() -> None:
    assert ea.match_one_to_one([(0, 10)], [(4, 20)]) == {0: 0}  # 6 of 10
    assert ea.match_one_to_one([(0, 10)], [(5, 20)]) == {}  # exactly half is not enough


def test_matching_is_one_to_one_largest_overlap_first() -> None:
    # one found quotation running over two gold ones matches only the one it covers most
    assert ea.match_one_to_one([(0, 10), (12, 30)], [(0, 30)]) == {1: 0}
    assert ea.match_one_to_one([(0, 10), (12, 30)], [(0, 10), (12, 30)]) == {0: 0, 1: 1}


def test_figures_from_counts() -> None:
    tally = ea.Tally(articles=1, gold_quotations=10, found_quotations=8, matched=6, named=4, speaker_correct=3, matched_without_speaker=2)
    figures = ea.figures(tally)
    assert figures["quotation_precision"] == pytest.approx(0.75)
    assert figures["quotation_recall"] == pytest.approx(0.6)
    assert figures["quotation_f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert figures["speaker_accuracy"] == pytest.approx(0.75)
    assert figures["no_speaker_share"] == pytest.approx(2 / 6)
    assert figures["scare_quotes_attributed_share"] is None  # nothing to divide
    assert (tally + tally).matched == 12


def test_a_speaker_glued_across_a_line_or_holding_two_shouted_words_is_counted() -> None:
    text = "Mayor Backs New Ferry Route\nTom Reyes said the ferry was late. Reyes agreed."
    assert ea.crosses_a_boundary("Ferry Route Tom Reyes", text)  # written only across the subhead's line break
    assert ea.crosses_a_boundary("Lee BACKS FERRY", "Lee BACKS FERRY")  # two all-capitals words
    assert ea.crosses_a_boundary("Ann\nLee", "Ann\nLee")
    assert not ea.crosses_a_boundary("Tom Reyes", text)
    assert not ea.crosses_a_boundary("NASA", "NASA said")  # one acronym is a name
    assert not ea.crosses_a_boundary("Ann Lee", "Ann\nLee spoke. Later Ann Lee said so.")  # written on one line too


# -------------------------------------------------------------------- scoring

TEXT = (
    "Bridge plan moves ahead\n\n"
    "“We will open the bridge in May,” Anna Kowalczyk said on Tuesday.\n\n"
    "Her rival Tom Reyes called the schedule “a fantasy” in a speech.\n\n"
    "The council’s “reform” plan, which nobody quoted, is also outrageous."
)


def _scored_record() -> dict:
    return _record(
        TEXT,
        [
            _attribution(TEXT, "Anna Kowalczyk", "said", "“We will open the bridge in May,”"),
            _attribution(TEXT, "Tom Reyes", "called", "the schedule “a fantasy”"),
        ],
    )


@pytest.fixture(scope="module")
def analysis():
    matcher, version, categories = ea.load_matcher(ROOT / "content")
    from generator.analysis.article import analyse_article

    return analyse_article(ea.article_from_record(_scored_record()), matcher, version, categories)


def _at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def test_scoring_a_hand_made_analysis(analysis) -> None:
    """Quotations and spans are set by hand, so every count below follows from the scoring rules alone."""
    text = analysis.text.text
    q1, q2, q3 = _at(text, "We will open the bridge in May,"), _at(text, "a fantasy"), _at(text, "reform")
    quotations = (
        Quotation(*q1, text[q1[0] : q1[1]], "Anna Kowalczyk", False, "Anna Kowalczyk said"),
        Quotation(*q2, text[q2[0] : q2[1]], "Anna Kowalczyk", False, "(named in the previous sentence)"),
        Quotation(*q3, text[q3[0] : q3[1]], None, False),
    )
    spans = (
        Span(q2[0] - 1, q2[1] + 1, "“a fantasy”", "scare_quotes", "narration", "scare-quote"),  # inside Reyes's words
        Span(q3[0] - 1, q3[1] + 1, "“reform”", "scare_quotes", "narration", "scare-quote"),  # the outlet's own label
        Span(*_at(text, "outrageous"), "outrageous", "loaded_labels", "narration", "outrageous"),
        Span(*_at(text, "open"), "open", "loaded_labels", "narration", "open"),  # inside a quotation, wrongly narration
        Span(*_at(text, "Bridge"), "Bridge", "loaded_labels", "headline", "bridge"),  # headline: not counted
    )
    scored = ea.score_article(_scored_record(), dataclasses.replace(analysis, quotations=quotations, spans=spans))
    t = scored.tally
    assert (t.gold_quotations, t.gold_unaligned, t.found_quotations, t.matched) == (2, 0, 3, 2)
    assert (t.named, t.speaker_correct, t.speaker_other_name, t.speaker_none) == (2, 1, 1, 0)
    assert (t.scare_quotes, t.scare_quotes_attributed) == (2, 1)
    assert (t.voiced_spans, t.voice_agrees) == (4, 2)  # the scare quote inside Reyes's words and "open" disagree
    assert (t.voiced_lexicon_spans, t.voice_agrees_lexicon) == (2, 1)
    kinds = sorted(e.kind for e in scored.examples)
    assert "speaker: found a different name" in kinds and "quotation not in gold" in kinds


def test_the_real_pipeline_finds_a_plainly_attributed_quotation(analysis) -> None:
    scored = ea.score_article(_scored_record(), analysis)
    first = next(q for q in analysis.quotations if q.text.startswith("We will open"))
    assert ea.surname(first.speaker) == "Kowalczyk"
    assert scored.tally.gold_quotations == 2 and scored.tally.gold_unaligned == 0
    assert scored.tally.speaker_correct >= 1


def test_results_file_has_every_figure_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    data = tmp_path / "tiny.jsonl"
    second = dict(_scored_record(), id="b1", publisher="paper-b")
    data.write_text(json.dumps(_scored_record()) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    monkeypatch.setattr(ea, "RESULTS_PATH", tmp_path / "measured" / "attribution.json")
    assert ea.main(["--jsonl", str(data), "--write-results"]) == 0
    document = json.loads((tmp_path / "measured" / "attribution.json").read_text(encoding="utf-8"))
    assert document["benchmark"] == "eval_attribution"
    assert document["dataset"] == "PolNeAR train (2 articles, 2 publishers)"
    assert set(document["figures"]) == set(ea.FIGURES) == set(document["explanations"])
    assert set(document["per_group"]) == {"development set (4/5)", "paper-a", "paper-b"}  # too few to hold one out
    assert document["per_group"]["paper-a"] == document["per_group"]["paper-b"]
    assert document["counts"]["overall"]["gold_quotations"] == 4
    out = capsys.readouterr().out
    assert "| paper-a | 1 | 2 |" in out
    assert "Kowalczyk" not in json.dumps(document)  # no article text in the results file


def test_results_are_written_only_for_the_whole_data_set() -> None:
    with pytest.raises(SystemExit):
        ea.main(["--limit", "3", "--write-results"])


def test_the_held_out_fifth_is_balanced_by_publisher_and_fixed_by_the_ids() -> None:
    records = [{"id": f"{publisher}-{n}", "publisher": publisher} for publisher in ("a", "b") for n in range(10)]
    held = ea.held_out_ids(records)
    assert len(held) == 4 and sum(i.startswith("a-") for i in held) == 2
    assert held == ea.held_out_ids(list(reversed(records)))  # order does not matter, only the ids
    dev = [r["id"] for r in ea.select_records(records, "dev", None, None)]
    out = [r["id"] for r in ea.select_records(records, "held-out", None, None)]
    assert set(out) == held and not set(dev) & held and len(dev) + len(out) == 20


def test_errors_are_never_shown_for_the_held_out_fifth() -> None:
    with pytest.raises(SystemExit):
        ea.main(["--split", "held-out", "--errors", "3"])


@pytest.mark.parametrize("phrase, is_name", [
    ("Ann Lee", True), ("Ann B. Lee", True), ("Bill de Souza", True), ("Lee Jr.", True), ("Ann Lee (D-Vt.)", True),
    ("Columnist Ann Lee", False),          # a word the article writes in lower case
    ("Ann Lee Slams Tom Reed", False),     # a headline's words around two names
    ("Ann B", False),                      # cut at an initial
    ("Harbour Times's Ann Lee", False),    # a possessive before the name
    ("Sunday", False), ("He", False), ("Republicans", False),
])
def test_is_a_name_judges_a_person_speaker_by_the_benchmarks_own_word_rules(phrase: str, is_name: bool) -> None:
    common = frozenset("columnist slams the said".split())
    assert ea.is_a_name(phrase, common) is is_name
