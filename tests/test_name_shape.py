"""A person's speaker is a name: descriptions before it dropped, fragments and non-names refused (name_shape.py)."""

from __future__ import annotations

import pytest

from generator.analysis.quotations.name_shape import NameCheck

ARTICLE = """Harbour Board Chair Slams Port Plan in Speech

The former harbour chair Ann Lee said the plan would fail. The columnist Tom Reed wrote that former aides were worried.
Independent Rosa Diaz agreed, and Maria T. Ortiz said nothing. Mr. Kondik said the vote was close. Sen. Omar Haddad of
North Dakota spoke on Sunday in Glenmore. The Valley Times's Lena Park reported it. Bill de Souza and Robert Vance Jr.
also spoke. The columnist George Will and the organiser Will Tran agreed. Is Rosa Diaz right? Four said no, and friends said
yes. He said the chair slams everyone; it will be close. The analyst J.J. Moreno said so. Critics said even the board was split, and both sides agreed on a rival plan.
The Player of the Year Sam Okafor spoke last year."""


@pytest.fixture(scope="module")
def check() -> NameCheck:
    return NameCheck(ARTICLE)


@pytest.mark.parametrize("speaker, name", [
    ("Ann Lee", "Ann Lee"),
    ("Columnist Tom Reed", "Tom Reed"),            # a description before the name
    ("Independent Rosa Diaz", "Rosa Diaz"),        # a party word before the name
    ("Rival Ann Lee", "Ann Lee"),                  # an ordinary word of the article before the name
    ("Dakota-based Tom Reed", "Tom Reed"),         # a compound adjective
    ("Valley Times's Lena Park", "Lena Park"),     # the name after a possessive
    ("Bill de Souza", "Bill de Souza"),            # a particle inside
    ("Robert Vance Jr.", "Robert Vance Jr"),       # a suffix
    ("Kondik", "Kondik"),                          # one word the article gives after a courtesy title
    ("Haddad.", "Haddad"),                         # one word the article gives in full; the full stop is no part of it
    ("George Will", "George Will"),                # an ordinary word inside a name the prose writes so
    ("Will Tran", "Will Tran"),
    ("J.J. Moreno", "J.J. Moreno"),                # initials keep their full stops
    ("Vance", "Vance"),                            # a surname alone
])
def test_a_name_is_kept_without_what_describes_it(check: NameCheck, speaker: str, name: str) -> None:
    assert check.person_name(speaker) == name


@pytest.mark.parametrize("speaker", [
    "Ann Lee Slams Tom Reed",   # a headline's words around two names
    "About Ann Lee",            # a function word opens it: the subject was misread
    "Both Ann Lee",
    "Glenmore and",             # a coordination cut short
    "Maria T",                  # a name cut at its initial
    "Glenmore",                 # a place named only alone: no person of that name in the article
    "Sunday", "He", "Critics",  # never names
    "Former Chair",             # a title without a name
    "former harbour chair",     # a description
    "Ann Lee Tom Reed Rosa Diaz Omar",  # longer than any name
    "Is Rosa Diaz",             # a question's verb before a name
    "Officers Who Backed Ann Lee",  # a clause, not a name
    "Four", "Friends",          # a number, a group
    "Year Sam Okafor",          # the end of a description ("Player of the Year") glued to a name
])
def test_what_is_not_one_name_is_no_speaker(check: NameCheck, speaker: str) -> None:
    assert check.person_name(speaker) is None


@pytest.mark.parametrize("speaker, name", [
    ("Majority Leader Omar Haddad", "Omar Haddad"),
    ("Ranking Independent Rosa Diaz", "Rosa Diaz"),
    ("Senators Omar Haddad", "Omar Haddad"),
    ("Representative Robert Vance Jr.", "Robert Vance Jr"),
    ("Staff Omar Haddad", "Omar Haddad"),       # "Chief of Staff Omar Haddad", cut at "of" before the check
    ("Senate Minority Whip Rosa Diaz", "Rosa Diaz"),
    ("Glenmore County Recorder Ann Lee", "Ann Lee"),
    ("Congressman Tom Reed", "Tom Reed"),
    ("Councillor Ann Lee", "Ann Lee"),
    ("Dakota Independent", None),           # a party member described, not named
    ("Maybe Vance", None),                  # a sentence adverb before a surname
])
def test_titles_before_a_name_and_descriptions_without_one(check: NameCheck, speaker: str, name: str | None) -> None:
    assert check.person_name(speaker) == name
