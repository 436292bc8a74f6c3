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
  // unsafe_methods writes `{ f: function () {} }` as `{ f() {} }`: the
  // glue's import object is a table of such functions, which the wasm only
  // calls, never constructs (59 bytes gzip off the first render).
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2, unsafe_methods: true }, mangle: true, format: { comments: false } });
  writeFileSync(file, out.code);
}
