"""The matcher: inflections, variants, boundaries, overlaps, offsets, and the seed articles."""

from __future__ import annotations

import pathlib
import pickle

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.matcher import compile_matcher, find_matches, fold_text, inflections
from generator.analysis.results import Match
from generator.lexicon import load_lexicon
from generator.model import Category, Lexicon, LexiconEntry

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def entry(term: str, category: str = "loaded_labels", kind: str | None = None) -> LexiconEntry:
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in term.lower()).split())
    kind = kind or ("pattern" if "{" in term else "phrase" if " " in term else "word")
    return LexiconEntry(id=slug, term=term, kind=kind, category=category, note="test")


TEST_LEXICON = Lexicon(
    categories=(Category("loaded_labels", "Loaded labels", "d"), Category("attribution", "Attribution", "d")),
    entries=(
        entry("regime"),
        entry("claim", "attribution"),
        entry("admit", "attribution"),
        entry("panic"),
        entry("militia"),
        entry("deny", "attribution"),
        entry("was quick to blame", "attribution"),
        entry("did not present any evidence", "attribution"),
        entry("point the finger", "attribution"),
        entry("{actor}-backed"),
        entry("pro-{actor}"),
        entry("{actor}-led"),
        entry("can’t be trusted", "attribution"),
        entry("puppet"),
        entry("puppet government"),
        entry("maximum pressure"),
        entry("pressure campaign"),
        entry("so-called"),
        entry("would-be"),
        entry("terrorist"),
    ),
    placeholders=(("actor", ("Iran", "U.S.", "US", "Russia", "Kremlin")),),
    version="test",
)
MATCHER = compile_matcher(TEST_LEXICON)


