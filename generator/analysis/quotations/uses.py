"""What a stretch in quotation marks is: someone's words, the outlet's scare quote, or a title or name.

Why: a title of a work or a name in marks ("the show “Morning Desk”", "John “Red” Lee") is neither speech
nor the outlet's label, and a scare quote is the outlet's own voice, so each is counted apart.

- A title by its context, whatever else the sentence says: after a word for a work ("the book “…”", "his
  show “…”", "a segment titled “…”"), after an outlet's possessive ("ABC's “…”"), after "author of" or
  "star of", Title Case words after "on", "with", "told" or a possessive ("said on “Meet the Desk”"), before "by Name" ("“…,” by Ann Lee") or a byline in any case ("“…,” by Post's Ann Lee"), or a nickname between a given name and a surname;
  a work's outlet set off between the word and the title ("his tip sheet at the Gazette, “…”"); capitalised
  words before the channel that shows them ("“…,” on Showtime,"); capitalised words after a day's possessive
  ("Sunday’s “Outliers”"), an edition or programme.
- A name of a thing cited with its year in parentheses, in any case ("“Ferries for locals” (2009)"): a work,
  campaign or slogan named, not words said in the article.
- A name of a thing, in any case: a slogan before what it is printed on ("“…” hats", "“…” signs"), a grade
  before its scale ("the “…” level"), a word glossed ("Spanish for “…”"), a song performed ("sang “…”", in
  Title Case), a name after "pseudonym" or "alias".
- A title by its form, when no cue introduces it: Title Case words ("The Daily Briefing", "Medicare for
  All"), perhaps closed by a comma or full stop, in the body (a headline capitalises everything).
- A scare quote: a short label inside a sentence that attributes it to no one (`scare`).
"""

from __future__ import annotations

import re

from generator.analysis.quotations.lines import on_title_case_line
from generator.analysis.quotations.marks import RawQuote, mark_width, opening_mark_start
from generator.analysis.quotations.scare import is_scare_quote
from generator.analysis.results import ArticleText, Quotation
from generator.analysis.text.sentences import Sentences

CUE = "cue"
"""Strength of an attribution: a cue or rule names who speaks or introduces the words as speech."""
SENTENCE = "sentence"
"""Strength of an attribution: the sentence attributes its content to someone (a noun of speech, a verb of belief)."""

_TITLE_SMALL = frozenset("a an the and or but nor of for to in on at by with from as vs. vs &".split())
_TITLE_WORDS = re.compile(r"[^\s—–]+")
_MAX_TITLE_WORDS = 8
_WORK_BEFORE = re.compile(
    r"(?:\b(?:show|program|programme|series|sitcom|book|novel|memoir|film|movie|documentary|song|album|play|musical|"
    r"segment|episode|podcast|magazine|newspaper|column|bill|act|hashtag|titled|entitled|headlined|thriller|drama|"
    r"comedy|spot|trailer|blog|website|newsletter|tip\s+sheet|anthem|ballad|pseudonym|pen\s+name|alias|code\s*name|"
    r"username|screen\s+name)|"
    r"\b(?:author|authors|co-author|star|stars|host|hosts|creator|producer|director|editor|episode|edition|issue|"
    r"cast|premiere|finale|sequel|season(?:\s+\w+)?)\s+of|"
    r"\b(?:ABC|CBS|NBC|CNN|MSNBC|HBO|PBS|NPR|Fox|Fox\s+News|Comedy\s+Central|Netflix|BBC)['’]s?)"
    r"(?:\s+(?:at|of|from|for|on)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s*,|\s*,?)\s*$"
)
"""Words before the opening mark that make the quotation the title of a work or programme; a work's
outlet may stand between them, set off by a comma ("his tip sheet at Politico, “…”")."""
_CHANNELS = (r"ABC|CBS|NBC|CNN|MSNBC|HBO|PBS|NPR|BBC|Fox|Fox\s+News|Showtime|Netflix|Hulu|Amazon|Bravo|AMC|FX|Starz|TNT|"
             r"TBS|Comedy\s+Central|YouTube|Spotify|Broadway")
