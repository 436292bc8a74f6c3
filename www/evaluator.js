// The evaluator page: every bid for one tender read, scored and ranked in
// this browser by the widget's report module (crates/socval-report,
// evaluator.rs), with the same figures and CSV as `socval batch`. Nothing is
// uploaded: the files are read here and never leave the page.
import { $, councilReporter, offer, problem, today } from './officer.js';

let reporter;
// The files as chosen, and each bid the table lists (a CSV file may hold
// many), by its index.
let bids = [];
let listed = [];
let csv = '';

async function useCouncil(textPromise) {
  try {
    reporter = await councilReporter(await textPromise, $('tender').value);
    problem('');
    rank();
  } catch (e) {
    reporter = undefined;
    problem(`The council configuration could not be used: ${e?.message ?? e}`);
  }
}

/** Scores and ranks the bids, and draws the table. */
function rank() {
  if (!reporter || bids.length === 0) return;
  const start = performance.now();
  let result;
  try {
    result = reporter.evaluateBids(bids, $('relative').checked, today);
  } catch (e) {
    problem(`${e?.message ?? e}`);
    return;
  }
  problem('');
  const ranking = $('ranking');
  ranking.replaceChildren(result.table);
  ranking.hidden = false;
  $('actions').hidden = false;
  csv = result.csv;
  listed = result.bids;
  const ms = Math.round(performance.now() - start);
  performance.measure('socval:evaluate-bids', { start, duration: performance.now() - start });
  const failed = result.failed ? `, ${result.failed} could not be (listed last, with why)` : '';
  $('status').textContent = `${listed.length} ${listed.length === 1 ? 'bid' : 'bids'}: ${result.scored} scored${failed}. Ranked in ${ms} ms.`;
}

/** A file's text: UTF-8, else (a CSV saved as plain "CSV" by a spreadsheet
 * on Windows) Windows-1252, as the core's bid_csv::decode reads it for
 * `socval batch`. */
async function textOf(file) {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return /\.csv$/i.test(file.name) ? new TextDecoder('windows-1252').decode(bytes) : new TextDecoder().decode(bytes);
  }
}

async function readBids(files) {
  const start = performance.now();
  bids = await Promise.all([...files].map(async (f) => ({ name: f.name, text: await textOf(f) })));
  $('working').hidden = true;
  rank();
  // From the files chosen to the table drawn (read by the benchmark and tests).
  performance.measure('socval:load-bids', { start, duration: performance.now() - start });
}

$('council').addEventListener('change', (e) => useCouncil(fetch(e.target.value).then((r) => r.text())));
$('config-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) useCouncil(f.text()); });
$('tender').addEventListener('change', () => useCouncil(fetch($('council').value).then((r) => r.text())));
$('bids').addEventListener('change', (e) => readBids(e.target.files ?? []));
$('relative').addEventListener('change', rank);

const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('drop--over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('drop--over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('drop--over');
  readBids(e.dataTransfer?.files ?? []);
});

// A bid's working, under the table, focused so a screen reader reads it.
$('ranking').addEventListener('click', (e) => {
  const b = e.target.closest?.('button[data-bid]');
  if (!b || !reporter) return;
  const bid = listed[Number(b.dataset.bid)];
  try {
    $('working-body').replaceChildren(reporter.bidWorking(bid.text, today));
  } catch (err) {
    $('working-body').textContent = `${err?.message ?? err}`;
  }
  $('working-heading').textContent = `Working: ${bid.name}`;
  const w = $('working');
  w.hidden = false;
  w.focus();
});

$('download').addEventListener('click', () => offer(csv, 'text/csv', `social-value-evaluation-${today}.csv`));
$('print').addEventListener('click', () => window.print());

// The files as call-offs of one framework, added up year by year.
let programmeCsv = '';
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
$('add-up').addEventListener('click', () => {
  if (!reporter) return;
  let out;
  try {
    out = reporter.programme(bids, today);
  } catch (e) {
    problem(`${e?.message ?? e}`);
    return;
  }
  const p = out.programme;
  programmeCsv = out.csv;
  const cell = (tag, text, cls) => Object.assign(document.createElement(tag), { textContent: text, className: cls ?? '' });
  const table = cell('table', '', 'table');
  const head = table.createTHead().insertRow();
  for (const [h, n] of [['Year'], ['Call-offs running', 1], ['Contract value', 1], ['Gross', 1], ['Adjusted', 1], ['Present value', 1]]) {
    const th = cell('th', h, n ? 'num' : '');
    th.scope = 'col';
    head.append(th);
  }
  const row = (label, running, value, t, section) => {
    const tr = section.insertRow();
    const th = cell('th', label);
    th.scope = 'row';
    tr.append(th, ...[String(running), money.format(value), money.format(t.gross), money.format(t.adjusted), money.format(t.present_value)].map((x) => cell('td', x, 'num')));
  };
  const body = table.createTBody();
  for (const y of p.years) row(String(y.year), y.running, y.contract_value, y.social_value, body);
  row('All years', p.call_offs, p.contract_value, p.social_value, table.createTFoot());
  $('programme-table').replaceChildren(table);
  $('programme-summary').textContent = `${p.call_offs} ${p.call_offs === 1 ? 'call-off' : 'call-offs'}: ${money.format(p.contract_value)} of contract value; social value ${p.ratio_percent}% of it (${p.basis.replace('_', ' ')}).`;
  $('programme-left-out').replaceChildren(...out.left_out.map((why) => cell('li', `Left out: ${why}`)));
  const section = $('programme');
  section.hidden = false;
  section.focus();
});
$('programme-csv').addEventListener('click', () => offer(programmeCsv, 'text/csv', `social-value-programme-${today}.csv`));

useCouncil(fetch($('council').value).then((r) => r.text()));
