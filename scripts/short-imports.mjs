// Gives a wasm-bindgen module's imports short names, in the wasm and in its
// JavaScript glue alike. wasm-bindgen names each import for the function
// and a 16-digit hash (`__wbg_addEventListener_f2d27251d333a631`); the
// names are written twice, once in each file, and the hashes do not
// compress, so about 130 of them cost the first render over 2 kB gzip.
// Each becomes `a`, `b`, … `z`, `A`, … `a0`, …; nothing else changes.
// Usage: node scripts/short-imports.mjs module_bg.wasm glue.js
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function uleb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= buf.length) throw new Error(`${wasmPath}: truncated`);
    const b = buf[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
  }
}
/** An unsigned LEB128's bytes. */
function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
const name = (i) => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < letters.length ? letters[i] : letters[i % letters.length] + Math.floor(i / letters.length - 1);
};

// Find the import section (id 2) after the 8-byte header.
let at = 8;
let section;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = uleb(wasm, at + 1);
  if (id === 2) { section = { start: at, body, end: body + size }; break; }
  at = body + size;
}
if (!section) throw new Error(`${wasmPath}: no import section`);

const decoder = new TextDecoder();
const encoder = new TextEncoder();
let [count, p] = uleb(wasm, section.body);
const out = [...leb(count)];
const renamed = new Map();
for (let i = 0; i < count; i++) {
  const [moduleLen, m] = uleb(wasm, p);
  const module = wasm.subarray(m, m + moduleLen);
  const [fieldLen, f] = uleb(wasm, m + moduleLen);
  const field = decoder.decode(wasm.subarray(f, f + fieldLen));
  // The import's kind and type follow: copied as they are, to the next entry.
  const descStart = f + fieldLen;
  const kind = wasm[descStart];
  let descEnd;
  if (kind === 0) descEnd = uleb(wasm, descStart + 1)[1]; // function: type index
  else throw new Error(`${wasmPath}: import ${field} is not a function (kind ${kind}); not handled`);
  let short = field;
  // Only wasm-bindgen's own names, which the glue defines in one place.
  if (field.startsWith('__wbg_')) {
    short = renamed.get(field) ?? name(renamed.size);
    renamed.set(field, short);
  }
  const bytes = encoder.encode(short);
  out.push(...leb(moduleLen), ...module, ...leb(bytes.length), ...bytes, ...wasm.subarray(descStart, descEnd));
  p = descEnd;
}
if (p !== section.end) throw new Error(`${wasmPath}: import section not read to its end`);

// Each name must be defined exactly once in the glue, as a key.
for (const [long, short] of renamed) {
  const uses = glue.split(long).length - 1;
  if (uses !== 1) throw new Error(`${gluePath}: ${long} appears ${uses} times, not once`);
  glue = glue.replace(long, short);
}
const body = Buffer.from(out);
const rebuilt = Buffer.concat([
  wasm.subarray(0, section.start),
  Buffer.from([2, ...leb(body.length)]),
  body,
  wasm.subarray(section.end),
]);
WebAssembly.validate(rebuilt) || (() => { throw new Error('the rewritten module does not validate'); })();
writeFileSync(wasmPath, rebuilt);
writeFileSync(gluePath, glue);
console.log(`  ${renamed.size} imports renamed: ${wasm.length - rebuilt.length} bytes fewer in the wasm`);
