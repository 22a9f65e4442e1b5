#!/usr/bin/env python3
"""Wegwijs build driver: check, build, check the output, compress, serve, publish.

Phases of `build` (each prints one line with its duration):
  settings  read mkdocs.yml and languages.yml
  content   the content checks of `check` (errors stop the build; warnings do not)
  languages one mkdocs + mkdocs-static-i18n build per language, in parallel
  sitemap   sitemap.xml and robots.txt with real translations only
  pages     pages.json: the pages the feedback function accepts answers about
  search    a Pagefind index per language of the pages really in that language
  compress  .br and .gz beside every text file, in parallel; content compressed before
            comes from the cache beside the site (.site-cache/), keyed by its hash;
            a preview (never published) writes none: its server compresses what it sends
  offline   per language an offline pack manifest (brotli size, <= 150 KB); the service
            worker's build version
  output    14 KB first-round-trip budget, no other hosts, no broken links in what the
            theme and hooks add (links in content are checked by the content phase)
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent


# Content errors that stop the build at once: the pages cannot be built right (front
# matter), must never be built (safety), or have no Dutch original. Broken links and
# images are built anyway, so that a preview shows them; the build fails at the end.
STOP_BEFORE_BUILDING = frozenset({"front-matter", "safety", "translations"})


class BuildFailed(Exception):
    """A phase found problems; they have been printed."""


@contextmanager
def phase(name: str, out=None) -> Iterator[dict[str, Any]]:
    """Time a phase and print '<name> <seconds> <detail>' when it ends."""
    info: dict[str, Any] = {"detail": ""}
    started = time.perf_counter()
    try:
        yield info
    finally:
        seconds = time.perf_counter() - started
        line = f"{name:<9} {seconds:6.2f}s  {info['detail']}".rstrip()
        print(line, file=out or sys.stdout, flush=True)  # sys.stdout as it is now


def _content_findings(settings, only: set[str] | None = None) -> list:
    """Findings on content/; with `only` (serve --watch), on the pages of Dutch and those languages.

    The other languages' pages have not changed since the served build checked them;
    the review terms file names every language, so it is read against all of them.
    """
    from sitegen.content_checks import check_content
    from sitegen.review_terms import load_review_terms

    # Paths in messages are relative to the project (the folder of mkdocs.yml), as in git.
    project = settings.config_file.parent
    if only is None:
        return check_content(
            settings.docs_dir, settings.languages, project, settings.config_file, settings.jobs
        )
    languages = tuple(lang for lang in settings.languages if lang.is_source or lang.code in only)
    findings = check_content(
        settings.docs_dir, languages, project, settings.config_file, settings.jobs
    )
    findings = [finding for finding in findings if finding.check != "review-terms"]
    return findings + load_review_terms(project, settings.docs_dir, settings.languages)[1]


def _report(problems: list, what: str) -> None:
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        raise BuildFailed(f"{len(problems)} {what} problem(s); nothing was published.")


def run_build(args: argparse.Namespace) -> None:
    from sitegen import build_record
    from sitegen.checks.findings import ERROR
    from sitegen.checks.report import print_findings, summary
    from sitegen.compress import compress_site_cached, weigh_quickly
    from sitegen.mkdocs_run import build_site
    from sitegen.offline_packs import PACK_BUDGET_BYTES, write_packs
    from sitegen.output_checks import WARN_SHARE, budget_report, check_site
    from sitegen.page_list import write_page_list
    from sitegen.search_index import write_search_index
    from sitegen.settings import load_settings
    from sitegen.sitemap import write_sitemap

    with phase("settings") as info:
        settings = load_settings(
            args.config,
            args.content,
            args.site_dir,
            args.languages,
            args.jobs,
            getattr(args, "budget", None),
        )
        info["detail"] = f"{len(settings.languages)} languages, {settings.jobs} processes"
        if settings.findings:
            info["detail"] += f", {summary(list(settings.findings))}"
            print_findings(list(settings.findings))
    _check_address(settings.site_url, getattr(args, "preview", False))
    build_record.forget(settings.site_dir)  # written again only if this build finishes
    only = getattr(args, "only", None)  # serve --watch: the languages an edit affects
    with phase("content") as info:
        findings = _content_findings(settings, only)
        info["detail"] = summary(findings)
        print_findings(findings)
        errors = [f for f in findings if f.level == ERROR]
        if any(f.check in STOP_BEFORE_BUILDING for f in errors):
            raise BuildFailed(f"{len(errors)} content error(s); nothing was published.")
    # Compressed files by content hash, and what a later partial build reuses (serve --watch).
    cache_dir = getattr(args, "cache_dir", None) or settings.site_dir.parent / (
        f".{settings.site_dir.name}-cache"
    )
    with phase("languages") as info:
        results = build_site(settings, only, getattr(args, "previous", None), cache_dir)
        info["detail"] = " ".join(
            f"{r.code}={'kept' if r.kept else f'{r.seconds:.1f}s'}" for r in results
        )
    for result in results:
        for warning in result.warnings:
            print(f"warning: [{result.code}] {warning}", file=sys.stderr)
    with phase("sitemap") as info:
        count = write_sitemap(
            settings.site_dir, settings.docs_dir, settings.languages, settings.site_url
        )
        info["detail"] = f"{count} URLs"
    with phase("pages") as info:
        info["detail"] = f"{write_page_list(settings.site_dir)} pages"
    # What the search and output phases read in each page, taken as mkdocs wrote it.
    facts = {digest: fact for r in results for digest, fact in r.facts.items()}
    with phase("search") as info:
        texts = {digest: fact.text for digest, fact in facts.items()}
        indexes = write_search_index(
            settings.site_dir, settings.languages, cache_dir, settings.jobs, texts
        )
        info["detail"] = " ".join(f"{index.code}={index.pages}p" for index in indexes)
    # Before the budget check, which then reads the .br sizes instead of compressing again.
    # A preview is never published: it writes no compressed files, its server compresses
    # what it sends, and its checks weigh pages quickly (sitegen/compress.py).
    preview = getattr(args, "preview", False)
    with phase("compress") as info:
        if preview:
            weighed = weigh_quickly(settings.site_dir, settings.jobs)
            info["detail"] = (
                "none: a preview (the server compresses what it sends); "
                f"{weighed} pages, stylesheets and scripts weighed quickly"
            )
        else:
            done = compress_site_cached(settings.site_dir, cache_dir / "compressed", settings.jobs)
            cached = done.files - done.compressed
            info["detail"] = f"{done.files} files: {done.compressed} compressed, {cached} cached"
    with phase("offline") as info:
        pack_budget = getattr(args, "pack_budget", None) or PACK_BUDGET_BYTES
        packs, pack_problems = write_packs(
            settings.site_dir, settings.languages, pack_budget, preview=preview
        )
        info["detail"] = " ".join(f"{p.code}={p.bytes / 1024:.0f}KB/{p.pages}p" for p in packs)
        _report(pack_problems, "offline pack")
    with phase("output") as info:
        from_content = {page: links for r in results for page, links in r.content_links.items()}
        problems, weights = check_site(
            settings.site_dir,
            settings.budget_bytes,
            settings.jobs,
            from_content,
            cache_dir / "output-checks.json",
            # --weights lists every page: all of them weighed at the published quality.
            (0.0 if getattr(args, "weights", False) else WARN_SHARE) if preview else None,
            {digest: fact.scan for digest, fact in facts.items()},
        )
        heaviest = max(weights, key=lambda w: w.total)
        info["detail"] = (
            f"{len(weights)} pages, heaviest {heaviest.total:,} B brotli ({heaviest.path}), "
            f"budget {settings.budget_bytes:,} B"
        )
        _report(problems, "output")
    figures, near = budget_report(weights, settings.budget_bytes)
    for line in figures if getattr(args, "weights", False) else []:
        print(f"weight: {line}")
    for warning in near:
        print(f"warning: {warning}", file=sys.stderr)
    if errors:
        raise BuildFailed(f"{len(errors)} content error(s); fix them before publishing.")
    build_record.finished(settings.site_dir, preview)


def _check_address(site_url: str, preview: bool) -> None:
    """A build for publishing carries the public address; a preview says that it is one."""
    from sitegen.site_address import (
        ENVIRONMENT,
        AddressError,
        check_build_address,
        is_preview_address,
    )

    if preview:
        if is_preview_address(site_url):
            print(
                f"preview: links, the sitemap and the QR codes point to {site_url}, which only "
                "this computer can open; build.py publish refuses this build.",
                file=sys.stderr,
            )
        return
    try:
        check_build_address(site_url, os.environ.get(ENVIRONMENT))
    except AddressError as error:
        raise BuildFailed(
            f"{error}. Every canonical link, the sitemap, robots.txt, the printed address, "
            "every QR code and the staff page's links are made from it. For a look on this "
            "computer: build.py serve, or build.py build --preview."
        ) from None


def feedback_api(store: str | None, site_dir: Path | None = None):
    """The feedback function's app, mounted by serve under /api/ as the CDN does in production.

    Composed here, above both wings: the site generator never imports the function.
    It accepts feedback on the pages of the served site (its pages.json).
    """
    from feedback_fn import create_app
    from wegwijs_shared.pages import PAGE_LIST_NAME

    config: dict[str, Any] = {"STORE": store} if store else {}
    if site_dir is not None and (site_dir / PAGE_LIST_NAME).is_file():
        config["PAGES_FILE"] = str(site_dir / PAGE_LIST_NAME)
    return create_app(config)


def run_serve(args: argparse.Namespace) -> None:
    from sitegen.serve import serve

    site_dir = Path(args.site_dir or ROOT / "site").resolve()
    watcher = preview = None
    if not args.no_build:
        _preview_links_here(args.host, args.port)
    if args.watch:
        watcher, preview = _watcher(args, site_dir)
        if not args.no_build and not preview.build(None, "first build"):
            if not (site_dir / "index.html").is_file():
                raise BuildFailed("the first build failed: fix the messages above and run again.")
        watcher.start()
    elif not args.no_build:
        run_build(args)
    _say_what_is_served(site_dir)
    try:
        serve(site_dir, host=args.host, port=args.port, api=feedback_api(args.store, site_dir))
    finally:
        if watcher:
            watcher.stop()
            preview.builder.stop()


def _preview_links_here(host: str, port: int) -> None:
    """Unless an address is given, the preview's canonical links, hreflang alternates and
    QR codes lead to this server, on whatever port it listens (PORT=8080 make serve)."""
    from sitegen.site_address import ENVIRONMENT, served_address

    if not os.environ.get(ENVIRONMENT):
        os.environ[ENVIRONMENT] = served_address(host, port)  # read by mkdocs.yml's site_url


def _say_what_is_served(site_dir: Path) -> None:
    """serve shows a preview, unless site_dir was built for the public address."""
    from sitegen.site_address import built_address, is_preview_address

    address = built_address(site_dir)
    if address is None or is_preview_address(address):
        print(f"preview: links and QR codes in these pages point to {address or 'nowhere'}")
    else:
        print(f"serving a build for {address} (links and QR codes lead there)")


def _watcher(args: argparse.Namespace, site_dir: Path):
    """A watcher, and the preview it rebuilds (aside, then swapped in) on every change."""
    from sitegen.settings import load_settings
    from sitegen.watch import Builder, Preview, Watcher

    settings = load_settings(args.config, args.content, site_dir, args.languages, args.jobs)
    argv = ["build", "--preview", "--config", str(settings.config_file)]
    argv += ["--content", str(settings.docs_dir)]
    if args.languages:
        argv += ["--languages", str(Path(args.languages).resolve())]
    if args.jobs:
        argv += ["--jobs", str(args.jobs)]
    print("watch: rebuilding on every change to content/, theme/, hooks/ and the .yml files")
    codes = [language.code for language in settings.languages]
    preview = Preview(argv, site_dir, settings.docs_dir, codes, Builder(ROOT / "build.py"))
    watcher = Watcher(settings.config_file, settings.docs_dir, site_dir, preview.rebuild)
    return watcher, preview


def run_check(args: argparse.Namespace) -> None:
    from sitegen.checks.findings import ERROR, NOTICE
    from sitegen.checks.report import print_findings, summary
    from sitegen.settings import SettingsError, load_settings

    try:
        settings = load_settings(args.config, args.content, args.site_dir, args.languages, 1)
    except SettingsError as error:
        if args.format != "text":
            _settings_annotation(error, args)
        raise
    findings = [*settings.findings, *_content_findings(settings)]
    if args.format == "github":
        findings = _for_pull_request(findings, settings, args)
    print_findings(findings, args.format, args.notices, arranged=args.format == "github")
    if args.format != "json":
        hidden = not args.notices and any(f.level == NOTICE for f in findings)
        hint = " (--notices shows the notices)" if hidden else ""
        print(
            f"content: {summary(findings)} in {len(settings.languages)} languages{hint}.",
            file=sys.stderr if args.format == "text" else sys.stdout,
        )
    errors = sum(f.level == ERROR for f in findings)
    if errors:
        raise BuildFailed(f"{errors} content error(s): fix them and run the check again.")


def _settings_annotation(error, args: argparse.Namespace) -> None:
    """check --format github|json when the settings stop it: the message as a finding on the
    file to change (or on the run), and in the job summary; the exit code is 1."""
    from sitegen.checks.findings import ERROR, Finding
    from sitegen.checks.report import as_github, as_json

    finding = Finding(error.path or "", 1, str(error), ERROR, "settings")
    if args.format == "json":
        print(as_json([finding]))
        return
    print(as_github(finding))
    message = finding.message.replace("|", "\\|")
    table = f"| file | message |\n|---|---|\n| `{finding.path}` | {message} |"
    _write_summary(
        args,
        "## Content checks\n\nThe check could not start: 1 error.\n\n"
        f"{table if finding.path else message}\n",
    )


def _write_summary(args: argparse.Namespace, text: str) -> None:
    """The job summary: appended to $GITHUB_STEP_SUMMARY (GitHub's file, which every step of
    the job adds to); a --summary FILE of one's own is written afresh on every run."""
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    summary_file = args.summary or step_summary
    if not summary_file:
        return
    github = (
        step_summary is not None and Path(summary_file).resolve() == Path(step_summary).resolve()
    )
    with open(summary_file, "a" if github else "w", encoding="utf-8") as handle:
        handle.write(text)


