"""Outlets missing from outlets.yaml are drafted there, never rejected, and the person's file is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.importer.newoutlets import OutletDrafts, OutletProposal, outlet_key, propose, site_domain
from generator.importer.outlets import load_outlet_rules
from generator.importer.run import ImportOptions, Outcome, import_files
from generator.load import YamlFile
from generator.validate import Options, validate_outlets
from generator.yamlsafe import load_yaml

HAND_WRITTEN = """\
# Our outlets. Keep the wire services first.
afp:
  name: Agence France-Presse (AFP)   # the agency
  country: France
  ownership: Autonomous public corporation.
  license: All rights reserved
  detect:
    domains: [afp.com]
    wire: true

# Local papers below.
valley-times:
  name: Valley Times
  country: Nowhere
  ownership: An invented newspaper for tests.
  license: CC BY-SA 4.0
"""
TEXT = "The harbour ferry will run an extra evening crossing on Fridays through the summer, the operator said on Monday."


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "outlets.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    return folder


def run(content: Path, records: list[dict], dry_run: bool = False) -> tuple[list[Outcome], object]:
    path = content.parent / "data.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    rules = load_outlet_rules(content / "outlets.yaml")[0]
    outcomes: list[Outcome] = []
    summary = import_files([(path, "data.jsonl")], ImportOptions(content=content, rules=rules, dry_run=dry_run), outcomes.append)
    return outcomes, summary


def test_unknown_outlet_is_drafted_and_the_article_imports(content: Path) -> None:
    outcomes, summary = run(content, [
        {"title": "Extra ferry", "date": "2023-06-02", "text": TEXT, "source": "Coastline Courier (Online News)",
         "url": "https://www.coastlinecourier.example/local/ferry"},
        {"title": "Quay vote", "date": "2023-06-03", "text": "The council will vote on the new quay next month, the mayor said.",
         "url": "https://news.coastlinecourier.example/quay"},
        {"title": "Bridge", "date": "2023-06-04", "text": "The old rail bridge was closed after inspectors found cracks.",
         "source": "The Eastbridge Ledger", "url": "https://eastbridgeledger.example/bridge"},
    ])
    assert (summary.imported, summary.rejected) == (3, 0), outcomes
    assert summary.drafted_outlets == ("coastline-courier", "eastbridge-ledger")
    text = (content / "outlets.yaml").read_text(encoding="utf-8")
    assert text.startswith(HAND_WRITTEN)  # comments, order and spacing as the person wrote them
    data = load_yaml(text)
    assert list(data) == ["afp", "valley-times", "coastline-courier", "eastbridge-ledger"]
    courier = data["coastline-courier"]
    assert courier["name"] == "Coastline Courier (Online News)" and courier["detect"]["domains"] == ["coastlinecourier.example"]
    assert all(courier[key].startswith("TODO:") for key in ("country", "ownership", "license"))
    assert (content / "articles" / "coastline-courier" / "2023-06-03-quay-vote.md").is_file()  # matched by domain
    meta = load_yaml((content / "articles" / "coastline-courier" / "2023-06-02-extra-ferry.md").read_text().split("---\n")[1])
    assert "drafted" in meta["imported"] and "notes" not in meta


def test_drafted_file_validates_with_placeholders_reported(content: Path) -> None:
    run(content, [{"title": "Extra ferry", "date": "2023-06-02", "text": TEXT, "source": "Coastline Courier"}])
    data = load_yaml((content / "outlets.yaml").read_text(encoding="utf-8"))
    outlets, problems = validate_outlets(YamlFile("outlets.yaml", data))
    assert {o.id for o in outlets} == {"afp", "valley-times", "coastline-courier"}
    assert sorted(p.field for p in problems) == ["country", "license", "ownership"]
    assert all(p.severity == "error" and "placeholder in outlet 'coastline-courier'" in p.message for p in problems)
    _, allowed = validate_outlets(YamlFile("outlets.yaml", data), Options(allow_placeholders=True))
    assert {p.severity for p in allowed} == {"warning"}


def test_known_outlet_by_another_spelling_is_not_drafted(content: Path) -> None:
    _, summary = run(content, [{"title": "Extra ferry", "date": "2023-06-02", "text": TEXT, "source": "The Valley Times (Print)"}])
    assert summary.imported == 1 and summary.drafted_outlets == ()
    assert (content / "outlets.yaml").read_text(encoding="utf-8") == HAND_WRITTEN


def test_dry_run_drafts_nothing(content: Path) -> None:
    outcomes, summary = run(content, [{"title": "Extra ferry", "date": "2023-06-02", "text": TEXT, "source": "Coastline Courier"}], dry_run=True)
    assert summary.drafted_outlets == ("coastline-courier",) and "would draft" in outcomes[0].message
    assert (content / "outlets.yaml").read_text(encoding="utf-8") == HAND_WRITTEN and not (content / "articles").exists()


def test_a_file_that_cannot_take_an_appended_entry_is_left_alone(content: Path) -> None:
    (content / "outlets.yaml").write_text("{valley-times: {name: Valley Times, country: X, ownership: Y, license: Z}}\n")
    outcomes, summary = run(content, [{"title": "Extra ferry", "date": "2023-06-02", "text": TEXT, "source": "Coastline Courier"}])
    assert summary.rejected == 1 and "add the outlet by hand" in outcomes[0].message
    assert (content / "outlets.yaml").read_text() == "{valley-times: {name: Valley Times, country: X, ownership: Y, license: Z}}\n"


def test_ids_and_domains() -> None:
    assert outlet_key("CNN (Web News)") == outlet_key("cnn") == outlet_key("The CNN")
    assert site_domain("edition.example.com") == "example.com" and site_domain("news.paper.co.uk") == "paper.co.uk"
    assert propose(None, "https://www.afp.com/en/news/1", load_outlet_rules(Path("/nonexistent"))[0]) == OutletProposal(None, "afp.com")
    drafts = OutletDrafts(Path("/nonexistent/outlets.yaml"), (), dry_run=True)
    assert drafts.resolve(OutletProposal(None, "lowmoorgazette.example"), "x")[0] == "lowmoorgazette"
    assert drafts.resolve(OutletProposal("Index", None), "x")[0] == "index-outlet"  # a name the site uses for itself


@pytest.mark.parametrize("value, url, expected", [
    ("www.coastline-courier.example", None, OutletProposal(None, "coastline-courier.example")),
    ("edition.paper.co.uk", None, OutletProposal(None, "paper.co.uk")),
    ("valleytimes.example", "https://valleytimes.example/2026/a", OutletProposal(None, "valleytimes.example")),
    ("U.S. News", None, OutletProposal("U.S. News", None)),
    ("Reuters.com", None, OutletProposal("Reuters.com", None)),  # capitals: written as a name
])
def test_an_outlet_value_that_is_a_host_name_is_a_domain_not_a_name(value: str, url: str | None, expected: OutletProposal) -> None:
    """news-please's `source_domain` holds hosts: the drafted outlet gets the site's id, not 'www-…-example'."""
    assert propose(value, url, ()) == expected
    drafts = OutletDrafts(Path("/nonexistent/outlets.yaml"), (), dry_run=True)
    outlet_id, _ = drafts.resolve(expected, "x")
    assert outlet_id is not None and not outlet_id.startswith("www") and not outlet_id.endswith("example")
