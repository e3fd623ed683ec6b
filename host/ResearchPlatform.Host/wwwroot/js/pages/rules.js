// Rules and plugins: loaded versions, last reload, compile errors as file:line:column.
import { getJson } from '../api.js';
import { errorBox, fmt, h, panel, pill, replace, table } from '../dom.js';

function pluginsTable(list) {
  return table([
    { label: 'Plugin', get: (p) => h('strong', {}, p.id) },
    { label: 'Kind', get: (p) => p.kind },
    { label: 'Version', get: (p) => h('span', { class: 'mono' }, p.version) },
    { label: 'Loaded', get: (p) => fmt.time(p.loaded_at) },
    { label: 'Last reload', get: (p) => fmt.time(p.last_reload) },
    { label: 'Status', get: (p) => pill(p.status) },
    { label: 'Error', get: (p) => (p.error ? h('span', { class: 'neg' }, p.error) : ''), wrap: true },
  ], list, { empty: 'No plugins found.', testid: 'plugins' });
}

function errorsList(r) {
  const errs = r.errors || [];
  if (!errs.length) return '';
  return h('ul', { class: 'list', 'data-testid': 'rule-errors' }, errs.map((e) => h('li', {},
    h('span', { class: 'mono neg' }, `${e.file || r.file}:${e.line}${e.column ? `:${e.column}` : ''}`), ' ', e.message)));
}

function rulesTable(list) {
  return table([
    { label: 'Rule file', get: (r) => h('span', { class: 'mono' }, r.file) },
    { label: 'Decision', get: (r) => r.decision_type },
    { label: 'Hash', get: (r) => h('span', { class: 'mono', title: r.hash }, fmt.short(r.hash, 12)) },
    { label: 'Loaded', get: (r) => fmt.time(r.loaded_at) },
    { label: 'Status', get: (r) => pill(r.status) },
    { label: 'Compile errors', get: (r) => errorsList(r), wrap: true },
  ], list, { empty: 'No decision rules loaded.', testid: 'rules' });
}

export default {
  title: 'Rules & plugins',
  async mount(root, ctx) {
    const plugins = h('div'); const rules = h('div'); const errors = h('div'); const summary = h('span', { class: 'muted', 'data-testid': 'rules-summary' });
    replace(root, h('div', { class: 'page-head' }, h('h1', { text: 'Rules & plugins' }), summary), errors,
      h('div', { class: 'grid' }, panel('Decision rules', { testid: 'panel-rules' }, rules), panel('Plugins', { testid: 'panel-plugins' }, plugins)));
    async function load() {
      const [p, r] = await Promise.all([getJson('/api/plugins', ctx.signal), getJson('/api/rules', ctx.signal)]);
      replace(errors);
      const broken = r.filter((x) => x.status !== 'ok').length + p.filter((x) => x.error).length;
      summary.textContent = `${r.length} rules, ${p.length} plugins${broken ? `, ${broken} with errors` : ', all loaded'}`;
      replace(plugins, pluginsTable(p));
      replace(rules, rulesTable(r));
    }
    try {
      await load();
    } catch (e) {
      replace(errors, errorBox(e));
    }
    ctx.every(5000, () => load().catch((e) => replace(errors, errorBox(e))));
  },
};