def _for_pull_request(findings: list, settings, args: argparse.Namespace) -> list:
    """Annotations on the pull request's own lines first; the full table to the job summary."""
    from sitegen.checks.pull_request import ChangesError, for_pull_request, summary_markdown

    base = args.base or os.environ.get("GITHUB_BASE_REF") or None
    project = settings.config_file.parent
    try:
        arranged = for_pull_request(findings, project, settings.docs_dir, base)
    except ChangesError as error:
        if args.base:
            raise BuildFailed(str(error)) from None
        print(f"::warning title=check::{error}")  # the base of GITHUB_BASE_REF is not fetched
        base = None
        arranged = for_pull_request(findings, project, settings.docs_dir, base)
    _write_summary(args, summary_markdown(arranged, len(settings.languages), base))
    return arranged.all()


def run_stamp(args: argparse.Namespace) -> None:
    from sitegen.settings import load_settings
    from sitegen.stamping import StampError, stamp_minor, stamp_translation

    settings = load_settings(args.config, args.content, None, args.languages, 1)
    try:
        if args.minor:

            def keep_up_to_date(path: Path) -> str:
                results = stamp_minor(path, settings.docs_dir, settings.languages)
                return "\n".join(
                    f"{_shown(translation)}: {MINOR_RESULTS[what].format(value)}"
                    for translation, what, value in results
                )

            pages = [Path(name) for name in args.pages]
            touched = _translations_of(pages, settings)
            for lines in _all_or_nothing(pages, keep_up_to_date, "stamped", touched):
                if lines:
                    print(lines)
            return

        def stamp(path: Path) -> str:
            _refuse_a_broken_dutch_page(path, settings)
            item = stamp_translation(path, settings.docs_dir)
            change = "already up to date" if item.old == item.new else "marked up to date"
            return f"{_shown(item.path)}: {change} (source_hash {item.new})"

        pages = _translations_named(args.pages, settings.docs_dir, "stamp")
        for line in _all_or_nothing(pages, stamp, "stamped"):
            print(line)
    except StampError as error:
        raise BuildFailed(str(error)) from None


