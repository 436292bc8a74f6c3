#!/usr/bin/env bash
# The benchmark command: builds, then prints every performance figure against its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"
scripts/build-www.sh > /dev/null
cargo build --quiet --profile native -p socval-cli
exec node scripts/bench.mjs "${1:-10}"
