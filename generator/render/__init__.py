"""Render: turn the corpus and its analysis into HTML, feeds and JSON. Presentation only."""
