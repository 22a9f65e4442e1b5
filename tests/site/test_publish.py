"""build.py publish against moto's S3 (and CloudFront) server on 127.0.0.1, started by the tests.

Real builds of the fixture site for the public address: the first publish sends
everything with its headers, in order; a rebuild with one page edited sends that
page alone; a rebuild without a page deletes it, after the uploads. What a reader
then receives is checked by running the site's edge function (node) for the
request and reading the object it picks from the bucket.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest
import yaml

import build
import sitegen.publish
from sitegen.build_record import RECORD
from sitegen.publish_plan import ASSET_CACHE, PAGE_CACHE, PENDING_KEY, rules_fingerprint
from tests.site.conftest import FIXTURE, PUBLIC_URL, ROOT, build_site

REGION = "eu-west-1"
CHROME = "gzip, deflate, br, zstd"


@pytest.fixture
def s3(moto_endpoint: str, aws_credentials: dict[str, str]) -> Any:
    return sitegen.publish.s3_client(moto_endpoint, REGION)


@pytest.fixture
def bucket(s3: Any) -> str:
    name = f"wegwijs-site-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    return name


@pytest.fixture
def requests_sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Every PutObject and DeleteObjects request publish makes, as (operation, key), in order."""
    sent: list[tuple[str, str]] = []
    make = sitegen.publish.s3_client

    def counting_client(*args: Any, **kwargs: Any) -> Any:
        client = make(*args, **kwargs)

        def record(params: dict[str, Any], model: Any, **_: Any) -> None:
            if model.name == "PutObject":
                sent.append(("put", params["Key"]))
            elif model.name == "DeleteObjects":
                sent.extend(("delete", item["Key"]) for item in params["Delete"]["Objects"])

        client.meta.events.register("provide-client-params.s3.*", record)
        return client

    monkeypatch.setattr(sitegen.publish, "s3_client", counting_client)
    yield sent


def publish(site_dir: Path, bucket: str, endpoint: str, *extra: str) -> int:
    argv = ["publish", "--site-dir", str(site_dir), *(["--bucket", bucket] if bucket else [])]
    return build.main([*argv, "--endpoint-url", endpoint, "--region", REGION, *extra])


def objects(s3: Any, bucket: str) -> dict[str, str]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {o["Key"]: o["ETag"].strip('"') for page in pages for o in page.get("Contents", [])}


def files_of(site_dir: Path) -> set[str]:
    """The files a publish sends: all but the build's record (sitegen/build_record.py)."""
    files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    assert RECORD in files  # a finished build
    return files - {RECORD}


def build_public(
    project: Path, site_dir: Path, monkeypatch: pytest.MonkeyPatch, status: int = 0
) -> None:
    """build.py build of the project for the public address; it ends with `status`."""
    monkeypatch.setenv("WEGWIJS_SITE_URL", PUBLIC_URL)
    built = build_site(
        project / "mkdocs.yml",
        project / "content",
        site_dir,
        project / "languages.yml",
        preview=False,
    )
    assert built == status


