// Small DOM and formatting helpers shared by the pages.

/** h('div', {class: 'x', 'data-testid': 'y', onclick: fn}, child, 'text', ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A panel with a heading, optional header extras and a body. */
export function panel(title, { span = 12, testid, extra } = {}, ...body) {
  return h('section', { class: `panel span-${span}`, 'data-testid': testid },
    h('div', { class: 'panel-head' }, h('h2', { text: title }), extra), ...body);
}

/** Dashed box telling why a list is empty. */
export function empty(text, testid) {
  return h('div', { class: 'empty', 'data-testid': testid || 'empty' }, text);
}

/** A visible error (401 says the token is required). */
export function errorBox(err) {
  const msg = err && err.message ? err.message : String(err);
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, msg);
}

/**
 * table(columns, rows, opts): columns = [{label, get: row => text|Node, num?, wrap?, block? (a nested table: full width on a phone)}];
 * opts = {empty: 'text', testid, rowAttrs: row => attrs, head: extra header row (Node)}.
 */
export function table(columns, rows, opts = {}) {
  if (!rows || rows.length === 0) return empty(opts.empty || 'Nothing yet.', opts.testid ? `${opts.testid}-empty` : 'empty');
  const head = h('thead', {}, opts.head, h('tr', {}, columns.map((c) => h('th', { class: c.num ? 'num' : undefined }, c.label))));
  const body = h('tbody', {}, rows.map((r) => h('tr', opts.rowAttrs ? opts.rowAttrs(r) : {},
    columns.map((c) => h('td', { class: c.num ? 'num' : c.wrap ? 'wrap' : c.block ? 'block' : undefined, 'data-label': c.label }, cell(c.get(r)))))));
  return h('div', { class: 'table-wrap' }, h('table', { 'data-testid': opts.testid }, head, body));
}

function cell(v) {
  return v === undefined || v === null || v === '' ? '–' : v;
}

/** A status pill coloured by value. */
export function pill(text, tone, attrs = {}) {
  return h('span', { class: `pill pill-${tone || toneOf(text)}`, ...attrs }, String(text ?? '–'));
}

const TONES = {
  good: ['connected', 'ok', 'healthy', 'low', 'filled', 'approved', 'live', 'running', 'completed', 'done', 'loaded', 'reconciled', 'informational', 'info', 'auto'],
  warn: ['connecting', 'degraded', 'medium', 'warning', 'pending', 'partially_filled', 'paper', 'candidate', 'submitted', 'accepted', 'open', 'elevated', 'new'],
  bad: ['error', 'failed', 'high', 'rejected', 'critical', 'cancelled', 'canceled', 'retired', 'stopped', 'unhealthy', 'mismatch', 'halted', 'expired'],
  crit: ['emergency', 'extreme'],
};

export function toneOf(value) {
  const v = String(value ?? '').toLowerCase();
  for (const [tone, words] of Object.entries(TONES)) if (words.includes(v)) return tone;
  return 'muted';
}

// Intl.NumberFormat is costly to construct: one instance per number of decimals, reused.
const formats = new Map();
const nf = (d) => {
  let f = formats.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
    formats.set(d, f);
  }
  return f;
};
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

export const fmt = {
  num: (v, d = 2) => (isNum(v) ? nf(d).format(v) : '–'),
  int: (v) => (isNum(v) ? nf(0).format(v) : '–'),
  money: (v) => (isNum(v) ? nf(2).format(v) : '–'),
  signed: (v, d = 2) => (isNum(v) ? (v > 0 ? '+' : '') + nf(d).format(v) : '–'),
  /** A percent value that is already in percent (drawdown_pct). */
  pct: (v, d = 2) => (isNum(v) ? `${nf(d).format(v)}%` : '–'),
  /** A fraction shown as percent (total_return 0.12 -> 12.00%). */
  frac: (v, d = 2) => (isNum(v) ? `${nf(d).format(v * 100)}%` : '–'),
  time: (iso) => {
    if (!iso) return '–';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').slice(0, 19);
  },
  short: (s, n = 10) => (s ? (String(s).length > n ? `${String(s).slice(0, n)}…` : String(s)) : '–'),
};

/** Class for a signed number (green/red). */
export const signClass = (v) => (typeof v === 'number' && v !== 0 ? (v > 0 ? 'pos' : 'neg') : undefined);

/** Runs fn at most once per `ms`, trailing call kept. */
export function throttle(fn, ms) {
  let timer = null;
  let pending = false;
  return () => {
    if (timer) {
      pending = true;
      return;
    }
    fn();
    timer = setTimeout(function tick() {
      timer = null;
      if (pending) {
        pending = false;
        fn();
        timer = setTimeout(tick, ms);
      }
    }, ms);
  };
}
