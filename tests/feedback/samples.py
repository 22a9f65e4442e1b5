"""Sample records shared by the store tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wegwijs_shared.record import FeedbackRecord

START = datetime(2026, 3, 1, 23, 59, 59, 500_000, tzinfo=UTC)


def make_record(number: int, at: datetime = START, **changes: object) -> FeedbackRecord:
    fields: dict[str, object] = {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "received_at": at,
        "page": "/mo/",
        "lang": "ar",
        "channel": "course",
        "rating": 1 + number % 5,
        "barriers": ("language", "internet"),
        "comment": "التعليق رقم " + str(number),
        "comment_masked": False,
        "part": "mo",
        "status": "voluntary",
        "device": "phone",
        "js": True,
    }
    fields.update(changes)
    return FeedbackRecord(**fields)  # type: ignore[arg-type]


class Clock:
    """The time the app reads for received_at; tests move it on purpose."""

    def __init__(self) -> None:
        # Mid-window (30 s windows): a double click never straddles a boundary by chance.
        self.now = datetime(2026, 3, 2, 10, 0, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