def edge(site_dir: Path, calls: list[dict[str, Any]]) -> list[Any]:
    """Run the site's CloudFront Function in node, rendered from this build's page list."""
    languages = yaml.safe_load((FIXTURE / "languages.yml").read_text(encoding="utf-8"))
    pages = json.loads((site_dir / "pages.json").read_text(encoding="utf-8"))
    script = (
        "const {render} = require(process.argv[1]);\n"
        "const fs = require('fs'), vm = require('vm');\n"
        "const [languages, pages, calls] = JSON.parse(fs.readFileSync(0, 'utf8'));\n"
        "const source = fs.readFileSync(process.argv[2], 'utf8');\n"
        "const context = {}; vm.runInNewContext(render(source, languages, pages), context);\n"
        "console.log(JSON.stringify(calls.map((event) => context.handler(event))));\n"
    )
    edge_dir = ROOT / "feedback_fn" / "edge"
    result = subprocess.run(
        ["node", "-e", script, str(edge_dir / "code.js"), str(edge_dir / "site.js")],
        input=json.dumps([languages, pages, calls]),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    answers: list[Any] = json.loads(result.stdout)
    return answers


def viewer_request(uri: str, accept_encoding: str = CHROME) -> dict[str, Any]:
    return {
        "context": {"eventType": "viewer-request"},
        "request": {
            "uri": uri,
            "querystring": {},
            "headers": {"accept-encoding": {"value": accept_encoding}},
        },
    }


def test_first_publish_sends_every_file_with_its_headers_assets_before_pages(
    public_fixture_site, s3, bucket, moto_endpoint, requests_sent, capsys
):
    assert publish(public_fixture_site, bucket, moto_endpoint) == 0
    out = capsys.readouterr().out
    files = files_of(public_fixture_site)
    stored = objects(s3, bucket)
    assert set(stored) == files
    assert sorted(key for op, key in requests_sent if op == "put") == sorted(files)
    print(f"\nfirst publish: {len(requests_sent)} objects sent ({len(files)} files in site/)")
    assert f"publish: {public_fixture_site}, built for {PUBLIC_URL}, to s3://{bucket}/" in out
    assert "+ ar/mo/index.html [.br .gz]" in out
    assert re.search(r"published: \d+ new, 0 changed, 0 deleted \(\d+ objects sent", out)

    # Order: everything a page needs, then the pages, then the lists that name them and
    # the files that name others by their hashes (offline manifests, the service
    # worker, Pagefind's entry), so that none names a file not there yet.
    sent = [key for _, key in requests_sent]
    pages = [i for i, key in enumerate(sent) if ".html" in key]
    named = ("sitemap.xml", "robots.txt", "pages.json")
    naming = ("sw.js", "offline.json", "pagefind-entry.json")

    def last(key: str) -> bool:
        base = key.removesuffix(".br").removesuffix(".gz")
        return base in named or base.rsplit("/", 1)[-1] in naming

    lists = [i for i, key in enumerate(sent) if last(key)]
    assert len(lists) == 3 * (3 + 1 + 4 + 1)  # 3 encodings; 4 languages' manifests
    assert {"sw.js", "ar/offline.json.br", "pagefind/pagefind-entry.json"} <= {
        sent[i] for i in lists
    }
    assets = [i for i in range(len(sent)) if i not in pages and i not in lists]
    assert max(assets) < min(pages) and max(pages) < min(lists)

    def head(key: str) -> dict[str, Any]:
        answer: dict[str, Any] = s3.head_object(Bucket=bucket, Key=key)
        return answer

    page, page_br = head("ar/mo/index.html"), head("ar/mo/index.html.br")
    assert page["ContentType"] == page_br["ContentType"] == "text/html; charset=utf-8"
    assert "ContentEncoding" not in page and page_br["ContentEncoding"] == "br"
    assert page["CacheControl"] == PAGE_CACHE
    script = head("assets/feedback.js.gz")
    assert script["ContentType"] == "text/javascript; charset=utf-8"
    assert (script["ContentEncoding"], script["CacheControl"]) == ("gzip", ASSET_CACHE)
    assert head("ar/mo/qr-folder.svg")["ContentType"] == "image/svg+xml; charset=utf-8"
    assert head("sitemap.xml")["CacheControl"] == PAGE_CACHE
    assert head("sw.js")["CacheControl"] == PAGE_CACHE
    assert head("ar/404.html.br")["Metadata"] == {"status": "404", "rules": rules_fingerprint()}
    assert "status" not in head("ar/index.html.br")["Metadata"]


def test_reader_receives_the_build_brotli_bytes_and_the_404_page_of_their_language(
    public_fixture_site, s3, bucket, moto_endpoint
):
    assert publish(public_fixture_site, bucket, moto_endpoint) == 0
    asked = edge(
        public_fixture_site,
        [
            viewer_request("/ar/mo/"),
            viewer_request("/ar/mo/", "gzip"),
            viewer_request("/ar/no-such-page/"),
        ],
    )
    assert [a["uri"] for a in asked] == [
        "/ar/mo/index.html.br",
        "/ar/mo/index.html.gz",
        "/ar/404.html.br",
    ]
    answer = s3.get_object(Bucket=bucket, Key=asked[0]["uri"][1:])
    received = answer["Body"].read()
    built = (public_fixture_site / "ar" / "mo" / "index.html.br").read_bytes()
    html = (public_fixture_site / "ar" / "mo" / "index.html").read_bytes()
    assert received == built and brotli.decompress(received) == html
    assert answer["ContentEncoding"] == "br"
    # The same page compressed on the fly, as a CDN would at a lower quality.
    weaker = {q: len(brotli.compress(html, quality=q)) for q in (4, 5, 6)}
    print(
        f"\n/ar/mo/: HTML {len(html):,} B; reader receives {len(received):,} B "
        f"(the build's brotli, quality 11); on-the-fly brotli q4/q5/q6 "
        f"{weaker[4]:,}/{weaker[5]:,}/{weaker[6]:,} B; gzip -6 {len(gzip.compress(html, 6)):,} B"
    )
    assert len(received) < min(weaker.values())
    # The language 404 page is marked in the bucket; the function makes it a 404.
    not_found = s3.head_object(Bucket=bucket, Key=asked[2]["uri"][1:])
    headers = {f"x-amz-meta-{k}": {"value": v} for k, v in not_found["Metadata"].items()}
    headers["content-encoding"] = {"value": not_found["ContentEncoding"]}
    [response] = edge(
        public_fixture_site,
        [
            {
                "context": {"eventType": "viewer-response"},
                "request": {"uri": asked[2]["uri"], "headers": {}, "querystring": {}},
                "response": {"statusCode": 200, "headers": headers},
            }
        ],
    )
    assert response["statusCode"] == 404
    assert "x-amz-meta-status" not in response["headers"]
    assert response["headers"]["vary"] == {"value": "Accept-Encoding"}


def test_republish_sends_only_the_changed_page_and_deletes_a_removed_one_after(
    fixture_copy, tmp_path, s3, bucket, moto_endpoint, requests_sent, monkeypatch, capsys
):
    # All three builds from one copy of the project: outside git, "the Dutch page changed
    # on" comes from file times, which must stay the same from build to build.
    original = tmp_path / "original" / "site"
    build_public(fixture_copy, original, monkeypatch)
    assert publish(original, bucket, moto_endpoint) == 0
    first = len(requests_sent)
    requests_sent.clear()
    capsys.readouterr()

    # An editor changes the Arabic MO page; the rest of the rebuild is byte for byte the same.
    page = fixture_copy / "content" / "ar" / "mo.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nجملة جديدة.\n", encoding="utf-8")
    edited = tmp_path / "edited" / "site"
    build_public(fixture_copy, edited, monkeypatch)
    assert publish(edited, bucket, moto_endpoint, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "~ ar/mo/index.html [.br .gz]" in out and "dry run, nothing sent" in out
    assert requests_sent == []

    distribution = make_distribution(moto_endpoint, bucket)
    assert publish(edited, bucket, moto_endpoint, "--distribution", distribution) == 0
    out = capsys.readouterr().out
    changed = ["ar/mo/index.html", "ar/mo/index.html.br", "ar/mo/index.html.gz"]
    # Besides the page, what is made from its text: the Arabic offline manifest (the
    # page's hash), the service worker (the build's version) and the Arabic search index.
    derived = ("ar/offline.json", "sw.js", "pagefind/")
    puts = sorted(key for op, key in requests_sent if op == "put" and key != PENDING_KEY)
    assert set(changed) <= set(puts)
    assert [key for key in puts if key not in changed and not key.startswith(derived)] == []
    assert not [key for key in puts if key.startswith("pagefind/") and "/en_" in key]
    print(f"\nfirst publish: {first} objects sent; after one edited page: {len(requests_sent)}")
    assert "~ ar/mo/index.html [.br .gz]" in out and "~ sw.js [.br .gz]" in out
    paths = [path for batch in invalidated(moto_endpoint, distribution) for path in batch]
    assert "/ar/mo/index.html*" in paths
    assert PENDING_KEY not in objects(s3, bucket)  # CloudFront was told: nothing waits
    assert objects(s3, bucket)["ar/mo/index.html.br"] == md5(edited / "ar/mo/index.html.br")

    # The editor deletes the costs page (and the links to it).
    requests_sent.clear()
    (fixture_copy / "content" / "nl" / "kosten.md").unlink()
    for path in [fixture_copy / "mkdocs.yml", *fixture_copy.glob("content/*/index.md")]:
        text = path.read_text(encoding="utf-8").replace("  - kosten.md\n", "")
        path.write_text(re.sub(r"\[([^]]+)\]\(kosten\.md\)", r"\1", text), encoding="utf-8")
    removed = tmp_path / "removed" / "site"
    build_public(fixture_copy, removed, monkeypatch)
    assert publish(removed, bucket, moto_endpoint) == 0
    out = capsys.readouterr().out
    gone = sorted(key for key in files_of(original) if "kosten/" in key)
    assert len(gone) == 4 * 6  # a page and its QR code, 3 encodings each, in 4 languages
    assert set(objects(s3, bucket)) == files_of(removed)
    deletes = [i for i, (op, _) in enumerate(requests_sent) if op == "delete"]
    deleted = sorted(requests_sent[i][1] for i in deletes)
    # The pages and their QR codes, and the search index files the new index replaced.
    assert [key for key in deleted if not key.startswith("pagefind/")] == gone
    assert min(deletes) > max(i for i, (op, _) in enumerate(requests_sent) if op == "put")
    assert "- ar/kosten/index.html [.br .gz]" in out


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def make_distribution(endpoint: str, bucket: str) -> str:
    cloudfront = sitegen.publish.cloudfront_client(endpoint)
    origin = {"Id": "site", "DomainName": f"{bucket}.s3.{REGION}.amazonaws.com"}
    answer = cloudfront.create_distribution(
        DistributionConfig={
            "CallerReference": bucket,
            "Comment": "test",
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [{**origin, "S3OriginConfig": {"OriginAccessIdentity": ""}}],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "site",
                "ViewerProtocolPolicy": "redirect-to-https",
            },
        }
    )
    return str(answer["Distribution"]["Id"])


