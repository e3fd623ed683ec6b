// Orders and fills with execution quality (slippage in basis points, fill ratio, fees), updated by `order` events.
import { getJson } from '../api.js';
import { errorBox, fmt, h, panel, pill, replace, signClass, table, throttle } from '../dom.js';

const LIMIT = 200;
const SHOWN = 50;

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Execution quality over the orders with a measured slippage. */
export function quality(orders, fills) {
  const slips = orders.map((o) => o.slippage_bps).filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const filled = orders.filter((o) => String(o.status).toLowerCase() === 'filled').length;
  const mean = slips.length ? slips.reduce((a, b) => a + b, 0) / slips.length : null;
  const fees = fills.reduce((a, f) => a + (typeof f.fee === 'number' ? f.fee : 0), 0);
  return { orders: orders.length, filled, mean, p50: percentile(slips, 50), p95: percentile(slips, 95), worst: slips.length ? slips[slips.length - 1] : null, fees, fills: fills.length };
}

function qualityKpis(q) {
  const k = (label, value, testid, cls) => h('div', { class: 'kpi' }, h('div', { class: 'label', text: label }), h('div', { class: `value ${cls || ''}`, 'data-testid': testid }, value));
  return h('div', { class: 'kpis', 'data-testid': 'execution-quality' },
    k('Orders', fmt.int(q.orders), 'eq-orders'),
    k('Filled', q.orders ? `${fmt.int(q.filled)} (${fmt.num((100 * q.filled) / q.orders, 0)}%)` : '–', 'eq-filled'),
    k('Mean slippage', q.mean === null ? '–' : `${fmt.num(q.mean, 2)} bps`, 'eq-slippage-mean', q.mean > 0 ? 'neg' : undefined),
    k('p50 / p95', q.p50 === null ? '–' : `${fmt.num(q.p50, 1)} / ${fmt.num(q.p95, 1)} bps`, 'eq-slippage-p'),
    k('Worst', q.worst === null ? '–' : `${fmt.num(q.worst, 1)} bps`, 'eq-slippage-worst'),
    k('Fees', fmt.money(q.fees), 'eq-fees'));
}

function ordersTable(orders) {
  return table([
    { label: 'Created', get: (o) => fmt.time(o.created_at) },
    { label: 'Order', get: (o) => h('span', { class: 'mono', title: o.client_order_id }, fmt.short(o.client_order_id, 14)) },
    { label: 'Strategy', get: (o) => fmt.short(o.strategy_id, 14) },
    { label: 'Symbol', get: (o) => o.symbol },
    { label: 'Side', get: (o) => h('span', { class: String(o.side).toLowerCase() === 'buy' ? 'pos' : 'neg' }, o.side) },
    { label: 'Type', get: (o) => o.type },
    { label: 'Qty', get: (o) => fmt.num(o.quantity, 6), num: true },
    { label: 'Price', get: (o) => fmt.money(o.price), num: true },
    { label: 'Status', get: (o) => pill(o.status) },
    { label: 'Filled', get: (o) => fmt.num(o.filled_quantity, 6), num: true },
    { label: 'Avg fill', get: (o) => fmt.money(o.avg_fill_price), num: true },
    { label: 'Slippage bps', get: (o) => h('span', { class: signClass(-o.slippage_bps) }, fmt.num(o.slippage_bps, 2)), num: true },
  ], orders, { empty: 'No orders yet.', testid: 'orders' });
}

function fillsTable(fills) {
  return table([
    { label: 'Time', get: (f) => fmt.time(f.t) },
    { label: 'Order', get: (f) => h('span', { class: 'mono', title: f.client_order_id }, fmt.short(f.client_order_id, 14)) },
    { label: 'Symbol', get: (f) => f.symbol },
    { label: 'Side', get: (f) => f.side },
    { label: 'Qty', get: (f) => fmt.num(f.quantity, 6), num: true },
    { label: 'Price', get: (f) => fmt.money(f.price), num: true },
    { label: 'Fee', get: (f) => fmt.num(f.fee, 4), num: true },
    { label: 'Liquidity', get: (f) => f.liquidity },
  ], fills, { empty: 'No fills yet.', testid: 'fills' });
}

export default {
  title: 'Orders & fills',
  async mount(root, ctx) {
    let orders = [];
    let fills = [];
    const kpis = h('div'); const ordersBox = h('div'); const fillsBox = h('div'); const errors = h('div');
    replace(root, h('div', { class: 'page-head' }, h('h1', { text: 'Orders & fills' }), h('span', { class: 'muted' }, `newest ${LIMIT}`)),
      errors, kpis,
      h('div', { class: 'grid' }, panel('Orders', { testid: 'panel-orders' }, ordersBox), panel('Fills', {}, fillsBox)));
    let shown = SHOWN;
    const more = (list) => (list.length > shown
      ? h('button', { class: 'small', 'data-testid': 'show-more', onclick: () => { shown = LIMIT; render(); } }, `show all ${list.length}`) : null);
    // Quality over all fetched orders; the tables show the newest SHOWN rows until asked for more (cheap redraws).
    const render = () => {
      replace(kpis, qualityKpis(quality(orders, fills)));
      replace(ordersBox, ordersTable(orders.slice(0, shown)), more(orders));
      replace(fillsBox, fillsTable(fills.slice(0, shown)), more(fills));
    };
    async function load() {
      [orders, fills] = await Promise.all([getJson(`/api/orders?limit=${LIMIT}`, ctx.signal), getJson(`/api/fills?limit=${LIMIT}`, ctx.signal)]);
      replace(errors);
      render();
    }
    try {
      await load();
    } catch (e) {
      replace(errors, errorBox(e));
    }
    const reload = throttle(() => load().catch(() => {}), 2000);
    const renderSoon = throttle(render, 1000); // a busy replay pushes many orders a second: redraw at most once a second
    ctx.on('order', (o) => {
      const i = orders.findIndex((x) => x.client_order_id === o.client_order_id);
      if (i >= 0) orders[i] = { ...orders[i], ...o };
      else orders = [o, ...orders].slice(0, LIMIT);
      renderSoon();
      reload();
    });
    ctx.every(10000, reload);
  },
};
