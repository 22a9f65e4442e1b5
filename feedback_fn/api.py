"""POST /api/feedback: the one route of the feedback function."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, abort, current_app, jsonify, redirect, request
from werkzeug import Response
from werkzeug.exceptions import UnsupportedMediaType

from feedback_fn.channels import resolve_channel
from feedback_fn.db import get_store
from feedback_fn.identity import client_key, derive_id
from feedback_fn.masking import mask_contacts
from feedback_fn.metrics import count
from feedback_fn.responses import FORM, JSON, error_json, error_page, preflight
from feedback_fn.site_languages import site_languages, site_path, submitter_language
from feedback_fn.site_pages import site_pages
from feedback_fn.validation import (
    Submission,
    ValidationError,
    check_client_id,
    check_page,
    validate_submission,
)
from wegwijs_shared.record import FeedbackRecord, utc_now
from wegwijs_shared.store import StoreUnavailable
from wegwijs_shared.vocabulary import HONEYPOT_FIELD

bp = Blueprint("feedback", __name__, url_prefix="/api")

THANKS_PAGE = "feedback/thanks/"
# Where a page says "thank you" without JavaScript (theme: the feedback form's #wg-sent,
# shown by CSS :target): the reader is back on the page they were reading.
SENT_MARK = "#wg-sent"
ERROR_PAGE = "feedback/error/"
# Far more than the form has (a dozen fields, nine barriers): a body with more is not ours.
MAX_FORM_FIELDS = 64
# The record fields that make a derived id (with the sender and the window): the
# submission's content as stored, so that the twin of a post can be found again.
FOLDED_CONTENT = tuple(field.name for field in dataclasses.fields(Submission))
# The fields a form may repeat; every other field keeps its first value.
LIST_FIELDS = frozenset({"barriers"})


def read_form(body: bytes) -> dict[str, Any]:
    """A urlencoded body as plain values: text fields as str, barriers as a list.

    parse_qsl straight from the bytes costs about half of what request.form
    does (no parser objects, no MultiDict), on the path of every no-JS answer.
    """
    try:
        # Browsers percent-encode everything, but the format allows raw UTF-8 too
        # (as sent by curl or a partner's script). Percent-escapes that are not
        # UTF-8 become U+FFFD, so the rest of the answer is kept.
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:  # raw bytes that are not UTF-8, or too many fields
        raise ValidationError("malformed") from None
    data: dict[str, Any] = {name: [] for name in LIST_FIELDS}
    for name, value in pairs:
        if name in LIST_FIELDS:
            data[name].append(value)
        else:
            data.setdefault(name, value)
    return data


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: {"rating": 1, "rating": 5} says two things."""
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("duplicate key")
    return data