_ON_CHANNEL_AFTER = re.compile(rf"\s*,?\s*on\s+(?:{_CHANNELS})\b")
"""A channel or stage right after capitalised words in marks ("“Harbour,” on Showtime, is a drama"): a show's title."""
_YEAR_AFTER = re.compile(r"\s*\((?:19|20)\d\d\)")
"""A year in parentheses right after the marks ("“Ferry for All” (2009)"): a work, campaign or slogan cited
with its date, a name for it, not words said in the article."""
_NAMING_WORD = re.compile(r"(?:titled|entitled|headlined|hashtag)\s*,?\s*$")
"""Work words that name what follows whatever its case ("a post headlined “…”"); after the others ("the
show", "the bill") words in lower case are said about the work, not its title."""
_PROGRAMME_BEFORE = re.compile(r"(?:\b(?:on|with|told)|\w['’]s?)\s*$")
"""Before Title Case words in marks: a programme or work one appears on, talks with or to, or that belongs to
someone ("said on “Meet the Desk”", "told “Morning Hour”", "Sunday’s “Town Hall Hour”"), not speech."""
_WEARABLES = (r"hats?|caps?|shirts?|t-shirts?|tee-shirts?|buttons?|stickers?|bumper\s+stickers?|jerseys?|mugs?|pins?|gear|"
              r"signs|placards?|posters?|banners?|flags?")
"""Things that carry a slogan or a name printed on them ("a “Stay Home” hat", "“We are the river” T-shirts",
"waved “Ferry for All” signs"); "a sign that read “…”" is the holder's words, and is no name before the noun."""
_PLATFORM = r"(?:(?:Facebook|Twitter|Instagram|YouTube|TikTok)\s+)?"
_WORK_AFTER = re.compile(
    r"[,.]?\s*" + _PLATFORM + r"(?:show|program|programme|series|sitcom|film|movie|documentary|franchise|album|song|musical|segment|"
    r"episode|podcast|anchor|anchors|host|hosts|star|stars|co-star|fans|sketch|trailer|campaign|movement|initiative|"
    r"referendum|caucus|coalition|act|bill|meeting|rally|tour|pageant|ad|spot|hashtag|account|page|brand|app|website|"
    r"crowd|group|feature|theme|letters|" + _WEARABLES + r")\b",
    re.IGNORECASE,
)
"""A word for a work, programme, campaign or its people right after the closing mark, when the words in marks
are capitalised: "the “Morning Desk” anchor", "“Harbour Lights” fans", "the “Stay” campaign": a name."""
_SHOW_AFTER = re.compile(
    r"\s*(?:show|series|sitcom|film|movie|documentary|franchise|album|song|musical|episode|podcast|anchor|host|"
    r"star|stars|co-star|fans|trailer|" + _WEARABLES + r")\b",
    re.IGNORECASE,
)
"""In a headline, where every word is capitalised, a word for a show or film and its people after the closing
mark is the only sign of a title ("‘Harbour Lights’ Star Leaves"); a campaign or a bill there may be named in
someone's words ("Lee Slams ‘Failing’ Campaign")."""
_SLOGAN_ON = re.compile(r"[,.]?\s*(?:" + _WEARABLES + r")\b", re.IGNORECASE)
"""Words in marks, in any case, right before a thing they are printed on: a slogan worn, not words said here."""
_GRADE_AFTER = re.compile(r"\s*(?:level|levels|classification|clearance)\b", re.IGNORECASE)
"""A grade named in marks before the word for its scale ("the “top secret” level"): the name of a grade."""
_GLOSS_BEFORE = re.compile(
    r"(?:\b(?:Spanish|French|German|Russian|Arabic|Latin|Italian|Portuguese|Chinese|Mandarin|Japanese|Hebrew|Greek|Persian|"
    r"Farsi|Turkish|Ukrainian|Polish|Yiddish|Korean|Hindi|Urdu|Dutch|Swedish|Creole)\s+for|#\w+\s*[-–—])\s*$")
"""A word glossed, not said: "Spanish for “witches”", "the hashtag #PuertaAbierta — “open door” —". A gloss in
parentheses after a hashtag others used ("#X (“…”)") is left as their words, as annotators read it."""
_PERFORMED_BEFORE = re.compile(
    r"\b(?:perform(?:s|ed|ing)?|sang|sing(?:s|ing)?|played|plays|playing|(?:tune|strains|sound)\s+of|"
    r"(?:took|takes|taking)\s+the\s+stage\s+to|(?:walked|walks|came|comes)\s+out\s+to)\s*$")
