// The delivery page's income and spend: for each contract year, the income
// the contract brought in and where it went (staff wages by where the staff
// live, spend with each supplier), which the core counts as LM3 as
// delivered (socval_core::delivery's spend). The record stays the one
// source: what the page has no control for (an SME or VCSE mark, a surveyed
// re-spend rate, a total) is kept as the file gave it.
import { $, cell, markField, row } from './officer.js';

let current = () => undefined;

/** Gives this module the page's record (a getter: the page replaces it). */
export const use = (get) => { current = get; };

const KINDS = {
  staff: { noun: 'Staff group', name: 'label', title: 'Staff wages, by where the staff live', add: 'Add staff wages' },
  suppliers: { noun: 'Supplier', name: 'name', title: 'Spend with suppliers', add: 'Add a supplier' },
};
const FIELDS = [['name', 'name'], ['postcode', 'postcode or outward code'], ['amount', 'amount in pounds']];
// Pounds as people write them: 12000, 12,000, £12,000.50 (a file's figure
// in fractions of a penny is read as it is: the core rounds it).
const POUNDS = /^£?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
// The most the core reads in any figure (socval_core::fixed::MAX_INPUT).
const MAX_POUNDS = 1e12;
const pounds = (text) => Number(text.replace(/[£,]/g, ''));
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

const yearOf = (year) => current()?.delivered.find((y) => y.year === year);

/** An input with its label (visually hidden where a column heading says
 * what it is) and an optional hint. */
function field(id, label, value, { hidden = false, hint = '', wide = false } = {}) {
  const l = cell('label', label, hidden ? 'visually-hidden' : 'label');
  l.htmlFor = id;
  const input = document.createElement('input');
  Object.assign(input, { id, className: wide ? 'input' : 'input input--number', spellcheck: false, autocomplete: 'off' });
  if (!wide) input.inputMode = 'decimal';
  input.value = value;
  const out = [l];
  if (hint) {
    const h = cell('div', hint, 'hint');
    h.id = `${id}-hint`;
    input.setAttribute('aria-describedby', h.id);
    out.push(h);
  }
  out.push(input);
  return { input, nodes: out };
}

/** One spend line's row: its name, postcode and amount, and a remove button. */
function lineRow(year, kind, j, line) {
  const k = KINDS[kind];
  const tr = row([]);
  tr.line = line;
  for (const [f, words] of FIELDS) {
    const key = f === 'name' ? k.name : f;
    const value = line?.[key] === undefined ? '' : String(line[key]);
    const { input, nodes } = field(`sp-${year}-${kind}-${j}-${f}`, `${k.noun} ${j + 1}, ${year}: ${words}`, value, { hidden: true, wide: f !== 'amount' });
    input.dataset.field = f;
    const td = document.createElement('td');
    if (f === 'amount') td.className = 'num';
    td.append(...nodes);
    tr.append(td);
  }
  const remove = cell('button', 'Remove', 'button button--secondary');
  Object.assign(remove, { type: 'button' });
  remove.append(cell('span', ` ${k.noun.toLowerCase()} ${j + 1}, ${year}`, 'visually-hidden'));
  Object.assign(remove.dataset, { action: 'remove', kind, index: String(j) });
  const td = document.createElement('td');
  td.append(remove);
  tr.append(td);
  return tr;
}

/** A year's table of staff or supplier lines, with its add button. */
function lines(year, kind, list) {
  const k = KINDS[kind];
  const table = document.createElement('table');
  table.className = 'table spend-lines';
  table.dataset.kind = kind;
  table.createCaption().append(cell('span', `${k.title}, ${year}`, 'label'));
  table.createTHead().append(row(['Name', 'Postcode or outward code', 'Amount (£)', ''].map((h, i) => {
    const th = cell('th', h, i === 2 ? 'num' : '');
    th.scope = 'col';
    if (!h) th.append(cell('span', 'Action', 'visually-hidden'));
    return th;
  })));
  const body = table.createTBody();
  (list ?? []).forEach((line, j) => {
    // Drawn from the record: its place there, for the core's problems.
    const tr = lineRow(year, kind, j, line);
    tr.dataset.at = String(j);
    body.append(tr);
  });
  const add = cell('button', k.add, 'button button--secondary');
  Object.assign(add, { type: 'button', id: `add-${year}-${kind}` });
  add.append(cell('span', ` in ${year}`, 'visually-hidden'));
  Object.assign(add.dataset, { action: 'add', kind });
  const wrap = Object.assign(document.createElement('div'), { className: 'table-wrap' });
  wrap.append(table);
  return [wrap, add];
}

