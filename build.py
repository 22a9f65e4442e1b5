#!/usr/bin/env python3
"""Wegwijs build driver: check, build, check the output, compress, serve.

Phases of `build` (each prints one line with its duration):
  settings  read mkdocs.yml and languages.yml
  content   check front matter and translations (errors stop the build)
  languages one mkdocs + mkdocs-static-i18n build per language, in parallel
  sitemap   sitemap.xml and robots.txt with real translations only
  compress  .br and .gz beside every text file, in parallel
  output    14 KB first-round-trip budget, no other hosts, no broken links
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


class BuildFailed(Exception):
    """A phase found problems; they have been printed."""


@contextmanager
def phase(name: str, out=sys.stdout) -> Iterator[dict[str, Any]]:
    """Time a phase and print '<name> <seconds> <detail>' when it ends."""
    info: dict[str, Any] = {"detail": ""}
    started = time.perf_counter()
    try:
        yield info
    finally:
        seconds = time.perf_counter() - started
        print(f"{name:<9} {seconds:6.2f}s  {info['detail']}".rstrip(), file=out, flush=True)


def _report(problems: list, what: str) -> None:
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        raise BuildFailed(f"{len(problems)} {what} problem(s); nothing was published.")


def run_build(args: argparse.Namespace) -> None:
    from sitegen.compress import compress_site
    from sitegen.content_checks import check_content
    from sitegen.mkdocs_run import build_site
    from sitegen.output_checks import check_site
    from sitegen.settings import load_settings
    from sitegen.sitemap import write_sitemap

    with phase("settings") as info:
        settings = load_settings(
            args.config, args.content, args.site_dir, args.languages, args.jobs
        )
        info["detail"] = f"{len(settings.languages)} languages, {settings.jobs} processes"
    with phase("content") as info:
        problems = check_content(settings.docs_dir, settings.languages, ROOT)
        info["detail"] = f"{len(problems)} problem(s)"
        _report(problems, "content")
    with phase("languages") as info:
        results = build_site(settings)
        info["detail"] = " ".join(f"{r.code}={r.seconds:.1f}s" for r in results)
    for result in results:
        for warning in result.warnings:
            print(f"warning: [{result.code}] {warning}", file=sys.stderr)
    with phase("sitemap") as info:
        count = write_sitemap(
            settings.site_dir, settings.docs_dir, settings.languages, settings.site_url
        )
        info["detail"] = f"{count} URLs"
    # Before the budget check, which then reads the .br sizes instead of compressing again.
    with phase("compress") as info:
        info["detail"] = f"{compress_site(settings.site_dir, settings.jobs)} files"
    with phase("output") as info:
        problems, weights = check_site(settings.site_dir, settings.budget_bytes, settings.jobs)
        heaviest = max(weights, key=lambda w: w.total)
        info["detail"] = (
            f"{len(weights)} pages, heaviest {heaviest.total:,} B brotli ({heaviest.path}), "
            f"budget {settings.budget_bytes:,} B"
        )
        _report(problems, "output")


def run_serve(args: argparse.Namespace) -> None:
    from sitegen.serve import serve

    if not args.no_build:
        run_build(args)
    site_dir = Path(args.site_dir or ROOT / "site").resolve()
    serve(site_dir, host=args.host, port=args.port, store=args.store)


def run_check(args: argparse.Namespace) -> None:
    from sitegen.content_checks import check_content
    from sitegen.settings import load_settings

    settings = load_settings(args.config, args.content, args.site_dir, args.languages, 1)
    problems = check_content(settings.docs_dir, settings.languages, ROOT)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        raise BuildFailed(f"{len(problems)} content problem(s).")
    print(f"content: no problems in {len(settings.languages)} languages.")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    def site_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", help="mkdocs configuration (default: mkdocs.yml)")
        p.add_argument("--content", help="content folder (default: content/ beside the config)")
        p.add_argument("--site-dir", help="output folder (default: site/ beside the config)")
        p.add_argument("--languages", help="language list (default: languages.yml)")
        p.add_argument("--jobs", type=int, help="parallel build processes (default: CPU count)")

    build = sub.add_parser("build", help="check content, build site/, check it, compress it")
    site_options(build)
    build.set_defaults(func=run_build)

    serve = sub.add_parser("serve", help="build, then serve site/ and the feedback API")
    site_options(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve the existing site/")
    serve.add_argument(
        "--store", help="feedback store URL (default: sqlite:///var/feedback.sqlite3)"
    )
    serve.set_defaults(func=run_serve)

    check = sub.add_parser("check", help="check content only (what CI runs first)")
    site_options(check)
    check.set_defaults(func=run_check)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from sitegen.mkdocs_run import MkdocsFailed
    from sitegen.settings import SettingsError

    try:
        args.func(args)
    except (BuildFailed, SettingsError, MkdocsFailed) as failure:
        print(f"build.py {args.command}: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
