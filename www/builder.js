// The configuration builder's page: the builder (crates/socval-builder, its
// own module, not the calculator's) on the left, the real calculator with
// the configuration as it stands on the right, and the download.
import init, { mount, outcodes } from './socval/builder/socval_builder.js';

const $ = (id) => document.getElementById(id);
const host = $('builder');
const loading = $('builder-loading');
let json = '';
let problems = 0;
let shown = '';
let pending;

/** The calculator again with `text` as its configuration, inline. */
function preview(text) {
  const widget = document.createElement('social-value-calculator');
  widget.setAttribute('heading-level', '3');
  widget.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: text }));
  const fallback = Object.assign(document.createElement('p'), { className: 'socval-fallback', textContent: 'The calculator needs JavaScript and a browser from 2023 or later.' });
  widget.append(fallback);
  $('preview').replaceChildren(widget);
  shown = text;
}

function said() {
  const n = problems;
  if (n === 0) return shown ? 'The calculator below uses this configuration.' : '';
  const left = `${n} ${n === 1 ? 'problem' : 'problems'} to put right`;
  return shown ? `${left}: the calculator below shows the last configuration it accepted.` : `${left} before the calculator can be shown.`;
}

host.addEventListener('builder-change', (e) => {
  ({ json, problems } = e.detail);
  $('download').disabled = !json;
  clearTimeout(pending);
  // A pause in typing before the calculator is drawn again: each new one
  // starts afresh, so not at every key.
  pending = setTimeout(() => {
    if (problems === 0 && json !== shown) preview(json);
    $('preview-status').textContent = said();
  }, 500);
});

const slug = (s) => (s || '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'council';

$('download').addEventListener('click', () => {
  let name = 'council';
  try { name = JSON.parse(json).council?.name || name; } catch { /* the name is only for the file */ }
  const a = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([json], { type: 'application/json' })),
    download: `${slug(name)}-social-value.json`,
  });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  $('preview-status').textContent = problems
    ? `Downloaded with ${problems} ${problems === 1 ? 'problem' : 'problems'} still to put right: the calculator will not accept it until they are.`
    : 'Downloaded. The calculator will accept it.';
});

try {
  // The outward-code table the calculator uses (and fetches for the
  // preview too), so that district codes are checked as socval validate
  // checks them. Without it the builder still works, and says so.
  const table = fetch(new URL('socval/outcodes.csv', import.meta.url)).then((r) => (r.ok ? r.text() : '')).catch(() => '');
  const [, text] = await Promise.all([init({ module_or_path: new URL('socval/builder/socval_builder_bg.wasm', import.meta.url) }), table]);
  if (!outcodes(text)) $('preview-status').textContent = 'The outward-code table could not be read: district codes are not checked here (socval validate checks them).';
  host.replaceChildren();
  mount(host);
} catch (e) {
  loading.textContent = `The builder could not be loaded: ${e?.message ?? e}`;
  host.replaceChildren(loading);
}
