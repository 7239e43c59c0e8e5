"""Word lists that more than one analyser (or the importer) reads: one list of each kind.

All entries are lower case unless a docstring says otherwise; callers lower-case
what they look up. A list that only one analyser needs stays in its module.
"""

from __future__ import annotations

SPEECH_VERBS = (
    "said", "says", "added", "adds", "tweeted", "wrote", "told", "stated", "declared",
    "cautioned", "warned", "claimed", "insisted", "stressed", "emphasized", "emphasised",
    "noted", "explained", "asserted", "argued", "maintained", "replied", "responded",
    "continued", "concluded", "described", "called", "threatened", "announced", "reported", "posted",
    "urged", "vowed", "alleged", "accused", "remarked", "commented", "asked", "saying",
    "adding", "calling", "describing", "accusing", "tweeting", "warning", "writing",
    # present tense, as features, columns and previews write it ("…,” Silver writes)
    "tells", "writes", "notes", "calls", "tweets", "explains", "argues", "insists", "warns", "claims",
    "recalls", "asks", "admits", "acknowledges", "continues", "concedes", "predicts", "jokes", "posts",
    # past tense of more ways of saying
    "acknowledged", "admitted", "conceded", "pledged", "predicted", "recalled", "joked", "quipped",
    "complained", "countered", "suggested", "agreed", "boasted", "observed", "proclaimed", "lamented",
    "blamed", "charged", "shouted", "yelled", "wondered", "retorted", "mused", "chided", "scoffed",
    "dubbed", "labeled", "labelled", "termed", "branded", "praised", "criticized", "criticised",
    "telling", "declaring", "noting", "arguing", "insisting", "explaining", "pledging",
    "vowing", "urging", "claiming", "predicting", "complaining", "dubbing", "labeling", "branding",
    # verbs that pass judgement in someone's words ("deemed it “…”", "slammed the “…”")
    "deemed", "condemned", "slams", "slammed", "blasted", "derided", "denounced", "decried", "dismissed",
    "dismissing", "mocked", "hailed", "touted", "characterized", "characterised", "assured", "speculated",
    "speculates", "asserts", "accuses", "labels", "chanted", "chanting", "yelling", "shouting", "uttered",
    # more ways of saying, and the present tense of features and previews
    "interjected", "exclaimed", "opined", "fired back", "shot back", "hit back", "put it", "chimed in",
    "recounted", "reiterated", "elaborated", "testified", "confided", "whispered", "screamed", "muttered",
    "bragged", "griped", "ranted", "railed", "demanded", "questioned", "promised", "thanked", "apologized",
    "emailed", "texted", "estimated", "pondered", "quoted", "cracked", "pleaded", "remembered", "wrote back",
    "describes", "suggests", "proclaims", "observes", "declares", "announces", "replies", "responds", "counters",
    "quips", "laments", "complains", "boasts", "concludes", "cautions", "stresses", "emphasizes", "recounts", "agrees",
    "asking", "quoting", "reiterating", "promising", "demanding", "recalling", "suggesting", "stressing",
    "thanking", "questioning", "announcing", "joking", "boasting", "bragging", "lamenting", "repeating",
    "responding", "replying", "posting", "emphasizing", "acknowledging", "conceding", "observing",
    "stating", "mentioned", "cited", "citing", "denied", "denying", "referred", "refers", "referring",
    "defended", "confirmed", "revealed", "rejected", "rejecting", "read", "reads",
    # the base form, after "to", "did" or a modal ("refused to say", "did say", "would argue")
    "say", "tell", "argue", "claim", "describe", "warn", "ask", "deny", "insist", "suggest", "predict",
    "declare", "tweet", "admit", "acknowledge", "call",
    # verbs that put a view in someone's own words ("advocates a “…”", "portraying him as “…”")
    "characterizes", "characterizing", "portraying", "portrays", "portrayed", "vented", "protested", "pledges",
    "promises", "advocates", "advocated", "proposes", "proposed", "proposing", "exhorting", "denouncing",
    "denounces", "mentions", "blared", "crying", "cried", "cry", "repeat", "repeats", "urges", "touts", "hails",
    "bemoaned", "decries", "derides", "scolded", "lectured", "demand", "sniped", "indicated", "beamed", "gushed",
    "marveled", "fumed", "snapped", "shrugged", "wrote in", "sounded off", "offered", "sighed", "deadpanned", "pronounced",
    "reasoned",
    # more verbs that say or pass on words ("“…” exhorted the host", "Article 5 affirms: “…”", "retweeted “…”")
    "exhorted", "affirms", "affirmed", "intimated", "retweeted", "retweets", "referenced", "sings", "sang",
)
"""Verbs that introduce or attribute someone's words: "X said", "…,” he added", "calling it “…”".
The forms ending in -ing are participles, whose subject is the sentence's."""