def _translations_named(names: list[str], docs_dir: Path, command: str) -> list[Path]:
    """The pages named, without the Dutch ones when translations are named too (a glob such
    as content/*/mo.md takes the Dutch page along): each skipped one is a notice."""
    from sitegen.stamping import StampError, locate
    from wegwijs_shared.languages import SOURCE_LANGUAGE

    def dutch(path: Path) -> bool:
        try:
            return locate(path, docs_dir)[0] == SOURCE_LANGUAGE
        except StampError:
            return False  # said when the page's turn comes

    paths = [Path(name) for name in names]
    if all(dutch(path) for path in paths):
        return paths  # the command explains why a Dutch page is not for it
    for path in filter(dutch, paths):
        print(
            f"notice: {_shown(path)} skipped: a Dutch page is the source of the translations, "
            f"{command} is for translations.",
            file=sys.stderr,
        )
    return [path for path in paths if not dutch(path)]


def _translations_of(pages: list[Path], settings) -> list[Path]:
    """Every language's file of the pages named: what stamp --minor may change."""
    from sitegen.stamping import StampError, locate

    found = []
    for page in pages:
        try:
            _, rel = locate(page, settings.docs_dir)
        except StampError:
            continue  # said when the page's turn comes
        found += [settings.docs_dir / language.code / rel for language in settings.languages]
    return found