def invalidated(endpoint: str, distribution: str) -> list[list[str]]:
    cloudfront = sitegen.publish.cloudfront_client(endpoint)
    listing = cloudfront.list_invalidations(DistributionId=distribution)["InvalidationList"]
    return [
        cloudfront.get_invalidation(DistributionId=distribution, Id=item["Id"])["Invalidation"][
            "InvalidationBatch"
        ]["Paths"]["Items"]
        for item in listing.get("Items", [])
    ]


def test_a_preview_build_is_refused_and_nothing_is_sent(
    fixture_site, bucket, moto_endpoint, requests_sent, capsys
):
    assert publish(fixture_site, bucket, moto_endpoint) == 1
    err = capsys.readouterr().err
    assert f"build.py publish: {fixture_site} is a preview built for http://127.0.0.1:8000/" in err
    assert "rebuild it with WEGWIJS_SITE_URL=https://... build.py build" in err
    assert requests_sent == []


def test_a_build_for_another_address_is_refused(
    public_fixture_site, bucket, moto_endpoint, requests_sent, capsys
):
    other = "https://wegwijs.example.be/"
    assert publish(public_fixture_site, bucket, moto_endpoint, "--site-url", other) == 1
    assert f"was built for {PUBLIC_URL}, not for {other}" in capsys.readouterr().err
    assert requests_sent == []


