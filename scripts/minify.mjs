// Minifies the JavaScript the browser loads (the loader and wasm-bindgen's
// glue) in place: comments, whitespace and long local names cost bytes on
// every page load, and nobody reads the shipped copies (the sources are
// crates/socval-widget/js/socval.js and wasm-bindgen's output).
// Usage: node scripts/minify.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  // ES modules: exported names are kept; top-level names may be mangled.
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(file, out.code);
}
