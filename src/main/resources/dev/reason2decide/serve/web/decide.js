// Decision page: sends the note to /v1/predict and shows the label, every probability as a bar, and the rationale
// with the words it shares with the note highlighted, every number the note does not contain marked "not in the note",
// and a warning when the rationale states another decision than the one shown.
'use strict';

const STOPWORDS = new Set(('a an and are as at be been but by for from had has have he her his if in into is it its '
  + 'of on or she that the their them then there these they this to was were which who will with would not no '
  + 'patient pt per our you your we may can also than so such any all more most other some only very').split(' '));
const MIN_WORD = 3;

/** Lower-cased words (letters and digits) of a text. */
function wordsOf(text) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
}

/** The words that can carry evidence: not stopwords, at least MIN_WORD characters. */
function evidenceWords(text) {
  return new Set(wordsOf(text).filter(w => w.length >= MIN_WORD && !STOPWORDS.has(w)));
}

/** Fills `node` with `text`, wrapping every word found in `terms` in a <mark>. */
function renderMarked(node, text, terms) {
  node.replaceChildren();
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (part === '') continue;
    if (terms.has(part.toLowerCase())) node.append(el('mark', {text: part}));
    else node.append(document.createTextNode(part));
  }
}

/**
 * The rationale, words shared with the note highlighted; each of `unsupported` ({text, start, end}: offsets in the
 * rationale) wrapped as a number that is not in the note.
 */
function renderRationale(node, text, terms, unsupported) {
  node.replaceChildren();
  let at = 0;
  const spans = (unsupported || []).slice().sort((a, b) => a.start - b.start);
  for (const s of spans) {
    if (s.start < at || s.end > text.length) continue;
    appendMarked(node, text.slice(at, s.start), terms);
    node.append(el('span', {class: 'unsupported', 'data-check': 'unsupported-number', title: 'not in the note',
      text: text.slice(s.start, s.end)}), el('span', {class: 'unsupported-tag', text: 'not in the note'}));
    at = s.end;
  }
  appendMarked(node, text.slice(at), terms);
}

function appendMarked(node, text, terms) {
  const part = document.createElement('span');
  renderMarked(part, text, terms);
  node.append(...part.childNodes);
}

/** A warning when the rationale states a decision other than the one shown (only where the checks can tell). */
function renderDecisionWarning(checks, label) {
  const box = document.getElementById('decision-warning');
  const stated = checks && checks.stated_decision;
  if (stated && checks.states_decision === false) {
    box.textContent = 'Warning: this rationale argues for ' + stated + ', but the decision shown is ' + label
      + '. The explanation does not support the decision.';
    box.hidden = false;
  } else {
    box.textContent = '';
    box.hidden = true;
  }
}

/**
 * The trust verdict: when it says not to decide, "Refer to a clinician" with its reasons takes the decision's place;
 * the decision and its rationale stay below, marked unreliable.
 */
function renderTrust(trust) {
  const box = document.getElementById('refer');
  const refer = trust && trust.decide === false;
  const list = document.getElementById('refer-reasons');
  list.replaceChildren(...(refer ? trust.reasons : []).map(r => el('li', {text: r})));
  if (refer && trust.reasons.length === 0) {
    list.append(el('li', {text: 'its trust score ' + trust.score.toFixed(3) + ' is below the model\'s threshold'}));
  }
  box.hidden = !refer;
  document.getElementById('answer').classList.toggle('unreliable', refer);
  document.getElementById('decision').title = refer ? 'unreliable: not to be used as a decision' : '';
}

function renderBars(probabilities, predicted) {
  const bars = document.getElementById('probabilities');
  bars.replaceChildren();
  const entries = Object.entries(probabilities).sort((a, b) => b[1] - a[1]);
  for (const [label, p] of entries) {
    const fill = el('div', {class: 'bar-fill'});
    fill.style.width = Math.max(0, Math.min(100, p * 100)).toFixed(1) + '%';
    bars.append(el('div', {class: 'bar-row' + (label === predicted ? ' predicted' : ''), 'data-label': label},
      el('span', {class: 'bar-label', text: label}),
      el('div', {class: 'bar-track', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '1',
        'aria-valuenow': String(p), 'aria-label': label}, fill),
      el('span', {class: 'bar-value', text: (p * 100).toFixed(1) + ' %'})));
  }
}

function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message;
  box.hidden = false;
  document.getElementById('answer').hidden = true;
  document.getElementById('placeholder').hidden = true;
}

async function decide(event) {
  event.preventDefault();
  const note = document.getElementById('note').value;
  const button = document.getElementById('decide');
  if (!note.trim()) { showError('Enter a note first.'); return; }
  button.disabled = true;
  button.textContent = 'Deciding…';
  try {
    const d = await fetchJson('/v1/predict', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({text: note})});
    document.getElementById('error').hidden = true;
    document.getElementById('placeholder').hidden = true;
    document.getElementById('decision-label').textContent = d.label;
    const p = d.probabilities[d.label];
    document.getElementById('decision-p').textContent = typeof p === 'number' ? (p * 100).toFixed(1) + ' %' : '';
    renderBars(d.probabilities, d.label);
    renderRationale(document.getElementById('rationale'), d.rationale, evidenceWords(note),
      d.checks && d.checks.unsupported_numbers);
    renderDecisionWarning(d.checks, d.label);
    renderTrust(d.trust);
    renderMarked(document.getElementById('note-echo'), note, evidenceWords(d.rationale));
    document.getElementById('meta').textContent = 'model ' + d.model + ' · ' + d.latency_ms + ' ms';
    document.getElementById('answer').hidden = false;
  } catch (e) {
    showError(e.status ? 'The server refused the note (' + e.status + '): ' + e.message
      : 'The server could not be reached: ' + e.message);
  } finally {
    button.disabled = false;
    button.textContent = 'Decide';
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const note = document.getElementById('note');
  const count = document.getElementById('note-count');
  let limit = null;
  const update = () => {
    count.textContent = note.value.length + (limit ? ' / ' + limit : '') + ' characters';
    count.classList.toggle('over', limit !== null && note.value.length > limit);
  };
  note.addEventListener('input', update);
  document.getElementById('note-form').addEventListener('submit', decide);
  note.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) document.getElementById('note-form').requestSubmit();
  });
  const model = await showModelBadge();
  if (model && model.limits) limit = model.limits.max_input_chars;
  update();
});
