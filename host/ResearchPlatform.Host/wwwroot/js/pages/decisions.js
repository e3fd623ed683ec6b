// Decisions: the queue awaiting a human (approve / reject with the token) and the history.
import { getJson, postJson } from '../api.js';
import { runControl } from '../control.js';
import { empty, errorBox, fmt, h, panel, pill, replace, table, throttle } from '../dom.js';
import { toast } from '../toast.js';

function value(v) {
  if (v === null || v === undefined) return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function decide(d, verb, reload) {
  runControl({
    title: `${verb === 'approve' ? 'Approve' : 'Reject'} ${d.type} #${d.id}`,
    message: `${d.type}: ${value(d.value)} (confidence ${fmt.num(d.confidence, 2)}). ${d.reasoning || ''}`,
    confirmLabel: verb === 'approve' ? 'Approve' : 'Reject',
    danger: verb === 'reject',
    reason: true,
    action: (reason) => postJson(`/api/decisions/${encodeURIComponent(d.id)}/${verb}`, reason ? { reason } : {}),
    done: () => {
      toast(`Decision ${d.id} ${verb === 'approve' ? 'approved' : 'rejected'}.`);
      reload();
    },
  });
}

function pendingCards(list, reload) {
  if (!list.length) return empty('No decision is waiting for a human.', 'pending-empty');
  return h('div', { class: 'cards', 'data-testid': 'pending' }, list.map((d) => h('div', { class: 'card', 'data-testid': 'pending-decision', 'data-id': d.id },
    h('div', { class: 'row' }, h('strong', {}, d.type), pill(d.urgency), h('span', { class: 'muted' }, `#${d.id}`)),
    h('div', {}, d.summary || h('span', { class: 'mono' }, value(d.value)), ` · confidence ${fmt.num(d.confidence, 2)}`),
    d.error ? h('div', { class: 'neg' }, d.error) : null,
    h('div', { class: 'muted' }, d.reasoning || ''),
    h('div', { class: 'muted' }, `${fmt.time(d.created_at)}${d.rule_file ? ` · ${d.rule_file}` : ''}`),
    h('div', { class: 'actions' },
      h('button', { class: 'primary small', 'data-testid': 'approve', onclick: () => decide(d, 'approve', reload) }, 'Approve'),
      h('button', { class: 'small', 'data-testid': 'reject', onclick: () => decide(d, 'reject', reload) }, 'Reject')))));
}

function historyTable(list) {
  return table([
    { label: 'Created', get: (d) => fmt.time(d.created_at) },
    { label: '#', get: (d) => h('span', { class: 'mono', title: d.id }, fmt.short(d.id, 14)), num: true },
    { label: 'Type', get: (d) => d.type },
    { label: 'Value', get: (d) => (d.summary ? d.summary : h('span', { class: 'mono' }, value(d.value))), wrap: true },
    { label: 'Conf.', get: (d) => fmt.num(d.confidence, 2), num: true },
    { label: 'Urgency', get: (d) => d.urgency },
    { label: 'Status', get: (d) => pill(d.status, undefined, { 'data-testid': 'decision-status' }) },
    { label: 'Reasoning', get: (d) => d.reasoning, wrap: true },
  ], list, { empty: 'No decisions yet.', testid: 'decision-history', rowAttrs: (d) => ({ 'data-id': d.id }) });
}

export default {
  title: 'Decisions',
  async mount(root, ctx) {
    const pending = h('div'); const history = h('div'); const errors = h('div'); const count = h('span', { class: 'pill pill-warn', 'data-testid': 'pending-count' });
    replace(root, h('div', { class: 'page-head' }, h('h1', { text: 'Decisions' }), count), errors,
      h('div', { class: 'grid' }, panel('Awaiting review', { testid: 'panel-pending' }, pending), panel('History', {}, history)));
    async function load() {
      const [p, all] = await Promise.all([getJson('/api/decisions?status=pending&limit=100', ctx.signal), getJson('/api/decisions?status=all&limit=100', ctx.signal)]);
      replace(errors);
      count.textContent = `${p.length} pending`;
      replace(pending, pendingCards(p, reload));
      replace(history, historyTable(all));
    }
    const reload = throttle(() => load().catch((e) => replace(errors, errorBox(e))), 500);
    try {
      await load();
    } catch (e) {
      replace(errors, errorBox(e));
    }
    ctx.on('decision', reload);
    ctx.every(5000, reload);
  },
};
