// Dashboard shell: hash router, page lifecycle, top-bar status and the halt banner fed by server push.
import { getJson } from './api.js';
import { errorBox, fmt, h, replace, toneOf } from './dom.js';
import { bus, connectStream } from './stream.js';

const PAGES = {
  overview: () => import('./pages/overview.js'),
  strategies: () => import('./pages/strategies.js'),
  evolution: () => import('./pages/evolution.js'),
  orders: () => import('./pages/orders.js'),
  positions: () => import('./pages/positions.js'),
  decisions: () => import('./pages/decisions.js'),
  alerts: () => import('./pages/alerts.js'),
  rules: () => import('./pages/rules.js'),
};

const main = document.getElementById('main');
let current = null;

/** Per-page context: subscriptions and timers are released when the page is left. */
function makeContext() {
  const cleanups = [];
  const controller = new AbortController();
  cleanups.push(() => controller.abort());
  return {
    signal: controller.signal,
    on(type, fn) {
      cleanups.push(bus.on(type, fn));
    },
    every(ms, fn) {
      const id = setInterval(fn, ms);
      cleanups.push(() => clearInterval(id));
    },
    onLeave(fn) {
      cleanups.push(fn);
    },
    dispose() {
      cleanups.splice(0).reverse().forEach((f) => f());
    },
  };
}

async function route() {
  const name = (location.hash.replace(/^#\/?/, '').split('?')[0] || 'overview').toLowerCase();
  const id = PAGES[name] ? name : 'overview';
  current?.dispose();
  const ctx = makeContext();
  current = ctx;
  document.querySelectorAll('.sidenav a').forEach((a) => a.classList.toggle('active', a.dataset.route === id));
  document.body.classList.remove('nav-open');
  main.dataset.page = id;
  delete main.dataset.ready;
  replace(main, h('div', { class: 'muted' }, 'Loading…'));
  try {
    const page = (await PAGES[id]()).default;
    if (current !== ctx) return;
    document.title = `${page.title} · ResearchPlatform`;
    await page.mount(main, ctx);
  } catch (e) {
    if (current !== ctx) return;
    replace(main, errorBox(e));
  }
  if (current === ctx) main.dataset.ready = id;
}

function setPill(testid, text, tone) {
  const el = document.querySelector(`[data-testid="${testid}"]`);
  el.textContent = text;
  el.className = `pill pill-${tone}`;
}

function showHealth(health) {
  if (!health) return;
  const score = health.health_score;
  setPill('top-health', `health ${fmt.num(score * 100, 0)}%`, health.healthy ? 'good' : 'bad');
  const banner = document.querySelector('[data-testid="halt-banner"]');
  banner.hidden = !health.live_trading_blocked;
  banner.textContent = health.live_trading_blocked ? `Trading halted: ${health.blocked_reason || 'blocked'}` : '';
}

function showRisk(risk) {
  if (risk && risk.level) setPill('top-risk', `risk ${String(risk.level).toUpperCase()}`, toneOf(risk.level));
}

bus.on('snapshot', (s) => {
  showHealth(s.health);
  showRisk(s.risk);
});
bus.on('health', showHealth);
bus.on('connection', ({ live }) => setPill('live-status', live ? 'live' : 'offline', live ? 'good' : 'bad'));

document.querySelector('[data-testid="nav-toggle"]').addEventListener('click', () => document.body.classList.toggle('nav-open'));
window.addEventListener('hashchange', route);
connectStream();
route();
Promise.all([getJson('/api/health'), getJson('/api/risk')])
  .then(([health, risk]) => {
    showHealth(health);
    showRisk(risk);
  })
  .catch(() => setPill('top-health', 'health ?', 'bad'));
