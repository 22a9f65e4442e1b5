"""A class on one wifi, and the channel a reader came through (issue: trusted data).

The class is simulated as the agency meets it: 40 students behind one address
answer the same page within two minutes, many with the same answer, a fifth
double-tapping and some resubmitting after a slow answer. Times are scripted
(the app's clock), so that the run takes a second and its outcome is exact.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from feedback_fn import DEFAULTS, create_app
from wegwijs_shared.store.sqlite import SqliteStore

from .samples import Clock

URL = "/api/feedback"
SCHOOL = {"REMOTE_ADDR": "198.51.100.7"}  # every student's address
PAGE = "/ar/mo/"


@dataclass
class Post:
    at: float  # seconds into the lesson
    student: int
    answer: dict[str, Any]


def lesson(seed: int = 7, students: int = 40) -> list[Post]:
    """The posts of one lesson, in time order: answers, double taps and resubmits."""
    rng = random.Random(seed)
    posts = []
    for student in range(students):
        answer = {
            "page": PAGE,
            "lang": "ar",
            "channel": "course",
            "rating": str(rng.choice([4, 5, 5, 5])),  # few distinct answers: many identical
            "id": str(uuid.uuid4()),  # used only by the JavaScript variant
        }
        at = rng.uniform(0, 110)
        posts.append(Post(at, student, answer))
        if student % 5 == 0:  # a fifth double-tap: a second post within 2 s
            posts.append(Post(at + rng.uniform(0.2, 2.0), student, answer))
        elif student % 9 == 1:  # resubmits after a slow answer
            posts.append(Post(at + rng.uniform(8, 10), student, answer))
    return sorted(posts, key=lambda post: post.at)


def run_lesson(client: FlaskClient, clock: Clock, posts: list[Post], js: bool) -> list[int]:
    start = clock.now
    statuses = []
    for post in posts:
        clock.now = start + timedelta(seconds=post.at)
        if js:
            response = client.post(URL, json=post.answer, environ_base=SCHOOL)
        else:
            form = {key: value for key, value in post.answer.items() if key != "id"}
            response = client.post(URL, data=form, environ_base=SCHOOL)
            assert response.headers["Location"].endswith("#wg-sent")
        statuses.append(response.status_code)
    return statuses


@pytest.fixture
def class_app(db_path: Path, clock: Clock) -> FlaskClient:
    # The production defaults: the limit and the fold window the README states.
    app = create_app({"TESTING": True, "STORE": f"sqlite:///{db_path}"})
    return app.test_client()


def test_with_javascript_every_student_is_one_record(
    class_app: FlaskClient, clock: Clock, store: SqliteStore
) -> None:
    posts = lesson()
    assert len(posts) > 40 and len({post.answer["rating"] for post in posts}) == 2
    statuses = run_lesson(class_app, clock, posts, js=True)
    assert set(statuses) <= {200, 201}  # nobody refused
    records = list(store.iter_records())
    assert len(records) == 40  # stored == students
    assert {(r.folded, r.js, r.channel_source) for r in records} == {(0, True, "reader")}


def test_without_javascript_nothing_is_merged_silently(
    class_app: FlaskClient, clock: Clock, store: SqliteStore
) -> None:
    posts = lesson()
    double_taps = sum(1 for post in posts if post.student % 5 == 0) // 2
    statuses = run_lesson(class_app, clock, posts, js=False)
    assert set(statuses) == {303}  # everyone thanked, nobody sent to "rate limited"
    records = list(store.iter_records())
    folded = sum(record.folded for record in records)
    # Both bounds stay readable: kept records, and kept + folded = every post.
    assert len(records) + folded == len(posts)
    # Every double tap (within 2 s) was folded ...
    assert len(records) <= len(posts) - double_taps
    # ... and nothing further apart than the fold window: a post with no identical
    # post in the window before it always stays a record of its own.
    window = DEFAULTS["FOLD_WINDOW_SECONDS"]
    alone = [
        post for post in posts
        if not any(
            0 <= post.at - other.at <= window and other.answer["rating"] == post.answer["rating"]
            for other in posts if other is not post
        )
    ]  # fmt: skip
    assert len(records) >= len(alone) > 10


def test_a_double_tap_across_a_window_boundary_is_still_folded(
    class_app: FlaskClient, clock: Clock, store: SqliteStore
) -> None:
    window = DEFAULTS["FOLD_WINDOW_SECONDS"]
    clock.now = clock.now.replace(second=0, microsecond=0) + timedelta(seconds=window * 10 - 0.4)
    form = {"page": PAGE, "lang": "ar", "channel": "course", "rating": "5"}
    class_app.post(URL, data=form, environ_base=SCHOOL)
    clock.advance(0.8)  # the next window has begun
    class_app.post(URL, data=form, environ_base=SCHOOL)
    clock.advance(window + 1)  # a classmate, later: a record of its own
    class_app.post(URL, data=form, environ_base=SCHOOL)
    assert [r.folded for r in store.iter_records()] == [1, 0]


def test_a_flood_from_one_address_is_held_back(db_path: Path) -> None:
    client = create_app({"TESTING": True, "STORE": f"sqlite:///{db_path}"}).test_client()
    answer = {"page": "/", "lang": "nl", "channel": "website", "rating": 3}
    statuses = [
        client.post(URL, json={**answer, "id": str(uuid.uuid4())}, environ_base=SCHOOL).status_code
        for _ in range(1000)
    ]
    limit = DEFAULTS["RATE_LIMIT_PER_MINUTE"]
    # Within one minute (or two, if the run straddles a minute): the rest is refused.
    assert statuses.count(201) in (limit, 2 * limit) and statuses.count(429) >= 1000 - 2 * limit
    # Another address (another school) is not held back by that flood.
    other = client.post(URL, json={**answer, "id": str(uuid.uuid4())}, environ_base={
        "REMOTE_ADDR": "203.0.113.9"
    })  # fmt: skip
    assert other.status_code == 201


@pytest.mark.parametrize(
    ("referer", "form_channel", "expected"),
    [
        ("http://localhost/fr/kosten/?c=letter", None, ("letter", "link")),
        ("http://localhost/fr/kosten/?c=%20LETTER%20", None, ("letter", "link")),
        ("http://localhost/fr/kosten/?x=1&c=sms", None, ("sms", "link")),
        ("http://localhost/fr/kosten/?c=letter", "phone", ("phone", "reader")),
        ("http://localhost/fr/kosten/", None, ("unknown", "none")),
        ("http://localhost/fr/attest/?c=letter", None, ("unknown", "none")),  # another page
        ("http://localhost/fr/kosten/?c=tiktok", None, ("unknown", "none")),
        (None, None, ("unknown", "none")),
        (None, "website", ("website", "reader")),
    ],
)
def test_without_javascript_the_channel_comes_from_the_reader_or_the_link(
    client: FlaskClient,
    store: SqliteStore,
    referer: str | None,
    form_channel: str | None,
    expected: tuple[str, str],
) -> None:
    form = {"page": "/fr/kosten/", "lang": "fr", "rating": "4", "channel": form_channel or ""}
    headers = {"Referer": referer} if referer else {}
    response = client.post(URL, data=form, headers=headers)
    assert response.status_code == 303 and response.headers["Location"] == "/fr/kosten/#wg-sent"
    [record] = store.iter_records()
    assert (record.channel, record.channel_source) == expected


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ({"channel": "letter", "channel_source": "link"}, ("letter", "link")),
        ({"channel": "Letter", "channel_source": "reader"}, ("letter", "reader")),
        ({"channel": "sms"}, ("sms", "reader")),  # an older page script
        ({}, ("unknown", "none")),
    ],
)
def test_the_page_script_says_how_the_channel_was_set(
    client: FlaskClient, store: SqliteStore, sent: dict[str, str], expected: tuple[str, str]
) -> None:
    answer = {"id": str(uuid.uuid4()), "page": "/mo/", "lang": "nl", "rating": 5, **sent}
    assert client.post(URL, json=answer).status_code == 201
    [record] = store.iter_records()
    assert (record.channel, record.channel_source) == expected


def test_production_limits_leave_room_for_a_class_and_hold_a_flood() -> None:
    # On Lambda the per-sender limit is per instance; the stage throttle is shared.
    import yaml

    from .servers import ROOT

    config = yaml.safe_load((ROOT / "feedback_fn" / "serverless.yml").read_text())
    defaults = config["params"]["default"]
    rate, burst = int(defaults["throttleRate"]), int(defaults["throttleBurst"])
    class_posts = len(lesson())  # one class, with its double taps and resubmits
    assert burst >= class_posts / 2 and rate * 120 >= 10 * class_posts
    assert rate * 60 < 10_000  # a flood of 10,000 a minute is held back by the stage
    assert DEFAULTS["RATE_LIMIT_PER_MINUTE"] >= 2 * class_posts
