// Shared helpers of the Reason2Decide pages: DOM building (text only, never HTML), JSON fetching, number format.
'use strict';

/** Creates an element with attributes and children (strings become text nodes: model output is never HTML). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Fetches JSON; rejects with the server's error message when the status is not 2xx. */
async function fetchJson(url, options) {
  const res = await fetch(url, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.message ? body.message : res.status + ' ' + res.statusText;
    const err = new Error(msg);
    err.status = res.status;
    throw err;
  }
  return body;
}

/** A number for people: "—" when absent, otherwise up to 4 significant digits. */
function fmt(x) {
  if (x === null || x === undefined || typeof x !== 'number' || !isFinite(x)) return '—';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** Shows the loaded model's name in the header. */
async function showModelBadge() {
  const badge = document.getElementById('model-badge');
  try {
    const m = await fetchJson('/v1/model');
    badge.textContent = 'model: ' + m.name + ' · ' + m.labels.length + ' labels';
    return m;
  } catch (e) {
    badge.textContent = 'model unavailable';
    badge.classList.add('bad');
    return null;
  }
}