@pytest.mark.parametrize("damage", ["local address", "missing brotli", "stale gzip"])
def test_a_damaged_build_is_refused_with_what_to_do(
    public_fixture_site, tmp_path, bucket, moto_endpoint, requests_sent, capsys, damage
):
    site = tmp_path / "site"
    shutil.copytree(public_fixture_site, site)
    page = site / "en" / "mo" / "index.html"
    if damage == "local address":
        link = '<a href="http://localhost:8000/">x</a></body>'
        page.write_text(page.read_text("utf-8").replace("</body>", link), "utf-8")
        expected = "1 file(s) name a local address, e.g. en/mo/index.html"
    elif damage == "missing brotli":
        (site / "en" / "mo" / "index.html.br").unlink()
        expected = "en/mo/index.html has no up-to-date .br beside it"
    else:
        # The page of another build beside this one's: by its bytes, not its file time.
        gz = site / "en" / "mo" / "index.html.gz"
        gz.write_bytes(gzip.compress(page.read_bytes().replace(b"<main", b"<main hidden")))
        os.utime(gz, ns=(page.stat().st_mtime_ns + 10**9,) * 2)
        expected = "en/mo/index.html has no up-to-date .gz beside it"
    assert publish(site, bucket, moto_endpoint) == 1
    assert expected in capsys.readouterr().err
    assert requests_sent == []


def test_a_bucket_that_cannot_be_read_stops_before_sending(
    public_fixture_site, moto_endpoint, aws_credentials, requests_sent, capsys
):
    assert publish(public_fixture_site, "no-such-wegwijs-bucket", moto_endpoint) == 1
    err = capsys.readouterr().err
    assert "could not read bucket 'no-such-wegwijs-bucket'" in err and "NoSuchBucket" in err
    assert "Check --bucket (the stack's output SiteBucketName)" in err
    assert requests_sent == []