def found(text: str, excluded: tuple[tuple[int, int], ...] = ()) -> list[tuple[str, str]]:
    """(surface, entry id) of every match, checking each match's offsets reproduce its surface."""
    matches = find_matches(MATCHER, text, excluded)
    for match in matches:
        assert isinstance(match, Match)
        assert 0 <= match.start < match.end <= len(text)
    return [(text[m.start : m.end], m.entry) for m in matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He claims it. She claimed it. They are claiming it. A claim.", [("claims", "claim"), ("claimed", "claim"), ("claiming", "claim"), ("claim", "claim")]),
        ("He admitted it and admits it.", [("admitted", "admit"), ("admits", "admit")]),
        ("They panicked. Panicking crowds.", [("panicked", "panic"), ("Panicking", "panic")]),
        ("The regimes and militias.", [("regimes", "regime"), ("militias", "militia")]),
        ("She denied it; he denies it.", [("denied", "deny"), ("denies", "deny")]),
        ("They were quick to blame Iran.", [("were quick to blame", "was-quick-to-blame")]),
        ("He is quick to blame others.", [("is quick to blame", "was-quick-to-blame")]),
        ("He didn’t present any evidence.", [("didn’t present any evidence", "did-not-present-any-evidence")]),
        ("He does not present any evidence.", [("does not present any evidence", "did-not-present-any-evidence")]),
        ("Pompeo pointed the finger at Iran.", [("pointed the finger", "point-the-finger")]),
    ],
)
def test_inflections(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_inflections_of_head_words_only() -> None:
    forms = inflections("was quick to blame")
    assert "were quick to blame" in forms and "is quick to blame" in forms
    assert "was quick to blamed" not in forms
    assert inflections("claim") == ("claim", "claims", "claimed", "claiming")
    assert "foreign forces" in inflections("foreign forces")


@pytest.mark.parametrize(
    ("text", "surface", "entry_id"),
    [
        ("Iran-backed groups", "Iran-backed", "actor-backed"),
        ("Iran backed groups", "Iran backed", "actor-backed"),
        ("IRAN-BACKED groups", "IRAN-BACKED", "actor-backed"),
        ("Iranbacked groups", "", None),
        ("Iran\u2011backed groups", "Iran\u2011backed", "actor-backed"),
        ("the U.S.-led coalition", "U.S.-led", "actor-led"),
        ("the US-led coalition", "US-led", "actor-led"),
        ("Kremlin-backed media", "Kremlin-backed", "actor-backed"),
        ("a pro-Russia party", "pro-Russia", "pro-actor"),
        ("a pro Russia party", "pro Russia", "pro-actor"),
        ("the so called plan", "so called", None),
    ],
)
def test_hyphen_and_space_variants(text: str, surface: str, entry_id: str | None) -> None:
    expected = [(surface, entry_id)] if entry_id else []
    assert found(text) == expected


def test_short_acronyms_keep_their_case() -> None:
    assert found("let us led nobody") == []
    assert found("the unled and unarmed crowd") == []
    assert found("the US-backed force") == [("US-backed", "actor-backed")]


def test_hyphenated_words_with_function_words_have_no_spaced_variant() -> None:
    assert found("the would-be king") == [("would-be", "would-be")]
    assert found("it would be fine") == []


def test_curly_and_straight_apostrophes_match_each_other() -> None:
    assert found("He can't be trusted.") == [("can't be trusted", "can-t-be-trusted")]
    assert found("He can’t be trusted.") == [("can’t be trusted", "can-t-be-trusted")]


def test_phrases_span_any_whitespace_and_offsets_stay_exact() -> None:
    text = "They  were\nquick \t to   blame the\u00a0regime."
    assert found(text) == [("were\nquick \t to   blame", "was-quick-to-blame"), ("regime", "regime")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a regimented day", []),
        ("the preregime era", []),
        ("the regime's envoy", [("regime", "regime")]),
        ("the regime’s envoy", [("regime", "regime")]),
        ("anti-regime protests", [("regime", "regime")]),
        ("(regime)", [("regime", "regime")]),
        ("regime2", []),
        ("claimant", []),
        ("Iran-backedness", []),
        ("Iranian-backed", []),
    ],
)
def test_whole_words_only(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_longest_match_wins() -> None:
    assert found("a puppet government fell") == [("puppet government", "puppet-government")]
    assert found("a puppet fell") == [("puppet", "puppet")]


def test_overlapping_candidates_never_both_survive() -> None:
    matches = find_matches(MATCHER, "the maximum pressure campaign")
    assert [(m.start, m.end, m.entry) for m in matches] == [(12, 29, "pressure-campaign")]


def test_matches_come_back_in_text_order_without_overlap() -> None:
    text = "The regime claimed that Iran-backed militias panicked; the regime denied it."
    matches = find_matches(MATCHER, text)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))
    assert [m.category for m in matches] == ["loaded_labels", "attribution", "loaded_labels", "loaded_labels", "loaded_labels", "loaded_labels", "attribution"]


def test_excluded_ranges_drop_overlapping_matches() -> None:
    text = "see https://example.com/regime and the regime"
    url = (text.index("https"), text.index(" and"))
    assert found(text, (url,)) == [("regime", "regime")]
    assert find_matches(MATCHER, text, (url,))[0].start == text.rindex("regime")


def test_excluded_range_lets_a_shorter_match_survive() -> None:
    text = "a puppet government"
    assert found(text, ((text.index("government"), len(text)),)) == [("puppet", "puppet")]


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul’s regime claimed",  # 'İ' lowers to two characters
        "Straße: the regime claimed",
        "🚀🚀 the regime claimed",
        "ΣΊΣΥΦΟΣ and the regime claimed",
        "Ǆ İİİ regime claimed",
    ],
)
def test_non_ascii_text_keeps_offsets_right(text: str) -> None:
    assert found(text) == [("regime", "regime"), ("claimed", "claim")]


def test_fold_text_keeps_one_character_per_character() -> None:
    folded, origin = fold_text("İİ Regime")
    assert folded == "ii regime" and origin is None
    folded, origin = fold_text("a  b")
    assert folded == "a b" and origin == (0, 1, 3)


