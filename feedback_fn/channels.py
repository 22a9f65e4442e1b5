"""Which channel an answer is about, and how that became known (DESIGN: the record).

A reader who arrives through a channel link (the QR code on a letter, the link
in an SMS: /fr/kosten/?c=letter) and never touches the channel question must be
counted under that channel. With JavaScript the page's script remembers the link
for the whole visit and says so (`channel_source: link`). Without JavaScript the
only trace is the Referer of the form post, which the site's `same-origin`
Referrer-Policy keeps for our own origin: it holds the address of the page the
form is on, query string included. Anything else is recorded as unknown, never
silently as `website`. Plain functions: no Flask.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from wegwijs_shared.vocabulary import CHANNELS, UNKNOWN_CHANNEL

LINK_PARAMETER = "c"


def normalize_channel(value: str | None) -> str | None:
    """A channel code as links and clients may spell it (` LETTER `), or None if it is none."""
    if value is None:
        return None
    code = value.strip().lower()
    return code if code in CHANNELS else None


def channel_from_referer(referer: str | None, page: str) -> str | None:
    """The channel of a `?c=` link, if the form was posted from that very page."""
    if not referer:
        return None
    try:
        parts = urlsplit(referer)
    except ValueError:
        return None
    if parts.path.rstrip("/") != page.rstrip("/"):
        return None  # another page: the link led elsewhere, the visit is unknown
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        if name == LINK_PARAMETER:
            return normalize_channel(value)
    return None


def resolve_channel(
    chosen: str | None, claimed_source: str | None, referer: str | None, page: str
) -> tuple[str, str]:
    """(channel, channel_source) for a record.

    chosen: the channel the answer carries (validated), if any; claimed_source:
    what the page's script says about it (`link` or `reader`). A plain form that
    carries a channel was chosen by the reader: the form has no default.
    """
    if chosen is not None:
        return chosen, claimed_source or "reader"
    linked = channel_from_referer(referer, page)
    if linked is not None:
        return linked, "link"
    return UNKNOWN_CHANNEL, "none"
