// Fails when the widget's transfer size grows past the ceiling in
// scripts/size-ceiling.json (sizes are deterministic for pinned tools).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const ceiling = JSON.parse(readFileSync(join(root, 'scripts', 'size-ceiling.json'), 'utf8'));
const gz = (p) => gzipSync(readFileSync(join(root, p)), { level: 9 }).length;
const firstRender = ['www/socval/socval_widget_bg.wasm', 'www/socval/socval_widget.js', 'www/socval/socval.js', 'www/examples/exampleshire.json']
  .reduce((sum, p) => sum + gz(p), 0);
const outcodes = gz('www/socval/outcodes.csv');
const checks = [['first render', firstRender, ceiling.first_render_gzip_bytes, 120000], ['outward-code table', outcodes, ceiling.outcodes_gzip_bytes, 30000]];
let failed = false;
for (const [name, size, max, budget] of checks) {
  const ok = size <= max;
  failed ||= !ok;
  console.log(`${name}: ${size} bytes gzip (ceiling ${max}, budget ${budget}) ${ok ? 'ok' : 'GREW PAST THE CEILING'}`);
}
if (failed) process.exit(1);
