"""Stage the Lambda package: the modules the handler imports, runtime libraries, .pyc.

    python build.py build                 # writes site/pages.json, which ships too
    python -m feedback_fn.bundle OUT_DIR
    cd OUT_DIR && npx osls package    # or: npx osls deploy --stage prod

The Serverless Framework packages its service folder, so this copies what the
function needs into OUT_DIR next to serverless.yml. Our own modules are chosen
by the import graph of feedback_fn.handler (imports inside functions included),
never by a list of exclusions: a new module ships only once the handler can
reach it, and the analysts' tools and the site generator never do. Libraries are copied from
this interpreter's installed distributions (no network, no pip), which is
also why this interpreter's Python version must be the runtime's: the .pyc
files are compiled with `unchecked-hash` so that Lambda's read-only file
system never has to recompile them and zip timestamps do not matter.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import importlib.metadata
import platform
import py_compile
import re
import shutil
import sys
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from wegwijs_shared.pages import PAGE_LIST_NAME, PageListError, load_page_list
from wegwijs_shared.store import BACKENDS

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
# The packages whose modules may ship; which of their modules do is the import graph's call.
PROJECT_PACKAGES = ("feedback_fn", "wegwijs_shared")
ENTRY_MODULE = "feedback_fn.handler"
# Data files the shipped modules read at run time, per package (everything else stays).
PACKAGE_DATA = {
    "feedback_fn": ("messages/*.yml", "templates/*.html"),
    "wegwijs_shared": ("store/*.sql",),
}


class BundleError(RuntimeError):
    """The package cannot be staged; the message says what to do."""


# Lambda's architecture names and what platform.machine() says on each.
MACHINES = {"x86_64": "x86_64", "arm64": "aarch64"}


def check_runtime(config: Path = PACKAGE_DIR / "serverless.yml") -> None:
    """This interpreter must be the runtime's Python on the runtime's processor."""
    provider = yaml.safe_load(config.read_text(encoding="utf-8"))["provider"]
    match = re.fullmatch(r"python(\d+\.\d+)", str(provider["runtime"]))
    if not match:
        raise BundleError(f"serverless.yml: runtime {provider['runtime']!r} is not pythonX.Y")
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    if running != match.group(1):
        raise BundleError(
            f"serverless.yml says {provider['runtime']} but this is Python {running}: run "
            f"the bundle with that Python so that the .pyc files match the runtime."
        )
    architecture = provider.get("architecture", "x86_64")
    if platform.machine() != MACHINES.get(architecture):
        raise BundleError(
            f"serverless.yml says {architecture} but this machine is {platform.machine()}: "
            "compiled libraries (PyYAML, MarkupSafe) would not load."
        )


def pinned_requirements(path: Path = PACKAGE_DIR / "requirements.txt") -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.strip()] = version.strip()
    return pins


def _requirement_name(line: str) -> str | None:
    """The distribution a Requires-Dist line needs here (the runtime's Python), if any."""
    requirement = Requirement(line)
    if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
        return None  # only for an extra, or for another Python than the runtime's
    return requirement.name


def distributions(pins: dict[str, str]) -> list[importlib.metadata.Distribution]:
    """The pinned distributions and everything they require, as installed here."""
    found: dict[str, importlib.metadata.Distribution] = {}
    pending = list(pins)
    while pending:
        name = pending.pop()
        key = name.lower().replace("_", "-")
        if key in found:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            raise BundleError(f"{name} is not installed: pip install -r requirements.txt") from None
        if name in pins and dist.version != pins[name]:
            raise BundleError(f"{name} {dist.version} is installed but {pins[name]} is pinned")
        found[key] = dist
        pending.extend(n for r in dist.requires or [] if (n := _requirement_name(r)))
    return sorted(found.values(), key=lambda dist: dist.metadata["Name"].lower())


def copy_distribution(dist: importlib.metadata.Distribution, out: Path) -> None:
    for file in dist.files or []:
        parts = file.parts
        if ".." in parts or "__pycache__" in parts or parts[-1] == "RECORD":
            continue  # scripts outside site-packages, stale caches, hashes of other files
        source = Path(str(dist.locate_file(file)))
        if source.is_file():
            target = out / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _module_file(name: str) -> Path | None:
    """The source file of a project module (package or module), None for anything else."""
    if name.split(".")[0] not in PROJECT_PACKAGES:
        return None
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imported_names(path: Path, module: str) -> set[str]:
    """Every module an import statement in this file names, at any depth of the file."""
    names: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            names.add(source)
            # `from pkg import module` names a module as often as a function.
            names.update(f"{source}.{alias.name}" for alias in node.names)
    return names


def shipped_modules(entry: str = ENTRY_MODULE) -> dict[str, Path]:
    """The project modules reachable from the handler, with their parent packages.

    Store backends are imported by name from a store URL (store.BACKENDS), which
    no import statement shows: they are entries of the graph too.
    """
    found: dict[str, Path] = {}
    pending = [entry, *(module for module, _ in BACKENDS.values())]
    while pending:
        name = pending.pop()
        if name in found or (path := _module_file(name)) is None:
            continue
        found[name] = path
        parent = name.rpartition(".")[0]
        if parent:
            pending.append(parent)
        pending.extend(_imported_names(path, name))
    return dict(sorted(found.items()))


def copy_page_list(pages: Path, out: Path) -> None:
    """The built site's page list, beside the function (site_pages.PACKAGED finds it there)."""
    if not pages.is_file():
        raise BundleError(
            f"{pages} is missing: run `build.py build` first (or pass --pages), so that the "
            "function knows the site's pages and refuses feedback on any other."
        )
    try:
        load_page_list(pages)
    except PageListError as error:
        raise BundleError(str(error)) from None
    shutil.copy2(pages, out / "feedback_fn" / PAGE_LIST_NAME)


def copy_sources(out: Path) -> None:
    for path in shipped_modules().values():
        target = out / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    for package, patterns in PACKAGE_DATA.items():
        for pattern in patterns:
            for path in (ROOT / package).glob(pattern):
                target = out / path.relative_to(ROOT)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    # The one list of languages, as the shared package's data (see languages.py).
    shutil.copy2(ROOT / "languages.yml", out / "wegwijs_shared" / "languages.yml")
    shutil.copy2(PACKAGE_DIR / "serverless.yml", out / "serverless.yml")
    # The site's CloudFront Function, which osls fills with the page list when packaging.
    shutil.copytree(PACKAGE_DIR / "edge", out / "edge")


def stage(out: Path, pages: Path = ROOT / "site" / PAGE_LIST_NAME) -> Path:
    """Fill `out` (created, must be empty) with the package contents and serverless.yml."""
    check_runtime()
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise BundleError(f"{out} is not empty")
    copy_sources(out)
    copy_page_list(pages, out)
    for dist in distributions(pinned_requirements()):
        copy_distribution(dist, out)
    ok = compileall.compile_dir(
        out,
        quiet=1,
        workers=0,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    if not ok:
        raise BundleError("some files did not compile; see the messages above")
    # osls and the serverless-wsgi plugin, from the project's `npm ci` (not packaged).
    if (ROOT / "node_modules").is_dir():
        (out / "node_modules").symlink_to(ROOT / "node_modules")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m feedback_fn.bundle", description=__doc__)
    parser.add_argument("out", type=Path, help="empty folder to stage the package in")
    parser.add_argument(
        "--pages",
        type=Path,
        default=ROOT / "site" / PAGE_LIST_NAME,
        help="the built site's page list (default: site/pages.json)",
    )
    args = parser.parse_args(argv)
    try:
        stage(args.out, args.pages)
    except BundleError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 1
    print(f"Staged the Lambda package in {args.out}; run `npx osls package` there.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