def _all_or_nothing(
    paths: list[Path], change, done: str, touched: list[Path] | None = None
) -> list[str]:
    """change(path) on every page, or on none: when one page is refused, or anything else
    goes wrong, the files already changed (the pages, and the files in `touched`) get their
    bytes back, and the message says that nothing was changed."""
    from sitegen.stamping import StampError

    before = {path: path.read_bytes() for path in [*paths, *(touched or [])] if path.is_file()}
    lines = []
    try:
        for path in paths:
            lines.append(change(path))
    except BaseException as error:
        for path, data in before.items():
            if path.read_bytes() != data:
                path.write_bytes(data)
        nothing = f"Nothing was {done}."
        if isinstance(error, StampError) and len(paths) > 1 and nothing not in str(error):
            raise StampError(f"{error} {nothing}") from None
        raise
    return lines


def _refuse_a_broken_dutch_page(path: Path, settings) -> None:
    """A stamp records a fingerprint of the Dutch page: never of one whose front matter has
    an error (its title or description may not be what the page will show)."""
    from sitegen.checks.findings import ERROR
    from sitegen.checks.front_matter import check_front_matter
    from sitegen.checks.source import SourcePage, display_path
    from sitegen.stamping import StampError, locate, read_text
    from wegwijs_shared.languages import SOURCE_LANGUAGE

    code, rel = locate(path, settings.docs_dir)
    dutch = settings.docs_dir / SOURCE_LANGUAGE / rel
    if code == SOURCE_LANGUAGE or not dutch.is_file():
        return  # stamp_translation says what is wrong
    page = SourcePage(
        file=dutch,
        display=display_path(dutch, settings.config_file.parent),
        language=settings.languages[0],
        rel=PurePosixPath(rel.as_posix()),
        text=read_text(dutch, settings.docs_dir),
    )
    errors = [f for f in check_front_matter(page, None) if f.level == ERROR]
    if errors:
        raise StampError(
            f"{_shown(path)}: its Dutch page has an error in its front matter, "
            f"{errors[0].path}:{errors[0].line}: {errors[0].message} Fix the Dutch page "
            "first (build.py check shows every error), then stamp the translation."
        )


