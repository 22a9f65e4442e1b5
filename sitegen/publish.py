"""build.py publish: the built site into the stack's bucket, then the edge told what changed.

    build.py publish --stack wegwijs-feedback-prod [--dry-run]
    build.py publish --bucket NAME [--distribution ID] [--dry-run]

Before anything is sent the build is checked: made for the public address (never a
preview), no local address in any file, every text file with its .br and .gz.
Then, compared with the bucket's listing (an object's ETag is the MD5 of its bytes
under SSE-S3), only new and changed files go up: assets first, then the pages that
use them, then the sitemap and the files that name others (offline manifests, the
service worker, Pagefind's entry). What the new build no longer has is deleted only
after every upload succeeded, and CloudFront is asked to forget the files that
changed; the paths wait in the bucket until it was told (PENDING_KEY), so a publish
that stopped before is made good by the next one. Only a finished build is sent
(sitegen/build_record.py).
"""

from __future__ import annotations

import base64
import gzip
import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli

from sitegen import build_record
from sitegen.build_record import RECORD
from sitegen.compress import TEXT_SUFFIXES
from sitegen.publish_plan import (
    PENDING_KEY,
    RULES_KEY,
    STAGE_NAMES,
    Plan,
    SiteFile,
    make_plan,
    rules_fingerprint,
    site_files,
)
from sitegen.site_address import (
    ENVIRONMENT,
    AddressError,
    built_address,
    check_public_address,
    files_with_local_addresses,
)

# Uploads in flight at once; S3 takes far more, a CI runner's uplink is the limit.
WORKERS = 8
DELETE_BATCH = 1000  # S3's DeleteObjects limit
WITNESS = "robots.txt"  # sent in the last stage (see rules_in_bucket)


class PublishError(RuntimeError):
    """Nothing (more) was sent; the message says why and what to do."""


def check_build(site_dir: Path, expected: dict[str, str] | None = None) -> str:
    """The public address site_dir was built for; PublishError if it must not be published.

    expected: the address it must have been built for, by where that comes from
    ({"the stack's SiteUrl": ..., "--site-url": ...}); every one must agree.
    """
    if not (site_dir / "index.html").is_file():
        raise PublishError(f"{site_dir} has no index.html: run build.py build first.")
    address = _built_for(site_dir, expected or {})
    if not build_record.is_finished(site_dir):
        raise PublishError(
            f"{site_dir} is not a finished build: the last build into it stopped with errors "
            "or was interrupted, so its pages may have broken links or be over their budget. "
            "Run build.py build again and fix what it reports."
        )
    local = files_with_local_addresses(site_dir, frozenset(TEXT_SUFFIXES))
    if local:
        raise PublishError(
            f"{len(local)} file(s) name a local address, e.g. {', '.join(local[:3])}: a "
            f"theme or page links to this computer; fix it and {REBUILD}."
        )
    _check_variants(site_dir)
    return address


REBUILD = f"rebuild it with {ENVIRONMENT}=https://... build.py build"


def _built_for(site_dir: Path, expected: dict[str, str]) -> str:
    """The build's address: public, and the one every source of `expected` names."""
    address = built_address(site_dir) or ""
    try:
        check_public_address(address)
    except AddressError:
        raise PublishError(
            f"{site_dir} is a preview built for {address or 'no address'}: its links and QR "
            f"codes lead nowhere for readers; {REBUILD}."
        ) from None
    for source, value in expected.items():
        try:
            wanted = check_public_address(value)
        except AddressError as error:
            raise PublishError(f"the address to publish for ({source}): {error}") from None
        if wanted != address:
            raise PublishError(
                f"{site_dir} was built for {address}, not for {wanted} ({source}); {REBUILD}."
            )
    return address


_DECOMPRESS = {".br": brotli.decompress, ".gz": gzip.decompress}


