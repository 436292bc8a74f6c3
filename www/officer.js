// What the council officer's pages share (the evaluator, the delivery
// page and the framework operator's page): the report module, today's date, the council's setup and a
// download. Nothing leaves the browser: files are read here.
import init, { Reporter } from './socval/report/socval_report.js';

export const $ = (id) => document.getElementById(id);
export const ready = init({ module_or_path: new URL('socval/report/socval_report_bg.wasm', import.meta.url) });

// Today's date where the officer is, as the calculator dates its results.
const now = new Date();
export const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Shows `text` in the page's alert (empty hides it). */
export function problem(text) {
  const p = $('problem');
  p.textContent = text;
  p.hidden = !text;
}

/** The council's setup from its configuration's text, with the outward-code
 * tables only when its areas are districts or a radius. */
export async function councilReporter(text, tender = '') {
  await ready;
  const config = JSON.parse(text.replace(/^\uFEFF/, ''));
  // A shared framework's commissioners have areas of their own.
  const areas = [config, ...(config.commissioners ?? [])].flatMap((o) => [o?.local_area, ...(o?.priority_areas ?? [])]);
  const needs = areas.some((a) => a && (a.districts?.length || a.radius));
  const table = (f) => fetch(new URL(`socval/${f}`, import.meta.url)).then((r) => (r.ok ? r.text() : undefined));
  const [outcodes, split] = needs ? await Promise.all([table('outcodes.csv'), table('outcodes-split.csv')]) : [];
  return new Reporter(config, outcodes, split, tender);
}

/** Offers `text` as a file download. */
export function offer(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** A `tag` element holding `text`, of class `cls`. */
export const cell = (tag, text, cls) => {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
};

/** A table row of `cells`. */
export const row = (cells) => {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
};

/** GOV.UK's error message on a field whose text is not a number. */
export function markField(input, ok, text) {
  const id = `${input.id}-error`;
  input.dataset.hint ??= input.getAttribute('aria-describedby') ?? '';
  input.classList.toggle('input--error', !ok);
  document.getElementById(id)?.remove();
  if (ok) {
    input.removeAttribute('aria-invalid');
    if (input.dataset.hint) input.setAttribute('aria-describedby', input.dataset.hint);
    else input.removeAttribute('aria-describedby');
    return;
  }
  input.setAttribute('aria-invalid', 'true');
  const p = Object.assign(document.createElement('p'), { className: 'error-message', id });
  p.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: 'Error: ' }), text);
  input.before(p);
  input.setAttribute('aria-describedby', `${id} ${input.dataset.hint}`.trim());
}
