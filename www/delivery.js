// The delivery page: after award, what was delivered each year against what
// was committed, worked out in this browser by the widget's report module
// (socval_core::delivery, as `socval delivery` works it out). The record is
// kept as a JSON file the officer or supplier downloads and opens again.
import { $, cell, councilReporter, markField, offer, problem, row, today } from './officer.js';
import { addLine, fromSpend, markIssues, removeLine, spending, use } from './delivery-spend.js';

let reporter;
let record;
let csv = '';
// The years the record gave when it was opened: they stay in it, even with
// nothing entered; a year added on this page goes again when emptied.
let loaded = new Set();
use(() => record);

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const STATUS = { green: 'Green', amber: 'Amber', red: 'Red', not_yet_due: 'Not yet due', incomplete: 'Incomplete' };

/** A delivery record, or an awarded proposal to start one from. */
function asRecord(text) {
  const o = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (o && typeof o === 'object' && 'committed' in o) return o;
  if (o && typeof o === 'object' && 'contract' in o) return { schema_version: 1, committed: o, delivered: [] };
  throw new Error('it is neither a delivery record (with "committed") nor a proposal (with "contract")');
}

async function useCouncil(textPromise) {
  try {
    reporter = await councilReporter(await textPromise);
    problem('');
    update(true);
  } catch (e) {
    reporter = undefined;
    problem(`The council configuration could not be used: ${e?.message ?? e}`);
  }
}

async function useRecord(textPromise, name) {
  try {
    record = asRecord(await textPromise);
    loaded = new Set(record.delivered.map((y) => y.year));
    problem('');
    update(true);
  } catch (e) {
    problem(`${name} could not be opened: ${e?.message ?? e}`);
  }
}

/** Works out the report for the record as it stands; with `redraw`, draws
 * the recording table afresh too (a new record or council). */
function update(redraw) {
  if (!reporter || !record) return;
  let out;
  try {
    out = reporter.delivery(JSON.stringify(record), today);
  } catch (e) {
    problem(`${e?.message ?? e}`);
    // A record just opened whose spend the core refuses: its spend is drawn
    // from the contract's years, so that it can be corrected here.
    const years = redraw ? contractYears(record.committed?.contract) : [];
    if (years.length) spending(years);
    markIssues(e?.issues ?? []);
    // Nothing from before stays to be downloaded; the recording table
    // stays while it is being typed in (what was typed is kept, to correct).
    csv = '';
    for (const id of redraw ? ['actions', 'summary-section', 'record-section'] : ['actions', 'summary-section']) $(id).hidden = true;
    if (redraw && !years.length) $('spend-section').hidden = true;
    $('status').textContent = '';
    return;
  }
  problem('');
  markIssues([]);
  csv = out.csv;
  $('summary-section').hidden = false;
  summary(out.report);
  if (redraw) {
    recording(out.report);
    spending(out.report.years);
  }
  $('actions').hidden = false;
}

const tag = (status) => cell('strong', STATUS[status] ?? status, `tag tag--${status}`);
const percent = (p) => (p == null ? '–' : `${number.format(p)}%`);

/** The summary: each measure, then the whole on value. */
function summary(r) {
  const table = document.createElement('table');
  table.className = 'table';
  const head = ['Measure', 'Committed to date', 'Delivered', 'Share', 'Status', 'Value committed to date', 'Value delivered'];
  table.createTHead().append(row(head.map((h, i) => {
    const th = cell('th', h, i > 0 && i !== 4 ? 'num' : '');
    th.scope = 'col';
    return th;
  })));
  const body = table.createTBody();
  for (const m of r.measures) {
    const th = cell('th', m.title);
    th.scope = 'row';
    const status = cell('td', '');
    status.append(tag(m.status));
    body.append(row([th, cell('td', number.format(m.committed_to_date), 'num'), cell('td', number.format(m.delivered), 'num'),
      cell('td', percent(m.percent), 'num'), status, cell('td', money.format(m.committed_to_date_value), 'num'), cell('td', money.format(m.delivered_value), 'num')]));
  }
  const th = cell('th', 'Social value, all measures');
  th.scope = 'row';
  const status = cell('td', '');
  status.append(tag(r.status));
  table.createTFoot().append(row([th, cell('td', ''), cell('td', ''), cell('td', percent(r.percent), 'num'), status,
    cell('td', money.format(r.committed_to_date_value), 'num'), cell('td', money.format(r.delivered_value), 'num')]));
  $('summary').replaceChildren(table);
  $('summary').append(...lm3Summary(r.lm3));
  for (const w of r.warnings) $('summary').append(cell('p', w.message, 'notice'));
  $('summary-section').hidden = false;
  const who = r.bidder || 'The supplier';
  $('status').textContent = r.to_year == null
    ? `${who}: nothing recorded yet. ${money.format(r.committed_value)} of social value committed over the contract.`
    : `${who}, to ${r.to_year}: ${money.format(r.delivered_value)} delivered of ${money.format(r.committed_to_date_value)} committed to date (${percent(r.percent)}): ${STATUS[r.status]}.`;
  if (r.lm3) {
    $('status').textContent += r.lm3.status === 'incomplete'
      ? ` LM3 as delivered ${ratio(r.lm3.lm3)} for ${inWords(r.lm3.years)} only: not judged until ${inWords(r.lm3.missing_years)} ${r.lm3.missing_years.length === 1 ? 'gives its' : 'give their'} income and spend.`
      : ` LM3 as delivered ${ratio(r.lm3.lm3)} against ${ratio(r.lm3.committed_lm3)} committed: ${STATUS[r.lm3.status]}.`;
  }
}