def test_publish_finds_bucket_distribution_and_address_in_the_stack(
    public_fixture_site, s3, moto_endpoint, requests_sent, monkeypatch, capsys
):
    import boto3

    monkeypatch.delenv("WEGWIJS_SITE_URL", raising=False)
    bucket = f"wegwijs-site-{uuid.uuid4().hex[:12]}"
    distribution = make_distribution(moto_endpoint, bucket)
    stacks = boto3.client("cloudformation", endpoint_url=moto_endpoint, region_name=REGION)

    def deploy(name: str, site_url: str) -> None:
        outputs = {
            "SiteBucketName": {"Value": {"Ref": "SiteBucket"}},
            "SiteDistributionId": {"Value": distribution},
            "SiteUrl": {"Value": site_url},
        }
        resources = {"SiteBucket": {"Type": "AWS::S3::Bucket"}}
        if name.endswith("prod"):
            resources["SiteBucket"]["Properties"] = {"BucketName": bucket}
        body = json.dumps({"Resources": resources, "Outputs": outputs})
        stacks.create_stack(StackName=name, TemplateBody=body)

    # A stack that serves another address than the build was made for: refused.
    deploy("wegwijs-feedback-staging", "https://staging.wegwijs.example.org/")
    assert (
        publish(public_fixture_site, "", moto_endpoint, "--stack", "wegwijs-feedback-staging") == 1
    )
    err = capsys.readouterr().err
    assert f"was built for {PUBLIC_URL}, not for https://staging.wegwijs.example.org/" in err
    assert requests_sent == []

    deploy("wegwijs-feedback-prod", PUBLIC_URL)
    assert publish(public_fixture_site, "", moto_endpoint, "--stack", "wegwijs-feedback-prod") == 0
    out = capsys.readouterr().out
    assert f"to s3://{bucket}/" in out
    assert set(objects(s3, bucket)) == files_of(public_fixture_site)
    assert invalidated(moto_endpoint, distribution) == [["/*"]]  # everything was new

    assert publish(public_fixture_site, "", moto_endpoint, "--stack", "no-such-stack") == 1
    assert "could not read stack 'no-such-stack'" in capsys.readouterr().err


def test_a_build_that_failed_is_not_published(
    fixture_copy, tmp_path, bucket, moto_endpoint, requests_sent, monkeypatch, capsys
):
    """A broken link fails the build only after it wrote, compressed and weighed the whole
    site: the site looks finished, and publish must still refuse it."""
    site = tmp_path / "site"
    build_public(fixture_copy, site, monkeypatch)
    assert (site / RECORD).is_file()
    page = fixture_copy / "content" / "en" / "mo.md"
    page.write_text(page.read_text("utf-8") + "\n[Old prices](no-such-page.md)\n", "utf-8")
    build_public(fixture_copy, site, monkeypatch, status=1)
    assert (site / "en" / "mo" / "index.html.br").is_file()  # it wrote the whole site
    capsys.readouterr()
    assert publish(site, bucket, moto_endpoint, "--dry-run") == 1
    err = capsys.readouterr().err
    assert f"{site} is not a finished build: the last build into it stopped with errors" in err
    assert requests_sent == []


def test_every_address_named_must_be_the_builds(
    public_fixture_site, moto_endpoint, aws_credentials, requests_sent, monkeypatch, capsys
):
    """The publish workflow sets WEGWIJS_SITE_URL for the whole job: the stack's SiteUrl is
    still checked, and a variable that names another address is refused too."""
    import boto3

    bucket = f"wegwijs-site-{uuid.uuid4().hex[:12]}"
    stacks = boto3.client("cloudformation", endpoint_url=moto_endpoint, region_name=REGION)

    def deploy(name: str, site_url: str) -> None:
        outputs = {"SiteBucketName": {"Value": bucket}, "SiteUrl": {"Value": site_url}}
        body = {"Resources": {"Nothing": {"Type": "AWS::S3::Bucket"}}, "Outputs": outputs}
        stacks.create_stack(StackName=name, TemplateBody=json.dumps(body))

    staging = "https://staging.wegwijs.example.org/"
    run = uuid.uuid4().hex[:8]  # moto's stacks outlive a test
    deploy(f"wegwijs-{run}-staging", staging)
    monkeypatch.setenv("WEGWIJS_SITE_URL", PUBLIC_URL)  # the build's own address
    argv = ("--stack", f"wegwijs-{run}-staging", "--dry-run")
    assert publish(public_fixture_site, "", moto_endpoint, *argv) == 1
    expected = f"was built for {PUBLIC_URL}, not for {staging} (the stack's SiteUrl)"
    assert expected in capsys.readouterr().err

    deploy(f"wegwijs-{run}-prod", PUBLIC_URL)
    monkeypatch.setenv("WEGWIJS_SITE_URL", "https://wegwijs.example.com/")  # a typo
    argv = ("--stack", f"wegwijs-{run}-prod", "--dry-run")
    assert publish(public_fixture_site, "", moto_endpoint, *argv) == 1
    err = capsys.readouterr().err
    assert "not for https://wegwijs.example.com/ (WEGWIJS_SITE_URL)" in err
    assert requests_sent == []


