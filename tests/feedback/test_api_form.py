"""The plain HTML form (no JavaScript): 303 redirects into the site, in the right language."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from feedback_fn import create_app
from feedback_fn.db import set_store
from wegwijs_shared.store import StoreUnavailable
from wegwijs_shared.store.sqlite import SqliteStore

from .samples import Clock

Conforms = Callable[[str, TestResponse], TestResponse]
URL = "/api/feedback"


@pytest.mark.parametrize(
    ("lang", "page"), [("nl", "/mo/"), ("en", "/en/mo/"), ("ar", "/ar/mo/"), ("ps", "/ps/mo/")]
)
def test_stored_form_goes_back_to_its_page_which_says_thank_you(
    client: FlaskClient,
    store: SqliteStore,
    form_answer: dict[str, Any],
    conforms: Conforms,
    lang: str,
    page: str,
) -> None:
    """Without JavaScript the reader is back where they were reading (the page shows its
    thank-you line at #wg-sent), not on a page that only links home."""
    answer = {**form_answer, "lang": lang, "page": page}
    response = conforms("post", client.post(URL, data=answer))
    assert response.status_code == 303
    assert response.headers["Location"] == f"{page}#wg-sent"
    [record] = store.iter_records()
    assert record.lang == lang and record.js is False


def test_form_fields_are_stored_with_arabic_comment(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any]
) -> None:
    client.post(URL, data=form_answer)
    [record] = store.iter_records()
    assert record.channel == "counter" and record.rating == 5
    assert record.barriers == ("language", "alone")
    assert record.comment == "شكرا جزيلا، المعلومات واضحة"
    assert (record.part, record.status, record.device) == ("mo", None, "phone")
    assert record.comment_masked is False


@pytest.mark.parametrize(
    ("change", "location"),
    [
        ({"rating": "0"}, "/ar/feedback/error/?reason=invalid&field=rating"),
        ({"channel": "tiktok"}, "/ar/feedback/error/?reason=invalid&field=channel"),
        ({"comment": "ب" * 1001}, "/ar/feedback/error/?reason=too_long&field=comment"),
        ({"lang": "xx"}, "/feedback/error/?reason=invalid&field=lang"),
        ({"lang": "en", "part": "school"}, "/en/feedback/error/?reason=invalid&field=part"),
    ],
)
def test_invalid_form_redirects_to_the_error_page_with_a_reason(
    client: FlaskClient,
    store: SqliteStore,
    form_answer: dict[str, Any],
    conforms: Conforms,
    change: dict[str, str],
    location: str,
) -> None:
    response = conforms("post", client.post(URL, data={**form_answer, **change}))
    assert response.status_code == 303
    assert response.headers["Location"] == location
    assert list(store.iter_records()) == []


def test_double_click_without_id_stores_one_record(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any], clock: Clock
) -> None:
    first = client.post(URL, data=form_answer)
    clock.advance(2)
    second = client.post(URL, data=form_answer)
    assert first.status_code == second.status_code == 303
    assert second.headers["Location"] == "/ar/traject/inburgering/#wg-sent"
    assert len(list(store.iter_records())) == 1


def test_same_answer_a_minute_later_is_a_new_record(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any], clock: Clock
) -> None:
    client.post(URL, data=form_answer)
    clock.advance(60)
    client.post(URL, data=form_answer)
    assert len(list(store.iter_records())) == 2


def test_same_answer_from_two_people_stores_two_records(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any], clock: Clock
) -> None:
    client.post(URL, data=form_answer, environ_base={"REMOTE_ADDR": "192.0.2.1"})
    client.post(URL, data=form_answer, environ_base={"REMOTE_ADDR": "192.0.2.2"})
    assert len(list(store.iter_records())) == 2


