// The evaluator page: every bid for one tender read, scored and ranked in
// this browser by the widget's report module (crates/socval-report,
// evaluator.rs), with the same figures and CSV as `socval batch`. Nothing is
// uploaded: the files are read here and never leave the page.
import { $, councilReporter, markField, offer, problem, today } from './officer.js';

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
    result = reporter.evaluateBids(bids, $('relative').checked, today, qualitative());
  } catch (e) {
    problem(`${e?.message ?? e}`);
    // Nothing from before stays to be downloaded.
    csv = '';
    $('ranking').hidden = true;
    $('actions').hidden = true;
    return;
  }
  problem('');
  const ranking = $('ranking');
  ranking.replaceChildren(result.table);
  ranking.hidden = false;
  $('actions').hidden = false;
  csv = result.csv;
  const names = (l) => l.map((b) => b.name).join('\n');
  const changed = names(listed) !== names(result.bids);
  listed = result.bids;
  // A new list of bids: each mark stays with its bid, by name, and where
  // there is a qualitative part the ranking is worked out again with them.
  if (changed) {
    drawMarks();
    if (qualitative().percent > 0) {
      rank();
      return;
    }
  }
  const ms = Math.round(performance.now() - start);
  performance.measure('socval:evaluate-bids', { start, duration: performance.now() - start });
  const failed = result.failed ? `, ${result.failed} could not be (listed last, with why)` : '';
  $('status').textContent = `${listed.length} ${listed.length === 1 ? 'bid' : 'bids'}: ${result.scored} scored${failed}. Ranked in ${ms} ms.`;
}

// The qualitative part: its share of the section, and each bid's mark from
// the council's evaluators, entered here by the bid's place in the list.
const NUMBER = /^\d+(\.\d+)?$/;
function qualitative() {
  const share = $('qualitative').value.trim();
  const ok = share === '' || NUMBER.test(share);
  markField($('qualitative'), ok, 'Enter a share from 0 to 100, like 40');
  const percent = ok && share !== '' ? Number(share) : 0;
  $('marks').hidden = percent === 0 || listed.length === 0;
  const marks = listed.map((b, i) => {
    const input = document.getElementById(`mark-${i}`);
    if (input?.dataset.name !== b.name) return null;
    const text = input?.value.trim() ?? '';
    const good = text === '' || NUMBER.test(text);
    if (input) markField(input, good, 'Enter a mark from 0 to 100, like 65');
    return good && text !== '' ? Number(text) : null;
  });
  return { percent, marks };
}

/** A mark for each bid, as the list stands; what was typed stays with its
 * bid, by name. */
function drawMarks() {
  const kept = new Map([...$('marks-list').querySelectorAll('input')].map((i) => [i.dataset.name, i.value]));
  const rows = listed.map((b, i) => {
    const group = Object.assign(document.createElement('div'), { className: 'form-group' });
    const label = Object.assign(document.createElement('label'), { className: 'label', htmlFor: `mark-${i}`, textContent: `${b.name}: mark out of 100` });
    const input = Object.assign(document.createElement('input'), { className: 'input input--number', id: `mark-${i}`, inputMode: 'decimal', autocomplete: 'off', value: kept.get(b.name) ?? '' });
    input.dataset.name = b.name;
    group.append(label, input);
    return group;
  });
  $('marks-list').replaceChildren(...rows);
}

let pending;
const later = () => {
  clearTimeout(pending);
  pending = setTimeout(rank, 300);
};
$('qualitative').addEventListener('input', later);
$('marks-list').addEventListener('input', later);

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
