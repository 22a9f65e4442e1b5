"""Realistic synthetic feedback for demos, tests and benchmarks, marked in every record.

The marker: every synthetic record's page starts with `/_synthetic/`, a path
no real page of the site has, so real and synthetic records can never be
confused (the report counts them, and `is_synthetic` tells them apart).
The record schema is unchanged. Same seed, same records.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any, TypeVar

from analysts.selection import SYNTHETIC_PAGE_PREFIX
from wegwijs_shared.record import FeedbackRecord
from wegwijs_shared.store.base import FeedbackStore
from wegwijs_shared.vocabulary import BARRIERS, UNKNOWN_CHANNEL

# How often each channel is named, and how often its readers are at least satisfied.
CHANNEL_MIX: dict[str, tuple[float, float]] = {
    "website": (0.30, 0.78),
    "course": (0.18, 0.88),
    "letter": (0.12, 0.55),
    "sms": (0.10, 0.70),
    "counter": (0.08, 0.90),
    "partner": (0.08, 0.86),
    "email": (0.06, 0.64),
    "folder": (0.04, 0.72),
    "phone": (0.03, 0.80),
    "other": (0.01, 0.60),
}
# Languages of the site: how often each is read, and its effect on satisfaction.
LANGUAGE_MIX: dict[str, tuple[float, float]] = {
    "nl": (0.35, 0.04),
    "ar": (0.18, -0.08),
    "en": (0.12, 0.02),
    "fa": (0.10, -0.10),
    "ps": (0.09, -0.14),
    "fr": (0.08, 0.0),
    "ru": (0.08, -0.03),
}
# Trajectory part -> site pages about it (paths as the site has them).
PART_PAGES: dict[str, tuple[str, ...]] = {
    "intake": ("intake/", "voor-wie/"),
    "dutch": ("nederlands/",),
    "mo": ("mo/",),
    "work": ("werk/",),
    "participation": ("participatie/",),
    "certificate": ("attest/",),
    "general": ("", "kosten/", "digitale-hulp/", "contact/"),
}
PART_WEIGHTS = (0.16, 0.20, 0.22, 0.12, 0.08, 0.10, 0.12)
# Pages that read worse than the rest (long or technical).
PAGE_EFFECT = {"kosten/": -0.15, "digitale-hulp/": -0.10, "attest/": -0.05}
STATUS_MIX = {"mandatory": 0.60, "voluntary": 0.30, "unknown": 0.05, None: 0.05}
DEVICE_MIX = {"phone": 0.70, "computer": 0.14, "tablet": 0.08, "none": 0.03, None: 0.05}
# Per barrier: the chance an unsatisfied reader names it; channels that raise it (x2).
BARRIER_BASE = {
    "language": 0.18,
    "difficult": 0.25,
    "too_long": 0.15,
    "not_found": 0.12,
    "internet": 0.17,
    "device": 0.16,
    "alone": 0.19,
    "outdated": 0.06,
    "other": 0.04,
}
BARRIER_CHANNELS = {
    "language": ("letter", "folder", "phone"),
    "difficult": ("letter", "email"),
    "too_long": ("letter", "website"),
    "not_found": ("website",),
    "internet": ("course", "website"),
    "device": ("course", "website"),
    "alone": ("course", "letter", "email"),
    "outdated": ("folder", "sms"),
}
COMMENTS: dict[str, tuple[str, ...]] = {
    "nl": ("De brief was moeilijk te lezen.", "Duidelijk, dank u.", "- te veel tekst"),
    "en": ("Clear, thank you.", "I could not find the date of my lesson.", "=too long"),
    "ar": ("الرسالة كانت صعبة الفهم", "شكرا جزيلا، المعلومات واضحة"),
    "fa": ("اینترنت من خوب نیست", "خیلی ممنون"),
    "ps": ("زه په ټیلیفون کې نه شم لوستلی",),
    "fr": ("Merci, c'est clair.", "Trop long pour mon téléphone."),
    "ru": ("Спасибо, всё понятно.", "Письмо было трудно понять."),
}


Choice = TypeVar("Choice")


def _pick(rng: random.Random, mix: Mapping[Choice, Any], index: int | None = None) -> Choice:
    keys = list(mix)
    weights = [value[index] if index is not None else value for value in mix.values()]
    return rng.choices(keys, weights=weights)[0]


def _rating(rng: random.Random, satisfied: bool) -> int:
    if satisfied:
        return 5 if rng.random() < 0.45 else 4
    return rng.choices((1, 2, 3), weights=(0.2, 0.35, 0.45))[0]


def _barriers(rng: random.Random, channel: str, lang: str, satisfied: bool) -> tuple[str, ...]:
    scale = 0.25 if satisfied else 1.0
    named = []
    for code in BARRIERS:
        chance = BARRIER_BASE[code] * scale
        if channel in BARRIER_CHANNELS.get(code, ()):
            chance *= 2
        if code == "language" and lang != "nl":
            chance *= 1.5
        if rng.random() < min(chance, 0.9):
            named.append(code)
    return tuple(named)


# Channels that reach readers with a channel link (a QR code, a link in a message).
LINKED_CHANNELS = {"letter": 0.6, "sms": 0.7, "email": 0.6, "folder": 0.5}
UNKNOWN_SHARE = 0.03


def provenance(rng: random.Random, channel: str, js: bool) -> tuple[str, str, int]:
    """(channel, channel_source, folded): how the channel was set, and identical no-JS
    posts folded into the record (a double tap, or a classmate's identical answer)."""
    folded = 0
    if not js and rng.random() < 0.06:
        folded = rng.choices((1, 2, 3), weights=(0.7, 0.2, 0.1))[0]
    if rng.random() < UNKNOWN_SHARE:
        return UNKNOWN_CHANNEL, "none", folded
    source = "link" if rng.random() < LINKED_CHANNELS.get(channel, 0.1) else "reader"
    return channel, source, folded


def make_record(
    rng: random.Random, start: datetime, span_seconds: int, extra: random.Random | None = None
) -> FeedbackRecord:
    """One synthetic record with a time in [start, start + span).

    `extra` draws the channel's provenance and folded posts; a stream of its own,
    so that the other fields stay what they were before those fields existed.
    """
    channel = str(_pick(rng, CHANNEL_MIX, 0))
    lang = str(_pick(rng, LANGUAGE_MIX, 0))
    part = rng.choices(list(PART_PAGES), weights=PART_WEIGHTS)[0]
    page = rng.choice(PART_PAGES[part])
    chance = CHANNEL_MIX[channel][1] + LANGUAGE_MIX[lang][1] + PAGE_EFFECT.get(page, 0.0)
    satisfied = rng.random() < chance
    comment = ""
    if rng.random() < 0.12:
        comment = rng.choice(COMMENTS[lang])
    prefix = "" if lang == "nl" else f"{lang}/"
    moment = start + timedelta(milliseconds=rng.randrange(span_seconds * 1000))
    record = FeedbackRecord(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        received_at=moment,
        page=f"{SYNTHETIC_PAGE_PREFIX}{prefix}{page}",
        lang=lang,
        channel=channel,
        rating=_rating(rng, satisfied),
        barriers=_barriers(rng, channel, lang, satisfied),
        comment=comment,
        part=part if rng.random() < 0.9 else None,
        status=_pick(rng, STATUS_MIX),
        device=_pick(rng, DEVICE_MIX),
        js=rng.random() < 0.8,
    )
    if extra is None:
        return record
    channel, source, folded = provenance(extra, record.channel, record.js)
    return replace(record, channel=channel, channel_source=source, folded=folded)


def generate_records(n: int, seed: int, end: datetime, months: int = 6) -> Iterator[FeedbackRecord]:
    """`n` records spread over the `months` months (of 30 days) before `end`, lazily."""
    rng, extra = random.Random(seed), random.Random(f"provenance {seed}")
    end = end.astimezone(UTC).replace(microsecond=0)
    span = timedelta(days=30 * months)
    start = end - span
    for _ in range(n):
        yield make_record(rng, start, int(span.total_seconds()), extra)


# Records per store.put_many call: one SQLite transaction each, instead of one per record.
BATCH = 1000


def fill_store(
    store: FeedbackStore,
    records: Iterator[FeedbackRecord],
    progress: Callable[[int], None] | None = None,
    every: int = 10_000,
) -> int:
    """Put the records into the store in batches; returns how many were new."""
    stored = done = 0
    while batch := list(islice(records, BATCH)):
        stored += store.put_many(batch)
        if progress is not None and (done + len(batch)) // every > done // every:
            progress((done + len(batch)) // every * every)
        done += len(batch)
    return stored