def test_honeypot_form_goes_where_a_person_would_and_stores_nothing(
    client: FlaskClient,
    store: SqliteStore,
    form_answer: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("INFO", logger="feedback_fn.metrics"):
        response = client.post(URL, data={**form_answer, "homepage": "http://spam.example"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/ar/traject/inburgering/#wg-sent"
    assert list(store.iter_records()) == []
    assert caplog.messages == ["feedback honeypot"]
    # A bot naming no page of the site: the thank-you page of its language.
    response = client.post(URL, data={**form_answer, "homepage": "x", "page": "//spam.example"})
    assert response.headers["Location"] == "/ar/feedback/thanks/"


def test_unavailable_store_gives_a_page_in_the_submitters_language(
    app: Flask, client: FlaskClient, tmp_path: Path, form_answer: dict[str, Any], conforms: Conforms
) -> None:
    class DownStore(SqliteStore):
        def put(self, record: Any) -> bool:
            raise StoreUnavailable("down")

    set_store(app, DownStore(tmp_path / "down.sqlite3"))
    response = conforms("post", client.post(URL, data=form_answer))
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "تعذّر حفظ إجابتك الآن" in response.text
    assert '<a href="/ar/traject/inburgering/">العودة إلى النموذج</a>' in response.text
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_too_large_form_gets_a_page_in_the_browsers_language(
    client: FlaskClient, form_answer: dict[str, Any], conforms: Conforms
) -> None:
    form_answer["comment"] = "ب" * 3000  # 18 KB once percent-encoded, over the 15 KiB limit
    response = client.post(URL, data=form_answer, headers={"Accept-Language": "fa"})
    assert conforms("post", response).status_code == 413
    assert '<html lang="fa" dir="rtl">' in response.text
    assert "پاسخ شما خیلی بزرگ است" in response.text


def test_longest_allowed_arabic_comment_fits_the_body_limit(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any]
) -> None:
    form_answer["comment"] = "ب" * 1000
    assert client.post(URL, data=form_answer).status_code == 303
    assert len(list(store.iter_records())) == 1


def test_language_without_texts_gets_an_english_page_labelled_english(
    client: FlaskClient, form_answer: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new site language whose messages are not written yet (simulated with Pashto):
    # the page must say lang="en", not claim Pashto.
    from feedback_fn import messages

    real = messages.load_catalogue
    monkeypatch.setattr(messages, "load_catalogue", lambda lang: {} if lang == "ps" else real(lang))
    response = client.post(
        URL, data={**form_answer, "comment": "x" * 16_000}, headers={"Accept-Language": "ps"}
    )
    assert '<html lang="en" dir="ltr">' in response.text


def test_site_url_makes_redirects_absolute(db_path: Path, form_answer: dict[str, Any]) -> None:
    app = create_app(
        {"TESTING": True, "STORE": f"sqlite:///{db_path}", "SITE_URL": "https://wegwijs.example/"}
    )
    response = app.test_client().post(URL, data=form_answer)
    assert response.headers["Location"] == "https://wegwijs.example/ar/traject/inburgering/#wg-sent"


def test_redirect_ignores_the_mount_point(client: FlaskClient, form_answer: dict[str, Any]) -> None:
    # Behind an API Gateway stage the app sees SCRIPT_NAME=/prod; the site's pages
    # are still at the site root, so the Location must not carry the stage.
    response = client.post(URL, data=form_answer, environ_base={"SCRIPT_NAME": "/prod"})
    assert response.headers["Location"] == "/ar/traject/inburgering/#wg-sent"


FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}


def test_raw_utf8_in_a_form_body_is_read_like_percent_escapes(
    client: FlaskClient, store: SqliteStore
) -> None:
    # Browsers percent-encode; curl -d and some scripts send the UTF-8 bytes as they are.
    body = "page=/ar/&lang=ar&channel=website&rating=4&comment=شكرا".encode()
    response = client.post(URL, data=body, headers=FORM_TYPE)
    assert response.headers["Location"] == "/ar/#wg-sent"
    [record] = store.iter_records()
    assert record.comment == "شكرا"


def test_a_body_that_is_not_utf8_is_malformed_not_an_empty_answer(
    client: FlaskClient, store: SqliteStore
) -> None:
    # werkzeug's own parser would have read an empty form and blamed "page".
    body = b"page=/ar/&lang=ar&channel=website&rating=4&comment=\xff\xfe"
    response = client.post(URL, data=body, headers=FORM_TYPE)
    assert response.status_code == 303
    assert response.headers["Location"] == "/feedback/error/?reason=malformed"
    assert list(store.iter_records()) == []


def test_a_form_with_too_many_fields_is_malformed(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any]
) -> None:
    fields = [*form_answer.items(), *(("barriers", "other") for _ in range(80))]
    response = client.post(URL, data=urlencode(fields, doseq=True), headers=FORM_TYPE)
    assert response.headers["Location"] == "/feedback/error/?reason=malformed"
    assert list(store.iter_records()) == []


def test_escapes_that_are_not_utf8_keep_the_rest_of_the_comment(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any]
) -> None:
    del form_answer["comment"]
    body = urlencode(form_answer, doseq=True) + "&comment=goed%FF%FE+uitgelegd"
    assert client.post(URL, data=body, headers=FORM_TYPE).status_code == 303
    [record] = store.iter_records()
    assert record.comment == "goed\ufffd\ufffd uitgelegd"