def _check_variants(site_dir: Path) -> None:
    """Every text file has its .br and .gz, holding its very bytes: readers get one of them.

    Compared by content, not by file times: a build copied without its times (an
    artifact, a tar) is as good as the build itself.
    """
    for path in sorted(site_dir.rglob("*")):
        if not (path.is_file() and path.suffix in TEXT_SUFFIXES) or path.name == RECORD:
            continue
        data = path.read_bytes()
        for suffix, decompress in _DECOMPRESS.items():
            variant = path.with_name(path.name + suffix)
            try:
                current = variant.is_file() and decompress(variant.read_bytes()) == data
            except (brotli.error, OSError, EOFError):
                current = False  # not brotli or gzip at all, or cut short
            if not current:
                rel = path.relative_to(site_dir).as_posix()
                raise PublishError(
                    f"{rel} has no up-to-date {suffix} beside it: readers would get a missing "
                    "or stale file; run build.py build (its compress phase writes them)."
                )


def s3_client(endpoint_url: str | None = None, region: str | None = None) -> Any:
    """An S3 client with the standard credential chain (in CI: the OIDC role's)."""
    import boto3
    from botocore.config import Config

    config = Config(retries={"mode": "standard", "max_attempts": 5})
    return boto3.client("s3", endpoint_url=endpoint_url, region_name=region, config=config)


def cloudfront_client(endpoint_url: str | None = None) -> Any:
    import boto3

    return boto3.client("cloudfront", endpoint_url=endpoint_url, region_name="us-east-1")


# The stack's outputs publish reads (feedback_fn/serverless.yml).
BUCKET_OUTPUT, DISTRIBUTION_OUTPUT, URL_OUTPUT = "SiteBucketName", "SiteDistributionId", "SiteUrl"


def stack_outputs(name: str, region: str | None, endpoint_url: str | None = None) -> dict[str, str]:
    """The site's outputs of a deployed stack (bucket, distribution, address)."""
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    client = boto3.client("cloudformation", region_name=region, endpoint_url=endpoint_url)
    try:
        [stack] = client.describe_stacks(StackName=name)["Stacks"]
    except (BotoCoreError, ClientError) as error:
        raise PublishError(
            f"could not read stack {name!r}: {error}. The stack is named <service>-<stage> "
            "(wegwijs-feedback-prod); deploy feedback_fn/serverless.yml first."
        ) from None
    outputs = {item["OutputKey"]: item["OutputValue"] for item in stack.get("Outputs", [])}
    if BUCKET_OUTPUT not in outputs:
        raise PublishError(
            f"stack {name!r} has no output {BUCKET_OUTPUT}: it was deployed from a "
            "serverless.yml without the site; deploy the current one first."
        )
    return outputs


def remote_listing(client: Any, bucket: str) -> dict[str, str]:
    """Every key in the bucket with the MD5 of its bytes (its ETag)."""
    listing = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            listing[item["Key"]] = item["ETag"].strip('"')
    return listing


def rules_in_bucket(client: Any, bucket: str, listing: dict[str, str]) -> bool:
    """Whether the bucket's objects were sent with today's header rules.

    When the rules change, every object is sent again and robots.txt comes in the
    last stage, after all the others arrived: its fingerprint speaks for the rest.
    """
    if WITNESS not in listing:
        return True
    head = client.head_object(Bucket=bucket, Key=WITNESS)
    return bool(head.get("Metadata", {}).get(RULES_KEY) == rules_fingerprint())


def put_file(client: Any, bucket: str, item: SiteFile) -> None:
    body = item.path.read_bytes()
    extra = {"ContentEncoding": item.content_encoding} if item.content_encoding else {}
    client.put_object(
        Bucket=bucket,
        Key=item.key,
        Body=body,
        ContentType=item.content_type,
        CacheControl=item.cache_control,
        Metadata=item.metadata,
        # S3 refuses the upload if the bytes arrive changed.
        ContentMD5=base64.b64encode(bytes.fromhex(item.md5)).decode("ascii"),
        **extra,
    )


def delete_keys(client: Any, bucket: str, keys: list[str]) -> None:
    for start in range(0, len(keys), DELETE_BATCH):
        batch = [{"Key": key} for key in keys[start : start + DELETE_BATCH]]
        answer = client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
        if answer.get("Errors"):
            error = answer["Errors"][0]
            raise PublishError(f"could not delete {error['Key']}: {error['Message']}")