def test_empty_inputs() -> None:
    assert find_matches(MATCHER, "") == ()
    empty = compile_matcher(Lexicon(TEST_LEXICON.categories, (), (), "v"))
    assert find_matches(empty, "the regime") == ()


def test_matcher_survives_pickling() -> None:
    text = "Iran-backed militias were quick to blame the regime."
    clone = pickle.loads(pickle.dumps(MATCHER))
    assert find_matches(clone, text) == find_matches(MATCHER, text)
    assert [m.entry for m in find_matches(clone, text)] == ["actor-backed", "militia", "was-quick-to-blame", "regime"]


# The seed articles, with the real lexicon


@pytest.fixture(scope="module")
def real_matcher():
    files = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["lexicon"]
    lexicon, problems = load_lexicon(ROOT / "content", files)
    assert lexicon is not None, [str(p) for p in problems]
    return compile_matcher(lexicon)


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def surfaces(matcher, text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.entry, m.category) for m in find_matches(matcher, text)]


def test_first_mehr_seed(real_matcher) -> None:
    text = seed("000")
    found_here = surfaces(real_matcher, text)
    assert ("regime", "regime", "loaded_labels") in found_here
    assert ("Iran-backed", "actor-backed", "affiliation") in found_here
    assert ("was quick to point the finger", "was-quick-to-point-the-finger", "attribution") in found_here
    assert ("flagrantly", "flagrantly", "intensifiers") in found_here
    assert ("recklessly", "recklessly", "intensifiers") in found_here
    assert ("destabilizing", "destabilize", "conflict") in found_here
    assert ("dubious", "dubious", "hedges") in found_here
    assert ("sovereignty", "sovereignty", "legitimacy") in found_here
    regime = next(m for m in find_matches(real_matcher, text) if m.entry == "regime")
    assert text[regime.start - 5 : regime.end + 2] == "U.S. regime’s"


def test_second_mehr_seed(real_matcher) -> None:
    text = seed("001")
    found_here = surfaces(real_matcher, text)
    assert ("claimed", "claim", "attribution") in found_here
    assert ("did not present any evidence", "did-not-present-any-evidence", "attribution") in found_here
    assert ("was quick to blame", "was-quick-to-blame", "attribution") in found_here
    assert ("panic", "panic", "intensifiers") in found_here
    assert ("catastrophic", "catastrophic", "intensifiers") in found_here
    assert ("adventurism", "adventurism", "conflict") in found_here
    assert ("mobs", "mob", "loaded_labels") in found_here
    claimed = next(m for m in find_matches(real_matcher, text) if text[m.start : m.end] == "claimed")
    assert text[claimed.start - 12 : claimed.end] == "Mike Pompeo claimed"


def test_afp_seed(real_matcher) -> None:
    text = seed("003")
    found_here = surfaces(real_matcher, text)
    assert found_here.count(("Iran-linked", "actor-linked", "affiliation")) == 3
    assert ("foreign forces", "foreign-forces", "legitimacy") in found_here
    assert ("maximum pressure", "maximum-pressure", "conflict") in found_here
    assert ("proxy militias", "proxy-militia", "affiliation") in found_here
    assert ("destabilizing", "destabilize", "conflict") in found_here
    # The neutral verbs of the wire report are not framing.
    assert not any(surface.lower() in {"said", "told", "hit", "slammed"} for surface, _, _ in found_here)


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_every_seed_match_is_exactly_its_own_surface(real_matcher, prefix: str) -> None:
    text = seed(prefix)
    matches = find_matches(real_matcher, text)
    assert matches
    entries = [entry for entry, _ in real_matcher.entries]
    for match in matches:
        if real_matcher.rules[entries.index(match.entry)] is not None:
            continue  # its sense depends on the words around it ("failed" counts before "to"): see test_sense_rules
        alone = find_matches(real_matcher, text[match.start : match.end])
        assert [(m.start, m.end, m.entry) for m in alone] == [(0, match.end - match.start, match.entry)]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_unless_phrases_cancel_the_neutral_sense() -> None:
    """`unless:` lists phrases that contain the term in a neutral sense; only those occurrences are dropped."""
    from generator.lexicon import load_lexicon as _load
    from pathlib import Path as _Path

    lexicon, problems = _load(_Path(__file__).resolve().parent.parent / "content", ["lexicon/categories.yaml", "lexicon/labels.yaml", "lexicon/attribution.yaml"])
    assert lexicon is not None, problems
    matcher = compile_matcher(lexicon)
    text = "The tax regime changed. The regime fell. None of the attacks have been claimed. He claimed victory."
    found = [text[m.start : m.end] for m in find_matches(matcher, text)]
    assert found.count("regime") == 1 and text.index("regime fell") == [m.start for m in find_matches(matcher, text) if m.entry == "regime"][0]
    assert "claimed" in found and [m for m in find_matches(matcher, text) if m.entry == "claim"][0].start == text.index("claimed victory")


