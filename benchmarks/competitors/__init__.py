"""Settings, templates and converters that let Pelican and Hugo build the benchmark corpus."""