def run_review(args: argparse.Namespace) -> None:
    from sitegen.review import date_problem, role_notice
    from sitegen.review_terms import load_review_terms
    from sitegen.settings import load_settings
    from sitegen.stamping import StampError, locate, review_translation

    settings = load_settings(args.config, args.content, None, args.languages, 1)
    project = settings.config_file.parent
    terms, _ = load_review_terms(project, settings.docs_dir, settings.languages)
    problem = date_problem(args.date)
    if problem:
        raise BuildFailed(problem)

    def review(path: Path) -> str:
        done = review_translation(path, settings.docs_dir, args.role, args.date)
        lines = [
            f"{_shown(path)}: reviewed by {done.role} on {done.date} "
            f"(against the Dutch text {done.source_hash})"
        ]
        code, rel = locate(path, settings.docs_dir)
        lines += [
            f"  listed for review in docs/review-terms.yml (line {term.line}): "
            f"{term.term}; remove it there once it is settled"
            for term in terms
            if term.code == code and term.page in (None, rel.as_posix())
        ]
        return "\n".join(lines)

    try:
        pages = _translations_named(args.pages, settings.docs_dir, "review")
        for line in _all_or_nothing(pages, review, "reviewed"):
            print(line)
    except StampError as error:
        raise BuildFailed(str(error)) from None
    level, message = role_notice(args.role)
    print(f"{level}: {message}", file=sys.stderr)


