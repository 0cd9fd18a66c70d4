#!/usr/bin/env bash
# Run before `npm test`: the digest screenshot test needs Debian's Chromium at /usr/bin/chromium.
# Installs it when missing and we are allowed to (root with apt-get); otherwise says how, and the test
# that needs it fails with the same advice.
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the digest screenshot test (apt-get install chromium)…"
  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } && exit 0
fi
echo "Chromium is missing at /usr/bin/chromium: install it with 'apt-get install -y chromium' (the digest screenshot test needs it)." >&2
exit 0
