"""Wegwijs site generator: the phases that build.py runs around mkdocs."""