def read_json(body: bytes) -> dict[str, Any]:
    """A JSON object from strict UTF-8 (RFC 8259); anything else is malformed."""
    try:
        # json.loads would decode bytes with surrogatepass: decode strictly first (a BOM may lead).
        data = json.loads(body.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
    except (ValueError, RecursionError):  # also UnicodeDecodeError; deep nesting
        raise ValidationError("malformed") from None
    if not isinstance(data, dict):
        raise ValidationError("malformed")
    return data


def read_body(is_form: bool) -> dict[str, Any]:
    """The submission as plain values. get_data enforces MAX_CONTENT_LENGTH (413)."""
    body = request.get_data(cache=False)
    return read_form(body) if is_form else read_json(body)


def build_record(submission: Submission, client_id: str | None, is_form: bool) -> FeedbackRecord:
    """Mask the comment, settle the channel, then give the record its id."""
    comment, masked = mask_contacts(submission.comment)
    content = submission.content()
    content["comment"] = comment
    content["channel"], content["channel_source"] = resolve_channel(
        submission.channel, submission.channel_source, request.referrer, submission.page
    )
    received_at = utc_now()
    config = current_app.config
    record_id = client_id or derive_id(
        content,
        received_at,
        int(config["FOLD_WINDOW_SECONDS"]),
        client_key(config["ID_SECRET"], request.remote_addr or ""),
    )
    return FeedbackRecord(
        id=record_id,
        received_at=received_at,
        comment_masked=masked,
        js=not is_form,
        **content,
    )


def store_record(record: FeedbackRecord, derived: bool) -> bool:
    """Store the record; True when it is new. Raises StoreUnavailable.

    A server-derived id (a post without JavaScript) stands for "this content from
    this sender in this fold window": a second such post is a double tap or a
    classmate's identical answer, which no server can tell apart. It is folded,
    never dropped: the stored record counts it, so analysts read both bounds.
    The window slides: a post just after a window boundary still finds its twin.
    """
    store = get_store()
    if not derived:
        return store.put(record)
    window = int(current_app.config["FOLD_WINDOW_SECONDS"])
    twin_id = previous_window_id(record, window)
    if twin_id is not None:
        twin = store.get(twin_id)
        if twin is not None and record.received_at - twin.received_at <= timedelta(seconds=window):
            store.add_folded(twin_id)
            return False
    if store.put(record):
        return True
    store.add_folded(record.id)
    return False


def previous_window_id(record: FeedbackRecord, window: int) -> str | None:
    """The id the same post would have had one fold window earlier (None: same window)."""
    earlier = record.received_at - timedelta(seconds=window)
    if int(earlier.timestamp()) // window == int(record.received_at.timestamp()) // window:
        return None
    content = {name: getattr(record, name) for name in FOLDED_CONTENT}
    key = client_key(current_app.config["ID_SECRET"], request.remote_addr or "")
    return derive_id(content, earlier, window, key)


def bot_page(data: dict[str, Any]) -> str:
    """The page a bot's post names, if it is one of the site's: it is sent back where a
    person would be, so the answer does not tell it that it was found out."""
    try:
        return check_page(data, site_pages())
    except ValidationError:
        return ""


def accepted(record_id: str, lang: str, is_new: bool, is_form: bool, page: str = "") -> Response:
    if is_form:
        # 303: the browser follows with a GET, so a reload never resends. Back to the page
        # the answer is about, which says thank you (and links the thank-you page); the
        # thank-you page itself when the page is not known (a bot's post).
        if page:
            return redirect(f"{current_app.config['SITE_URL']}{page}{SENT_MARK}", code=303)
        return redirect(site_path(site_languages()[lang], THANKS_PAGE), code=303)
    if is_new:
        response = jsonify(id=record_id)
        response.status_code = 201
        return response
    return jsonify(id=record_id, duplicate=True)


def rejected(error: ValidationError, data: dict[str, Any], is_form: bool) -> Response:
    language = submitter_language(data.get("lang"))
    count("rejected")
    if is_form:
        query = f"?reason={error.code}" + (f"&field={error.field}" if error.field else "")
        return redirect(site_path(language, ERROR_PAGE) + query, code=303)
    status = 400 if error.code == "malformed" else 422
    return error_json(status, error.code, language.code, error.field, **error.params)


def too_many(data: dict[str, Any], is_form: bool) -> Response | None:
    """429 + Retry-After when this sender has sent too much in this minute, else None."""
    limiter = current_app.extensions.get("rate_limiter")
    wait = limiter.check(request.remote_addr or "") if limiter else 0
    if not wait:
        return None
    count("rate_limited")
    language = submitter_language(data.get("lang"))
    if is_form:
        response = redirect(site_path(language, ERROR_PAGE) + "?reason=rate_limited", code=303)
    else:
        response = error_json(429, "rate_limited", language.code)
    response.headers["Retry-After"] = str(wait)
    return response


def resend_fields(submission: Submission, record: FeedbackRecord) -> list[tuple[str, str]]:
    """The answer as the form fields that send it again, from the page that says it failed.

    A link back to the form would open it empty. The record's id makes a second try
    one answer even if the first was stored after all; its channel is the one already
    settled (a channel link is known by the referring page, which a resend no longer has).
    """
    fields = [("id", record.id), ("page", submission.page), ("lang", submission.lang)]
    fields.append(("rating", str(submission.rating)))
    if record.channel_source in ("link", "reader"):
        fields += [("channel", record.channel), ("channel_source", record.channel_source)]
    fields += [("barriers", barrier) for barrier in submission.barriers]
    for name in ("part", "status", "device"):
        value = getattr(submission, name)
        if value:
            fields.append((name, value))
    if submission.comment:
        fields.append(("comment", submission.comment))
    return fields


def unavailable(submission: Submission, record: FeedbackRecord, is_form: bool) -> Response:
    """503 + Retry-After: the client (or the person, with the page's button) resends the
    same answer."""
    count("unavailable")
    if is_form:
        response = error_page(
            503, "unavailable", submission.lang, back_url=submission.page,
            resend=resend_fields(submission, record),
        )  # fmt: skip
    else:
        response = error_json(503, "unavailable", submission.lang)
    response.headers["Retry-After"] = str(current_app.config["RETRY_AFTER_SECONDS"])
    return response


@bp.route("/feedback", methods=["POST", "OPTIONS"], provide_automatic_options=False)
def submit_feedback() -> Response:
    if request.method == "OPTIONS":
        if request.headers.get("Origin", "").rstrip("/") not in current_app.config["CORS_ORIGINS"]:
            abort(405)
        return preflight()
    mimetype = request.mimetype
    if mimetype not in (FORM, JSON):
        raise UnsupportedMediaType()
    is_form = mimetype == FORM
    data: dict[str, Any] = {}
    try:
        data = read_body(is_form)
        limited = too_many(data, is_form)
        if limited is not None:
            return limited
        client_id = check_client_id(data)
        if data.get(HONEYPOT_FIELD):  # the form renders the same constant
            # A bot: answer as if stored, so it learns nothing, and store nothing.
            count("honeypot")
            lang = submitter_language(data.get("lang")).code
            return accepted(client_id or str(uuid.uuid4()), lang, True, is_form, bot_page(data))
        submission = validate_submission(data, site_languages(), site_pages())
    except ValidationError as error:
        return rejected(error, data, is_form)
    record = build_record(submission, client_id, is_form)
    try:
        is_new = store_record(record, derived=client_id is None)
    except StoreUnavailable:
        return unavailable(submission, record, is_form)
    count("stored" if is_new else "duplicate")
    return accepted(record.id, submission.lang, is_new, is_form, submission.page)