MINOR_RESULTS = {
    "stamped": "still up to date (source_hash {})",
    "current": "already up to date (source_hash {})",
    "outdated": "was already outdated before this change; update it, then stamp it",
}


def _shown(path: Path) -> str:
    resolved = path.resolve()
    if resolved.is_relative_to(Path.cwd()):
        return resolved.relative_to(Path.cwd()).as_posix()
    return str(path)


def run_status(args: argparse.Namespace) -> None:
    from sitegen.freshness import all_states
    from sitegen.settings import load_settings
    from sitegen.status_report import render_table

    settings = load_settings(args.config, args.content, None, args.languages, 1)
    print(render_table(all_states(settings.docs_dir, settings.languages)), end="")


def _messages_dir(project: Path) -> Path | None:
    """The feedback function's message files in this project (None in a site-only project)."""
    from feedback_fn.messages import MESSAGES_DIR

    folder = project / MESSAGES_DIR.relative_to(ROOT)
    return folder if folder.is_dir() else None


def run_add_language(args: argparse.Namespace) -> None:
    from sitegen.add_language import AddLanguageError, start_language
    from sitegen.checks.report import print_findings, summary
    from sitegen.settings import load_settings
    from wegwijs_shared.languages import Language

    settings = load_settings(args.config, args.content, None, args.languages, 1)
    if settings.theme_dir is None:
        raise BuildFailed("mkdocs.yml names no theme custom_dir: the UI strings go there.")
    language = Language(args.code, args.name, args.english, args.dir, args.script or "")
    messages = _messages_dir(settings.config_file.parent)
    try:
        started = start_language(
            language, settings.languages_file, settings.docs_dir, settings.theme_dir, messages
        )
    except AddLanguageError as error:
        raise BuildFailed(str(error)) from None
    print(f"{_shown(settings.languages_file)}: {language.english} ({language.code}) added")
    for path in started.created:
        print(f"{_shown(path)}: created")
    settings = load_settings(args.config, args.content, None, args.languages, 1)
    findings = _content_findings(settings)
    print_findings(findings)
    print(f"content: {summary(findings)} in {len(settings.languages)} languages.")
    print(f"\nLeft to translate into {language.english}:")
    for item in started.todo:
        print(f"- {item}")
    if messages is None:
        print("- the feedback function's messages: this project has no feedback_fn/messages/")
    print("Preview with 'build.py serve --watch'; 'build.py status' shows the pages left.")


def run_sources(args: argparse.Namespace) -> None:
    """Write docs/sources.md (for people) from docs/sources.yml (what the check reads)."""
    from sitegen.checks.report import as_text
    from sitegen.checks.sources import READABLE_FILE, load_sources, render_markdown
    from sitegen.settings import load_settings

    settings = load_settings(args.config, args.content, None, args.languages, 1)
    project = settings.config_file.parent
    listing = load_sources(project)
    if listing is None:
        raise BuildFailed("there is no docs/sources.yml in this project: nothing to write.")
    if listing.findings:
        for finding in listing.findings:
            print(as_text(finding), file=sys.stderr)
        raise BuildFailed("fix docs/sources.yml first; docs/sources.md was not written.")
    target = project / READABLE_FILE
    target.write_text(render_markdown(listing), encoding="utf-8")
    print(f"{_shown(target)}: {len(listing.sources)} sources written")


