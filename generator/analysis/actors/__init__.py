"""How each outlet names the actors of an event: the labels and descriptions attached to them.

An actor is a person, organisation or place. Actors come from:
1. the event's `actors:` alias table (always listed when mentioned at all; affiliation phrases
   such as "Iran-backed militias" that match a table entry join it);
2. capitalised names of two or more words ("Mike Pompeo", "Kataib Hezbollah"), grouped into one
   actor when they share their last word and their first ("Hillary Rodham Clinton") or one ends
   the other ("Javad Zarif"); a later one-word name ("Pompeo", "Bernie") joins the actor it can
   only stand for (`people`), and is left out when that is unclear.
A detected actor (2) is listed only when articles of at least two outlets name it (`min_outlets`;
all of them when the event has fewer), in at least `min_articles` articles, and some outlet labels
it; its display name is its plainest full name, never an epithet. `mentions` finds the names,
`people` resolves one-word names, `labels` the labels of each mention (only the outlet's own words,
inside the mention's sentence), `naming` gathers them per actor and outlet. These are heuristics for
English news prose; the alias table is the fix when they fail (two people sharing a surname).
"""

from generator.analysis.actors.labels import ActorLabel
from generator.analysis.actors.mentions import singular
from generator.analysis.actors.naming import ActorNaming, OutletActorLabels, actor_namings

__all__ = ["ActorLabel", "ActorNaming", "OutletActorLabels", "actor_namings", "singular"]