/** The contract's calendar years (a part year counts), as the core counts
 * them; none for a contract it could not read. */
function contractYears(c) {
  const n = Math.ceil(Number(c?.duration_years));
  return Number.isInteger(c?.start_year) && n > 0 && n <= 50 ? Array.from({ length: n }, (_, i) => c.start_year + i) : [];
}

/** Years as a list in words: 2027, 2028 and 2029. */
const inWords = (ys) => (ys.length > 1 ? `${ys.slice(0, -1).join(', ')} and ${ys.at(-1)}` : String(ys[0]));

/** An LM3 figure as the core writes it, to four places. */
const ratio = (x) => x.toFixed(4);

/** LM3 as delivered against LM3 as committed: a table and what it counted. */
function lm3Summary(l) {
  if (!l) return [cell('p', 'LM3 as delivered: no year gives its income and spend yet. Record them below.', 'hint')];
  const table = document.createElement('table');
  table.className = 'table';
  table.createCaption().append(cell('span', `Local Multiplier 3 (LM3), ${inWords(l.years)}`, 'table__caption'));
  table.createTHead().append(row(['', 'Committed', 'Delivered', 'Share', 'Status'].map((h, i) => {
    const th = cell('th', h, i > 0 && i < 4 ? 'num' : '');
    th.scope = 'col';
    if (!h) th.append(cell('span', 'Figure', 'visually-hidden'));
    return th;
  })));
  const body = table.createTBody();
  const line = (title, c, d, share, status) => {
    const th = cell('th', title);
    th.scope = 'row';
    const st = cell('td', '');
    if (status) st.append(tag(status));
    body.append(row([th, cell('td', c, 'num'), cell('td', d, 'num'), cell('td', share, 'num'), st]));
  };
  line('LM3: each £1 of income and what it went on to generate locally', ratio(l.committed_lm3), ratio(l.lm3), '', '');
  line('Local share of each pound beyond the first round (LM3 less one)', ratio(l.committed_local_share_of_each_pound), ratio(l.local_share_of_each_pound), percent(l.percent), l.status);
  const counted = cell('p', `Counted: income ${money.format(l.round1)}; spent locally ${money.format(l.round2)} (staff ${money.format(l.local_staff)}, suppliers ${money.format(l.local_suppliers)}), re-spent locally ${money.format(l.round3)}; spent outside the local area ${money.format(l.not_local_spend)}.`, 'hint');
  const out = [Object.assign(document.createElement('div'), { className: 'table-wrap' }), counted];
  out[0].append(table);
  // Why there is no status, as the core decided it.
  if (l.status === 'not_yet_due') {
    out.push(cell('p', l.round1 === 0
      ? 'No income is recorded for these years: no pound has yet been spent to measure.'
      : 'The proposal committed no local spend: there is nothing to measure LM3 against.', 'notice'));
  }
  return out;
}

/** The recording table: a measure a row, a contract year a column, each
 * cell an input for what was delivered, with what was committed beside it. */
