"""Multi-outlet events written for the tests (tests/fixtures/assembled): every sentence the event page states is so."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build import BuildOptions
from tests.claims_check import check_actor_labels, check_numbers
from tests.summary_check import check_summary

FLOOD = "northland-flood-relief-vote"
FIRE = "port-alder-warehouse-fire"


def _data(site: Path, event: str) -> dict:
    return json.loads((site / "data" / "events" / f"{event}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def analyses(assembled_site: Path) -> dict:
    """The assembled articles' analyses, made as the build makes them."""
    from generator.build import load_corpus
    from tests.conftest import analysed

    corpus, _ = load_corpus(BuildOptions(content=assembled_site.parent / "content", out=assembled_site))
    return analysed(corpus)[0]


def test_every_summary_sentence_is_recomputed_from_the_json(assembled_site: Path) -> None:
    for event in (FLOOD, FIRE):
        assert check_summary(_data(assembled_site, event)) >= 3


def test_the_numbers_that_differ_are_one_count_of_one_thing(assembled_site: Path) -> None:
    flood = [s["text"] for s in _data(assembled_site, FLOOD)["summary"] if s["anchor"] == "numbers"]
    assert flood == ["Numbers of protesters differ: The Northland Herald reports more than 24; Capital Wire (CW) reports "
                     "about 40; Ridge News Network reports 30."]
    fire = [s["text"] for s in _data(assembled_site, FIRE)["summary"] if s["anchor"] == "numbers"]
    assert fire == ["Numbers of workers differ: The Northland Herald reports 4; Capital Wire (CW) reports 6; "
                    "The Daily Beacon reports 4."]
    money = next(r for r in _data(assembled_site, FLOOD)["numbers"] if r["quantity"] == "dollar")
    assert not money["differs"]  # $11.7 billion and $12 billion: the event is not about a sum, so they are listed
    assert {c["value"] for c in money["claims"]} == {11.7e9, 12e9}


def test_years_ranks_ages_furniture_and_dozens(assembled_site: Path) -> None:
    rows = {r["quantity"]: r for r in _data(assembled_site, FLOOD)["numbers"]}
    surfaces = {c["surface"] for r in rows.values() for c in r["claims"]}
    assert "More than two dozen protesters" in surfaces
    assert next(c for c in rows["protester"]["claims"] if c["outlet"] == "herald")["value"] == 24
    assert not {"republican", "candidate", "image", "photo"} & set(rows)  # "No. 2", "2024 candidates", "9 Images", "Photo 3 of 12"
    assert not any(c["value"] in (64, 2, 2019, 2024, 9, 3, 12) for r in rows.values() for c in r["claims"]), surfaces
    assert "dozens" not in " ".join(surfaces).lower() and "handful" not in " ".join(surfaces).lower()


def test_actors_and_their_labels(assembled_site: Path) -> None:
    actors = {a["actor"]: a for a in _data(assembled_site, FLOOD)["actors"]}
    assert {"Dana Whitlock", "Carl Brandt", "Ann Hale", "Bill Hale"} <= set(actors)
    assert not any(name.startswith(("Sleepy", "Crooked")) or name.endswith("Republican") for name in actors)
    epithets = {(o["outlet"], l["text"], l["speaker"]) for a in actors.values() for o in a["outlets"]
                for l in o["labels"] if l["kind"] == "epithet"}
    assert epithets == {("herald", "Sleepy Dana", "Rob Keane"), ("beacon", "Crooked Carl", "Mia Chen")}
    ann = {(o["outlet"], l["text"]) for o in actors["Ann Hale"]["outlets"] for l in o["labels"]}
    bill = {(o["outlet"], l["text"]) for o in actors["Bill Hale"]["outlets"] for l in o["labels"]}
    assert ("rnn", "a Democrat") in ann and not any(text == "a Democrat" for _, text in bill)


def test_every_label_occurs_in_its_outlets_text_and_no_claim_is_a_year_or_rank(assembled_site: Path, analyses: dict) -> None:
    for event in (FLOOD, FIRE):
        data = _data(assembled_site, event)
        outlet_of = {a["slug"]: a["outlet"] for column in data["columns"] for a in column["articles"]}
        assert check_actor_labels(data["actors"], analyses, outlet_of) >= 3
    assert check_numbers(analyses) >= 10


def test_distinctive_words_are_no_outlet_names_or_house_style(assembled_site: Path) -> None:
    terms = {t["term"] for d in _data(assembled_site, FLOOD)["distinctive"] for t in d["terms"]}
    words = {w for term in terms for w in term.split(" ")}
    assert not words & {"herald", "cw", "rnn", "beacon", "radio", "journal", "wire", "mr", "mrs", "ap", "said", "photo",
                        "staff", "reporting", "editing", "jane", "roe"}, words


def test_at_most_seven_sentences_lead_the_page(assembled_site: Path) -> None:
    html = (assembled_site / "events" / f"{FLOOD}.html").read_text(encoding="utf-8")
    glance = html[html.index('id="glance"') : html.index("</section>", html.index('id="glance"'))]
    lead = glance[: glance.index("<details") if "<details" in glance else len(glance)]
    assert 1 <= len(re.findall(r"<li>", lead)) <= 7
    summary = _data(assembled_site, FLOOD)["summary"]
    if len(summary) > 7:
        assert f"More differences ({len(summary) - 7})" in glance


def test_the_invariant_checks_catch_a_false_label_and_a_year(assembled_site: Path, analyses: dict) -> None:
    """The checks are not vacuous: a label no outlet wrote, an epithet as a name, and a year as a count fail them."""
    data = _data(assembled_site, FLOOD)
    outlet_of = {a["slug"]: a["outlet"] for column in data["columns"] for a in column["articles"]}
    whitlock = next(a for a in data["actors"] if a["actor"] == "Dana Whitlock")
    rnn = next(o for o in whitlock["outlets"] if o["outlet"] == "rnn")
    rnn["labels"].append({**rnn["labels"][0], "text": "Sleepy Dana"})  # printed by the Herald, not by RNN
    with pytest.raises(AssertionError):
        check_actor_labels([whitlock], analyses, outlet_of)
    with pytest.raises(AssertionError):
        check_actor_labels([{**whitlock, "actor": "Crazy Dana", "outlets": []}], analyses, outlet_of)
    from dataclasses import replace

    slug = next(s for s in analyses if "senate-passes" in s)
    text = analyses[slug].text.text
    start = text.index("2024")
    year = replace(analyses[slug].numbers[0], start=start, end=start + 15, surface=text[start : start + 15], value=2024.0)
    with pytest.raises(AssertionError):
        check_numbers({slug: replace(analyses[slug], numbers=(year,))})
