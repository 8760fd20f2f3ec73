// Fleet: every node of the tenant, its link and runtime state, host figures; filtered in the page, kept
// current by the event stream. Built for thousands of nodes: the table draws only the rows in view (ui.js
// dataTable), events change the list in memory and are drawn together at most once a second, and the list is
// read again through the API only for what an event does not carry.
import { all } from './api.js';
import { badge, bytes, dataTable, h, runtimeHealth, runtimeHealthText, when } from './ui.js';
import { applyNodeEvent, debounce, liveEvents, modeLine } from './live.js';

export async function fleetPage(view) {
  const filters = { text: '', state: '' };
  let agents = [];
  let byId = new Map();
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
    { label: 'CPUs', value: (a) => a.cpu_count ?? '—' },
    { label: 'Memory', value: (a) => bytes(a.memory_bytes), text: (a) => a.memory_bytes ?? '' },
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
