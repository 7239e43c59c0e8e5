"""A copy of the seed content with corrections files, for the tests of the editors' corrections.

The corrections are the tests' own: one highlight removed, one quotation given to
another source and one highlight added in the Mehr article of 22 December, one
highlight removed outside the excerpts of the AFP report, and, for the event,
one summary sentence hidden and one actor renamed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

MEHR = "iran-rejects-us-accusation-over-green-zone-attack"
AFP = "rockets-hit-us-embassy-in-baghdad"
EVENT = "baghdad-embassy-rocket-attacks"

MEHR_CORRECTIONS = """\
# Test corrections of the Mehr article of 22 December 2020.
- match: through his irresponsible
  not_framing: true
  reason: The agency paraphrases the spokesman's tweet ("irresponsible anti-#Iran accusations"), so the judgement is his.
  by: Test desk

- match: We strongly refute
  speaker: Iran's Foreign Ministry
  reason: The spokesman posted the denial on the ministry's behalf.

- match: a heavily fortified area
  category: conflict
  reason: Describes the district by its defences, which casts it as a front line.
"""
AFP_CORRECTIONS = """\
- match: has ties to Iran
  category: affiliation
  reason: Describes the group by its ties to a state, as affiliation labels do.
"""
EVENT_CORRECTIONS = """\
- summary: Flesch reading ease
  reason: Readability says nothing about framing, so the desk keeps it out of the summary.
- actor: Green Zone
  rename: International Zone (Green Zone)
  reason: The name the embassy's own statement uses, with the common one.
"""


def seed_with_corrections(target: Path) -> Path:
    """The seed content at `target`, with the corrections above."""
    shutil.copytree(ROOT / "content", target)
    folder = target / "corrections"
    (folder / "events").mkdir(parents=True, exist_ok=True)
    (folder / f"{MEHR}.yaml").write_text(MEHR_CORRECTIONS, encoding="utf-8")
    (folder / f"{AFP}.yaml").write_text(AFP_CORRECTIONS, encoding="utf-8")
    (folder / "events" / f"{EVENT}.yaml").write_text(EVENT_CORRECTIONS, encoding="utf-8")
    return target
