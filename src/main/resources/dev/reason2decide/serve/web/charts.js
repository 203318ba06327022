// Line charts drawn as inline SVG (no library): one series per training stage, steps on x, values on y.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PALETTE = ['#0f6e78', '#d1495b', '#edae49', '#3c78d8', '#7b4fa0', '#5c946e', '#8d6e63'];

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
  }
  children.forEach(c => node.append(c));
  return node;
}

/** About `count` round tick values covering [lo, hi]. */
function ticks(lo, hi, count) {
  if (lo === hi) { lo -= 1; hi += 1; }
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw);
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * A chart card. `series` is [{name, points: [[x, y], ...]}]; colours follow `colorOf(name)`.
 * Returns the card element (title, SVG, legend).
 */
function lineChart(title, series, colorOf) {
  const W = 360, H = 200, L = 48, R = 10, T = 8, B = 26;
  const pts = series.flatMap(s => s.points);
  const card = el('div', {class: 'chart', 'data-metric': title}, el('h4', {text: title}));
  if (pts.length === 0) { card.append(el('p', {class: 'hint', text: 'no values'})); return card; }
  let [x0, x1] = [Math.min(...pts.map(p => p[0])), Math.max(...pts.map(p => p[0]))];
  let [y0, y1] = [Math.min(...pts.map(p => p[1])), Math.max(...pts.map(p => p[1]))];
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  if (y0 === y1) { const d = Math.abs(y0) * 0.1 || 1; y0 -= d; y1 += d; }
  const pad = (y1 - y0) * 0.06; y0 -= pad; y1 += pad;
  const sx = x => L + (x - x0) / (x1 - x0) * (W - L - R);
  const sy = y => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
  const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title});
  for (const t of ticks(y0, y1, 4)) {
    if (t < y0 || t > y1) continue;
    root.append(svg('line', {class: 'grid', x1: L, x2: W - R, y1: sy(t), y2: sy(t)}));
    root.append(svg('text', {x: L - 6, y: sy(t) + 3.5, 'text-anchor': 'end', text: fmt(t)}));
  }
  for (const t of ticks(x0, x1, 5)) {
    if (t < x0 || t > x1) continue;
    root.append(svg('text', {x: sx(t), y: H - 8, 'text-anchor': 'middle', text: fmt(t)}));
  }
  root.append(svg('line', {class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B}));
  root.append(svg('line', {class: 'axis', x1: L, x2: L, y1: T, y2: H - B}));
  for (const s of series) {
    if (s.points.length === 0) continue;
    const color = colorOf(s.name);
    const d = s.points.map((p, i) => (i ? 'L' : 'M') + sx(p[0]).toFixed(1) + ' ' + sy(p[1]).toFixed(1)).join(' ');
    root.append(svg('path', {d, fill: 'none', stroke: color, 'stroke-width': 1.6, 'stroke-linejoin': 'round',
      'data-series': s.name}));
    if (s.points.length <= 40) {
      s.points.forEach(p => root.append(svg('circle', {cx: sx(p[0]), cy: sy(p[1]), r: 2.2, fill: color})));
    }
  }
  card.append(root);
  const legend = el('div', {class: 'legend'});
  for (const s of series) {
    const swatch = el('i');
    swatch.style.background = colorOf(s.name);
    legend.append(el('span', {}, swatch, s.name));
  }
  card.append(legend);
  return card;
}

/** A colour per name, stable within the page. */
function palette() {
  const seen = new Map();
  return name => {
    if (!seen.has(name)) seen.set(name, PALETTE[seen.size % PALETTE.length]);
    return seen.get(name);
  };
}
