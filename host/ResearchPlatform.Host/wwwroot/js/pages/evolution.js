// Evolution: runs, live best/mean fitness and diversity per generation (SSE `evolution`), hall of fame, Pareto front.
import { getJson, postJson } from '../api.js';
import { lineChart, scatterChart } from '../charts.js';
import { runControl } from '../control.js';
import { empty, errorBox, fmt, h, panel, pill, replace, table, throttle } from '../dom.js';
import { toast } from '../toast.js';

function genes(g) {
  return Object.entries(g || {}).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt.num(v, Number.isInteger(v) ? 0 : 3) : v}`).join(' ');
}

function metric(m, key, f) {
  return m && typeof m === 'object' ? f(m[key]) : typeof m === 'number' ? f(m) : '–';
}

function runsTable(runs, selected, select) {
  return table([
    { label: 'Run', get: (r) => h('span', { class: 'mono' }, r.run_id) },
    { label: 'Status', get: (r) => pill(r.status) },
    { label: 'Started', get: (r) => fmt.time(r.started_at) },
    { label: 'Gens', get: (r) => fmt.int(r.generations), num: true },
    { label: 'Population', get: (r) => fmt.int(r.population), num: true },
    { label: 'Best fitness', get: (r) => fmt.num(r.best_fitness, 4), num: true },
  ], runs, {
    empty: 'No evolution runs yet: ./rp evolve --symbol ... --interval ...',
    testid: 'runs',
    rowAttrs: (r) => ({ class: `clickable${r.run_id === selected ? ' selected' : ''}`, 'data-run': r.run_id, onclick: () => select(r.run_id) }),
  });
}

function hallOfFame(list) {
  return table([
    { label: '#', get: (x) => x.i + 1, num: true },
    { label: 'Seed', get: (x) => x.seed_type },
    { label: 'Genes', get: (x) => h('span', { class: 'mono' }, genes(x.genes)), wrap: true },
    { label: 'Fitness', get: (x) => fmt.num(x.fitness, 4), num: true },
    { label: 'OOS Sharpe', get: (x) => metric(x.out_of_sample, 'sharpe', (v) => fmt.num(v)), num: true },
    { label: 'Hold-out Sharpe', get: (x) => metric(x.hold_out, 'sharpe', (v) => fmt.num(v)), num: true },
  ], list, { empty: 'Hall of fame is empty.', testid: 'hall-of-fame' });
}

/** The run's deflated Sharpe (of its best individual, against every distinct strategy it tried): one line above the table. */
function deflated(d) {
  if (!d) return h('div', { class: 'muted', 'data-testid': 'deflated-sharpe' }, 'Deflated Sharpe: computed when the run completes.');
  return h('div', { 'data-testid': 'deflated-sharpe', title: `PSR (P(true Sharpe > 0)) ${fmt.num(d.probabilistic_sharpe, 3)}; ${fmt.int(d.observations)} bar returns` },
    'Deflated Sharpe of the best: ', h('strong', { 'data-testid': 'dsr-value' }, fmt.num(d.deflated, 3)),
    h('span', { class: 'muted' }, ` = P(true Sharpe > ${fmt.num(d.expected_max_sharpe_annualized)}, the expected best of ${fmt.int(d.trials)} skill-less trials); observed Sharpe ${fmt.num(d.sharpe_annualized)} (annualised)`));
}

function numberField(label, name, value, attrs = {}) {
  return h('label', {}, label, h('input', { type: 'number', name, value, 'data-testid': `run-${name}`, ...attrs }));
}

/** "New run": a token-protected form that starts an evolution inside the service (POST /api/evolution/runs). */
function newRun(onStarted) {
  const objective = h('select', { name: 'objective', 'data-testid': 'run-objective' },
    h('option', { value: 'composite' }, 'composite (weighted fitness)'), h('option', { value: 'pareto' }, 'pareto (NSGA-II: Sharpe vs drawdown)'));
  const fields = h('div', { class: 'form-fields' },
    numberField('Population', 'population', 16, { min: 4, max: 2000 }),
    numberField('Generations', 'generations', 30, { min: 1 }),
    numberField('Time budget (s, empty = none)', 'time_budget_seconds', '', { min: 1, step: 'any' }),
    numberField('Stagnation (0 = never stop early)', 'stagnation', 10, { min: 0 }),
    h('label', {}, 'Objective', objective));
  const value = (name) => fields.querySelector(`[name=${name}]`).value.trim();
  runControl({
    title: 'New evolution run',
    message: 'Evolves on the replayed bars inside the service (one thread); every generation is stored and pushed live.',
    confirmLabel: 'Start',
    fields,
    action: () => {
      const body = { objective: value('objective') };
      for (const k of ['population', 'generations', 'time_budget_seconds', 'stagnation']) {
        if (value(k) !== '') body[k] = Number(value(k));
      }
      return postJson('/api/evolution/runs', body);
    },
    done: (run) => {
      toast(`Evolution run ${run.run_id} started.`);
      onStarted(run.run_id);
    },
  });
}

export default {
  title: 'Evolution',
  async mount(root, ctx) {
    let runs = [];
    let selected = null;
    let gens = [];
    const live = new Map(); // run id -> generations pushed while the page is open (merged with what the API returns)
    const runsBox = h('div'); const errors = h('div'); const hof = h('div'); const title = h('span', { class: 'muted', 'data-testid': 'selected-run' });
    const fitBox = h('div', { class: 'chart', 'data-testid': 'fitness-chart' });
    const divBox = h('div', { class: 'chart', 'data-testid': 'diversity-chart' });
    const paretoBox = h('div', { class: 'chart', 'data-testid': 'pareto-chart' });
    const paretoNote = h('div');
    const genNote = h('div', { class: 'empty', 'data-testid': 'generations-empty' }, 'No generations yet: the charts fill as a run reports them (live while it runs).');
    replace(root,
      h('div', { class: 'page-head' }, h('h1', { text: 'Evolution' }), title,
        h('button', { class: 'small primary', 'data-testid': 'new-run', onclick: () => newRun(startedRun) }, 'New run')),
      errors,
      h('div', { class: 'grid' },
        panel('Runs', { testid: 'panel-runs' }, runsBox),
        panel('Fitness per generation', { span: 8 }, genNote, fitBox),
        panel('Diversity', { span: 4 }, divBox),
        panel('Hall of fame', { span: 12 }, hof),
        panel('Pareto front', { span: 12 }, paretoNote, paretoBox)));
    const fit = lineChart(fitBox, { series: [{ label: 'best', fmt: (v) => fmt.num(v, 4) }, { label: 'mean', color: '#d29922', fmt: (v) => fmt.num(v, 4) }], time: false, height: 240 });
    const div = lineChart(divBox, { series: [{ label: 'diversity', color: '#a371f7', fmt: (v) => fmt.num(v, 3) }], time: false, height: 240 });
    let pareto = null;
    ctx.onLeave(() => { fit.destroy(); div.destroy(); pareto?.destroy(); });

    function drawGenerations() {
      genNote.hidden = gens.length > 0;
      const xs = gens.map((g) => g.generation);
      fit.setData([xs, gens.map((g) => g.best_fitness), gens.map((g) => g.mean_fitness)]);
      div.setData([xs, gens.map((g) => g.diversity)]);
    }

    function drawPareto(front) {
      pareto?.destroy();
      pareto = null;
      paretoBox.replaceChildren();
      const keys = front.length ? Object.keys(front[0].objectives || {}) : [];
      paretoBox.hidden = keys.length < 2; // no empty plot area under the note
      if (keys.length < 2) {
        replace(paretoNote, empty(front.length ? 'Single-objective run.' : 'No Pareto front (run with --objective pareto).', 'pareto-empty'));
        return;
      }
      replace(paretoNote, h('div', { class: 'muted' }, `${front.length} non-dominated strategies: ${keys[0]} vs ${keys[1]}`));
      pareto = scatterChart(paretoBox, { xLabel: keys[0], yLabel: keys[1] });
      pareto.setPoints(front.map((p) => ({ x: p.objectives[keys[0]], y: p.objectives[keys[1]] })));
    }

    async function showRun(id) {
      selected = id;
      replace(runsBox, runsTable(runs, selected, showRun));
      title.textContent = id ? `run ${id}` : '';
      if (!id) {
        gens = [];
        drawGenerations();
        replace(hof, empty('Select a run.'));
        drawPareto([]);
        return;
      }
      const run = await getJson(`/api/evolution/runs/${encodeURIComponent(id)}`, ctx.signal);
      if (selected !== id) return;
      const byGen = new Map((live.get(id) || []).map((g) => [g.generation, g]));
      for (const g of run.generations || []) byGen.set(g.generation, g);
      gens = [...byGen.values()].sort((a, b) => a.generation - b.generation);
      drawGenerations();
      replace(hof, deflated(run.deflated_sharpe), hallOfFame((run.hall_of_fame || []).map((x, i) => ({ ...x, i }))));
      drawPareto(run.pareto_front || []);
    }

    async function loadRuns() {
      runs = await getJson('/api/evolution/runs', ctx.signal);
      replace(runsBox, runsTable(runs, selected, showRun));
    }

    try {
      await loadRuns();
      const first = runs.find((r) => r.status === 'running') || runs[0];
      await showRun(first ? first.run_id : null);
    } catch (e) {
      replace(errors, errorBox(e));
    }
    const refreshRuns = throttle(() => loadRuns().catch(() => {}), 2000);
    function startedRun(id) {
      loadRuns().then(() => showRun(id)).catch((e) => replace(errors, errorBox(e)));
    }
    ctx.on('evolution', (e) => {
      if (e.status && e.status !== 'running') {
        // finished: the hall of fame and the Pareto front are stored now
        loadRuns().then(() => (e.run_id === selected ? showRun(e.run_id) : null)).catch(() => {});
        return;
      }
      if (!live.has(e.run_id)) live.set(e.run_id, []);
      live.get(e.run_id).push(e);
      const run = runs.find((r) => r.run_id === e.run_id);
      if (!run) {
        refreshRuns();
        if (!selected) showRun(e.run_id).catch(() => {});
        return;
      }
      run.generations = Math.max(run.generations || 0, e.generation + 1);
      run.best_fitness = e.best_fitness;
      refreshRuns();
      if (e.run_id !== selected || gens.some((g) => g.generation === e.generation)) return;
      gens.push(e);
      drawGenerations();
    });
  },
};
