#!/usr/bin/env bash
# The release package: builds the widget and the JS API (scripts/build-www.sh)
# and writes dist/socval-<version>/ (an npm package holding the folder to
# serve, types, a manifest and checksums) and dist/socval-<version>.tgz.
# Usage: scripts/package.sh [--no-build] [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  scripts/setup.sh build
  scripts/build-www.sh
fi
node scripts/package.mjs "$@"
