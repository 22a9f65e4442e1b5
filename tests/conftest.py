"""Fixtures shared across test folders: the project root on sys.path, the real and the
fixture sites built once, one Chromium, and the DynamoDB-compatible servers (moto's and
dynalite) on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedback.servers import DUMMY_CREDENTIALS, free_port, node_tool, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, one for the whole run (Playwright's sync API
    allows one running instance per thread, so every browser test shares it)."""
    from tests.browser.chromium import launch_chromium

    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real content/ in every language of languages.yml, built once per test run."""
    import build

    site_dir = tmp_path_factory.mktemp("real") / "site"
    argv = ["build", "--preview", "--config", str(ROOT / "mkdocs.yml")]
    argv += ["--content", str(ROOT / "content")]
    assert build.main([*argv, "--site-dir", str(site_dir)]) == 0
    return site_dir


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture site, built once: nl, en, ar and ps, with kosten.md only in Dutch and mo.md
    not in Pashto. Dutch fallback inside a right-to-left language is tested here, so that no
    test needs a language of the real site to stay incomplete."""
    from tests.site.conftest import FIXTURE, build_site

    site_dir = tmp_path_factory.mktemp("fixture") / "site"
    assert (
        build_site(FIXTURE / "mkdocs.yml", FIXTURE / "content", site_dir, FIXTURE / "languages.yml")
        == 0
    )
    return site_dir


@pytest.fixture(scope="session")
def dynalite_endpoint() -> Iterator[str]:
    """dynalite (in memory) on a free port; tables are ready at once (--createTableMs 0)."""
    binary = node_tool("dynalite")
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "--host", "127.0.0.1", "--port", str(port), "--createTableMs", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """moto's server, in this process, on a free port."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture(params=["moto", "dynalite"])
def dynamo_endpoint(request: pytest.FixtureRequest) -> str:
    """Each DynamoDB test runs against both servers."""
    return str(request.getfixturevalue(f"{request.param}_endpoint"))


@pytest.fixture
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Dummy credentials: the local servers accept any, and nothing can reach AWS."""
    for name, value in DUMMY_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    return DUMMY_CREDENTIALS
