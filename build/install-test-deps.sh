#!/usr/bin/env bash
# Installs the Debian packages the full Sahut test suite needs (and nothing else).
# Idempotent: when every package is already installed it does no apt work at all.
# Run as root (or with sudo available). .ci/run calls this; developers may too.
set -euo pipefail

packages=(
  postgresql        # PostgreSQL provider tests (a throwaway cluster on loopback, build/test-services.sh)
  redis-server      # SignalR backplane tests (loopback, build/test-services.sh)
  chromium          # Playwright browser tests drive /usr/bin/chromium; never a downloaded browser
  fonts-liberation  # readable text in browser screenshots
  sqlite3           # bench/ compares CSV export speed with the sqlite3 CLI
  dovecot-imapd     # Email plugin tests: a real IMAP server on loopback
  python3-aiosmtpd  # Email plugin tests: a real SMTP server on loopback (/usr/bin/python3 -m aiosmtpd)
  curl              # smoke test
  python3           # smoke test and TRX summary
  ca-certificates
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-deps: all ${#packages[@]} Debian packages already installed" >&2
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "install-test-deps: missing ${missing[*]} and not root (no sudo)" >&2; exit 1
  fi
fi

echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
