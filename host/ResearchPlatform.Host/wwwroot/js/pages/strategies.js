// Strategies: the pool with stage, backtest / out-of-sample / paper metrics side by side, equity curves, start/stop.
import { getJson, postJson } from '../api.js';
import { joinCurves, lineChart, PALETTE, toSec } from '../charts.js';
import { runControl } from '../control.js';
import { errorBox, fmt, h, panel, pill, replace, signClass, table } from '../dom.js';
import { toast } from '../toast.js';

const STAGES = ['all', 'candidate', 'backtested', 'paper', 'approved', 'live', 'retired'];
const SETS = [['backtest', 'Backtest', 'kernel backtest, first 70% of the replayed bars (or as recorded at deployment)'],
  ['out_of_sample', 'OOS', 'out-of-sample: kernel backtest over the last 30% of the replayed bars'], ['paper', 'Paper', 'paper trading so far']];
const MAX_CURVES = 8;

function genes(g) {
  return Object.entries(g || {}).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt.num(v, Number.isInteger(v) ? 0 : 3) : v}`).join(' ');
}

const METRICS = [
  ['Return', (m) => h('span', { class: signClass(m.total_return) }, fmt.frac(m.total_return, 1))],
  ['Sharpe', (m) => fmt.num(m.sharpe)],
  ['MaxDD', (m) => fmt.frac(m.max_drawdown, 1)],
  ['Trades', (m) => fmt.int(m.trades)],
  ['Win', (m) => fmt.frac(m.win_rate, 0)],
];

// Backtest, out-of-sample and paper metrics side by side: one small table per strategy (rows = sets), so the pool fits a
// laptop screen and a phone card without sideways scrolling.
function metricsTable(s) {
  return h('table', { class: 'mini', 'data-testid': 'metrics' },
    h('thead', {}, h('tr', {}, h('th'), METRICS.map(([label]) => h('th', { class: 'num' }, label)))),
    h('tbody', {}, SETS.map(([key, label, what]) => h('tr', { 'data-set': key }, h('th', { scope: 'row', title: what }, label),
      METRICS.map(([, get]) => h('td', { class: 'num' }, s[key] ? get(s[key]) : '–'))))));
}

function toggle(s, reload) {
  const verb = s.running ? 'stop' : 'start';
  runControl({
    title: `${verb === 'stop' ? 'Stop' : 'Start'} strategy ${s.id}`,
    confirmLabel: verb === 'stop' ? 'Stop' : 'Start',
    action: () => postJson(`/api/strategies/${encodeURIComponent(s.id)}/${verb}`),
    done: () => {
      toast(`Strategy ${s.id}: ${verb} sent.`);
      reload();
    },
  });
}

function poolTable(list, reload) {
  const cols = [
    { label: 'Strategy', get: (s) => h('span', { class: 'mono', title: s.id }, fmt.short(s.id, 22)) },
    { label: 'Seed', get: (s) => h('span', { title: genes(s.genes) }, s.seed_type) },
    { label: 'Stage', get: (s) => pill(s.stage, undefined, { 'data-testid': 'stage' }) },
    { label: 'Run', get: (s) => (s.controllable === false ? h('span', { class: 'muted', title: 'not traded by this service' }, 'not traded') : pill(s.running ? 'running' : 'stopped', undefined, { 'data-testid': 'run-state' })) },
    { label: 'Backtest / out-of-sample / paper', get: metricsTable, block: true },
    { label: '', get: (s) => (s.controllable === false ? h('span') : h('button', { class: 'small', 'data-testid': `toggle-${s.id}`, onclick: () => toggle(s, reload) }, s.running ? 'Stop' : 'Start')) },
  ];
  return table(cols, list, { empty: 'No strategies in the pool yet: run an evolution or start a replay.', testid: 'strategies', rowAttrs: (s) => ({ 'data-id': s.id }) });
}

export default {
  title: 'Strategies',
  async mount(root, ctx) {
    let stage = 'all';
    let all = [];
    const body = h('div'); const errors = h('div'); const curveNote = h('span', { class: 'muted' });
    const chartBox = h('div', { class: 'chart', 'data-testid': 'strategy-curves' });
    const select = h('select', { 'data-testid': 'stage-filter', onchange: () => { stage = select.value; render(); } },
      STAGES.map((s) => h('option', { value: s }, s)));
    replace(root,
      h('div', { class: 'page-head' }, h('h1', { text: 'Strategies' }), h('span', { class: 'spacer' }), h('label', { class: 'muted' }, 'stage ', select)),
      errors,
      h('div', { class: 'grid' },
        panel('Pool', { testid: 'panel-pool' }, body),
        panel('Equity curves', { extra: curveNote }, chartBox)));
    let chart = null;
    ctx.onLeave(() => chart?.destroy());

    function render() {
      const list = stage === 'all' ? all : all.filter((s) => s.stage === stage);
      replace(body, poolTable(list, load));
      const withCurves = list.filter((s) => (s.equity_curve || []).length > 1).slice(0, MAX_CURVES);
      curveNote.textContent = withCurves.length < list.length ? `${withCurves.length} of ${list.length} shown` : '';
      chart?.destroy();
      chart = null;
      chartBox.replaceChildren();
      if (withCurves.length === 0) {
        chartBox.append(h('div', { class: 'empty' }, 'No equity curves yet.'));
        return;
      }
      chart = lineChart(chartBox, {
        series: withCurves.map((s, i) => ({ label: fmt.short(s.id, 14), color: PALETTE[i % PALETTE.length], fmt: fmt.money })),
        height: 260,
      });
      chart.setData(joinCurves(withCurves.map((s) => [s.equity_curve.map((p) => toSec(p.t)), s.equity_curve.map((p) => p.equity)])));
    }

    async function load() {
      try {
        all = await getJson('/api/strategies', ctx.signal);
        replace(errors);
        render();
      } catch (e) {
        if (e.name !== 'AbortError') replace(errors, errorBox(e));
      }
    }

    await load();
    ctx.every(5000, load);
  },
};
