#!/usr/bin/env bash
# Builds the widget and serves the demo portal on http://localhost:${PORT:-8000}.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build-www.sh
exec node scripts/static-server.mjs "${PORT:-8000}" www