/** What the page cannot edit in a year's spend, said so it is not a surprise. */
function totals(year, spend) {
  const said = [];
  if (spend?.staff_total) said.push(`the wage bill as a total (${money.format(spend.staff_total.amount)}, ${spend.staff_total.local_percent}% of staff living locally)`);
  if (spend?.suppliers_total) said.push(`supply-chain spend as a total (${money.format(spend.suppliers_total.amount)}, ${spend.suppliers_total.local_percent}% with local firms)`);
  return said.length ? [cell('p', `The record gives ${said.join(' and ')} for ${year}, in place of a list: kept as it is. To list them instead, take the total out of the record file.`, 'notice')] : [];
}

/** One year's fieldset: its income, then its staff and supplier lines. */
function yearSet(year) {
  const y = yearOf(year);
  const fs = document.createElement('fieldset');
  fs.className = 'spend-year';
  fs.dataset.year = String(year);
  fs.append(cell('legend', String(year)));
  const { input, nodes } = field(`income-${year}`, `Income received in ${year} (£)`, y?.income === undefined ? '' : String(y.income),
    { hint: 'What the council paid for the contract in the year: LM3\'s first round.' });
  input.dataset.field = 'income';
  const group = Object.assign(document.createElement('div'), { className: 'form-group' });
  group.append(...nodes);
  const none = document.createElement('div');
  none.className = 'checkbox';
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: `nothing-${year}` });
  box.dataset.field = 'nothing';
  // A spend the file gives with nothing in it says that nothing was spent.
  box.checked = y?.spend !== undefined && !['staff', 'suppliers', 'staff_total', 'suppliers_total'].some((k) => y.spend[k] !== undefined && (!Array.isArray(y.spend[k]) || y.spend[k].length));
  const boxLabel = cell('label', `Nothing was spent in ${year} on staff or suppliers`);
  boxLabel.htmlFor = box.id;
  none.append(box, boxLabel);
  const error = cell('p', '', 'error-message');
  error.id = `spend-error-${year}`;
  error.hidden = true;
  const list = (kind, total) => (y?.spend?.[total] ? [] : lines(year, kind, y?.spend?.[kind]));
  fs.append(error, group, ...totals(year, y?.spend), ...list('staff', 'staff_total'), ...list('suppliers', 'suppliers_total'), none);
  return fs;
}

/** Draws the income and spend of every contract year afresh. */
export function spending(years) {
  $('spending').replaceChildren(...years.map(yearSet));
  $('spend-section').hidden = false;
}

/** A pounds entry: its figure, or why not (empty is `undefined`). */
function read(input, required) {
  const text = input.value.trim();
  if (text === '') return required ? { why: 'Enter the amount in pounds, like 12000' } : {};
  if (!POUNDS.test(text)) return { why: 'Enter an amount in pounds, like 12000 or £12,000.50' };
  const value = pounds(text);
  return value > MAX_POUNDS ? { why: 'Enter an amount of at most £1,000,000,000,000' } : { value };
}

/** Reads every year's income and lines into the record; an entry that is
 * not an amount is marked, and the record keeps what it had for it. A line
 * left wholly blank (just added) is not yet in the record. Gives the number
 * of entries to correct. */
export function fromSpend() {
  const record = current();
  let wrong = 0;
  const check = (input, required, had) => {
    const r = read(input, required);
    markField(input, !r.why, r.why);
    if (r.why) {
      input.dataset.wrong = '1';
      wrong += 1;
    } else delete input.dataset.wrong;
    return r.why ? had : r.value;
  };
  for (const fs of $('spending').querySelectorAll('fieldset[data-year]')) {
    const year = Number(fs.dataset.year);
    let y = yearOf(year);
    const income = check(fs.querySelector('[data-field=income]'), false, y?.income);
    const spend = { ...y?.spend };
    for (const kind of Object.keys(KINDS)) {
      spend[kind] = [];
      for (const tr of fs.querySelectorAll(`table[data-kind=${kind}] tbody tr`)) {
        const get = (f) => tr.querySelector(`[data-field=${f}]`);
        delete tr.dataset.at;
        if (FIELDS.every(([f]) => get(f).value.trim() === '')) {
          for (const [f] of FIELDS) markField(get(f), true);
          continue;
        }
        // The line as last read (first, as the file gave it) keeps what the
        // page has no control for, and its amount while the one typed is wrong.
        const had = tr.current ?? tr.line ?? {};
        const amount = check(get('amount'), true, had.amount);
        // A new line whose amount is not yet right is not in the record:
        // no amount is assumed for it.
        if (amount === undefined) continue;
        tr.dataset.at = String(spend[kind].length);
        tr.current = { ...had, [KINDS[kind].name]: get('name').value, postcode: get('postcode').value.trim(), amount };
        spend[kind].push(tr.current);
      }
      if (!spend[kind].length) delete spend[kind];
    }
    // Spend goes in with a line, a total, or nothing spent said: income
    // alone is named by the core as wanting its spend, never read as none.
    const nothing = fs.querySelector('[data-field=nothing]').checked;
    const given = Object.keys(spend).length > 0 || nothing;
    const any = income !== undefined || given;
    if (!any) {
      if (y) {
        delete y.income;
        delete y.spend;
      }
      continue;
    }
    if (!y) {
      y = { year, measures: [] };
      record.delivered.push(y);
      record.delivered.sort((a, b) => a.year - b.year);
    }
    if (income === undefined) delete y.income;
    else y.income = income;
    if (given) y.spend = spend;
    else delete y.spend;
  }
  return wrong;
}

