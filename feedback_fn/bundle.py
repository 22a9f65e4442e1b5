"""Stage the Lambda package: our code, languages.yml, runtime libraries, compiled .pyc.

    python -m feedback_fn.bundle OUT_DIR
    cd OUT_DIR && npx osls package    # or: npx osls deploy --stage prod

The Serverless Framework packages its service folder, and a service folder
cannot reach `../languages.yml` or `../sitegen/`; so this copies what the
function needs into OUT_DIR next to serverless.yml. Libraries are copied from
this interpreter's installed distributions (no network, no pip), which is
also why this interpreter's Python version must be the runtime's: the .pyc
files are compiled with `unchecked-hash` so that Lambda's read-only file
system never has to recompile them and zip timestamps do not matter.
"""

from __future__ import annotations

import argparse
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

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
# Build files, and the analysts' commands (they run on a laptop, with their own
# libraries), which the web function never imports.
NOT_SHIPPED = ("bundle.py", "serverless.yml", "requirements.txt", "__main__.py", "analytics")


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


def copy_sources(out: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", *NOT_SHIPPED)
    shutil.copytree(PACKAGE_DIR, out / "feedback_fn", ignore=ignore)
    # The one source of truth for languages, and the code that reads it.
    (out / "sitegen").mkdir()
    (out / "sitegen" / "__init__.py").write_text('"""Only languages.py ships to Lambda."""\n')
    shutil.copy2(ROOT / "sitegen" / "languages.py", out / "sitegen" / "languages.py")
    shutil.copy2(ROOT / "languages.yml", out / "languages.yml")
    shutil.copy2(PACKAGE_DIR / "serverless.yml", out / "serverless.yml")


def stage(out: Path) -> Path:
    """Fill `out` (created, must be empty) with the package contents and serverless.yml."""
    check_runtime()
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise BundleError(f"{out} is not empty")
    copy_sources(out)
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
    args = parser.parse_args(argv)
    try:
        stage(args.out)
    except BundleError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 1
    print(f"Staged the Lambda package in {args.out}; run `npx osls package` there.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
