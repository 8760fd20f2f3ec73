// Fleet: every node of the tenant, its link and runtime state, host figures; filtered in the page, kept
// current by the event stream. Built for thousands of nodes: the table draws only the rows in view (ui.js
// dataTable), events change the list in memory and are drawn together at most once a second, and the list is
// read again through the API only for what an event does not carry.
import { all } from './api.js';
import { badge, bytes, dataTable, h, runtimeHealth, runtimeHealthText, when } from './ui.js';
import { applyNodeEvent, debounce, liveEvents, modeLine } from './live.js';
import { poll } from './state.js';

/** How often the fleet reads its nodes' host figures: the Supervisor stores a point a minute. */
const FIGURES_EVERY_MS = 60_000;

/** "2.0 GiB of 8.0 GiB (25 %)", or null when the node did not say. */
const share = (used, total) => (used === undefined || used === null || !total ? null
  : `${bytes(used)} of ${bytes(total)} (${Math.round((100 * used) / total)} %)`);

export async function fleetPage(view) {
  const filters = { text: '', state: '' };
  let agents = [];
  let byId = new Map();
  // each node's newest host point (GET /metrics/nodes), shown with its time on hover; the facts when none
  let figures = new Map();
  const figure = (a, show, otherwise) => {
    const f = figures.get(a.id);
    const shown = f ? show(f) : null;
    return shown === null ? otherwise : h('span', { title: `as of ${f.at}` }, shown);
  };
  const summary = h('p', { 'aria-live': 'polite' });
  const fleet = dataTable('fleet', [
    { label: 'Node', value: (a) => h('a', { href: `#/nodes/${a.id}` }, a.hostname), text: (a) => a.hostname },
    { label: 'Id', value: (a) => h('code', {}, a.id) },
    { label: 'Link', value: (a) => badge(a.state), text: (a) => a.state },
    { label: 'Runtimes', value: (a) => badge(a.runtime_state), text: (a) => a.runtime_state ?? '' },
    { label: 'Health', value: (a) => runtimeHealth(a), text: (a) => runtimeHealthText(a) },
    { label: 'Last seen', value: (a) => when(a.last_seen_at), text: (a) => a.last_seen_at ?? '' },
    { label: 'Warden', value: (a) => a.warden_version ?? '—' },
    { label: 'Host', value: (a) => `${a.os ?? '?'} ${a.arch ?? ''}` },
    { label: 'CPU', value: (a) => figure(a, (f) => (f.cpu_percent ?? null) === null ? null : `${f.cpu_percent.toFixed(0)} % of ${a.cpu_count ?? '?'}`, `${a.cpu_count ?? '?'} CPUs`),
      text: (a) => figures.get(a.id)?.cpu_percent ?? '' },
    { label: 'Memory', value: (a) => figure(a, (f) => share(f.memory_used_bytes, f.memory_total_bytes), bytes(a.memory_bytes)),
      text: (a) => figures.get(a.id)?.memory_used_bytes ?? '' },
    { label: 'Disk', value: (a) => figure(a, (f) => share(f.disk_used_bytes, f.disk_total_bytes), '—'),
      text: (a) => figures.get(a.id)?.disk_used_bytes ?? '' },
    { label: 'Config drift', value: (a) => a.config_drift ?? 'none' },
  ], { empty: 'No node matches; enroll one with POST /agents/enrollments (docs/getting-started.md).' });
  const draw = () => {
    const text = filters.text.toLowerCase();
    const shown = agents.filter((a) => (!filters.state || a.state === filters.state)
      && (!text || `${a.hostname} ${a.id} ${a.runtime_state ?? ''} ${runtimeHealthText(a)}`.toLowerCase().includes(text)));
    const online = agents.filter((a) => a.state === 'online').length;
    summary.textContent = `${agents.length} nodes, ${online} online, ${agents.length - online} not; ${shown.length} shown.`;
    fleet.show(shown);
  };
  const text = h('input', { type: 'search', id: 'fleet-filter', placeholder: 'hostname, id, state', oninput: (e) => { filters.text = e.target.value; draw(); } });
  const state = h('select', { id: 'fleet-state', onchange: (e) => { filters.state = e.target.value; draw(); } },
    ['', 'online', 'offline', 'enrolled'].map((s) => h('option', { value: s }, s || 'any link state')));
  view.replaceChildren(h('h1', {}, 'Fleet'),
    h('div', { class: 'filters' }, h('label', {}, 'Filter ', text), h('label', {}, 'Link ', state)), summary, fleet.element);
  const mode = modeLine();
  summary.before(mode.element);
  const reload = async () => {
    // pages read in parallel may overlap by a node enrolled meanwhile: one row per id
    byId = new Map((await all('/agents', 100_000)).map((a) => [a.id, a]));
    agents = [...byId.values()];
    draw();
  };
  const readFigures = async () => {
    figures = new Map((await all('/metrics/nodes', 100_000)).map((f) => [f.node_id, f.host]).filter(([, host]) => host));
    draw();
  };
  poll(readFigures, FIGURES_EVERY_MS);
  // a fleet coming online at once sends an event per node: they are drawn together, at most once a second
  const redraw = debounce(async () => draw(), 1000);
  const reread = debounce(reload, 5000);
  await liveEvents({ types: ['node.online', 'node.offline', 'node.deleted', 'deployment.node_added', 'deployment.node_running',
    'deployment.node_ready', 'deployment.node_failed', 'deployment.node_stopped', 'deployment.node_released', 'deployment.config_drift',
    'runtime.health_changed'],
  reload, pollMs: 5000,
  onEvent: (event) => {
    const agent = byId.get(event.node_id);
    if (!agent) { reread(); return; } // a node enrolled since the last read
    if (event.type === 'node.deleted') {
      byId.delete(agent.id);
      agents = agents.filter((a) => a !== agent);
    } else if (!applyNodeEvent(agent, event)) {
      reread(); // a node released from its deployment, a config drift: the list says what follows from it
      return;
    }
    redraw();
  }, onMode: mode.show });
}