def test_an_invalidation_that_failed_is_asked_for_again_by_the_next_publish(
    fixture_copy, tmp_path, s3, bucket, moto_endpoint, requests_sent, monkeypatch, capsys
):
    from botocore.exceptions import ClientError

    original = tmp_path / "original" / "site"
    build_public(fixture_copy, original, monkeypatch)
    distribution = make_distribution(moto_endpoint, bucket)
    assert publish(original, bucket, moto_endpoint, "--distribution", distribution) == 0
    page = fixture_copy / "content" / "ar" / "mo.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nجملة جديدة.\n", encoding="utf-8")
    edited = tmp_path / "edited" / "site"
    build_public(fixture_copy, edited, monkeypatch)
    capsys.readouterr()

    # A distribution that does not exist: said before anything is sent.
    requests_sent.clear()
    assert publish(edited, bucket, moto_endpoint, "--distribution", "EWRONGID123") == 1
    assert "could not read CloudFront distribution 'EWRONGID123'" in capsys.readouterr().err
    assert requests_sent == []

    # CloudFront refuses the invalidation (a role without the right, an outage).
    make = sitegen.publish.cloudfront_client

    def refusing(*args: Any, **kwargs: Any) -> Any:
        client = make(*args, **kwargs)

        def refuse(**_: Any) -> None:
            error = {"Error": {"Code": "AccessDenied", "Message": "not allowed"}}
            raise ClientError(error, "CreateInvalidation")

        client.meta.events.register("before-call.cloudfront.CreateInvalidation", refuse)
        return client

    monkeypatch.setattr(sitegen.publish, "cloudfront_client", refusing)
    before = len(invalidated(moto_endpoint, distribution))
    assert publish(edited, bucket, moto_endpoint, "--distribution", distribution) == 1
    err = capsys.readouterr().err
    assert "the files are published, but CloudFront could not be told" in err
    assert "AccessDenied" in err and "run publish again" in err
    assert objects(s3, bucket)["ar/mo/index.html.br"] == md5(edited / "ar/mo/index.html.br")
    assert PENDING_KEY in objects(s3, bucket)

    # The next publish has nothing to send, and asks CloudFront for those paths.
    monkeypatch.setattr(sitegen.publish, "cloudfront_client", make)
    assert publish(edited, bucket, moto_endpoint, "--distribution", distribution) == 0
    out = capsys.readouterr().out
    assert "published: 0 new, 0 changed, 0 deleted" in out
    batches = invalidated(moto_endpoint, distribution)
    assert len(batches) == before + 1
    assert "/ar/mo/index.html*" in [path for batch in batches for path in batch]
    assert PENDING_KEY not in objects(s3, bucket)


def test_without_a_distribution_publish_says_that_cloudfront_is_not_told(
    public_fixture_site, bucket, moto_endpoint, capsys
):
    assert publish(public_fixture_site, bucket, moto_endpoint, "--dry-run") == 0
    out, err = capsys.readouterr()
    assert "dry run, nothing sent: would send" in out and "objects to send" in out
    assert "warning: no --distribution (nor --stack): CloudFront is not told" in err


def test_a_build_copied_without_its_file_times_is_published(
    public_fixture_site, tmp_path, bucket, moto_endpoint, capsys
):
    """An artifact or a tar keeps the bytes, not always the times: the compressed files
    are checked by what they hold."""
    site = tmp_path / "site"
    shutil.copytree(public_fixture_site, site, copy_function=shutil.copyfile)
    page = site / "en" / "mo" / "index.html"
    later = page.stat().st_mtime_ns + 10**9
    os.utime(page, ns=(later, later))  # newer than its .br and .gz
    assert publish(site, bucket, moto_endpoint, "--dry-run") == 0
    assert "would send" in capsys.readouterr().out
