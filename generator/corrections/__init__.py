"""The editors' layer: corrections of one article's analysis or one event's comparison, with reasons.

`model` holds the validated corrections, `files` reads and validates them,
`locate` finds a correction's words in an article, `apply` makes the corrected
analysis (a pure function), `stage` runs that over the corpus, and `review`
lists what the machine most likely got wrong. This package imports nothing at
package level, so the content model can import `model` alone.
"""
