"""Feedback is only about the site's real pages: the build's list, normalised spellings."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

import build
from feedback_fn import create_app
from feedback_fn.db import get_store
from feedback_fn.validation import normalize_page
from wegwijs_shared.pages import PAGE_LIST_NAME, PageListError, dump_page_list

URL = "/api/feedback"
PAGES = ["/", "/mo/", "/ar/", "/ar/mo/", "/ar/feedback/thanks/", "/en/werk/"]


@pytest.fixture
def pages_file(tmp_path: Path) -> Path:
    path = tmp_path / "site" / PAGE_LIST_NAME
    path.parent.mkdir()
    path.write_text(dump_page_list(PAGES), encoding="utf-8")
    return path


@pytest.fixture
def listed_client(tmp_path: Path, pages_file: Path) -> FlaskClient:
    app = create_app(
        {
            "TESTING": True,
            "STORE": f"sqlite:///{tmp_path}/f.sqlite3",
            "ID_SECRET": "test",
            "PAGES_FILE": str(pages_file),
        }
    )
    return app.test_client()


def stored_pages(client: FlaskClient) -> list[str]:
    with client.application.app_context():
        return [record.page for record in get_store().iter_records()]


def post(client: FlaskClient, page: Any) -> Any:
    answer = {"page": page, "lang": "ar", "channel": "letter", "rating": 2}
    return client.post(URL, json=answer)


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("/ar/mo/", "/ar/mo/"),
        ("/ar/mo", "/ar/mo/"),
        ("/ar/mo/index.html", "/ar/mo/"),
        ("/index.html", "/"),
        ("/ar/feedback/thanks/", "/ar/feedback/thanks/"),
    ],
)
def test_a_listed_page_is_stored_in_the_sites_spelling(
    listed_client: FlaskClient, sent: str, kept: str
) -> None:
    assert post(listed_client, sent).status_code == 201
    assert stored_pages(listed_client) == [kept]


@pytest.mark.parametrize(
    "page",
    [
        "/en/work/",  # a page of another site
        "/%2e%2e/%2e%2e/etc/passwd",
        "/ar/mo/../../etc/",
        "/" + "a/" * 149,  # 299 characters of nothing
        "/AR/MO/",
        "/ar/mo/index.htm",
        "/ar/mo//",
        "/_staff/channels/",
    ],
)
def test_a_page_the_site_does_not_have_is_refused(listed_client: FlaskClient, page: str) -> None:
    response = post(listed_client, page)
    assert response.status_code == 422
    assert (response.json["error"], response.json["field"]) == ("invalid", "page")
    assert "غير صالح" in response.json["message"]  # in the submitter's language (ar)
    assert stored_pages(listed_client) == []


def test_a_long_page_is_too_long_before_it_is_looked_up(listed_client: FlaskClient) -> None:
    response = post(listed_client, "/" + "a" * 300)
    assert (response.status_code, response.json["error"]) == (422, "too_long")


def test_a_rebuilt_list_is_read_again(listed_client: FlaskClient, pages_file: Path) -> None:
    assert post(listed_client, "/ar/nieuw/").status_code == 422
    pages_file.write_text(dump_page_list([*PAGES, "/ar/nieuw/"]), encoding="utf-8")
    stamp = pages_file.stat().st_mtime_ns + 1_000_000  # coarse file-system clocks
    os.utime(pages_file, ns=(stamp, stamp))
    assert post(listed_client, "/ar/nieuw/").status_code == 201


def test_without_a_list_the_form_of_the_path_is_checked_and_a_log_line_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="feedback_fn.site_pages"):
        app = create_app({"TESTING": True, "STORE": f"sqlite:///{tmp_path}/f.sqlite3"})
    assert "no page list" in caplog.text and "FEEDBACK_PAGES_FILE" in caplog.text
    client = app.test_client()
    assert post(client, "/en/work").status_code == 201
    assert post(client, "/%2e%2e/x/../../etc").status_code == 422
    assert stored_pages(client) == ["/en/work/"]


def test_a_configured_list_that_is_missing_stops_the_start(tmp_path: Path) -> None:
    with pytest.raises(PageListError, match="build.py build"):
        create_app({"TESTING": True, "PAGES_FILE": str(tmp_path / "nowhere.json")})


def test_build_py_serve_gives_the_app_the_served_sites_list(
    tmp_path: Path, pages_file: Path
) -> None:
    app = build.feedback_api(f"sqlite:///{tmp_path}/f.sqlite3", pages_file.parent)
    client = app.test_client()
    assert post(client, "/en/werk/").status_code == 201
    assert post(client, "/en/work/").status_code == 422


@pytest.mark.parametrize(
    ("page", "normal"),
    [("/", "/"), ("/mo", "/mo/"), ("/mo/", "/mo/"), ("/mo/index.html", "/mo/")],
)
def test_normalize_page(page: str, normal: str) -> None:
    assert normalize_page(page) == normal
