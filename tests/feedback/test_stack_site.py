"""The site's half of the stack, read from the CloudFormation `osls package` renders.

A private bucket that only the distribution reads (origin access control), /api/* to
the HTTP API on the same domain, the security headers DESIGN promises, one cache
policy per kind, and the CloudFront Function that serves directory URLs, the 404
page of the reader's language and the build's own .br/.gz (its cases run with
node's test runner: tests/edge/site.test.js, run by test_edge_function.py).
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from sitegen.serve import HTML_CSP, SECURITY_HEADERS
from wegwijs_shared.languages import load_languages

from .servers import ROOT

# AWS' managed policies, by their documented ids.
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
SITE_BEHAVIOURS = ("default", "/assets/*", "*.svg")


def props(resources: dict[str, Any], name: str) -> dict[str, Any]:
    properties: dict[str, Any] = resources[name]["Properties"]
    return properties


@pytest.fixture(scope="module")
def distribution(resources: dict[str, Any]) -> dict[str, Any]:
    config: dict[str, Any] = props(resources, "SiteDistribution")["DistributionConfig"]
    return config


@pytest.fixture(scope="module")
def behaviours(distribution: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {"default": distribution["DefaultCacheBehavior"]}
    found.update({b["PathPattern"]: b for b in distribution["CacheBehaviors"]})
    return found


def test_the_site_bucket_is_private_and_encrypted(resources: dict[str, Any]) -> None:
    bucket = props(resources, "SiteBucket")
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    assert bucket["OwnershipControls"] == {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    [rule] = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"] == {"SSEAlgorithm": "AES256"}  # ETag = MD5
    assert "WebsiteConfiguration" not in bucket  # no public website endpoint


def test_only_this_distribution_may_read_the_bucket(resources: dict[str, Any]) -> None:
    policy = props(resources, "SiteBucketPolicy")
    assert policy["Bucket"] == {"Ref": "SiteBucket"}
    statements = policy["PolicyDocument"]["Statement"]
    [allow] = [s for s in statements if s["Effect"] == "Allow"]
    assert allow["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert allow["Action"] == ["s3:GetObject", "s3:ListBucket"]
    source = allow["Condition"]["StringEquals"]["AWS:SourceArn"]
    assert {"Ref": "SiteDistribution"} in source["Fn::Join"][1]
    [deny] = [s for s in statements if s["Effect"] == "Deny"]
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    control = props(resources, "SiteOriginAccessControl")["OriginAccessControlConfig"]
    assert control["OriginAccessControlOriginType"] == "s3"
    assert (control["SigningBehavior"], control["SigningProtocol"]) == ("always", "sigv4")


def test_the_distribution_reads_the_bucket_through_origin_access_control(
    distribution: dict[str, Any],
) -> None:
    origins = {origin["Id"]: origin for origin in distribution["Origins"]}
    site = origins["site"]
    assert site["DomainName"] == {"Fn::GetAtt": ["SiteBucket", "RegionalDomainName"]}
    assert site["OriginAccessControlId"] == {"Fn::GetAtt": ["SiteOriginAccessControl", "Id"]}
    assert site["S3OriginConfig"] == {"OriginAccessIdentity": ""}  # OAC, not the legacy OAI
    api = origins["api"]
    parts = api["DomainName"]["Fn::Join"][1]
    assert parts[0] == {"Ref": "HttpApi"} and ".execute-api." in parts
    assert api["CustomOriginConfig"]["OriginProtocolPolicy"] == "https-only"
    assert "Logging" not in distribution  # access logs would hold readers' IP addresses
    assert distribution["HttpVersion"] == "http2and3" and distribution["IPV6Enabled"] is True


def test_api_is_routed_to_the_http_api_on_the_same_domain_uncached(
    behaviours: dict[str, dict[str, Any]], resources: dict[str, Any]
) -> None:
    api = behaviours["/api/*"]
    assert api["TargetOriginId"] == "api"
    assert {"POST", "GET", "OPTIONS"} <= set(api["AllowedMethods"])
    assert api["CachePolicyId"] == CACHING_DISABLED
    assert api["OriginRequestPolicyId"] == ALL_VIEWER_EXCEPT_HOST  # Content-Type, Referer
    assert api["ViewerProtocolPolicy"] == "https-only"  # a redirected POST loses its body
    assert "FunctionAssociations" not in api  # the API sees the request as it was sent
    # The route the behaviour reaches.
    [route] = [r for r in resources.values() if r["Type"] == "AWS::ApiGatewayV2::Route"]
    assert route["Properties"]["RouteKey"].endswith(" /api/feedback")


def test_site_behaviours_serve_the_build_bytes_through_the_edge_function(
    behaviours: dict[str, dict[str, Any]],
) -> None:
    arn = {"Fn::GetAtt": ["SiteEdgeFunction", "FunctionMetadata.FunctionARN"]}
    for name in SITE_BEHAVIOURS:
        behaviour = behaviours[name]
        assert behaviour["TargetOriginId"] == "site", name
        assert behaviour["AllowedMethods"] == ["GET", "HEAD"], name
        assert behaviour["ViewerProtocolPolicy"] == "redirect-to-https", name
        assert behaviour["Compress"] is False, name  # no re-compression at the edge
        assert behaviour["FunctionAssociations"] == [
            {"EventType": "viewer-request", "FunctionARN": arn},
            {"EventType": "viewer-response", "FunctionARN": arn},
        ], name
        assert behaviour["ResponseHeadersPolicyId"] == {"Ref": "SiteHeadersPolicy"}, name
    assert behaviours["/api/*"]["ResponseHeadersPolicyId"] == {"Ref": "SiteHeadersPolicy"}


def test_a_cache_policy_per_kind_pages_short_assets_long(
    resources: dict[str, Any], behaviours: dict[str, dict[str, Any]]
) -> None:
    assert behaviours["default"]["CachePolicyId"] == {"Ref": "SitePagesCachePolicy"}
    assert behaviours["/assets/*"]["CachePolicyId"] == {"Ref": "SiteAssetsCachePolicy"}
    assert behaviours["*.svg"]["CachePolicyId"] == {"Ref": "SiteAssetsCachePolicy"}
    pages = props(resources, "SitePagesCachePolicy")["CachePolicyConfig"]
    assets = props(resources, "SiteAssetsCachePolicy")["CachePolicyConfig"]
    assert pages["DefaultTTL"] <= 300 and pages["MaxTTL"] <= 3600
    assert assets["DefaultTTL"] >= 86400 and assets["MaxTTL"] >= 365 * 86400
    for policy in (pages, assets):
        key = policy["ParametersInCacheKeyAndForwardedToOrigin"]
        # The function put the encoding in the URI; ?c=letter does not change a page.
        assert key["EnableAcceptEncodingBrotli"] is False
        assert key["EnableAcceptEncodingGzip"] is False
        assert key["QueryStringsConfig"] == {"QueryStringBehavior": "none"}
        assert key["CookiesConfig"] == {"CookieBehavior": "none"}
        assert key["HeadersConfig"] == {"HeaderBehavior": "none"}


def test_every_answer_carries_the_security_headers_design_promises(
    resources: dict[str, Any],
) -> None:
    config = props(resources, "SiteHeadersPolicy")["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    # The same CSP as the local server's pages: what is tested locally holds in production.
    assert security["ContentSecurityPolicy"]["ContentSecurityPolicy"] == HTML_CSP
    hsts = security["StrictTransportSecurity"]
    assert hsts["AccessControlMaxAgeSec"] >= 365 * 86400 and hsts["Override"] is True
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == dict(SECURITY_HEADERS)["Referrer-Policy"]
    assert security["ContentTypeOptions"] == {"Override": True}  # nosniff
    assert security["FrameOptions"]["FrameOption"] == "DENY"
    [permissions] = config["CustomHeadersConfig"]["Items"]
    assert permissions["Header"] == "Permissions-Policy"
    assert {"camera=()", "geolocation=()", "microphone=()"} <= set(permissions["Value"].split(", "))


def test_a_missing_file_gets_the_404_page(distribution: dict[str, Any]) -> None:
    [error] = distribution["CustomErrorResponses"]
    assert error == {
        "ErrorCode": 404,
        "ResponseCode": 404,
        "ResponsePagePath": "/404.html",
        "ErrorCachingMinTTL": 60,
    }


def test_without_a_domain_the_site_answers_on_the_cloudfront_name(
    template: dict[str, Any], distribution: dict[str, Any]
) -> None:
    assert template["Conditions"]["HasSiteDomain"] == {"Fn::Not": [{"Fn::Equals": ["", ""]}]}
    aliases = distribution["Aliases"]["Fn::If"]
    assert aliases[0] == "HasSiteDomain" and aliases[2] == {"Ref": "AWS::NoValue"}
    certificate = distribution["ViewerCertificate"]["Fn::If"]
    assert certificate[1]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    assert certificate[2] == {"CloudFrontDefaultCertificate": True}
    outputs = template["Outputs"]
    assert outputs["SiteBucketName"]["Value"] == {"Ref": "SiteBucket"}
    assert outputs["SiteDistributionId"]["Value"] == {"Ref": "SiteDistribution"}
    assert "SiteUrl" in outputs


def test_the_edge_function_is_filled_with_the_build_pages(resources: dict[str, Any]) -> None:
    function = props(resources, "SiteEdgeFunction")
    assert function["FunctionConfig"]["Runtime"] == "cloudfront-js-2.0"
    assert function["AutoPublish"] is True
    code = function["FunctionCode"]
    assert len(code.encode("utf-8")) <= 10240  # CloudFront's limit
    # From the staged languages.yml and pages.json (tests/feedback/conftest.py).
    others = [lang.code for lang in load_languages() if not lang.is_source]
    assert f"var LANGUAGES = {json.dumps(others, separators=(',', ':'))};" in code
    assert 'var PAGES = {"":1,"mo/":1};' in code
    assert "__PAGES__" not in code and "\n//" not in code


def test_the_packaged_function_runs_in_node(resources: dict[str, Any], tmp_path: Path) -> None:
    code = props(resources, "SiteEdgeFunction")["FunctionCode"]
    script = tmp_path / "run.js"
    script.write_text(
        "const vm = require('node:vm'); const fs = require('node:fs');\n"
        "const context = {};\n"
        "vm.runInNewContext(fs.readFileSync(process.argv[2], 'utf8'), context);\n"
        "const ask = (uri, ae) => context.handler({context: {eventType: 'viewer-request'},\n"
        "  request: {uri, querystring: {}, headers: {'accept-encoding': {value: ae}}}}).uri;\n"
        "console.log(JSON.stringify([ask('/ar/mo/', 'gzip, br'), ask('/fa/werk/', 'gzip'),\n"
        "  ask('/assets/feedback.js', 'identity')]));\n",
        encoding="utf-8",
    )
    function = tmp_path / "function.js"
    function.write_text(code, encoding="utf-8")
    result = subprocess.run(
        ["node", str(script), str(function)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "/ar/mo/index.html.br",
        "/fa/404.html.gz",
        "/assets/feedback.js",
    ]


def test_the_edge_function_compresses_what_the_build_compresses() -> None:
    from sitegen.compress import TEXT_SUFFIXES

    source = (ROOT / "feedback_fn" / "edge" / "site.js").read_text(encoding="utf-8")
    block = re.search(r"var COMPRESSED = \{(.*?)\};", source, re.S)
    assert block is not None
    assert set(re.findall(r'"(\.[a-z_]+)": 1', block.group(1))) == TEXT_SUFFIXES


def test_the_edge_function_is_not_shipped_in_the_lambda(packaged: Path) -> None:
    with zipfile.ZipFile(packaged / ".serverless" / "wegwijs-feedback.zip") as archive:
        assert not [name for name in archive.namelist() if name.startswith("edge/")]
