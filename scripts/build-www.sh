#!/usr/bin/env bash
# Builds the widget and the JS API into www/socval/ (size-optimised release:
# opt-level z, LTO, wasm-opt -Oz from npm binaryen 132). Run by serve.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"
out=www/socval
rm -rf "$out"
wasm-pack --quiet build crates/socval-widget --release --target web --mode no-install --no-pack \
  --out-dir "../../$out" --out-name socval_widget
# One more round on the first module, outside wasm-pack's converging run
# (crates/socval-widget/Cargo.toml): its end is not a fixed point for these
# passes, and the first render is the size that counts (about 0.5 kB gzip).
wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  --merge-similar-functions --code-folding --duplicate-function-elimination -Oz \
  "$out/socval_widget_bg.wasm" -o "$out/socval_widget_bg.wasm"
wasm-pack --quiet build crates/socval-report --release --target web --mode no-install --no-pack \
  --out-dir "../../$out/report" --out-name socval_report
# The configuration builder's page (www/builder.html) loads its own module.
wasm-pack --quiet build crates/socval-builder --release --target web --mode no-install --no-pack \
  --out-dir "../../$out/builder" --out-name socval_builder
wasm-pack --quiet build crates/socval-wasm --release --target web --mode no-install --no-pack \
  --out-dir "../../$out/api" --out-name socval
# Short import names in each module and its glue (about 4 kB gzip off the
# first render: wasm-bindgen's names carry hashes that do not compress).
node scripts/short-imports.mjs "$out/socval_widget_bg.wasm" "$out/socval_widget.js"
node scripts/short-imports.mjs "$out/report/socval_report_bg.wasm" "$out/report/socval_report.js"
node scripts/short-imports.mjs "$out/api/socval_bg.wasm" "$out/api/socval.js"
node scripts/short-imports.mjs "$out/builder/socval_builder_bg.wasm" "$out/builder/socval_builder.js"
cp crates/socval-widget/js/socval.js "$out/socval.js"
mkdir -p "$out/schema"
for which in config proposal result gap delivery delivery-report commissioners-report; do
  cargo run --quiet -p socval-cli -- schema "$which" > "$out/schema/$which.schema.json"
done
cp crates/socval-core/data/outcodes.csv "$out/outcodes.csv"
# The Welsh text catalogue, fetched only by a Welsh widget (English is compiled in).
cp crates/socval-widget/i18n/cy.txt "$out/cy.txt"
cp crates/socval-core/data/outcodes-split.csv "$out/outcodes-split.csv"
node scripts/minify.mjs "$out/socval.js" "$out/socval_widget.js" "$out/report/socval_report.js" "$out/builder/socval_builder.js"
node scripts/precompress.mjs "$out"
rm -f "$out"/.gitignore "$out"/*/.gitignore "$out"/README.md "$out"/*/README.md
ls -l "$out" "$out/report" "$out/api" "$out/builder" | awk 'NR>1 && $5 && $9 !~ /\.(gz|br)$/ {printf "  %-28s %8d bytes\n", $9, $5}'
