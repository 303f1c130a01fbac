#!/usr/bin/env bash
# Installs what building and testing Rapport needs and is missing: Debian/Ubuntu
# packages (through sudo when not root), the UI's npm packages, and tauri-driver for
# the end-to-end suite. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  libxdo-dev libssl-dev build-essential file pkg-config curl ca-certificates
  xvfb xauth imagemagick webkit2gtk-driver xdotool fonts-wqy-microhei)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup: not a Debian/Ubuntu system; see README.md for this platform's prerequisites"
fi

command -v cargo >/dev/null || { echo "setup: install Rust with rustup first (https://rustup.rs)"; exit 1; }
command -v npm >/dev/null || { echo "setup: install Node.js 20 or newer first"; exit 1; }

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm ci --prefix ui --no-audit --no-fund
fi

# The test tools (for `make test`): the WebDriver bridge and the dependency auditor.
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--e2e" ]; then
  if [ ! -x target/tools/bin/tauri-driver ]; then
    cargo install tauri-driver --version 2.1.0 --locked --root target/tools
  fi
  if [ ! -x target/tools/bin/cargo-deny ]; then
    cargo install cargo-deny --version 0.20.2 --locked --root target/tools
  fi
fi
