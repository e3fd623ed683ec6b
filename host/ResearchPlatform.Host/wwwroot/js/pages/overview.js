// Overview: health and components, risk and breakers, equity/drawdown, positions, today's PnL, latest alerts, emergency stop.
import { getJson, postJson } from '../api.js';
import { lineChart, toSec } from '../charts.js';
import { runControl } from '../control.js';
import { empty, errorBox, fmt, h, panel, pill, replace, signClass, table, throttle } from '../dom.js';
import { bus } from '../stream.js';
import { toast } from '../toast.js';

function kpi(label, testid) {
  const value = h('div', { class: 'value', 'data-testid': testid }, '–');
  const sub = h('div', { class: 'sub', 'data-testid': `${testid}-sub` });
  return { el: h('div', { class: 'kpi' }, h('div', { class: 'label', text: label }), value, sub), value, sub };
}

function setKpi(k, text, sub, cls) {
  k.value.textContent = text;
  k.value.className = `value ${cls || ''}`;
  k.sub.textContent = sub || '';
}

function componentsTable(components) {
  return table([
    { label: 'Component', get: (c) => c.name },
    { label: 'Kind', get: (c) => c.kind },
    { label: 'Status', get: (c) => pill(c.status) },
    { label: 'Since', get: (c) => fmt.time(c.since) },
    { label: 'Reason', get: (c) => c.reason, wrap: true },
  ], components, { empty: 'No components reported.', testid: 'components' });
}

function breakersList(risk) {
  const b = risk.active_breakers || [];
  if (b.length === 0) return empty('No circuit breaker active.', 'breakers-empty');
  return h('ul', { class: 'list', 'data-testid': 'breakers' }, b.map((x) => h('li', {},
    pill(x.name, 'bad'), ' ', x.reason, h('div', { class: 'muted' }, `since ${fmt.time(x.since)}${x.until ? ` until ${fmt.time(x.until)}` : ''}`))));
}

function positionsTable(positions) {
  return table([
    { label: 'Symbol', get: (p) => p.symbol },
    { label: 'Strategy', get: (p) => p.strategy_id },
    { label: 'Qty', get: (p) => fmt.num(p.quantity, 6), num: true },
    { label: 'Avg', get: (p) => fmt.money(p.avg_price), num: true },
    { label: 'Mark', get: (p) => fmt.money(p.mark_price), num: true },
    { label: 'Unrealized', get: (p) => h('span', { class: signClass(p.unrealized_pnl) }, fmt.signed(p.unrealized_pnl)), num: true },
  ], positions, { empty: 'No open positions.', testid: 'overview-positions' });
}

function alertsList(alerts) {
  if (!alerts.length) return empty('No alerts.', 'overview-alerts-empty');
  return h('ul', { class: 'list', 'data-testid': 'overview-alerts' }, alerts.map((a) => h('li', {},
    pill(String(a.level).toUpperCase()), ' ', h('strong', {}, a.title), ' ',
    h('span', { class: 'muted' }, `${fmt.time(a.created_at)}${a.count > 1 ? ` ×${a.count}` : ''}`))));
}

function emergencyStop(after) {
  runControl({
    title: 'Emergency stop',
    message: 'Cancels every open order, halts new orders and raises an EMERGENCY alert. Trading stays halted until the service is restarted.',
    confirm: 'I understand: cancel all open orders and halt trading now.',
    confirmLabel: 'Stop trading',
    danger: true,
    action: () => postJson('/api/emergency-stop', { confirm: true }),
    done: () => {
      toast('Emergency stop executed: trading halted.');
      after();
    },
  });
}