ATTRIBUTING_WORDS = (
    # nouns of speech and writing: the words they carry are someone's
    "assertion", "conclusion", "claim", "claims", "report", "reports", "memo", "statement", "letter", "ad",
    "advertisement", "tweet", "tweets", "email", "emails", "speech", "remarks", "comment", "comments", "phrase",
    "slogan", "term", "label", "pledge", "promise", "vow", "warning", "accusation", "argument", "description",
    "criticism", "complaint", "prediction", "motto", "message", "chant", "chants", "sign", "signs", "headline",
    "poll", "survey", "petition", "lawsuit", "ruling", "study", "platform", "column", "op-ed", "editorial",
    "interview", "question", "answer", "response", "reply", "request", "demand", "broadside", "rhetoric",
    "wording", "testimony", "transcript", "post", "video", "book", "memoir", "caption", "banner", "verdict",
    "announcement", "declaration", "proclamation", "quote", "quotes", "line", "lines", "catchphrase",
    "according to", "admission", "words", "view", "views",
    # naming constructions: the name is what others call it
    "so-called", "so called", "known as", "nicknamed", "referred to as", "described as", "branded as",
    # verbs of belief, finding and judgement: the content is someone's view
    "believe", "believes", "believed", "think", "thinks", "thought", "hope", "hopes", "hoped", "fear", "fears",
    "feared", "expect", "expects", "expected", "worry", "worries", "worried", "consider", "considers",
    "considered", "regard", "regards", "regarded", "viewed", "see", "sees", "saw", "found", "want", "wants", "wanted",
    "finds", "find", "show", "shows", "showed", "concluded", "judged", "ruled", "estimated", "estimates",
    "agree", "agrees", "disagree", "disagrees", "praise", "praises", "applauded", "welcomed", "endorsed",
    "criticize", "criticizes", "attacked", "touted", "promoted", "talked", "spoke", "speaking",
)
"""Words that attribute what their sentence says to someone without introducing a quotation ("a report
about his “…”", "Critics believe it is a “…”", "the so-called “…”"): a quoted phrase in their sentence is
someone's words, not the outlet's scare quote, though no speaker can be named from them."""

SPEECH_PARTICIPLES = frozenset(verb for verb in SPEECH_VERBS if verb.endswith("ing"))
"""The participles of SPEECH_VERBS: "calling the attack “…”" takes the sentence's subject."""

