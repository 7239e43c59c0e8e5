"""`digest import` and its helpers: turn raw articles (text, saved web pages, datasets) into
`content/articles/<outlet>/<date>-<slug>.md` drafts that a person reviews before publishing.

Each input format has its own small module that yields `ArticleDraft` values; `run.py` decides
where each draft goes, skips duplicates, and writes files. Nothing here edits existing content
unless asked to with `--force`.
"""
