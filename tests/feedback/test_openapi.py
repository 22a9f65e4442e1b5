"""openapi.yaml is a valid document and says what the code does (vocabularies, error codes)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from feedback_fn.messages import load_catalogue
from feedback_fn.validation import FIELDS
from wegwijs_shared.vocabulary import BARRIERS, CHANNELS, COMMENT_MAX_CHARS, SEGMENTS

from .servers import ROOT


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "feedback_fn" / "openapi.yaml").read_text())
    return loaded


def test_document_is_valid_openapi(document: dict[str, Any]) -> None:
    validate(document)


def test_vocabularies_match_the_code(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert schemas["Channel"]["enum"] == list(CHANNELS)
    assert schemas["Barrier"]["enum"] == list(BARRIERS)
    for name, schema in (("part", "Part"), ("status", "Status"), ("device", "Device")):
        assert schemas[schema]["enum"] == list(SEGMENTS[name])
    assert schemas["Submission"]["properties"]["comment"]["maxLength"] == COMMENT_MAX_CHARS


def test_error_codes_and_fields_match_the_messages(document: dict[str, Any]) -> None:
    error = document["components"]["schemas"]["Error"]["properties"]
    assert set(error["error"]["enum"]) == set(load_catalogue("en")["errors"])
    assert set(error["field"]["enum"]) - {None} == {*FIELDS, "id"}
    assert set(load_catalogue("en")["fields"]) == {*FIELDS, "id"}


def test_the_test_answers_are_valid_requests(
    openapi: Any, answer: dict[str, Any], form_answer: dict[str, Any]
) -> None:
    from urllib.parse import urlencode

    from openapi_core.testing import MockRequest

    json_request = MockRequest(
        "http://localhost", "post", "/api/feedback", data=json.dumps(answer).encode()
    )
    openapi.validate_request(json_request)
    form_request = MockRequest(
        "http://localhost",
        "post",
        "/api/feedback",
        data=urlencode(form_answer, doseq=True).encode(),
        content_type="application/x-www-form-urlencoded",
    )
    openapi.validate_request(form_request)


def test_what_the_server_enforces_on_lang_and_page_is_stated(document: dict[str, Any]) -> None:
    from feedback_fn.validation import PAGE_PATTERN
    from wegwijs_shared.languages import language_codes
    from wegwijs_shared.vocabulary import PAGE_MAX_CHARS

    schemas = document["components"]["schemas"]
    assert schemas["Lang"]["enum"] == list(language_codes()), (
        "openapi.yaml: components.schemas.Lang.enum must list the codes of languages.yml"
    )
    assert schemas["Page"]["pattern"] == f"^{PAGE_PATTERN}$"
    assert schemas["Page"]["maxLength"] == PAGE_MAX_CHARS
    for body in ("Submission", "FormSubmission"):
        properties = schemas[body]["properties"]
        assert properties["lang"] == {"$ref": "#/components/schemas/Lang"}
        assert properties["page"] == {"$ref": "#/components/schemas/Page"}


def test_the_stated_body_limit_is_the_apps(document: dict[str, Any]) -> None:
    from feedback_fn import DEFAULTS
    from feedback_fn.validation import longest_valid_body

    limit = DEFAULTS["MAX_CONTENT_LENGTH"]
    assert longest_valid_body() <= limit
    described = document["paths"]["/api/feedback"]["post"]["responses"]["413"]["description"]
    assert f"{limit // 1024} KiB ({limit:,} bytes)" in described