"""A song performed or played ("sang “Harbour Lights,”", "took the stage to “River Road”"), in Title Case right
after the verb: a title; "sings, “…”" with a comma quotes the lyrics as words."""
_WORK_APPOSITION = re.compile(
    r",?\s*(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:thriller|film|movie|documentary|show|series|sitcom|drama|comedy|book|"
    r"novel|memoir|play|musical|song|album|ad|spot|video|podcast|newsletter|program|programme|column|blog)\b"
)
"""A work named in apposition after capitalised words in marks: "“Harbour,” a thriller about …"."""
_NAMED_NOUN_BEFORE = re.compile(r"\b(?!(?:be|been|being|is|was|are|were|often|also|widely|once|now|sometimes|has|have|had)\b)[a-z][a-z\-]+,?\s+(?:called|named|titled|entitled|dubbed|known\s+as)\s+(?:the\s+)?$")
"""A common noun and a verb of naming before capitalised words in marks: "a play called “…”", "an account
named “…”": the name of a thing; "called him “…”" or "Lee called it “…”" is someone's words."""
_DAY_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|weekend|this\s+week)['’]s\s*$", re.IGNORECASE)
"""A day's possessive before capitalised words in marks names an edition or programme ("Sunday’s “Outliers”",
"WEDNESDAY’S ‘OUTLIERS’"), one word included; "Sunday’s “historic” vote" in lower case is no title."""
_ONE_WORD_PROGRAMME_BEFORE = re.compile(r"\b(?:on|at)\s*$")
"""Before one capitalised word in marks: a programme one appears on ("a job on “Today”")."""
_WINDOW = 40
_BY_AFTER = re.compile(r",?\s*by\s+[A-Z]")
"""After the closing mark: "“The Rising,” by Bruce Springsteen": a work and its author."""
_BYLINE_AFTER = re.compile(r",?\s*by\s+(?:the\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3}['’]s?\s+[A-Z][a-z]")
"""After the closing mark, a byline with the outlet's possessive ("“…,” by Post's Ann Lee"): the headline of an
article, in whatever case it is written; "called “…” by Lee's allies" is a passive's agent, not a byline."""
_NICKNAME = re.compile(r"\b(?:[A-Z][a-z][\w’'\-]*|(?:[A-Z]\.){1,3}) $")
"""A given name or initials just before a nickname's opening mark ("John “Red” Lee", "J.T. “Red” Lee")."""
_SURNAME_AFTER = re.compile(r" [A-Z][a-z]")
_NAME_APPOSED_BEFORE = re.compile(r"\b[A-Z][a-z][\w’'\-]*\s*(?:,|--|—|–)\s*(?:(?:his|her|their)\s+)?$")
_APPOSITION_CLOSED_AFTER = re.compile(r"\s*(?:,|--|—|–)")
"""A name set off after a person's name ("Ann Lee -- her “Annie” --", "John Tate, “Tig,”"): a nickname."""


def quotation_use(q: Quotation, text: ArticleText, sentences: Sentences, attributed: str, raw: RawQuote) -> str:
    """ "quotation", "scare" or "title" (results.QUOTATION_USES); `attributed` is CUE, SENTENCE or ""."""
    if raw.block_quote:
        return "quotation"
    if q.start > text.headline_end and titled_by_context(text.text, raw) or q.start < text.headline_end and _work_after(text.text, raw, _SHOW_AFTER):
        return "title"
    if attributed == CUE:
        return "quotation"
    if q.start > text.headline_end and is_title(q.text):
        return "title"
    if attributed:
        return "quotation"
    if is_scare_quote(q, text, sentences):
        return "scare"
    return "quotation"


def titled_by_context(body: str, raw: RawQuote) -> bool:
    """Whether the words around the marks make the quotation a title or a name (module docstring)."""
    open_mark = opening_mark_start(body, raw.start)
    line_start = max(0, open_mark - _WINDOW, body.rfind("\n", 0, open_mark) + 1)
    inner = body[raw.start : raw.end].strip()
    bare = inner.rstrip(",.")
    capitalised = _capitalised(bare)
    work = _WORK_BEFORE.search(body, line_start, open_mark)
    if work and inner[:1].islower() and not _NAMING_WORD.search(work.group()):
        work = None  # "the program “is working,” Lee said": words about a work, not its title
    if work and ("," not in work.group() or capitalised):
        return True  # "the show “…”"; after a comma ("his radio show, “…”") only a title in Title Case
    if _PROGRAMME_BEFORE.search(body, max(line_start, open_mark - 8), open_mark) and is_title(inner):
        return True
    if _DAY_POSSESSIVE_BEFORE.search(body, max(line_start, open_mark - 20), open_mark) and capitalised:
        return True
    if capitalised and _ONE_WORD_PROGRAMME_BEFORE.search(body, max(line_start, open_mark - 5), open_mark) and " " not in bare:
        return True
    if capitalised and _NAMED_NOUN_BEFORE.search(body, line_start, open_mark):
        return True
    close = raw.end + mark_width(body, raw.end) if raw.end < len(body) else raw.end
    if capitalised and (_work_after(body, raw) or _WORK_APPOSITION.match(body, close) or _ON_CHANNEL_AFTER.match(body, close)):
        return True
    if _YEAR_AFTER.match(body, close):
        return True
    if _more_words_than(bare, 1) and inner[-1:] not in "!?" and _SLOGAN_ON.match(body, close) and not _sentence_after(body, raw, close) and inner[-1:] != ",":
        return True  # "a “We are the river” T-shirt": a slogan on a thing, in any case
    if not _more_words_than(bare, 3) and inner[-1:] not in "!?," and _GRADE_AFTER.match(body, close):
        return True
    if _GLOSS_BEFORE.search(body, line_start, open_mark) and not _more_words_than(inner, 4):
        return True
    if _PERFORMED_BEFORE.search(body, line_start, open_mark) and is_title(inner):
        return True
    if _BY_AFTER.match(body, close) and _title_cased(inner.rstrip(",.")) or _BYLINE_AFTER.match(body, close):
        return True
    if _more_words_than(inner, 2) or not (inner[:1].isupper() and inner.rstrip(",")[-1:].isalpha()) or on_title_case_line(body, raw.start, raw.end):
        return False  # a Title Case line's capitals name no one
    if _NICKNAME.search(body, line_start, open_mark) is not None and _SURNAME_AFTER.match(body, close) is not None and inner[-1:].isalpha():
        return True
    return _NAME_APPOSED_BEFORE.search(body, line_start, open_mark) is not None and _APPOSITION_CLOSED_AFTER.match(body, close) is not None


def _more_words_than(words: str, count: int) -> bool:
    """Whether `words` holds more than `count` white-space-separated words: split only that far, so a long
    quotation is not cut into all its words to count a few (len(words.split()) > count, a test compares them)."""
    return len(words.split(None, count)) > count


def _work_after(body: str, raw: RawQuote, words: re.Pattern[str] = _WORK_AFTER) -> bool:
    """Whether a word for a work (`words`: _WORK_AFTER, or _SHOW_AFTER in a headline) follows the closing mark."""
    close = raw.end + mark_width(body, raw.end) if raw.end < len(body) else raw.end
    return words.match(body, close) is not None and not _sentence_after(body, raw, close)


def _sentence_after(body: str, raw: RawQuote, close: int) -> bool:
    """Whether the quotation ends its sentence and a new one opens after it ("“We lost.” T-shirts …"): the word
    after the closing mark then belongs to the next sentence, not to the words in marks."""
    after = body[close : close + 3].lstrip()
    return body[raw.start : raw.end].rstrip()[-1:] in (".", "!", "?") and after[:1].isupper()


def is_title(words: str) -> bool:
    """Title Case words, perhaps closed by a comma or full stop: a show, book, bill, slogan or nickname in marks
    ("The Daily Briefing", "Medicare for All"), not speech."""
    stripped = words.strip()
    if stripped[-1:] in "!?;:":
        return False
    return _title_cased(stripped.rstrip(",."))


def _capitalised(words: str) -> bool:
    """One to _MAX_TITLE_WORDS words in Title Case, one word included ("Today", "Morning Desk")."""
    tokens = _title_words(words)
    return bool(tokens) and (len(tokens) > 1 and _title_cased(words) or tokens[0][:1].isupper() and len(tokens) == 1)


def _title_words(words: str) -> list[str] | None:
    """The words of `words` (`_TITLE_WORDS`), or None when there are more than _MAX_TITLE_WORDS. A quotation
    is split only as far as telling that: without a dash, its words are its white-space-separated tokens."""
    stripped = words.strip()
    if "—" in stripped or "–" in stripped:
        tokens = _TITLE_WORDS.findall(stripped)
    else:
        tokens = stripped.split(None, _MAX_TITLE_WORDS)
    return tokens if len(tokens) <= _MAX_TITLE_WORDS else None


def _title_cased(words: str) -> bool:
    tokens = _title_words(words)
    if tokens is None or len(tokens) < 2:
        return False
    return all(t[:1].isupper() or t[:1].isdigit() or t.lower() in _TITLE_SMALL for t in tokens) and tokens[0][:1].isupper()