def run_publish(args: argparse.Namespace) -> None:
    """Send the built site to the stack's bucket; print what changed; tell CloudFront."""
    from sitegen import publish as site
    from sitegen.publish_plan import invalidation_paths, merged_paths, report_lines, summary
    from sitegen.site_address import ENVIRONMENT

    site_dir = Path(args.site_dir or ROOT / "site").resolve()
    try:
        outputs = {}
        if args.stack:
            outputs = site.stack_outputs(args.stack, args.region, args.endpoint_url)
        bucket = args.bucket or outputs.get(site.BUCKET_OUTPUT)
        distribution = args.distribution or outputs.get(site.DISTRIBUTION_OUTPUT)
        if not bucket:
            raise BuildFailed("say where to publish: --stack NAME, or --bucket NAME.")
        # Every address named must be the build's: the stack's own is the one readers use.
        expected = {
            "the stack's SiteUrl": outputs.get(site.URL_OUTPUT),
            ENVIRONMENT: os.environ.get(ENVIRONMENT),
            "--site-url": args.site_url,
        }
        address = site.check_build(site_dir, {k: v for k, v in expected.items() if v})
        print(f"publish: {_shown(site_dir)}, built for {address}, to s3://{bucket}/")
        client = site.s3_client(args.endpoint_url, args.region)
        plan = site.plan_publish(site_dir, bucket, client)
        for line in report_lines(plan):
            print(line)
        paths: list[str] = []
        if distribution:
            cloudfront = site.cloudfront_client(args.endpoint_url)
            site.check_distribution(cloudfront, distribution)
            paths = merged_paths(invalidation_paths(plan), site.pending_paths(client, bucket))
        changes = plan.sent + len(plan.deleted)
        if args.dry_run:
            print(f"dry run, nothing sent: would send {summary(plan, done=False)}")
            if paths:
                print(f"would invalidate {len(paths)} path(s): {' '.join(paths)}")
            _no_distribution(distribution, changes)
            return
        if paths:
            site.keep_pending(client, bucket, paths)
        site.carry_out(plan, bucket, client)
        print(f"published: {summary(plan)}")
        if paths:
            invalidation = site.invalidate(cloudfront, distribution, paths)
            site.keep_pending(client, bucket, [])
            print(f"invalidation {invalidation}: {' '.join(paths)}")
        _no_distribution(distribution, changes)
    except site.PublishError as error:
        raise BuildFailed(str(error)) from None


