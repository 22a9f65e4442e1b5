"""The validation matrix: every field, every kind of bad value (plain functions, no Flask)."""

from __future__ import annotations

from typing import Any

import pytest

from feedback_fn.validation import ValidationError, check_client_id, validate_submission

LANGUAGES = ("nl", "en", "ar", "fr", "ru", "fa", "ps")
VALID: dict[str, Any] = {"page": "/mo/", "lang": "ar", "channel": "sms", "rating": 3}


def test_minimal_submission_gets_defaults() -> None:
    submission = validate_submission(VALID, LANGUAGES)
    assert (submission.page, submission.lang, submission.channel, submission.rating) == (
        "/mo/",
        "ar",
        "sms",
        3,
    )
    assert submission.barriers == ()
    assert submission.comment == ""
    assert (submission.part, submission.status, submission.device) == (None, None, None)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("page", None, "missing"),
        ("page", "", "missing"),
        ("page", "   ", "missing"),
        ("page", "mo/", "invalid"),
        ("page", "https://evil.example/", "invalid"),
        ("page", "//evil.example/x", "invalid"),
        ("page", "/a/../../etc/passwd", "invalid"),
        ("page", "/a b/", "invalid"),
        ("page", "/mo/?q=1", "invalid"),
        ("page", "/<script>/", "invalid"),
        ("page", 12, "invalid"),
        ("page", "/" + "a" * 300, "too_long"),
        ("lang", None, "missing"),
        ("lang", "de", "invalid"),
        ("lang", "NL", "invalid"),
        ("lang", ["nl"], "invalid"),
        ("channel", "tiktok", "invalid"),
        ("channel", ["sms"], "invalid"),
        ("channel_source", "qr", "invalid"),
        ("channel_source", "none", "invalid"),  # the server's conclusion, not a client's claim
        ("rating", None, "missing"),
        ("rating", "", "missing"),
        ("rating", 0, "invalid"),
        ("rating", 6, "invalid"),
        ("rating", -1, "invalid"),
        ("rating", 4.5, "invalid"),
        ("rating", "4.0", "invalid"),
        ("rating", "٤", "invalid"),
        ("rating", True, "invalid"),
        ("rating", [4], "invalid"),
        ("barriers", "internet", "invalid"),
        ("barriers", ["internet", "wifi"], "invalid"),
        ("barriers", [1], "invalid"),
        ("barriers", {"internet": True}, "invalid"),
        ("comment", "x" * 1001, "too_long"),
        ("comment", 5, "invalid"),
        ("part", "school", "invalid"),
        ("status", "forced", "invalid"),
        ("device", "watch", "invalid"),
        ("device", 1, "invalid"),
    ],
)
def test_bad_value_names_field_and_problem(field: str, value: object, code: str) -> None:
    data = dict(VALID)
    if value is None:
        data.pop(field, None)
    else:
        data[field] = value
    with pytest.raises(ValidationError) as caught:
        validate_submission(data, LANGUAGES)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_first_problem_in_field_order_is_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_submission({"channel": "tiktok", "rating": 9}, LANGUAGES)
    assert caught.value.field == "page"


def test_too_long_carries_the_limit_for_the_message() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_submission({**VALID, "comment": "ا" * 1001}, LANGUAGES)
    assert caught.value.params == {"limit": 1000}


def test_rating_accepts_form_text_and_json_numbers() -> None:
    assert validate_submission({**VALID, "rating": "5"}, LANGUAGES).rating == 5
    assert validate_submission({**VALID, "rating": 1}, LANGUAGES).rating == 1


def test_barriers_are_deduplicated_in_vocabulary_order() -> None:
    submission = validate_submission(
        {**VALID, "barriers": ["other", "language", "other", " internet "]}, LANGUAGES
    )
    assert submission.barriers == ("language", "internet", "other")


def test_empty_form_choices_mean_absent() -> None:
    data = {**VALID, "part": "", "status": "  ", "device": "", "barriers": [], "comment": ""}
    submission = validate_submission(data, LANGUAGES)
    assert (submission.part, submission.status, submission.device) == (None, None, None)


def test_comment_is_normalized_and_stripped_of_control_characters() -> None:
    comment = " Goed\r\nmaar\x00 lang\u200b \t"
    submission = validate_submission({**VALID, "comment": comment}, LANGUAGES)
    assert submission.comment == "Goed\nmaar lang"


def test_comment_of_exactly_the_limit_is_accepted() -> None:
    assert len(validate_submission({**VALID, "comment": "ب" * 1000}, LANGUAGES).comment) == 1000


@pytest.mark.parametrize("value", ["not-a-uuid", "0b6f1f7e8f5a4b8e9a514d1f0c1b2a3c", 42])
def test_client_id_must_be_a_canonical_uuid(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        check_client_id({"id": value})
    assert (caught.value.code, caught.value.field) == ("invalid", "id")


def test_client_id_is_lower_cased_and_optional() -> None:
    assert check_client_id({"id": "0B6F1F7E-8F5A-4B8E-9A51-4D1F0C1B2A3C"}) == (
        "0b6f1f7e-8f5a-4b8e-9a51-4d1f0c1b2a3c"
    )
    assert check_client_id({"id": ""}) is None
    assert check_client_id({}) is None
