#!/usr/bin/env bash
# Runs every test. Installs what it needs first (scripts/setup.sh, idempotent).
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== test: %s\n' "$*"; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step "formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings
# The core must build for the browser without its JSON feature (the widget's build).
cargo clippy -p socval-core --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings
cargo clippy -p socval-widget -p socval-wasm -p socval-report -p socval-builder --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "the core has no browser dependency"
if cargo tree -p socval-core -e normal --target all | grep -E 'wasm-bindgen|web-sys|js-sys'; then
  echo "socval-core must not depend on wasm-bindgen, web-sys or js-sys" >&2
  exit 1
fi

step "native tests (unit, golden worked examples, properties, CLI)"
cargo test --workspace 2>&1 | tee -a "$log"

step "the golden worked examples in wasm32 (Node, via wasm-bindgen-test-runner)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p socval-tests --target wasm32-unknown-unknown --tests 2>&1 | tee -a "$log"

step "build the widget and the JS API (wasm-pack, release, wasm-opt -Oz)"
scripts/build-www.sh
node scripts/size-check.mjs
cargo build --quiet -p socval-cli

step "widget components in headless Chromium (wasm-bindgen-test, chromedriver)"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p socval-widget --target wasm32-unknown-unknown --tests 2>&1 | tee -a "$log"

step "end to end in headless Chromium, Firefox ESR and WebKitGTK, and the JS API in Node (playwright-core, puppeteer-core, axe-core)"
node --test --test-concurrency=1 --test-reporter=tap tests/browser/ 2>&1 | tee -a "$log"

step "fuzz every reader of outside data, and the calculation (cargo-fuzz, libFuzzer)"
# libFuzzer needs nightly-only flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
# New inputs go to an ignored folder; the seed corpus in the repo is only read.
# parse: configuration and proposal files; form: a file opened into the form
# and a stored draft; outcodes: the outward-code tables; link: a link that
# carries a proposal; bid_csv: a CSV file of bids for the evaluator;
# delivery: a delivery record (committed and delivered).
for target in parse:30 form:20 outcodes:10 link:15 bid_csv:15 delivery:15; do
  name=${target%%:*}
  mkdir -p ".tools/fuzz-corpus/$name"
  (cd tests/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$name" --fuzz-dir . "../../.tools/fuzz-corpus/$name" "corpus/$name" -- -max_total_time="${target##*:}" 2>&1 | tail -2)
done

step "the outward-code tables and the WELLBY growth factors rebuild to the same bytes"
python3 scripts/outcodes/build.py --check
python3 scripts/deflators/wellby_growth.py --check

# One closing line over every runner above.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     /^# pass [0-9]+$/ { p += $3 } /^# fail [0-9]+$/ { f += $3 }
     END { printf "\ntests: %d passed, %d failed\n", p, f }' "$log"