FOLD_FRAGMENTS = ["a", "B", "İ", "ǅ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "’", "‐", "-", "x y", "Regime"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FOLD_FRAGMENTS), max_size=30).map("".join))
def test_fold_text_maps_every_character_back(text: str) -> None:
    """The folded text is the per-character fold with space runs collapsed, and the map says where each character was."""
    per_character = "".join(ch.lower()[:1] or ch for ch in text) if len(text.lower()) != len(text) else text.lower()
    for old, new in (("\u2019", "'"), ("\u2010", "-"), ("\n", " "), ("\t", " "), ("\u00a0", " ")):
        per_character = per_character.replace(old, new)
    kept = [i for i, ch in enumerate(per_character) if not (ch == " " and i > 0 and per_character[i - 1] == " ")]
    folded, origin = fold_text(text)
    assert folded == "".join(per_character[i] for i in kept)
    assert (origin or tuple(range(len(folded)))) == tuple(kept)
    assert origin is None or len(kept) < len(text)


# Sense rules: the fixture sentences with the real lexicon, and the rule language on a small one

SENSE_CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "lexicon" / "senses" / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case", SENSE_CASES["wrong_sense"] + SENSE_CASES["misses"] + SENSE_CASES["factive_and_implicative"] + SENSE_CASES["literal_war"]
    + SENSE_CASES["audit_senses"], ids=lambda case: case["text"][:40]
)
def test_sense_fixture(real_matcher, case: dict) -> None:
    """Each fixture sentence gets exactly the highlights it names, and none of the entries it rules out."""
    text = case["text"]
    got = [(m.entry, text[m.start : m.end]) for m in find_matches(real_matcher, text)]
    for entry_id, words in case.get("found", {}).items():
        assert (entry_id, words) in got, got
    assert [entry_id for entry_id, _ in got if entry_id in case.get("not", [])] == []


def rule_lexicon(*entries: LexiconEntry, placeholders=(("party", ("Democratic", "Republican")),), groups=()) -> Lexicon:
    return Lexicon(TEST_LEXICON.categories, entries, placeholders, "rules", groups)


def words_of(lexicon: Lexicon, text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_matches(compile_matcher(lexicon), text)]


def test_unless_neighbours_before_and_after_with_word_classes() -> None:
    from generator.model import SenseRule

    claim = LexiconEntry("claim", "claim", "word", "attribution", "n", unless_rules=(
        SenseRule(before=("unemployment", "{party}")), SenseRule(after=("title", "lead"), window=3, not_after=("that",)),
    ))
    lexicon = rule_lexicon(claim)
    assert words_of(lexicon, "Unemployment claims rose. Democratic claims grew.") == []
    assert words_of(lexicon, "She claimed the world title. She claimed the lead.") == []
    assert words_of(lexicon, "She claimed that the title was hers.") == ["claimed"]
    assert words_of(lexicon, "Her claims rose.") == ["claims"]


