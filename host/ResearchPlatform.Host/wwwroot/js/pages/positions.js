// Positions with their reconciliation status (local book vs venue quantity).
import { getJson } from '../api.js';
import { errorBox, fmt, h, panel, pill, replace, signClass, table, throttle } from '../dom.js';

function summary(list) {
  const bad = list.filter((p) => p.reconciled === false);
  if (!list.length) return h('div', { class: 'muted', 'data-testid': 'recon-summary' }, 'No open positions.');
  return bad.length
    ? h('div', { class: 'error', 'data-testid': 'recon-summary' }, `${bad.length} of ${list.length} positions do not match the venue: ${bad.map((p) => p.symbol).join(', ')}`)
    : h('div', { 'data-testid': 'recon-summary' }, pill('reconciled', 'good'), ` all ${list.length} positions match the venue`);
}

function positionsTable(list) {
  return table([
    { label: 'Symbol', get: (p) => p.symbol },
    { label: 'Strategy', get: (p) => p.strategy_id },
    { label: 'Quantity', get: (p) => fmt.num(p.quantity, 6), num: true },
    { label: 'Venue qty', get: (p) => fmt.num(p.venue_quantity, 6), num: true },
    { label: 'Avg price', get: (p) => fmt.money(p.avg_price), num: true },
    { label: 'Mark', get: (p) => fmt.money(p.mark_price), num: true },
    { label: 'Unrealized PnL', get: (p) => h('span', { class: signClass(p.unrealized_pnl) }, fmt.signed(p.unrealized_pnl)), num: true },
    { label: 'Reconciled', get: (p) => (p.reconciled ? pill('reconciled', 'good') : pill('mismatch', 'bad')) },
  ], list, { empty: 'No open positions.', testid: 'positions' });
}

export default {
  title: 'Positions',
  async mount(root, ctx) {
    const sum = h('div'); const box = h('div'); const errors = h('div'); const updated = h('span', { class: 'updated' });
    replace(root, h('div', { class: 'page-head' }, h('h1', { text: 'Positions' }), updated), errors,
      h('div', { class: 'grid' }, panel('Reconciliation', {}, sum), panel('Open positions', { testid: 'panel-positions' }, box)));
    async function load() {
      const list = await getJson('/api/positions', ctx.signal);
      replace(errors);
      replace(sum, summary(list));
      replace(box, positionsTable(list));
      updated.textContent = `updated ${new Date().toISOString().slice(11, 19)} UTC`;
    }
    try {
      await load();
    } catch (e) {
      replace(errors, errorBox(e));
    }
    const reload = throttle(() => load().catch((e) => replace(errors, errorBox(e))), 1000);
    ctx.on('order', reload);
    ctx.every(3000, reload);
  },
};