def _no_distribution(distribution: str | None, changes: int) -> None:
    if not distribution and changes:
        print(
            "warning: no --distribution (nor --stack): CloudFront is not told what changed "
            "and may serve old copies (pages for 5 minutes, other files for up to a year). "
            "Publish with --stack NAME or --distribution ID.",
            file=sys.stderr,
        )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    def site_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", help="mkdocs configuration (default: mkdocs.yml)")
        p.add_argument("--content", help="content folder (default: content/ beside the config)")
        p.add_argument("--site-dir", help="output folder (default: site/ beside the config)")
        p.add_argument(
            "--languages",
            metavar="FILE",
            help="the path of the languages file, a list of languages, not a language code "
            "(default: languages.yml)",
        )
        p.add_argument("--jobs", type=int, help="parallel build processes (default: CPU count)")

    build = sub.add_parser("build", help="check content, build site/, check it, compress it")
    site_options(build)
    build.add_argument(
        "--weights", action="store_true", help="print every page's critical-path bytes"
    )
    build.add_argument("--budget", type=int, help="critical-path budget in bytes (default: 14336)")
    build.add_argument(
        "--pack-budget",
        type=int,
        help="offline pack budget per language, bytes brotli (default: 153600)",
    )
    build.add_argument(
        "--preview",
        action="store_true",
        help="a build to look at on this computer: runs without WEGWIJS_SITE_URL (links then "
        "point to http://127.0.0.1:8000/); build.py publish refuses it",
    )
    build.set_defaults(func=run_build)

    serve = sub.add_parser("serve", help="build, then serve site/ and the feedback API")
    site_options(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve the existing site/")
    serve.add_argument(
        "--watch",
        action="store_true",
        help="rebuild whenever a page, the theme or the configuration changes",
    )
    serve.add_argument(
        "--store", help="feedback store URL (default: sqlite:///var/feedback.sqlite3)"
    )
    # What serve builds is a preview: it runs without the public address.
    serve.set_defaults(func=run_serve, preview=True)

    check = sub.add_parser("check", help="check content only (what CI runs first)")
    site_options(check)
    check.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text for people (default), github for pull request annotations, json for tools",
    )
    check.add_argument(
        "--notices", action="store_true", help="also show notices (links to fallback pages)"
    )
    check.add_argument(
        "--base",
        help="with --format github: the branch the pull request goes into (default: "
        "$GITHUB_BASE_REF); findings on the lines changed since then come first",
    )
    check.add_argument(
        "--summary",
        help="with --format github: write the full table (Markdown) to this file, afresh on "
        "every run (default: appended to GitHub's job summary, $GITHUB_STEP_SUMMARY)",
    )
    check.set_defaults(func=run_check)

    stamp = sub.add_parser(
        "stamp", help="mark checked translations as up to date with the Dutch page"
    )
    site_options(stamp)
    stamp.add_argument(
        "pages",
        nargs="+",
        help="content/<lang>/<page>.md (with --minor: nl); a Dutch page among translations "
        "(content/*/mo.md) is skipped with a notice",
    )
    stamp.add_argument(
        "--minor",
        action="store_true",
        help="after a small change to a Dutch page: its translations that were up to date "
        "stay up to date; refused when a word is added, removed or replaced (beyond a typo "
        "fix), a negation word (niet, geen ...) changes, or a sentence or number changes",
    )
    stamp.set_defaults(func=run_stamp)

    review = sub.add_parser(
        "review",
        help="record that a native speaker checked translations against the current Dutch page",
    )
    site_options(review)
    review.add_argument("pages", nargs="+", help="content/<lang>/<page>.md")
    review.add_argument(
        "--role",
        required=True,
        help='who checked it, e.g. "native speaker, social interpreter"; it is published in '
        "the page's file: a role, never a person's name",
    )
    review.add_argument(
        "--date",
        help="the day it was checked, YYYY-MM-DD (default: today); a day later than tomorrow "
        "is refused as in the future",
    )
    review.set_defaults(func=run_review)

    status = sub.add_parser(
        "status", help="tables of pages x languages: up to date or not, reviewed or not"
    )
    site_options(status)
    status.set_defaults(func=run_status)

    publish = sub.add_parser(
        "publish", help="send the built site/ to the stack's bucket; only what changed"
    )
    publish.add_argument(
        "--stack",
        help="the deployed stack (wegwijs-feedback-<stage>): its outputs give the bucket, the "
        "distribution and the address the build must have",
    )
    publish.add_argument("--bucket", help="the bucket (default: the stack's SiteBucketName)")
    publish.add_argument(
        "--distribution",
        help="CloudFront forgets the files that changed (default: the stack's SiteDistributionId)",
    )
    publish.add_argument("--site-dir", help="the built site (default: site/)")
    publish.add_argument(
        "--site-url",
        help="the address the build must have been made for (default: WEGWIJS_SITE_URL, "
        "else the stack's SiteUrl)",
    )
    publish.add_argument(
        "--dry-run", action="store_true", help="print what would change; send nothing"
    )
    publish.add_argument("--region", help="the bucket's region (default: AWS' configuration)")
    publish.add_argument(
        "--endpoint-url", help="an S3 (and CloudFront) compatible server instead of AWS"
    )
    publish.set_defaults(func=run_publish)

    add = sub.add_parser(
        "add-language",
        help="start a new language: languages.yml, its home page and UI strings to translate",
    )
    site_options(add)
    add.add_argument("code", help="BCP 47 language tag, e.g. ti, prs, ckb, pt-BR")
    add.add_argument("--name", required=True, help="the language's own name, e.g. ትግርኛ")
    add.add_argument("--english", required=True, help="its English name, e.g. Tigrinya")
    add.add_argument("--dir", required=True, choices=("ltr", "rtl"), help="text direction")
    add.add_argument(
        "--script",
        help="ISO 15924 script, e.g. Arab, Ethi, Cyrl (default: the language's usual script)",
    )
    add.set_defaults(func=run_add_language)

    sources = sub.add_parser(
        "sources", help="write docs/sources.md (for people) from docs/sources.yml"
    )
    site_options(sources)
    sources.set_defaults(func=run_sources)
    return top


def main(argv: list[str] | None = None) -> int:
    return run(parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Run a parsed command (serve --watch's builder sets what to rebuild on `args`)."""
    from sitegen.mkdocs_run import MkdocsFailed
    from sitegen.settings import SettingsError

    try:
        args.func(args)
    except (BuildFailed, SettingsError, MkdocsFailed) as failure:
        print(f"build.py {args.command}: {failure}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        _reader_gone()
        return 1
    return 0


def _reader_gone() -> None:
    """What reads our output has stopped (build.py status | head): end quietly, as Unix tools
    do. What is still buffered goes nowhere, instead of raising again when Python exits."""
    for stream in (sys.stdout, sys.stderr):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass  # not a file (a test's captured output)


if __name__ == "__main__":
    arguments = parser().parse_args()
    code = run(arguments)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        _reader_gone()
        code = code or 1
    if arguments.command == "build":
        # A build leaves a large heap (mkdocs, the checks' dictionaries, the collation
        # table). Freeing it object by object at exit took half a second of every build;
        # the operating system frees it at once. Everything is written and closed here.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