def test_neighbours_stop_at_punctuation_and_hyphens_count_as_spaces() -> None:
    from generator.model import SenseRule

    lame = LexiconEntry("lame", "lame", "word", "intensifiers", "n", unless_rules=(SenseRule(after=("duck",)),))
    lexicon = rule_lexicon(lame)
    assert words_of(lexicon, "a lame-duck session and a lame duck") == []
    assert words_of(lexicon, "It was lame. Duck soup followed.") == ["lame"]


def test_only_if_and_compound_and_numbers() -> None:
    from generator.model import SenseRule

    handful = LexiconEntry("a-handful-of", "a handful of", "phrase", "intensifiers", "n", only_if=(SenseRule(before=("only", "just")),))
    operative = LexiconEntry("operative", "operative", "word", "affiliation", "n", unless_rules=(SenseRule(compound="before"),))
    admit = LexiconEntry("admit", "admit", "word", "attribution", "n", unless_rules=(SenseRule(after=("{Number}",)),))
    lexicon = rule_lexicon(handful, operative, admit)
    assert words_of(lexicon, "A handful of people came; only a handful of them stayed.") == ["a handful of"]
    assert words_of(lexicon, "a post-operative ward and an operative") == ["operative"]
    assert words_of(lexicon, "They admitted 1,200 patients and twelve more, then admitted the error.") == ["admitted"]


def test_group_rules_apply_to_every_entry_of_the_group() -> None:
    from generator.model import Group, SenseRule

    group = Group("ideology", "loaded_labels", "Ideological labels", "d", ("ref",), unless=(SenseRule(before=("self-described",)),))
    socialist = LexiconEntry("socialist", "socialist", "word", "loaded_labels", "n", group="ideology")
    fascist = LexiconEntry("fascist", "fascist", "word", "loaded_labels", "n", group="ideology")
    lexicon = rule_lexicon(socialist, fascist, groups=(group,))
    assert words_of(lexicon, "a self-described socialist and a self-described fascist") == []
    assert words_of(lexicon, "a socialist and a fascist") == ["socialist", "fascist"]


def test_unless_phrase_with_a_placeholder_cancels_a_pattern_for_those_fillers_only() -> None:
    led = LexiconEntry("actor-led", "{actor}-led", "pattern", "affiliation", "n", unless=("{party}-led",))
    lexicon = rule_lexicon(led, placeholders=(("actor", ("Iran", "Democratic", "Republican")), ("party", ("Democratic", "Republican"))))
    assert words_of(lexicon, "the Republican-led House and the Democratic led Senate") == []
    assert words_of(lexicon, "the Iran-led alliance") == ["Iran-led"]


def test_name_patterns_need_capitals_and_a_name_outside_title_case_lines() -> None:
    nickname = LexiconEntry("epithet-name", "{epithet} {Name}", "pattern", "loaded_labels", "n", unless=("Little Rock",))
    crazy = LexiconEntry("crazy", "crazy", "word", "intensifiers", "n")
    lexicon = rule_lexicon(nickname, crazy, placeholders=(("epithet", ("Sleepy", "Crazy", "Little")),))
    assert words_of(lexicon, "He mocked Sleepy Joe's speech and Crazy Bernie.") == ["Sleepy Joe", "Crazy Bernie"]
    assert words_of(lexicon, "a crazy idea, a crazy Bernie, The Crazy Monday.") == ["crazy", "crazy", "Crazy"]
    assert words_of(lexicon, "They drove to Little Rock.") == []
    assert words_of(lexicon, "Crazy Weather Hits Region As Storm Nears") == ["Crazy"]
    text = "Sleepy Joe spoke."
    match = find_matches(compile_matcher(lexicon), text)[0]
    assert (match.start, match.end) == (0, len("Sleepy Joe"))