INVERTED_SPEECH_VERBS = (
    "said", "added", "says", "adds", "tweeted", "wrote", "warned", "cautioned", "asked", "writes", "explained",
    "continued", "recalled", "noted", "argued", "insisted", "declared", "replied", "responded", "countered",
    "quipped", "joked", "tells", "told", "notes", "explains", "recalls", "predicted", "acknowledged", "conceded",
    "opined", "interjected", "exclaimed", "observed", "remembered", "suggested", "wondered", "cracked",
    "concluded", "agreed", "complained", "boasted", "pleaded", "offered", "stated", "posted", "beamed",
    "gushed", "marveled", "fumed", "snapped", "sniped", "chimed in", "scoffed", "declares", "mused", "shouted",
    "yelled", "retorted", "continues", "argues", "insists", "warns", "cautions", "scolded", "lamented", "laments",
    "asks", "admitted", "admits", "confided", "vowed", "sighed", "deadpanned", "reasoned", "exhorted", "sings", "sang",
    "agrees", "replies", "responds", "counters", "concludes", "suggests", "predicts", "observes", "complains",
    "jokes", "quips",
)
"""The speech verbs news prose puts before their subject after a quotation: "“…,” said Pompeo"."""

PERSONAL_SPEECH_VERBS = (
    "said", "says", "told", "added", "tweeted", "wrote", "warned", "cautioned", "claimed", "insisted",
    "stressed", "emphasized", "emphasised", "noted", "argued", "declared", "stated", "urged", "vowed",
    "tells", "writes", "acknowledged", "conceded", "recalled", "joked", "quipped", "explained", "asked",
)
"""Speech verbs whose lone capitalised subject ("Haddad said") is taken to be a person's surname;
verbs that organisations do as often ("reported", "announced", "posted") are left out."""

ROLE_WORDS = frozenset(
    """president presidency vice secretary minister ministry prime foreign state interior defense defence
    supreme spokesman spokeswoman spokesperson speaker general major commander chief deputy ambassador
    director senator governor mayor representative interim acting former senior top leader head official
    officials envoy diplomat parliament chairman chairwoman king prince queen judge justice sheikh
    ayatollah imam pope cleric lieutenant colonel admiral captain sergeant""".split()
)
"""Words of a title or office ("Foreign Minister", "Supreme Leader", "senior commander"): they
introduce a person's name and are never part of it. "the <role word>" refers back to a person."""

HONORIFICS = frozenset("mr mrs ms dr prof gen lt col sgt capt maj adm sen rep gov rev msgr fr atty amb cmdr".split())
"""Courtesy titles and abbreviated ranks written before a name ("Mr. Brady", "Sen. Cruz"), without their full stop."""

PERSON_TITLES = frozenset(
    """spokesman spokeswoman spokesperson minister secretary president general commander ambassador envoy
    senator governor leader speaker chief director adviser advisor aide mr mrs ms dr gen""".split()
)
"""Titles after which a capitalised name is taken to be a person's ("spokesman Omar Haddad", "Dr. Ali
Khan"), so later pronouns may refer to them. Of the HONORIFICS only these: adding "Sen.", "Rep." or
"Capt." made the pronoun and previous-sentence rules name the wrong person more often than the right
one on annotated news (PolNeAR)."""

ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Prof Gen Lt Col Sgt Capt Maj Adm Sen Rep Gov Rev Msgr Fr Atty Amb Cmdr St Mt Ft Jr Sr No vs Inc Corp Co Ltd
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec al""".split()
)
"""Abbreviations, as written (case matters: "No. 2" but not "said no."), whose full stop ends no sentence.
Single letters ("U.S.", "a.m.") are abbreviations too, without being listed."""

STOP_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those
    of in on at to for from by with as into onto over under about after before
    between through during against among without within upon via
    is are was were be been being am do does did done has have had having
    it its it's he him his she her hers they them their theirs we us our ours
    you your yours i me my mine who whom whose which what when where why how
    not no also there here all any both each such only own same very can
    will would shall should may might must could just too""".split()
)
"""Function words: they carry grammar, not framing or names. Left out of word counts per term
and of actor names; a capitalised one ("The", "After") at a sentence start names no one.
Distinctive words leave them out of counted terms too (`terms.py`)."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Days of the week: never a speaker ("Monday said" is not a person), never what a number counts."""

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
"""Month names: a number beside one is a date, not a count; a month is never a speaker."""

MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
"""Abbreviated month names, as in "Jan. 5"."""
