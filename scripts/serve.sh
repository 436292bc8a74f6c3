#!/usr/bin/env bash
# Builds the demo and serves www/ on http://localhost:${PORT:-8000}.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"
port="${PORT:-8000}"
echo "Serving www/ on http://localhost:$port (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
