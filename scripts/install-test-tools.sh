#!/usr/bin/env bash
# Installs the non-Python tools the test suite drives: Node.js and the node
# packages of package.json (dynalite, the osls Serverless Framework fork and
# the serverless-wsgi plugin), Debian's chromium with fonts for Arabic and
# Ethiopic for the browser tests, and poppler-utils (pdftoppm, pdftotext) to read
# the pages those tests print to PDF. Debian packages come with apt (as root, as
# in CI) only when missing. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "missing: Debian package(s) $* (installing them needs root)." >&2
    exit 1
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v npm >/dev/null 2>&1 || apt_install nodejs npm
command -v chromium >/dev/null 2>&1 || apt_install chromium fonts-noto-core
command -v pdftoppm >/dev/null 2>&1 || apt_install poppler-utils

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
