"""Pelican settings for the benchmark: the same pages our site has, nothing more.

One page per article, one per event (Pelican's categories), one per outlet
(Pelican's authors) and an index; no feeds, archives, tags or caches, so the
timing is of a clean full build. Paths are given on the command line by bench.py.
"""

AUTHOR = "Framing Digest benchmark"
SITENAME = "Framing Digest benchmark"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
RELATIVE_URLS = True

ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "events/{slug}.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "outlets/{slug}.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False

TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
PAGE_SAVE_AS = DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = ""

FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None

LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
STATIC_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
