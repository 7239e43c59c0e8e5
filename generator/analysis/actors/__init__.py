"""How each outlet names the actors of an event: the labels and descriptions attached to them.

Actors come from three places, in this order of precedence when they overlap:
1. the event's `actors:` alias table (always listed when mentioned at all);
2. capitalised names of two or more words ("Mike Pompeo", "Kataib Hezbollah"),
   keyed by their last word so a later "Pompeo" is the same actor (two people
   sharing a surname in one event would be merged: add them to the alias table);
3. affiliation spans of the lexicon followed by a lower-case noun
   ("Iran-backed militias"), keyed by that noun in the singular.
Detected actors (2 and 3) are listed only when at least `min_articles` articles
mention them and some outlet attaches a label to them. `mentions` finds the
mentions, `labels` the labels of each, `naming` gathers them per actor and outlet.
These are heuristics for English news prose; the alias table is the fix when they fail.
"""

from generator.analysis.actors.labels import ActorLabel
from generator.analysis.actors.mentions import singular
from generator.analysis.actors.naming import ActorNaming, OutletActorLabels, actor_namings

__all__ = ["ActorLabel", "ActorNaming", "OutletActorLabels", "actor_namings", "singular"]
