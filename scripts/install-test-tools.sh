#!/usr/bin/env bash
# Installs the non-Python tools the test suite drives: node packages from
# package.json (a DynamoDB-compatible server, the Serverless Framework fork,
# axe-core) and Debian's chromium for the browser tests. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package.json ] && grep -q '"[a-z@]' <(sed -n '/Dependencies/,/}/p' package.json); then
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "chromium is missing: install Debian's 'chromium' package (needs root)." >&2
    exit 1
  fi
fi