export default {
  title: 'Overview',
  async mount(root, ctx) {
    const k = {
      health: kpi('Health', 'kpi-health'), risk: kpi('Risk level', 'kpi-risk'), equity: kpi('Equity', 'kpi-equity'),
      today: kpi("Today's PnL", 'kpi-today-pnl'), dd: kpi('Drawdown', 'kpi-drawdown'), pos: kpi('Positions', 'kpi-positions'),
    };
    const updated = h('span', { class: 'updated', 'data-testid': 'updated' });
    const comps = h('div'); const breakers = h('div'); const positions = h('div'); const alerts = h('div');
    const chartBox = h('div', { class: 'chart', 'data-testid': 'equity-chart' });
    const errors = h('div');
    const refresh = () => load().catch((e) => replace(errors, errorBox(e)));
    replace(root,
      h('div', { class: 'page-head' }, h('h1', { text: 'Overview' }), updated, h('span', { class: 'spacer' }),
        h('button', { class: 'danger', 'data-testid': 'estop-button', onclick: () => emergencyStop(refresh) }, 'Emergency stop')),
      errors,
      h('div', { class: 'kpis' }, Object.values(k).map((x) => x.el)),
      h('div', { class: 'grid' },
        panel('Equity and drawdown', { span: 8, testid: 'panel-equity' }, chartBox),
        panel('Risk: active circuit breakers', { span: 4 }, breakers),
        panel('Components', { span: 8 }, comps),
        panel('Latest alerts', { span: 4, extra: h('a', { href: '#/alerts' }, 'all') }, alerts),
        panel('Open positions', { span: 12, extra: h('a', { href: '#/positions' }, 'reconciliation') }, positions)));
    const chart = lineChart(chartBox, {
      series: [{ label: 'Equity', fmt: fmt.money, fill: 'rgba(78,161,255,0.08)' },
        { label: 'Drawdown %', scale: 'y2', color: '#f85149', fmt: (v) => fmt.pct(v) }],
      y2Label: 'drawdown %',
      height: 240,
    });
    ctx.onLeave(() => chart.destroy());

    const showHealth = (hl) => {
      setKpi(k.health, `${fmt.num(hl.health_score * 100, 0)}%`, `${hl.healthy ? 'healthy' : 'UNHEALTHY'} · ${hl.mode} · threshold ${fmt.num(hl.threshold * 100, 0)}%`, hl.healthy ? 'pos' : 'neg');
      replace(comps, (hl.warnings || []).map((w) => h('div', { class: 'muted', 'data-testid': 'health-warning' }, `⚠ ${w}`)), componentsTable(hl.components || []));
    };
    const showRisk = (r) => {
      setKpi(k.risk, String(r.level || '–').toUpperCase(), r.regime ? `regime ${r.regime}` : '');
      replace(breakers, breakersList(r));
    };
    const showPortfolio = (p) => {
      setKpi(k.equity, fmt.money(p.equity), `cash ${fmt.money(p.cash)} · realized ${fmt.signed(p.realized_pnl)}`);
      setKpi(k.today, fmt.signed(p.today_pnl), `unrealized ${fmt.signed(p.unrealized_pnl)}`, signClass(p.today_pnl));
      setKpi(k.dd, fmt.pct(p.drawdown_pct), `max ${fmt.pct(p.max_drawdown_pct)}`, p.drawdown_pct > 0 ? 'neg' : undefined);
      const replay = p.as_of ? ` · portfolio as of ${fmt.time(p.as_of)}${p.bars_replayed ? ` (${fmt.int(p.bars_replayed)} bars)` : ''}` : '';
      updated.textContent = `updated ${new Date().toISOString().slice(11, 19)} UTC${replay}`;
    };
    const showPositions = (list) => {
      setKpi(k.pos, String(list.length), `${list.filter((p) => p.reconciled === false).length} unreconciled`);
      replace(positions, positionsTable(list));
    };

    async function load() {
      const [hl, p, r, pos, al] = await Promise.all([getJson('/api/health', ctx.signal), getJson('/api/portfolio', ctx.signal),
        getJson('/api/risk', ctx.signal), getJson('/api/positions', ctx.signal), getJson('/api/alerts?limit=6', ctx.signal)]);
      replace(errors);
      showHealth(hl); showRisk(r); showPortfolio(p); showPositions(pos);
      replace(alerts, alertsList(al));
      showCurve(p);
      bus.emit('health', hl);
    }

    // The curve is stamped in portfolio (replay) time, so it is re-read (<= 500 points) rather than extended with wall-clock points.
    function showCurve(p) {
      const curve = p.equity_curve || [];
      chart.setData([curve.map((x) => toSec(x.t)), curve.map((x) => x.equity), curve.map((x) => x.drawdown_pct)]);
    }
    const refreshCurve = throttle(() => getJson('/api/portfolio', ctx.signal).then(showCurve).catch(() => {}), 3000);

    await load();
    const refreshPositions = throttle(() => getJson('/api/positions', ctx.signal).then(showPositions).catch(() => {}), 1000);
    const refreshAlerts = throttle(() => getJson('/api/alerts?limit=6', ctx.signal).then((a) => replace(alerts, alertsList(a))).catch(() => {}), 1000);
    ctx.on('snapshot', (s) => {
      if (s.health) showHealth(s.health);
      if (s.risk) showRisk({ ...s.risk, regime: s.risk.regime });
      if (s.portfolio) {
        showPortfolio(s.portfolio);
        refreshCurve();
      }
    });
    ctx.on('order', refreshPositions);
    ctx.on('alert', refreshAlerts);
    ctx.every(5000, refreshPositions);
  },
};