function recording(r) {
  const table = document.createElement('table');
  table.className = 'table';
  const corner = cell('th', 'Measure');
  corner.scope = 'col';
  table.createTHead().append(row([corner, ...r.years.map((y) => {
    const th = cell('th', String(y));
    th.scope = 'col';
    return th;
  })]));
  const body = table.createTBody();
  r.measures.forEach((m, i) => {
    const th = cell('th', m.title);
    th.scope = 'row';
    const cells = m.by_year.map((y) => {
      const td = document.createElement('td');
      const id = `d-${i}-${y.year}`;
      const label = cell('label', `${m.title}, delivered in ${y.year}`, 'visually-hidden');
      label.htmlFor = id;
      const input = document.createElement('input');
      Object.assign(input, { id, className: 'input input--number', inputMode: 'decimal', spellcheck: false, autocomplete: 'off' });
      input.dataset.measure = m.measure;
      input.dataset.year = y.year;
      input.value = y.delivered == null ? '' : String(y.delivered);
      const hint = cell('div', `committed ${number.format(y.committed)}`, 'hint');
      hint.id = `${id}-hint`;
      input.setAttribute('aria-describedby', hint.id);
      td.append(label, input, hint);
      return td;
    });
    body.append(row([th, ...cells]));
  });
  $('recording').replaceChildren(table);
  $('record-section').hidden = false;
}

/** The record's deliveries from the recording table, keeping each entry's
 * evidence and every year the record gave; an entry that is not a number is
 * marked, and the record keeps the figure it had until it is corrected
 * (what was typed stays on screen). */
function fromInputs() {
  const before = new Map(record.delivered.flatMap((y) => y.measures.map((m) => [`${y.year}/${m.measure}`, m])));
  // A year the record gave stays in it, even with nothing entered.
  const years = new Map(record.delivered.map((y) => [y.year, []]));
  let wrong = 0;
  for (const input of $('recording').querySelectorAll('input')) {
    const text = input.value.trim();
    const ok = text === '' || /^\d+(\.\d+)?$/.test(text);
    markField(input, ok, 'Enter a number of 0 or more, like 12.5');
    if (!ok) wrong += 1;
    const year = Number(input.dataset.year);
    const was = before.get(`${year}/${input.dataset.measure}`);
    // An entry that is not a number keeps the figure the record had.
    const quantity = ok ? (text === '' ? undefined : Number(text)) : was?.quantity;
    if (quantity === undefined) continue;
    if (!years.has(year)) years.set(year, []);
    years.get(year).push({ measure: input.dataset.measure, quantity, ...(was?.evidence ? { evidence: was.evidence } : {}) });
  }
  const was = new Map(record.delivered.map((y) => [y.year, y]));
  record.delivered = [...years].sort(([a], [b]) => a - b).map(([year, measures]) => ({ ...was.get(year), year, measures }));
  return wrong;
}

/** Drops a year added on this page and emptied again: a year with nothing
 * in it would otherwise move "to date" on. */
function prune() {
  record.delivered = record.delivered.filter((y) => loaded.has(y.year) || y.measures.length || y.income !== undefined || y.spend !== undefined);
}

/** Reads both tables into the record and works the figures out again. */
function collect() {
  const wrong = fromInputs() + fromSpend();
  prune();
  update(false);
  if (wrong) $('status').textContent += ` ${wrong} ${wrong === 1 ? 'entry needs' : 'entries need'} correcting: the figures use what the record had until ${wrong === 1 ? 'it is' : 'they are'} corrected.`;
}

let pending;
const later = () => {
  clearTimeout(pending);
  pending = setTimeout(collect, 300);
};
$('recording').addEventListener('input', later);
$('spending').addEventListener('input', later);
$('spending').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  clearTimeout(pending);
  // What was typed goes into the record first, so nothing is lost.
  fromInputs();
  fromSpend();
  const fs = b.closest('fieldset');
  if (b.dataset.action === 'add') addLine(fs, b.dataset.kind);
  else removeLine(fs, b.dataset.kind, Number(b.dataset.index));
  collect();
});

const slug = (s) => (s || 'contract').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
$('save-record').addEventListener('click', () => offer(`${JSON.stringify(record, null, 2)}\n`, 'application/json', `delivery-${slug(record.contract || record.committed?.bidder)}.json`));
$('save-csv').addEventListener('click', () => offer(csv, 'text/csv', `social-value-delivery-${slug(record.contract || record.committed?.bidder)}-${today}.csv`));
$('print').addEventListener('click', () => window.print());

$('council').addEventListener('change', (e) => useCouncil(fetch(e.target.value).then((r) => r.text())));
$('config-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) useCouncil(f.text()); });
$('record-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) useRecord(f.text(), f.name); });

useRecord(fetch('examples/exampleshire-delivery.json').then((r) => r.text()), 'The demo record');
useCouncil(fetch($('council').value).then((r) => r.text()));
