// Writes a .gz (zlib level 9) and a .br (brotli quality 11) file beside every
// file the widget loads, so a server configured to serve precompressed files
// (nginx gzip_static and brotli_static; see www/servers/) sends them small
// without compressing on each request. Usage: node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|wasm|csv|json|txt)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let files = 0;
for (const path of walk(process.argv[2] ?? 'www/socval').filter((p) => COMPRESSIBLE.test(p))) {
  const data = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  files += 1;
}
console.log(`  precompressed ${files} files (.gz, .br)`);
