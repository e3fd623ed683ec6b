// Alerts: list with level / category / acknowledged filters, acknowledge (token), live `alert` events.
import { getJson, postJson, query } from '../api.js';
import { runControl } from '../control.js';
import { errorBox, fmt, h, pill, replace, table, throttle } from '../dom.js';
import { toast } from '../toast.js';

const LEVELS = ['', 'informational', 'warning', 'critical', 'emergency'];
const CATEGORIES = ['', 'performance', 'system', 'trading', 'genetic', 'decision'];
const ACK = [['', 'all'], ['false', 'open'], ['true', 'acknowledged']];

function select(testid, options, onchange) {
  return h('select', { 'data-testid': testid, onchange }, options.map((o) => (Array.isArray(o)
    ? h('option', { value: o[0] }, o[1]) : h('option', { value: o }, o || 'all'))));
}

function ack(a, reload) {
  runControl({
    title: `Acknowledge alert ${a.id}`,
    message: a.title,
    confirmLabel: 'Acknowledge',
    action: () => postJson(`/api/alerts/${encodeURIComponent(a.id)}/ack`),
    done: () => {
      toast(`Alert ${a.id} acknowledged.`);
      reload();
    },
  });
}

function delivery(d) {
  return d && typeof d === 'object' ? Object.entries(d).map(([k, v]) => `${k}: ${v}`).join(', ') : '';
}

function alertsTable(list, reload) {
  return table([
    { label: 'Time', get: (a) => fmt.time(a.created_at) },
    { label: 'Level', get: (a) => pill(String(a.level).toUpperCase(), undefined, { 'data-testid': 'alert-level' }) },
    { label: 'Category', get: (a) => a.category },
    { label: 'Title', get: (a) => h('strong', {}, a.title), wrap: true },
    { label: 'Details', get: (a) => h('span', { title: delivery(a.delivery) }, a.body || ''), wrap: true },
    { label: 'Component', get: (a) => a.component },
    { label: 'Count', get: (a) => fmt.int(a.count), num: true },
    { label: 'Ack', get: (a) => (a.acknowledged_at
      ? h('span', { class: 'muted', 'data-testid': 'acked' }, fmt.time(a.acknowledged_at))
      : h('button', { class: 'small', 'data-testid': 'ack', onclick: () => ack(a, reload) }, 'Acknowledge')) },
  ], list, { empty: 'No alerts match.', testid: 'alerts', rowAttrs: (a) => ({ 'data-id': a.id }) });
}

export default {
  title: 'Alerts',
  async mount(root, ctx) {
    const box = h('div'); const errors = h('div'); const count = h('span', { class: 'muted', 'data-testid': 'alerts-count' });
    const filters = { level: '', category: '', acknowledged: '' };
    const change = (key) => (e) => { filters[key] = e.target.value; reload(); };
    replace(root, h('div', { class: 'page-head' }, h('h1', { text: 'Alerts' }), count),
      h('div', { class: 'filters' },
        h('label', {}, 'level', select('filter-level', LEVELS, change('level'))),
        h('label', {}, 'category', select('filter-category', CATEGORIES, change('category'))),
        h('label', {}, 'state', select('filter-ack', ACK, change('acknowledged')))),
      errors, h('section', { class: 'panel', 'data-testid': 'panel-alerts' }, box));
    async function load() {
      const list = await getJson(`/api/alerts${query({ ...filters, limit: 200 })}`, ctx.signal);
      replace(errors);
      count.textContent = `${list.length} shown`;
      replace(box, alertsTable(list, reload));
    }
    const reload = throttle(() => load().catch((e) => replace(errors, errorBox(e))), 500);
    try {
      await load();
    } catch (e) {
      replace(errors, errorBox(e));
    }
    ctx.on('alert', reload);
  },
};
