"""The lexicon loader: fixture files beside the problems they must produce, and the real lexicon."""

from __future__ import annotations

import fnmatch
import json
import pathlib

import pytest
import yaml

from generator.lexicon import CATEGORY_IDS, expand_pattern, load_lexicon, normalise_term, slugify
from generator.lexicon_rules import describe_entry_rules, symmetry_table

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "lexicon"
ERROR_CASES = sorted(path.name for path in (FIXTURES / "errors").iterdir() if path.is_dir())


def site_lexicon_files() -> list[str]:
    return list(yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["lexicon"])


def load_case(case_dir: pathlib.Path):
    files = (case_dir / "files.txt").read_text(encoding="utf-8").split()
    return load_lexicon(FIXTURES, files)


@pytest.mark.parametrize("case", ERROR_CASES)
def test_error_fixture_reports_expected_problems(case: str) -> None:
    case_dir = FIXTURES / "errors" / case
    lexicon, problems = load_case(case_dir)
    expected = (case_dir / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert lexicon is None
    assert expected, "every error fixture must expect at least one problem"
    actual = [str(p).replace(f"{FIXTURES}/", "") for p in problems]
    assert len(actual) == len(expected), actual
    for got, wanted in zip(actual, expected):
        # A '*' stands for text owned by another module (the YAML parser's wording).
        assert fnmatch.fnmatchcase(got, wanted) if "*" in wanted else got == wanted


def test_problems_carry_the_full_path_of_the_file() -> None:
    _, problems = load_case(FIXTURES / "errors" / "missing_file")
    assert problems[0].path == str(FIXTURES / "errors" / "missing_file" / "absent.yaml")


def test_valid_fixture_builds_the_expected_entries() -> None:
    lexicon, problems = load_case(FIXTURES / "valid")
    assert problems == ()
    assert lexicon is not None
    expected = json.loads((FIXTURES / "valid" / "expected.json").read_text(encoding="utf-8"))
    actual = [
        {"id": e.id, "term": e.term, "kind": e.kind, "category": e.category, "alternative": e.alternative, "line": e.line}
        for e in lexicon.entries
    ]
    assert actual == expected
    assert all(e.path == "valid/entries.yaml" for e in lexicon.entries)
    assert dict(lexicon.placeholders)["actor"] == ("Iran", "U.S.", "US", "Russia")
    assert [c.id for c in lexicon.categories] == list(CATEGORY_IDS)


def test_version_is_stable_and_tracks_content_not_layout(tmp_path: pathlib.Path) -> None:
    files = ["base/categories.yaml", "valid/entries.yaml"]
    first, _ = load_lexicon(FIXTURES, files)
    second, _ = load_lexicon(FIXTURES, files)
    assert first is not None and second is not None
    assert first.version == second.version
    assert len(first.version) == 12 and int(first.version, 16) >= 0

    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
    entries = tmp_path / "valid" / "entries.yaml"
    entries.write_text("# a comment changes nothing\n" + entries.read_text(encoding="utf-8"), encoding="utf-8")
    relaid, _ = load_lexicon(tmp_path, files)
    assert relaid is not None and relaid.version == first.version

    entries.write_text(entries.read_text(encoding="utf-8").replace("Presents blame as hasty.", "Blame, hastily."), encoding="utf-8")
    edited, _ = load_lexicon(tmp_path, files)
    assert edited is not None and edited.version != first.version


def test_slugs_and_normalised_terms() -> None:
    assert slugify("{actor}-backed") == "actor-backed"
    assert slugify("was quick to blame") == "was-quick-to-blame"
    assert slugify("U.S.-led") == "u-s-led"
    assert slugify("can’t") == "cant"
    assert normalise_term("So-called") == normalise_term("so  called") == "so called"
    assert normalise_term("Iran’s proxy") == "iran's proxy"


def test_expand_pattern_substitutes_every_filler() -> None:
    placeholders = (("actor", ("Iran", "U.S.")), ("pronoun", ("he",)))
    assert expand_pattern("{actor}-backed", placeholders) == ("Iran-backed", "U.S.-backed")
    assert expand_pattern("{actor} said {pronoun}", placeholders) == ("Iran said he", "U.S. said he")


# The real lexicon in content/


@pytest.fixture(scope="module")
def real_lexicon():
    lexicon, problems = load_lexicon(ROOT / "content", site_lexicon_files())
    assert [str(p) for p in problems] == []
    assert lexicon is not None
    return lexicon


def test_real_lexicon_is_large_and_complete(real_lexicon) -> None:
    assert len(real_lexicon.entries) >= 400
    assert [c.id for c in real_lexicon.categories] == list(CATEGORY_IDS)
    for category in real_lexicon.categories:
        assert category.references, category.id
        assert len(category.description.split()) >= 20, category.id
    used = {e.category for e in real_lexicon.entries}
    assert used == set(CATEGORY_IDS) - {"scare_quotes"}


def test_real_lexicon_ids_are_unique_url_safe_and_notes_one_line(real_lexicon) -> None:
    ids = [e.id for e in real_lexicon.entries]
    assert len(ids) == len(set(ids))
    for entry in real_lexicon.entries:
        assert entry.id and all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in entry.id), entry.id
        assert entry.note and "\n" not in entry.note, entry.id


