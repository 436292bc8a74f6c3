// What the council officer's pages share (the evaluator and the delivery
// page): the report module, today's date, the council's setup and a
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
  const needs = [config.local_area, ...(config.priority_areas ?? [])].some((a) => a && (a.districts?.length || a.radius));
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
