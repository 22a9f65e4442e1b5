"""The controlled lists of DESIGN.md: codes in English, labels translated elsewhere."""

from __future__ import annotations

# How did you get this information?
CHANNELS: tuple[str, ...] = (
    "website",
    "folder",
    "letter",
    "email",
    "sms",
    "phone",
    "counter",
    "course",
    "partner",
    "other",
)

# What a record holds when the channel cannot be known: the reader chose none and
# no channel link (?c=letter) led to the page. Never offered as a choice.
UNKNOWN_CHANNEL = "unknown"
RECORD_CHANNELS: tuple[str, ...] = (*CHANNELS, UNKNOWN_CHANNEL)

# How a record's channel was set: by a channel link the reader arrived through,
# by the reader's own choice, or not at all (the channel is then UNKNOWN_CHANNEL).
CHANNEL_SOURCES: tuple[str, ...] = ("link", "reader", "none")

# What made it hard? Any number, each at most once.
BARRIERS: tuple[str, ...] = (
    "language",
    "difficult",
    "too_long",
    "not_found",
    "internet",
    "device",
    "alone",
    "outdated",
    "other",
)

# Optional segments, named as the agency splits its own figures.
SEGMENTS: dict[str, tuple[str, ...]] = {
    "part": ("intake", "dutch", "mo", "work", "participation", "certificate", "general"),
    "status": ("mandatory", "voluntary", "unknown"),
    "device": ("phone", "tablet", "computer", "none"),
}

RATING_MIN = 1
RATING_MAX = 5
# "At least satisfied" is a 4 or a 5.
SATISFIED_FROM = 4

COMMENT_MAX_CHARS = 1000
# A site path; long enough for any page, short enough to keep records small.
PAGE_MAX_CHARS = 300

# The form's honeypot: a field hidden from people that bots fill in. The form is
# rendered with this name and the server drops answers that fill it, so a new
# name here changes both sides at once.
HONEYPOT_FIELD = "homepage"