def test_real_lexicon_has_the_terms_the_issue_names(real_lexicon) -> None:
    terms = {normalise_term(e.term) for e in real_lexicon.entries}
    required = [
        "regime", "thug", "mob", "terrorist", "puppet", "claim", "allege", "accuse", "admit", "insist",
        "was quick to blame", "was quick to point the finger", "without evidence", "did not present any evidence",
        "dubious", "so called", "reportedly", "flagrantly", "recklessly", "panic", "catastrophic",
        "{actor} backed", "{actor} linked", "{actor} led", "pro {actor}", "proxy",
        "destabilize", "adventurism", "aggression", "maximum pressure", "sovereignty", "foreign forces", "occupation",
    ]
    assert [term for term in required if term not in terms] == []


def test_real_placeholders_name_every_side(real_lexicon) -> None:
    actors = set(dict(real_lexicon.placeholders)["actor"])
    for side in ("Iran", "U.S.", "US", "America", "Russia", "Israel", "Saudi", "Turkey", "China", "Syria", "Hezbollah", "Qatar", "UAE", "Western", "NATO", "Kremlin"):
        assert side in actors


# Sense rules, groups and mirrors


def test_rules_groups_and_mirrors_load_as_written() -> None:
    from generator.model import SenseRule

    lexicon, problems = load_case(FIXTURES / "symmetry")
    assert problems == () and lexicon is not None
    assert lexicon.mirrors == (("left", "right"), ("Democrat", "Republican"), ("Labour", "Tory"))
    hard_left = next(e for e in lexicon.entries if e.term == "hard-left")
    assert hard_left.unless_rules == (SenseRule(after=("party",)),)


def test_symmetry_table_names_one_sided_entries_and_fillers() -> None:
    """The table is derived from the lexicon: a new one-sided entry shows up without anyone listing it."""
    lexicon, _ = load_case(FIXTURES / "symmetry")
    rows = {(row.wording, row.mirror): row for row in symmetry_table(lexicon)}
    assert not rows[("far left", "far right")].found
    assert rows[("hard left", "hard right")].found and not rows[("hard left", "hard right")].same_rules
    assert rows[("radical left", "radical right")].same_rules  # "left" in its rule is swapped too
    assert not rows[("labour", "tory")].found and rows[("democrat", "republican")].found


def test_real_lexicon_is_symmetric(real_lexicon) -> None:
    """Every entry or filler that names a side has its mirror, in the same category and group, with the same rules."""
    table = symmetry_table(real_lexicon)
    assert [(row.where, row.wording, row.mirror) for row in table if not (row.found and row.same_rules)] == []
    named = {row.wording for row in table}
    assert {"far right", "far left", "liberal media", "conservative media", "rino", "dino", "republican"} <= named


def test_real_lexicon_groups_cite_their_sources(real_lexicon) -> None:
    groups = {group.id: group for group in real_lexicon.groups}
    assert {"ideological_labels", "evaluative_adjectives", "nicknames", "war_and_sport_metaphors"} <= set(groups)
    for group in groups.values():
        assert group.references and len(group.description.split()) >= 20, group.id
        assert any(entry.group == group.id for entry in real_lexicon.entries), group.id


def test_exceptions_are_described_in_plain_words() -> None:
    from generator.model import Group, LexiconEntry, SenseRule

    entry = LexiconEntry("lame", "lame", "word", "intensifiers", "n", unless=("lame horse",),
                         unless_rules=(SenseRule(after=("duck",)),), only_if=(SenseRule(before=("only",), window=2),))
    group = Group("g", "intensifiers", "G", "d", ("r",), unless=(SenseRule(compound="after"),))
    assert describe_entry_rules(entry, group) == (
        "Not counted in “lame horse”",
        "Not counted before “duck”",
        "Not counted in a hyphenated compound (before a hyphen)",
        "Counted only after “only” (up to 2 words away)",
    )
