// Charts on uPlot (vendor/uPlot.iife.min.js, MIT): responsive line and scatter charts with the dashboard's colours.
const AXIS = { stroke: '#8b98a7', grid: { stroke: '#2a3440', width: 1 }, ticks: { stroke: '#2a3440' } };
export const PALETTE = ['#4ea1ff', '#3fb950', '#d29922', '#f85149', '#a371f7', '#39c5cf', '#ff9bce', '#c9d1d9'];

function uPlotOrThrow() {
  if (!window.uPlot) throw new Error('chart library not loaded (vendor/uPlot.iife.min.js)');
  return window.uPlot;
}

function observe(container, plot, height) {
  const ro = new ResizeObserver(() => {
    const w = Math.max(200, container.clientWidth);
    if (Math.abs(w - plot.width) > 1) plot.setSize({ width: w, height });
  });
  ro.observe(container);
  return ro;
}

/**
 * A line chart. series = [{label, color, scale?: 'y'|'y2', fill?, fmt?: v => text}], time = x in unix seconds.
 * Returns {setData(data), append(x, ...ys), destroy()}; data = [xs, ys1, ys2, ...]. The container's
 * data-points attribute holds the number of points drawn (read by the browser tests).
 */
export function lineChart(container, { series, time = true, height = 220, y2Label, maxPoints = 2000 }) {
  const U = uPlotOrThrow();
  const usesY2 = series.some((s) => s.scale === 'y2');
  const opts = {
    width: Math.max(200, container.clientWidth),
    height,
    scales: { x: { time } },
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
    axes: [
      // x without time = generations: whole-number ticks only (no "0.2 generations")
      time ? { ...AXIS } : { ...AXIS, incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000] },
      { ...AXIS, size: 60 },
      ...(usesY2 ? [{ ...AXIS, scale: 'y2', side: 1, grid: { show: false }, label: y2Label, size: 60 }] : []),
    ],
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.label,
        scale: s.scale || 'y',
        stroke: s.color || PALETTE[i % PALETTE.length],
        width: 1.5,
        fill: s.fill,
        spanGaps: true,
        value: s.fmt ? (_, v) => (v == null ? '–' : s.fmt(v)) : undefined,
        points: { show: false },
      })),
    ],
  };
  let data = [[], ...series.map(() => [])];
  const plot = new U(opts, data, container);
  const ro = observe(container, plot, height);
  return {
    plot,
    setData(d) {
      data = d.map((a) => Array.from(a));
      plot.setData(data);
      container.dataset.points = String(data[0].length);
    },
    append(x, ...ys) {
      const xs = data[0];
      if (xs.length && x <= xs[xs.length - 1]) return;
      xs.push(x);
      ys.forEach((y, i) => data[i + 1].push(y));
      if (xs.length > maxPoints) data.forEach((a) => a.shift());
      plot.setData(data);
      container.dataset.points = String(xs.length);
    },
    destroy() {
      ro.disconnect();
      plot.destroy();
    },
  };
}

/** A scatter chart of points [{x, y}] (sorted by x for uPlot), with axis labels. */
export function scatterChart(container, { xLabel, yLabel, height = 260, color = PALETTE[1] }) {
  const U = uPlotOrThrow();
  const ranges = { x: [0, 1], y: [0, 1] };
  const opts = {
    width: Math.max(200, container.clientWidth),
    height,
    // Padded ranges: uPlot fits the axes to the extreme points exactly, which cuts the outermost markers in half.
    // uPlot's own y range only looks at the points inside the x window, so both ranges come from all the points.
    scales: { x: { time: false, range: () => ranges.x }, y: { range: () => ranges.y } },
    legend: { show: false },
    axes: [{ ...AXIS, label: xLabel }, { ...AXIS, label: yLabel, size: 60 }],
    series: [{}, { label: yLabel, stroke: color, fill: `${color}88`, paths: () => null, points: { show: true, size: 8, width: 1 } }],
  };
  const plot = new U(opts, [[], []], container);
  const ro = observe(container, plot, height);
  return {
    plot,
    setPoints(points) {
      const sorted = [...points].sort((a, b) => a.x - b.x);
      const xs = sorted.map((p) => p.x); const ys = sorted.map((p) => p.y);
      ranges.x = sorted.length ? padded(Math.min(...xs), Math.max(...xs)) : [0, 1];
      ranges.y = sorted.length ? padded(Math.min(...ys), Math.max(...ys)) : [0, 1];
      plot.setData([sorted.map((p) => p.x), sorted.map((p) => p.y)]);
      container.dataset.points = String(sorted.length);
    },
    destroy() {
      ro.disconnect();
      plot.destroy();
    },
  };
}

/** [min, max] widened by 8 % of the span on each side (a single value: by 8 % of its size, or 1). */
export function padded(min, max) {
  if (min == null || max == null) return [0, 1];
  const span = max - min || Math.abs(max) || 1;
  return [min - span * 0.08, max + span * 0.08];
}

/** Aligns several [xs, ys] tables on one x axis (uPlot.join), for several curves with their own timestamps. */
export function joinCurves(tables) {
  return uPlotOrThrow().join(tables);
}

/** ISO time -> unix seconds. */
export const toSec = (iso) => new Date(iso).getTime() / 1000;
