"""Analysts' tools over a feedback store: exports, the channel report and demo data.

Nothing here is imported by the web app or the Lambda handler; the heavy
libraries (pyarrow, matplotlib) are imported inside the functions that use them.
"""
