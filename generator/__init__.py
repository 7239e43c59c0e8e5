"""Framing Digest: a static-site generator for media-framing digests."""

__version__ = "0.1.0"
