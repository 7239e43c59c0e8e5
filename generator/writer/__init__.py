"""The write stage: the site goes into a new folder beside the output, which replaces the output only
when the build is complete. `plan.py` decides which pages to render and which to keep from the
last build; `site_writer.py` writes and swaps; `guard.py` refuses output folders a build must not replace."""

from generator.writer.site_writer import SiteWriter, UnsafeOutput, check_output_path, remove_leftovers

__all__ = ["SiteWriter", "UnsafeOutput", "check_output_path", "remove_leftovers"]