/** Renumbers a table's rows after one goes, keeping what each holds. */
function renumber(fs, kind) {
  const year = Number(fs.dataset.year);
  const body = fs.querySelector(`table[data-kind=${kind}] tbody`);
  [...body.rows].forEach((tr, j) => {
    const fresh = lineRow(year, kind, j, tr.line);
    fresh.current = tr.current;
    for (const input of tr.querySelectorAll('input')) {
      const to = fresh.querySelector(`[data-field=${input.dataset.field}]`);
      to.value = input.value;
    }
    tr.replaceWith(fresh);
  });
}

/** Adds a blank line to a year's staff or suppliers, and moves focus to it. */
export function addLine(fs, kind) {
  const year = Number(fs.dataset.year);
  const body = fs.querySelector(`table[data-kind=${kind}] tbody`);
  const tr = lineRow(year, kind, body.rows.length, undefined);
  body.append(tr);
  tr.querySelector('input').focus();
}

/** Removes line `j` (the record follows on the next reading), and moves
 * focus on. */
export function removeLine(fs, kind, j) {
  const year = Number(fs.dataset.year);
  const body = fs.querySelector(`table[data-kind=${kind}] tbody`);
  body.rows[j]?.remove();
  renumber(fs, kind);
  const next = body.rows[Math.min(j, body.rows.length - 1)];
  (next?.querySelector('button') ?? $(`add-${year}-${kind}`)).focus();
}

/** Puts each of the core's problems on its field, as the page names it:
 * `delivered[i].income` on the income, `delivered[i].spend.<kind>[j].<field>`
 * on the line's field (found by its place in the record: blank lines are not
 * there), and any other problem with a year's spend under its legend. */
export function markIssues(issues) {
  for (const input of $('spending').querySelectorAll('input[data-core]')) {
    delete input.dataset.core;
    if (!input.dataset.wrong) markField(input, true);
  }
  for (const p of $('spending').querySelectorAll('p[id^=spend-error-]')) {
    p.hidden = true;
    p.closest('fieldset').removeAttribute('aria-describedby');
  }
  const record = current();
  for (const { path, code, message } of issues) {
    const m = /^delivered\[(\d+)\]\.(income|spend)(.*)$/.exec(path);
    const year = m && record?.delivered[Number(m[1])]?.year;
    const fs = year && $('spending').querySelector(`fieldset[data-year="${year}"]`);
    if (!fs) continue;
    const line = /^\.(staff|suppliers)\[(\d+)\]\.(label|name|postcode|amount)$/.exec(m[3]);
    const input = m[2] === 'income' && !m[3]
      ? fs.querySelector('[data-field=income]')
      : line && fs.querySelector(`table[data-kind=${line[1]}] tr[data-at="${line[2]}"] [data-field=${line[3] === 'label' ? 'name' : line[3]}]`);
    if (input) {
      input.dataset.core = '1';
      markField(input, false, message);
      continue;
    }
    const at = fs.querySelector(`#spend-error-${year}`);
    // The record's rule that income comes with its spend, in this page's terms.
    const said = m[2] === 'spend' && !m[3] && code === 'required'
      ? `Give ${year}'s spend on staff or suppliers with its income, or tick "Nothing was spent in ${year}"`
      : `${year}'s spend${m[3] ? ` (${m[3].slice(1)})` : ''}: ${message}`;
    at.replaceChildren(cell('span', 'Error: ', 'visually-hidden'), said);
    at.hidden = false;
    // The year's fieldset is described by its error, as GOV.UK's are.
    fs.setAttribute('aria-describedby', at.id);
  }
}
