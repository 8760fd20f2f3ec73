// Metrics charts over the hour, day and week: inline SVG drawn from GET /deployments/{id}/metrics?window=…
// (docs/api/metrics.md), one line per node or runtime, no chart library.
import { get } from './api.js';
import { bytes, h, problem } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const WINDOWS = [['1h', 'Hour'], ['1d', 'Day'], ['7d', 'Week']];
const WIDTH = 460, HEIGHT = 150, LEFT = 56, RIGHT = 8, TOP = 8, BOTTOM = 22;
/** Distinguishable in the light and the dark theme. */
const LEGEND_MAX = 12;
const COLOURS = ['#3b82f6', '#e8590c', '#2f9e44', '#ae3ec9', '#0c8599', '#c2255c', '#868e96', '#f59f00'];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * One chart. series: [{name, points: [{t: ms since epoch, v: number}]}]; a point missing for more than two
 * steps (a node offline) breaks its line instead of drawing across the gap.
 */
export function lineChart({ id, title, series, from, to, stepMs, format }) {
  const values = series.flatMap((s) => s.points.map((p) => p.v));
  const top = values.reduce((a, b) => Math.max(a, b), 0) || 1; // not Math.max(...values): 1,000 nodes' points overflow the call's arguments
  const x = (t) => LEFT + ((t - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
  const y = (v) => TOP + (1 - v / top) * (HEIGHT - TOP - BOTTOM);
  const lines = series.flatMap((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    let d = '', previous = null;
    const alone = []; // a point with no neighbour (the first minute of a node, one between gaps) draws no line: a dot
    s.points.forEach((p, k) => {
      const joined = previous !== null && p.t - previous <= 2.5 * stepMs;
      const next = s.points[k + 1];
      if (!joined && !(next && next.t - p.t <= 2.5 * stepMs)) alone.push(p);
      d += `${joined ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
      previous = p.t;
    });
    return [svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 1.6, 'data-series': s.name }, svg('title', {}, s.name)),
      ...alone.map((p) => svg('circle', { cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 2.4, fill: colour, 'data-series': s.name },
        svg('title', {}, s.name)))];
  });
  const time = (t) => new Date(t).toISOString().slice(to - from > 86_400_000 ? 5 : 11, 16).replace('T', ' ');
  const label = (text, attributes) => svg('text', { class: 'axis', ...attributes }, text);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `${title}, ${values.length} points`,
    class: 'chart', 'data-chart': id, 'data-points': values.length },
  svg('title', {}, title),
  svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0), class: 'grid' }),
  svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(top), y2: y(top), class: 'grid' }),
  label(format(top), { x: LEFT - 4, y: y(top) + 4, 'text-anchor': 'end' }),
  label(format(0), { x: LEFT - 4, y: y(0) + 4, 'text-anchor': 'end' }),
  label(time(from), { x: LEFT, y: HEIGHT - 6 }),
  label(time(to), { x: WIDTH - RIGHT, y: HEIGHT - 6, 'text-anchor': 'end' }),
  ...lines);
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), chart,
    !values.length ? h('p', { class: 'empty' }, 'No point in this window.')
      // a legend of hundreds of nodes says nothing: past a dozen lines, each line names itself on hover
      : series.length > LEGEND_MAX ? h('p', { class: 'hint' }, `${series.length} lines; hover one for its name.`)
        : h('ul', { class: 'legend' }, series.map((s, i) => h('li', { style: `--swatch: ${COLOURS[i % COLOURS.length]}` }, s.name))));
}

const percent = (v) => `${Math.round(v)} %`;

/** What each chart plots from a history point; `runtime` charts take one line per node and runtime. */
const FIGURES = [
  { id: 'cpu', title: 'Host CPU', format: percent, value: (p) => p.cpu_percent },
  { id: 'memory', title: 'Host memory used', format: percent,
    value: (p) => (p.memory_total_bytes ? (100 * p.memory_used_bytes) / p.memory_total_bytes : null) },
  { id: 'rss', title: 'Runtime memory (RSS)', format: bytes, runtime: (r) => r.rss_bytes },
];

/**
 * The charts of a deployment, or of some of its nodes: a window picker (hour, day, week) and one chart per
 * figure. `name(nodeId)` labels a node's lines; `onAnswer` also gets each answer. Nothing is read until `reload()`.
 */
export function metricsPanel({ deploymentId, nodeIds = null, name, onAnswer = () => {} }) {
  const charts = h('div', { class: 'charts', 'aria-live': 'polite' });
  let chosen = WINDOWS[0][0];
  const buttons = WINDOWS.map(([window, label]) => h('button', { type: 'button', class: 'quiet', 'data-window': window,
    'aria-pressed': String(window === chosen), onclick: () => { chosen = window; load(); } }, label));
  const load = async () => {
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.window === chosen)));
    try {
      const answer = await get(`/deployments/${deploymentId}/metrics?window=${chosen}`);
      onAnswer(answer);
      const items = answer.items.filter((item) => !nodeIds || nodeIds.includes(item.node_id));
      const to = Date.now();
      const from = to - { '1h': 3_600_000, '1d': 86_400_000, '7d': 604_800_000 }[chosen];
      const stepMs = answer.step_seconds * 1000;
      charts.replaceChildren(...FIGURES.map((figure) => lineChart({ id: figure.id, title: figure.title, from, to, stepMs,
        format: figure.format, series: seriesOf(items, figure, name) })));
    } catch (error) {
      charts.replaceChildren(problem(error));
    }
  };
  // Points are stored once a minute: a panel left open reads again every 15 s, until its page is gone.
  let refresh = null;
  const reload = () => {
    refresh ??= setInterval(() => { if (charts.isConnected) { load(); } else { clearInterval(refresh); } }, 15_000);
    return load();
  };
  return { element: h('div', {}, h('div', { class: 'filters', role: 'group', 'aria-label': 'Window' }, buttons), charts), reload };
}

function seriesOf(items, figure, name) {
  const points = (history, value) => history.map((p) => ({ t: Date.parse(p.at), v: value(p) })).filter((p) => p.v !== null && p.v !== undefined);
  if (!figure.runtime) return items.map((item) => ({ name: name(item.node_id), points: points(item.history, figure.value) }));
  return items.flatMap((item) => {
    const runtimes = [...new Set(item.history.flatMap((p) => Object.keys(p.runtimes ?? {})))];
    return runtimes.map((runtime) => ({ name: `${name(item.node_id)} ${runtime}`,
      points: points(item.history, (p) => (p.runtimes?.[runtime] ? figure.runtime(p.runtimes[runtime]) : null)) }));
  });
}
