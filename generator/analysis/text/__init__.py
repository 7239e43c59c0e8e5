"""The text layer every analyser reads: the article's plain text, its sentences, its words, and shared word lists.

`document` turns Markdown tokens into the analysed text; `sentences` splits it into
sentences; `tokens` finds and counts words; `wordlists` holds the word lists
(speech verbs, roles, honorifics, stop words, dates) that more than one analyser uses.
"""

from generator.analysis.text.document import BLOCK_SEPARATOR, locate_tokens, paragraphs

__all__ = ["BLOCK_SEPARATOR", "locate_tokens", "paragraphs"]