def test_a_repeated_single_field_keeps_its_first_value(
    client: FlaskClient, store: SqliteStore, form_answer: dict[str, Any]
) -> None:
    body = urlencode({**form_answer, "rating": ["2", "5"]}, doseq=True)
    assert client.post(URL, data=body, headers=FORM_TYPE).status_code == 303
    [record] = store.iter_records()
    assert record.rating == 2


def resend_form(html: str) -> list[tuple[str, str]]:
    """The hidden fields of the error page's "send again" form, in order."""
    from html.parser import HTMLParser

    class Fields(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            named = dict(attrs)
            if tag == "input" and named.get("type") == "hidden":
                self.found.append((named["name"] or "", named.get("value") or ""))

    parser = Fields()
    parser.feed(html)
    return parser.found


def test_a_failed_form_answer_can_be_sent_again_as_it_was_and_counts_once(
    app: Flask, client: FlaskClient, tmp_path: Path, store: SqliteStore, form_answer: dict[str, Any]
) -> None:
    class DownStore(SqliteStore):
        def put(self, record: Any) -> bool:
            raise StoreUnavailable("down")

    form_answer["comment"] = "سطر أول\nسطر ثان"
    del form_answer["channel"]  # not chosen: the link the reader came by sets it
    referrer = {"Referer": "https://wegwijs.example.be/ar/traject/inburgering/?c=letter"}
    set_store(app, DownStore(tmp_path / "down.sqlite3"))
    failed = client.post(URL, data=form_answer, headers=referrer)
    assert failed.status_code == 503
    # The page's one style and its one form are allowed, by hash and to this function only.
    csp = failed.headers["Content-Security-Policy"]
    css = failed.text.split("<style>")[1].split("</style>")[0]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp and "form-action 'self'" in csp
    assert '<button type="submit">أرسل مرة أخرى</button>' in failed.text
    assert '<form method="post">' in failed.text  # no action: back to the address it came to
    fields = resend_form(failed.text)
    names = [name for name, _ in fields]
    assert names == [
        "id", "page", "lang", "rating", "channel", "channel_source", "barriers", "barriers",
        "part", "device", "comment",
    ]  # fmt: skip
    sent = dict(fields)
    assert (sent["channel"], sent["channel_source"], sent["comment"]) == (
        "letter",
        "link",
        "سطر أول\nسطر ثان",
    )

    set_store(app, store)  # the store is back; the reader presses "send again", twice
    for _ in range(2):
        again = client.post(
            URL, data=urlencode(fields), content_type="application/x-www-form-urlencoded"
        )
        assert again.status_code == 303
        assert again.headers["Location"] == "/ar/traject/inburgering/#wg-sent"
    [record] = store.iter_records()
    assert record.id == sent["id"] and record.folded == 0 and record.js is False
    assert (record.channel, record.channel_source) == ("letter", "link")
    assert record.barriers == ("language", "alone")
    assert (record.rating, record.comment, record.part, record.device) == (
        5,
        "سطر أول\nسطر ثان",
        "mo",
        "phone",
    )
