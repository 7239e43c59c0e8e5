"""Editors' corrections, one article at a time: reading and validating the files, finding the words,
and applying each action as a pure function over the machine's analysis.

The article below is written for these tests; what the lexicon finds in it is
checked first, so a change to the lexicon fails here with a clear message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher
from generator.analysis.results import AnalysisFailure, ArticleAnalysis
from generator.corrections.apply import apply_corrections
from generator.corrections.files import read_corrections
from generator.corrections.locate import occurrences
from generator.corrections.model import ArticleCorrection
from generator.corrections.review import UNLESS_NEAR, doubts, unclear_count
from generator.keys import corrected_key
from generator.lexicon import load_lexicon
from tests.conftest import ROOT

BODY = """The council rejected the reckless claim on Monday, a day after the harbour fire.

“We deny these reckless accusations,” council spokesman Ana Ruiz said.

“The fire began in a storage shed near the quay.”

The harbour, a heavily guarded area, saw twelve trucks arrive before dawn.
"""
TITLE = "Council rejects claim over harbour fire"
SLUG = "council-rejects-claim"


@pytest.fixture(scope="module")
def lexicon():
    files = tuple(yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["lexicon"])
    found, problems = load_lexicon(ROOT / "content", files)
    assert not [p for p in problems if p.severity == "error"], problems
    return found


def categories_of(lexicon) -> tuple[str, ...]:
    return tuple(c.id for c in lexicon.categories)


def make_article(body: str = BODY, title: str = TITLE):
    from generator.model import Article

    return Article(SLUG, title, "alpha", dt.date(2021, 3, 2), None, body, f"content/articles/alpha/2021-03-02-{SLUG}.md", 6)


@pytest.fixture(scope="module")
def machine(lexicon) -> ArticleAnalysis:
    analysis = analyse_article(make_article(), compile_matcher(lexicon), lexicon.version, categories_of(lexicon))
    texts = [s.text for s in analysis.spans]
    assert texts.count("reckless") == 2, texts  # what the tests below correct: one in narration, one quoted
    speakers = [q.speaker for q in analysis.quotations]
    assert speakers[0] == "Ana Ruiz", speakers
    assert [n.surface for n in analysis.numbers] == ["twelve trucks"]
    return analysis


def correction(number: int = 1, match: str = "rejected the reckless", action: str = "not_framing", value: str | None = None,
               occurrence: int | None = None, reason: str = "Reason given.", by: str | None = "Desk") -> ArticleCorrection:
    return ArticleCorrection(SLUG, number, match, occurrence, action, value, reason, by, "content/corrections/x.yaml", 10 * number,
                             (("match", 10 * number), (action, 10 * number + 1), ("occurrence", 10 * number + 2)))


def count(analysis: ArticleAnalysis, category: str, voice: str) -> int:
    return next(row.count for row in analysis.stats.counts if (row.category, row.voice) == (category, voice))


# -- applying --------------------------------------------------------------------------------


def test_no_corrections_is_the_machine_analysis_itself(machine, lexicon) -> None:
    assert apply_corrections(machine, (), categories_of(lexicon)) == (machine, ())


def test_not_framing_removes_the_highlight_keeps_it_as_removed_and_counts_again(machine, lexicon) -> None:
    corrected, problems = apply_corrections(machine, (correction(),), categories_of(lexicon))
    assert problems == ()
    assert [s.text for s in corrected.spans].count("reckless") == 1
    assert [(s.text, s.voice, s.corrected.was, s.corrected.reason) for s in corrected.removed] == [
        ("reckless", "narration", "intensifiers", "Reason given.")]
    assert count(corrected, "intensifiers", "narration") == count(machine, "intensifiers", "narration") - 1
    applied = corrected.corrections[0]
    assert (applied.action, applied.was, corrected.text.text[applied.start:applied.end]) == ("not_framing", "intensifiers", "rejected the reckless")
    assert len(machine.spans) == len(corrected.spans) + 1  # the machine's analysis is unchanged: the store keeps it


def test_category_adds_a_highlight_of_exactly_the_words_in_their_voice(machine, lexicon) -> None:
    corrected, problems = apply_corrections(machine, (correction(match="heavily guarded area", action="category", value="conflict"),),
                                            categories_of(lexicon))
    assert problems == ()
    added = [s for s in corrected.spans if s.text == "heavily guarded area"]
    assert len(added) == 1 and (added[0].category, added[0].voice, added[0].entry) == ("conflict", "narration", "editors")
    assert added[0].corrected.was is None
    assert count(corrected, "conflict", "narration") == count(machine, "conflict", "narration") + 1


def test_category_on_a_highlight_changes_its_category_and_keeps_the_old_one(machine, lexicon) -> None:
    corrected, _ = apply_corrections(machine, (correction(match="reckless", occurrence=2, action="category", value="loaded_labels"),),
                                     categories_of(lexicon))
    span = next(s for s in corrected.spans if s.text == "reckless" and s.voice == "quotation")
    assert (span.category, span.voice, span.corrected.was) == ("loaded_labels", "quotation", "intensifiers")


def test_category_over_part_of_highlights_replaces_them_and_lists_them_removed(machine, lexicon) -> None:
    corrected, _ = apply_corrections(machine, (correction(match="deny these reckless accusations", action="category", value="hedges"),),
                                     categories_of(lexicon))
    assert [s.text for s in corrected.removed] == ["reckless"]
    new = next(s for s in corrected.spans if s.text == "deny these reckless accusations")
    assert new.voice == "quotation" and new.speaker == "Ana Ruiz" and "intensifiers" in new.corrected.was


def test_speaker_reattributes_the_quotation_and_its_highlights(machine, lexicon) -> None:
    corrected, problems = apply_corrections(machine, (correction(match="We deny these", action="speaker", value="Harbour Council"),),
                                            categories_of(lexicon))
    assert problems == ()
    quotation = corrected.quotations[0]
    assert (quotation.speaker, quotation.corrected.was, quotation.affiliation) == ("Harbour Council", "Ana Ruiz", None)
    assert {s.speaker for s in corrected.spans if quotation.start <= s.start < quotation.end} == {"Harbour Council"}


def test_speaker_unknown_clears_the_speaker(machine, lexicon) -> None:
    corrected, _ = apply_corrections(machine, (correction(match="We deny these", action="speaker", value="unknown"),), categories_of(lexicon))
    assert corrected.quotations[0].speaker is None and corrected.quotations[0].corrected.was == "Ana Ruiz"


def test_voice_narration_gives_a_quotation_back_to_the_outlet(machine, lexicon) -> None:
    words = "“The fire began in a storage shed near the quay.”"
    corrected, problems = apply_corrections(machine, (correction(match=words, action="voice", value="narration"),), categories_of(lexicon))
    assert problems == ()
    assert len(corrected.quotations) == len(machine.quotations) - 1
    assert corrected.removed_quotations[0].text.startswith("The fire began")
    assert corrected.stats.quotation_words < machine.stats.quotation_words


def test_voice_quotation_makes_words_a_quotation_without_a_speaker(machine, lexicon) -> None:
    words = "saw twelve trucks arrive before dawn"
    corrected, problems = apply_corrections(machine, (correction(match=words, action="voice", value="quotation"),), categories_of(lexicon))
    assert problems == ()
    added = [q for q in corrected.quotations if q.corrected is not None]
    assert len(added) == 1 and added[0].speaker is None and added[0].text == words
    assert corrected.numbers[0].voice == "quotation" and corrected.numbers[0].corrected.was == "narration"
    assert corrected.stats.quotation_words == machine.stats.quotation_words + 6


def test_a_quotation_made_by_the_editors_can_then_be_attributed(machine, lexicon) -> None:
    words = "saw twelve trucks arrive before dawn"
    corrected, problems = apply_corrections(machine, (correction(1, words, "voice", "quotation"), correction(2, "twelve trucks", "speaker", "Port authority")),
                                            categories_of(lexicon))
    assert problems == ()
    assert next(q for q in corrected.quotations if q.text == words).speaker == "Port authority"


def test_counts_changes_what_a_number_counts(machine, lexicon) -> None:
    corrected, _ = apply_corrections(machine, (correction(match="twelve trucks", action="counts", value="Lorries"),), categories_of(lexicon))
    assert (corrected.numbers[0].counted, corrected.numbers[0].corrected.was) == ("lorries", "trucks")


@pytest.mark.parametrize(("item", "field", "words"), [
    (correction(match="rejected the reckless claim on Tuesday"), "match", "does not occur"),
    (correction(match="Rejected the reckless"), "match", "other capitals"),
    (correction(match="reckless"), "match", "occurs 2 times (paragraph 1, paragraph 2); add occurrence: N"),
    (correction(match="reckless", occurrence=3), "occurrence", "occurs only 2 times"),
    (correction(match="on Monday, a day after"), "not_framing", "nothing to remove"),
    (correction(match="reckless", occurrence=2, action="category", value="intensifiers"), "category", "changes nothing"),
    (correction(match="a day after", action="speaker", value="Ana Ruiz"), "speaker", "is in no quotation"),
    (correction(match="We deny these", action="speaker", value="Ana Ruiz"), "speaker", "changes nothing"),
    (correction(match="Council rejects", action="voice", value="narration"), "voice", "headline"),
    (correction(match="claim on Monday", action="counts", value="days"), "counts", "no number"),
])
def test_a_correction_that_cannot_apply_is_a_problem_at_its_line(machine, lexicon, item, field, words) -> None:
    corrected, problems = apply_corrections(machine, (item,), categories_of(lexicon))
    assert corrected is machine and len(problems) == 1
    problem = problems[0]
    assert (problem.field, problem.line) == (field, item.line_of(field)), problem
    assert words in problem.message, problem.message
    assert str(problem).startswith(f"content/corrections/x.yaml:{item.line_of(field)}: {field}: ")


def test_where_a_step_failed_corrections_apply_as_they_can_and_report_nothing(machine, lexicon) -> None:
    failed = replace(machine, quotations=(), failures=(AnalysisFailure("quotations", "RuntimeError: test"),))
    corrected, problems = apply_corrections(failed, (correction(), correction(2, "We deny these", "speaker", "Harbour Council")),
                                            categories_of(lexicon))
    assert problems == ()  # the speaker item waits for a build whose quotations step succeeds
    assert [c.action for c in corrected.corrections] == ["not_framing"]


def test_a_correction_of_edited_text_is_stale_and_never_applied_elsewhere(lexicon) -> None:
    edited = make_article(BODY.replace("rejected the reckless", "rejected the bold"))
    analysis = analyse_article(edited, compile_matcher(lexicon), lexicon.version, categories_of(lexicon))
    corrected, problems = apply_corrections(analysis, (correction(),), categories_of(lexicon))
    assert corrected is analysis and "stale" in problems[0].message
    assert [s.text for s in corrected.spans].count("reckless") == 1  # the other "reckless" was left alone


def test_the_occurrence_picks_which_of_several(machine, lexicon) -> None:
    corrected, problems = apply_corrections(machine, (correction(match="reckless", occurrence=2),), categories_of(lexicon))
    assert problems == () and corrected.removed[0].voice == "quotation"


# -- finding words ---------------------------------------------------------------------------


def test_words_are_found_whole_across_line_breaks_and_quote_styles() -> None:
    text = "Headline\n\nThe minister’s “firm”\nreply came late.\n\nNext block starts."
    assert occurrences("minister's \"firm\" reply", text) == [(14, 37)]
    assert occurrences("reply", text) == [(32, 37)]
    assert occurrences("repl", text) == []
    assert occurrences("late. Next", text) == []  # never across blocks


# -- keys --------------------------------------------------------------------------------------


def test_the_corrected_key_changes_with_the_decision_not_with_its_place_in_the_file() -> None:
    item = correction()
    assert corrected_key("machine", ()) == "machine"
    assert corrected_key("machine", [item.decision()]) != "machine"
    moved = replace(item, line=99, lines=(("match", 99),), path="elsewhere.yaml")
    assert corrected_key("machine", [moved.decision()]) == corrected_key("machine", [item.decision()])
    assert corrected_key("machine", [replace(item, reason="Another reason.").decision()]) != corrected_key("machine", [item.decision()])


# -- reading files -----------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / "corrections" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(folder: Path, categories=("conflict", "hedges")):
    return read_corrections(folder, [SLUG], ["harbour-fire"], categories)


def test_a_valid_file_gives_each_item_its_number_and_lines(tmp_path: Path) -> None:
    write(tmp_path, f"{SLUG}.yaml", "# checked on 2 March\n- match: strongly rejected\n  not_framing: true\n  reason: Reported speech.\n"
          "- match: twelve trucks\n  occurrence: 1\n  counts: lorries\n  reason: The text's own word.\n  by: Desk\n")
    corrections, problems = read(tmp_path)
    assert problems == ()
    first, second = corrections.of_article(SLUG)
    assert (first.number, first.action, first.value, first.line, first.line_of("not_framing")) == (1, "not_framing", None, 2, 3)
    assert (second.number, second.occurrence, second.value, second.by, second.line_of("counts")) == (2, 1, "lorries", "Desk", 7)


@pytest.mark.parametrize(("text", "expected"), [
    ("- match: x\n  not_framing: true\n  category: conflict\n  reason: r\n", ":3: category: is a second action beside not_framing"),
    ("- match: x\n  not_framing: true\n", ":1: reason: is required"),
    ("- match: x\n  not_framing: true\n  reason: 'TODO: explain'\n", ":3: reason: is still a placeholder"),
    ("- match: x\n  reason: r\n", ":1: action: has no action"),
    ("- match: x\n  category: conflcit\n  reason: r\n", ":2: category: 'conflcit' is not a lexicon category; did you mean 'conflict'?"),
    ("- match: x\n  voice: speaker\n  reason: r\n", ":2: voice: must be narration"),
    ("- match: x\n  not_framing: false\n  reason: r\n", ":2: not_framing: must be true"),
    ("- match: x\n  speaker: 'TODO: who said it'\n  reason: r\n", ":2: speaker: is still a placeholder"),
    ("- match: x\n  occurrence: 0\n  not_framing: true\n  reason: r\n", ":2: occurrence: must be a whole number"),
    ("- not_framing: true\n  reason: r\n", ":1: match: is required"),
    ("- match: x\n  not_framing: true\n  reason: r\n  because: y\n", ":4: because: unknown key"),
    ("match: x\n", ":1: file: must be a YAML list"),
    ("- just words\n", ":1: item: correction 1 must be a mapping"),
    ("- match: [x\n", ":1: yaml: YAML syntax error"),
])
def test_every_mistake_in_a_file_is_reported_at_its_line(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path, f"{SLUG}.yaml", text)
    corrections, problems = read(tmp_path)
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith(str(tmp_path / "corrections" / f"{SLUG}.yaml") + ":") for p in problems)
    assert corrections.of_article(SLUG) == ()


def test_unknown_slugs_event_ids_and_stray_files_are_problems(tmp_path: Path) -> None:
    write(tmp_path, "council-rejects-claims.yaml", "- match: x\n  not_framing: true\n  reason: r\n")
    write(tmp_path, "events/harbour-fires.yaml", "- summary: x\n  reason: r\n")
    write(tmp_path, f"{SLUG}.yml", "- match: x\n")
    _, problems = read(tmp_path)
    messages = sorted(str(p) for p in problems)
    assert any("council-rejects-claims.yaml:1: file: 'council-rejects-claims' is not an article slug of this content; did you mean "
               f"'{SLUG}'?" in m for m in messages), messages
    assert any("harbour-fires.yaml:1: file: 'harbour-fires' is not an event id" in m for m in messages), messages
    assert any(f"{SLUG}.yml:1: file: is not read" in m and "rename it to .yaml" in m for m in messages), messages


@pytest.mark.parametrize(("text", "expected"), [
    ("- summary: Words\n  rename: X\n  reason: r\n", ":2: rename: belongs to an actor: item"),
    ("- actor: Port Authority\n  reason: r\n", ":1: actor: needs exactly one of rename"),
    ("- actor: A\n  summary: B\n  reason: r\n", ":1: item: needs exactly one of summary"),
    ("- actor: A\n  merge_into: B\n", ":1: reason: is required"),
])
def test_event_corrections_are_validated_like_the_rest(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path, "events/harbour-fire.yaml", text)
    corrections, problems = read(tmp_path)
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]
    assert corrections.of_event("harbour-fire") == ()


def test_a_missing_folder_or_empty_file_holds_no_corrections(tmp_path: Path) -> None:
    assert read(tmp_path) == read(tmp_path)
    assert not read(tmp_path)[0]
    write(tmp_path, f"{SLUG}.yaml", "# nothing yet\n")
    corrections, problems = read(tmp_path)
    assert problems == () and corrections.of_article(SLUG) == ()


# -- review ----------------------------------------------------------------------------------


def test_review_doubts_a_match_near_a_word_of_its_entrys_exception(lexicon) -> None:
    claim = next(e for e in lexicon.entries if "claimed responsibility" in e.unless)
    article = make_article("The group claimed full responsibility for the blast.\n\nA rival group claimed the town.\n", "Two groups and one blast")
    analysis = analyse_article(article, compile_matcher(lexicon), lexicon.version, categories_of(lexicon))
    assert [s.text for s in analysis.spans if s.entry == claim.id] == ["claimed", "claimed"]
    found = [d for d in doubts(lexicon, {SLUG: analysis}) if d.doubt == UNLESS_NEAR]
    assert [(d.match, d.occurrence, d.actions) for d in found] == [("claimed", 1, ("not_framing: true",))]
    assert "'responsibility'" in found[0].why and "paragraph 1" in found[0].why


def test_review_orders_by_doubt_and_skips_what_the_editors_corrected(machine, lexicon) -> None:
    found = doubts(lexicon, {SLUG: machine})
    assert [d.doubt for d in found] == sorted((d.doubt for d in found), reverse=True)
    fallback = [d for d in found if "fallback rule (continues the previous quotation)" in d.why]
    assert [d.match for d in fallback] == ["The fire began in a storage shed near"], found  # its speaker comes from the quotation before
    assert fallback[0].actions[0].startswith('speaker: "TODO: who said it (the analysis says Ana Ruiz)"')
    corrected, _ = apply_corrections(machine, (correction(match="The fire began in a storage shed", action="speaker", value="Fire service"),),
                                     categories_of(lexicon))
    assert not any("fallback rule" in d.why for d in doubts(lexicon, {SLUG: corrected}))


@pytest.mark.parametrize(("counted", "unclear"), [("times", True), ("", True), ("kataib hezbollah personnel", True),
                                                  ("rockets", False), ("iraqi soldiers", False)])
def test_review_finds_numbers_whose_counted_noun_is_unclear(machine, counted: str, unclear: bool) -> None:
    claim = replace(machine.numbers[0], counted=counted)
    assert (unclear_count(claim) is not None) == unclear


def test_a_corrections_file_with_a_control_character_or_a_link_out_is_refused(tmp_path: Path) -> None:
    """Corrections are content: read like every content file, and refused where a value is not text."""
    from generator.corrections.files import read_corrections

    content = tmp_path / "content"
    (content / "corrections").mkdir(parents=True)
    (content / "corrections" / "harbour-fire.yaml").write_text(
        "- match: regime\n  not_framing: true\n  reason: \"neutral here\\x0b\"\n", encoding="utf-8")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("- match: regime\n  not_framing: true\n  reason: read from outside\n", encoding="utf-8")
    (content / "corrections" / "fire-at-harbour.yaml").symlink_to(outside)
    corrections, problems = read_corrections(content, ["harbour-fire", "fire-at-harbour"], [], None)
    messages = [str(p) for p in problems]
    assert any("harbour-fire.yaml:3: reason:" in m and "U+000B" in m for m in messages), messages
    assert any("fire-at-harbour.yaml" in m for m in messages), "a link out of the content folder is not read"
    assert corrections.articles == () or all(not items for _, items in corrections.articles)