def check_distribution(client: Any, distribution: str) -> None:
    """Before anything is sent: the distribution exists and may be read."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        client.get_distribution(Id=distribution)
    except (BotoCoreError, ClientError) as error:
        raise PublishError(
            f"could not read CloudFront distribution {distribution!r}: {error}. Check "
            "--distribution (the stack's output SiteDistributionId); nothing was sent."
        ) from None


def pending_paths(client: Any, bucket: str) -> list[str]:
    """Paths an earlier publish sent or deleted but could not have CloudFront forget."""
    from botocore.exceptions import ClientError

    try:
        body = client.get_object(Bucket=bucket, Key=PENDING_KEY)["Body"].read()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return []
        raise PublishError(f"could not read {PENDING_KEY} in {bucket!r}: {error}") from None
    return [str(path) for path in json.loads(body)]


def keep_pending(client: Any, bucket: str, paths: list[str]) -> None:
    """Written before anything is sent, removed once CloudFront was told: a publish that
    stops in between (killed, or refused by CloudFront) leaves the paths for the next."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        if paths:
            body = json.dumps(sorted(paths)).encode()
            client.put_object(Bucket=bucket, Key=PENDING_KEY, Body=body, CacheControl="no-store")
        else:
            client.delete_object(Bucket=bucket, Key=PENDING_KEY)
    except (BotoCoreError, ClientError) as error:
        raise PublishError(f"could not write {PENDING_KEY} in {bucket!r}: {error}") from None


def invalidate(client: Any, distribution: str, paths: list[str]) -> str:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        answer = client.create_invalidation(
            DistributionId=distribution,
            InvalidationBatch={
                "Paths": {"Quantity": len(paths), "Items": paths},
                "CallerReference": f"wegwijs-publish-{time.time_ns()}",
            },
        )
    except (BotoCoreError, ClientError) as error:
        raise PublishError(
            f"the files are published, but CloudFront could not be told to forget the old "
            f"ones ({error}): readers may get old copies. The paths are kept in the bucket; "
            "run publish again (with a role that may cloudfront:CreateInvalidation)."
        ) from None
    return str(answer["Invalidation"]["Id"])


def _send(client: Any, bucket: str, stage: list[SiteFile]) -> None:
    """Put one stage's files in parallel; the stage is complete before this returns."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {pool.submit(put_file, client, bucket, item): item for item in stage}
        for future, item in futures.items():
            try:
                future.result()
            except Exception as error:
                raise PublishError(
                    f"uploading {item.key} failed ({error}); nothing was deleted. Run publish "
                    "again: what already arrived is not sent twice."
                ) from error


def plan_publish(site_dir: Path, bucket: str, client: Any) -> Plan:
    """Compare the build with the bucket: what is new, changed, gone (nothing is sent)."""
    from botocore.exceptions import BotoCoreError, ClientError

    files = site_files(site_dir)
    try:
        listing = remote_listing(client, bucket)
        return make_plan(files, listing, rules_in_bucket(client, bucket, listing))
    except (BotoCoreError, ClientError) as error:
        raise PublishError(
            f"could not read bucket {bucket!r}: {error}. Check --bucket (the stack's output "
            "SiteBucketName) and that your credentials may list it."
        ) from None


def carry_out(plan: Plan, bucket: str, client: Any, say: Callable[[str], None] = print) -> None:
    """Send the plan's files stage by stage, then delete what the build no longer has."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        for number, stage in enumerate(plan.stages()):
            if stage:
                _send(client, bucket, stage)
                say(f"sent {len(stage)} object(s): {STAGE_NAMES[number]}")
        if plan.deleted:
            delete_keys(client, bucket, plan.deleted)
            say(f"deleted {len(plan.deleted)} object(s) the build no longer has")
    except (BotoCoreError, ClientError) as error:
        raise PublishError(f"publishing to {bucket!r} failed: {error}") from None
