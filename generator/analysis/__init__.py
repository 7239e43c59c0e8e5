"""Analysis: pure functions from validated content to frozen results. No I/O, no templates."""
