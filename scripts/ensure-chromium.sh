#!/usr/bin/env bash
# Makes sure Debian's Chromium (and CJK fonts, so Japanese pages render) is installed for the
# browser tests (vitest.e2e.config.ts drives /usr/bin/chromium through playwright-core).
# The browser comes from apt only: never `npx playwright install`, puppeteer or any other download.
# Idempotent and silent when Chromium is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  cat >&2 <<MSG
scripts/ensure-chromium.sh: $CHROMIUM is missing and this is not root, so it cannot be installed here.
Install Debian's Chromium and CJK fonts first, e.g.:
  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
MSG
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/ensure-chromium.sh: $CHROMIUM is missing and apt-get is not available; install Chromium so that $CHROMIUM exists (Debian packages: chromium, fonts-noto-cjk)." >&2
  exit 1
fi

echo "scripts/ensure-chromium.sh: $CHROMIUM missing; installing Debian's chromium and fonts-noto-cjk with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "scripts/ensure-chromium.sh: apt-get finished but $CHROMIUM still does not exist" >&2
  exit 1
fi
echo "scripts/ensure-chromium.sh: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2
