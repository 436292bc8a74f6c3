#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: each step
# skips itself when its tool is already there. Tools go into .tools/ (ignored
# by git) so nothing global is touched beyond Debian packages and the wasm
# target of the machine's one Rust toolchain.
#
# Usage: scripts/setup.sh [build|test]   (default: test, which is a superset)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"
root="$PWD"
tools="$root/.tools"
mkdir -p "$tools"

log() { printf '\n== setup: %s\n' "$*"; }

# The wasm target for the Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the wasm-bindgen version in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,""); print $3; exit}' Cargo.lock)
if [ "$("$tools/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "cargo install wasm-bindgen-cli $wb_version (about 5 minutes)"
  # --locked fails: the registry lacks a locked dependency (webpki-roots 1.0.11).
  cargo install --root "$tools" --force wasm-bindgen-cli --version "=$wb_version"
fi

if [ "$("$tools/bin/wasm-pack" --version 2>/dev/null | awk '{print $2}')" != "0.15.1" ]; then
  log "cargo install wasm-pack 0.15.1 (about 2 minutes)"
  cargo install --root "$tools" --locked --force wasm-pack --version =0.15.1
fi

# npm packages: wasm-opt (binaryen 132; Debian's 108 cannot parse today's wasm),
# playwright-core, puppeteer-core and axe-core for the browser tests.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = "test" ]; then
  if [ "$("$tools/bin/cargo-fuzz" --version 2>/dev/null | awk '{print $2}')" != "0.13.2" ]; then
    log "cargo install cargo-fuzz 0.13.2 (about 1 minute)"
    cargo install --root "$tools" --locked --force cargo-fuzz --version =0.13.2
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "apt-get install chromium chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The other two engines the browser tests run in (tests/browser/engines.mjs):
  # Firefox ESR, driven over WebDriver BiDi, and WebKitGTK's MiniBrowser
  # (Safari's engine) through WebKitWebDriver, under Xvfb.
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; then
    log "apt-get install firefox-esr webkit2gtk-driver xvfb"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
  fi
  # Real web servers for the test of the embedding guide's configurations
  # (tests/browser/servers.test.mjs starts them on loopback ports itself).
  if [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/sbin/apache2 ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    log "apt-get install nginx-light libnginx-mod-http-brotli-static apache2"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Installed, not started: a policy-rc.d that says no keeps apt from
    # starting them as services (removed again if it was not there before).
    made_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
    fi
    apt-get install -y -qq nginx-light libnginx-mod-http-brotli-static apache2 >/dev/null
    if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
  fi
fi
log "done"
