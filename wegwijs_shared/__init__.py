"""What the three wings share: languages, vocabularies, the record and its stores.

The site generator (`sitegen`, `hooks`), the feedback function (`feedback_fn`) and
the analysts' tools (`analysts`) each import this package and never each other.
It imports none of them; a test (tests/test_boundaries.py) keeps it so.
"""
