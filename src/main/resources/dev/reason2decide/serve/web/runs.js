// Runs view: a table comparing the evaluation reports of the runs, and one run's curves, configuration and report.
'use strict';

const STEP_ORDER = ['loss', 'l_pred', 'l_rat', 'alpha', 'pi', 'predicted_fraction', 'lr', 'tokens_per_s'];
const NAMES = {loss: 'loss', l_pred: 'L_pred (label)', l_rat: 'L_rat (rationale)', alpha: 'α (label weight)',
  pi: 'π (scheduled sampling)', predicted_fraction: 'predicted-rationale fraction', lr: 'learning rate',
  tokens_per_s: 'tokens / s'};

/** Rows "a.b.c" → value of a nested object, for configuration and provenance tables. */
function flatten(obj, prefix, out) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? prefix + '.' + k : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) flatten(v, key, out);
    else out.push([key, v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v)]);
  }
  return out;
}

function keyValueTable(obj, emptyText) {
  if (!obj) return el('p', {class: 'hint', text: emptyText});
  const rows = flatten(obj, '', []);
  if (!rows.length) return el('p', {class: 'hint', text: '(empty)'});
  return el('table', {}, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('td', {text: k}), el('td', {text: v})))));
}

function renderCompare(data) {
  const box = document.getElementById('compare');
  box.replaceChildren();
  document.getElementById('runs-dir').textContent = data.runs_dir
    ? 'Runs folder: ' + data.runs_dir + ' · ' + data.runs.length + ' run(s). Tick runs to compare; best values are bold.'
    : 'No runs folder: start the server with --runs DIR to see training runs.';
  if (!data.runs.length) {
    if (data.runs_dir) box.append(el('p', {class: 'placeholder', text: 'No runs in this folder yet.'}));
    return;
  }
  const head = el('tr', {}, el('th', {text: ''}), el('th', {text: 'run'}),
    data.columns.map(c => el('th', {class: 'num', text: c})));
  const body = el('tbody');
  for (const run of data.runs) {
    const tick = el('input', {type: 'checkbox', checked: true, 'aria-label': 'compare ' + run.name});
    tick.addEventListener('change', () => markBest(body, data.columns.length));
    const open = el('button', {class: 'link', type: 'button', text: run.name});
    open.addEventListener('click', () => { location.hash = encodeURIComponent(run.name); });
    const cells = data.columns.map(c => {
      const v = run.summary ? run.summary[c] : null;
      return el('td', {class: 'num', 'data-column': c, 'data-value': v === null || v === undefined ? '' : v,
        text: fmt(v)});
    });
    const problems = run.problems.length ? el('span', {class: 'hint', title: run.problems.join('\n'), text: ' ⚠'}) : null;
    body.append(el('tr', {'data-run': run.name}, el('td', {}, tick), el('td', {}, open, problems), cells));
  }
  box.append(el('table', {id: 'compare-table'}, el('thead', {}, head), body));
  markBest(body, data.columns.length);
}

/** Bold the best (highest) value of every column among the ticked runs. */
function markBest(body, columns) {
  const rows = [...body.rows];
  for (let c = 0; c < columns; c++) {
    let best = null;
    for (const r of rows) {
      const cell = r.cells[c + 2];
      cell.classList.remove('best');
      r.classList.toggle('off', !r.cells[0].firstChild.checked);
      const v = cell.dataset.value === '' ? null : Number(cell.dataset.value);
      if (v === null || !r.cells[0].firstChild.checked) continue;
      if (best === null || v > Number(best.dataset.value)) best = cell;
    }
    if (best && rows.filter(r => r.cells[0].firstChild.checked).length > 1) best.classList.add('best');
  }
}

/** Groups records into one series per stage for `field`. */
function seriesOf(records, field) {
  const byStage = new Map();
  for (const r of records) {
    if (typeof r[field] !== 'number') continue;
    if (!byStage.has(r.stage)) byStage.set(r.stage, []);
    byStage.get(r.stage).push([r.step, r[field]]);
  }
  return [...byStage.entries()].map(([name, points]) => ({name, points}));
}

function fieldsOf(records, preferred) {
  const all = new Set();
  records.forEach(r => Object.keys(r).forEach(k => { if (k !== 'stage' && k !== 'step') all.add(k); }));
  return [...preferred.filter(f => all.has(f)), ...[...all].filter(f => !preferred.includes(f)).sort()];
}

function renderRun(run) {
  document.getElementById('run-detail').hidden = false;
  document.getElementById('run-title').textContent = 'Run ' + run.name;
  for (const tr of document.querySelectorAll('#compare-table tbody tr')) {
    tr.classList.toggle('selected', tr.dataset.run === run.name);
  }
  const notices = document.getElementById('run-notices');
  notices.replaceChildren();
  for (const p of run.problems) notices.append(el('p', {class: 'notice bad', text: p}));
  const m = run.metrics;
  if (m.skipped_lines > 0) {
    notices.append(el('p', {class: 'notice', id: 'skipped-lines',
      text: m.skipped_lines + ' line(s) of metrics.jsonl could not be read and were skipped ('
        + m.skipped_reasons.join('; ') + (m.skipped_lines > m.skipped_reasons.length ? '; …' : '') + ').'}));
  }
  if (m.stride > 1) {
    notices.append(el('p', {class: 'notice', text: 'Long log: every ' + m.stride + 'th step is drawn.'}));
  }
  const charts = document.getElementById('charts');
  charts.replaceChildren();
  const color = palette();
  for (const f of fieldsOf(m.steps, STEP_ORDER)) charts.append(lineChart(NAMES[f] || f, seriesOf(m.steps, f), color));
  for (const f of fieldsOf(m.evals, [])) charts.append(lineChart(f, seriesOf(m.evals, f), color));
  if (!charts.children.length) charts.append(el('p', {class: 'hint', text: '— (no metrics.jsonl values)'}));
  document.getElementById('run-config').replaceChildren(keyValueTable(run.config, '— (no config.json)'));
  document.getElementById('run-provenance').replaceChildren(keyValueTable(run.provenance, '— (no provenance.json)'));
  const report = document.getElementById('run-report');
  report.replaceChildren();
  if (!run.report) {
    report.append(el('p', {class: 'hint', text: '— (no evaluation/report.json)'}));
  } else {
    report.append(keyValueTable(run.summary, '—'));
    report.append(el('details', {}, el('summary', {text: 'full report.json'}),
      el('pre', {text: JSON.stringify(run.report, null, 2)})));
  }
}

async function showRunFromHash() {
  const name = decodeURIComponent(location.hash.slice(1));
  if (!name) return;
  try {
    renderRun(await fetchJson('/v1/runs/' + encodeURIComponent(name)));
  } catch (e) {
    document.getElementById('run-detail').hidden = false;
    document.getElementById('run-title').textContent = 'Run ' + name;
    document.getElementById('run-notices').replaceChildren(el('p', {class: 'notice bad', text: e.message}));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  showModelBadge();
  try {
    const data = await fetchJson('/v1/runs');
    renderCompare(data);
    if (!location.hash && data.runs.length) location.hash = encodeURIComponent(data.runs[0].name);
    else showRunFromHash();
  } catch (e) {
    document.getElementById('compare').replaceChildren(el('p', {class: 'notice bad', text: e.message}));
  }
  window.addEventListener('hashchange', showRunFromHash);
});
