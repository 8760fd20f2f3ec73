// Fleet: every node of the tenant, its link and runtime state, host figures; filtered in the page, kept
// current by the event stream (a node's link state from its own event, the rest by reading the list again).
import { all } from './api.js';
import { badge, bytes, h, table, when } from './ui.js';
import { debounce, liveEvents, modeLine } from './live.js';

export async function fleetPage(view) {
  const filters = { text: '', state: '' };
  let agents = [];
  const holder = h('div');
  const summary = h('p', { 'aria-live': 'polite' });
  let drawn = '';
  const draw = () => {
    // a 1,000-node table is rebuilt only when what it shows changed, never for an event that changed nothing
    const seen = JSON.stringify([filters, agents]);
    if (seen === drawn) return;
    drawn = seen;
    const shown = agents.filter((a) => (!filters.state || a.state === filters.state)
      && (!filters.text || `${a.hostname} ${a.id} ${a.runtime_state ?? ''}`.toLowerCase().includes(filters.text.toLowerCase())));
    const online = agents.filter((a) => a.state === 'online').length;
    summary.textContent = `${agents.length} nodes, ${online} online, ${agents.length - online} not; ${shown.length} shown.`;
    holder.replaceChildren(table('fleet', [
      { label: 'Node', value: (a) => h('a', { href: `#/nodes/${a.id}` }, a.hostname), text: (a) => a.hostname },
      { label: 'Id', value: (a) => h('code', {}, a.id) },
      { label: 'Link', value: (a) => badge(a.state), text: (a) => a.state },
      { label: 'Runtimes', value: (a) => badge(a.runtime_state), text: (a) => a.runtime_state ?? '' },
      { label: 'Last seen', value: (a) => when(a.last_seen_at), text: (a) => a.last_seen_at ?? '' },
      { label: 'Warden', value: (a) => a.warden_version ?? '—' },
      { label: 'Host', value: (a) => `${a.os ?? '?'} ${a.arch ?? ''}` },
      { label: 'CPUs', value: (a) => a.cpu_count ?? '—' },
      { label: 'Memory', value: (a) => bytes(a.memory_bytes), text: (a) => a.memory_bytes ?? '' },
      { label: 'Config drift', value: (a) => a.config_drift ?? 'none' },
    ], shown, { empty: 'No node matches; enroll one with POST /agents/enrollments (docs/getting-started.md).' }));
  };
  const text = h('input', { type: 'search', id: 'fleet-filter', placeholder: 'hostname, id or state', oninput: (e) => { filters.text = e.target.value; draw(); } });
  const state = h('select', { id: 'fleet-state', onchange: (e) => { filters.state = e.target.value; draw(); } },
    ['', 'online', 'offline', 'enrolled'].map((s) => h('option', { value: s }, s || 'any link state')));
  view.replaceChildren(h('h1', {}, 'Fleet'),
    h('div', { class: 'filters' }, h('label', {}, 'Filter ', text), h('label', {}, 'Link ', state)), summary, holder);
  const mode = modeLine();
  summary.before(mode.element);
  const reload = async () => { agents = await all('/agents', 100_000); draw(); };
  // a fleet coming online at once sends an event per node: redraw at most twice a second, re-read at most every 5 s
  const redraw = debounce(async () => draw(), 500);
  const reread = debounce(reload, 5000);
  await liveEvents({ types: ['node.online', 'node.offline', 'node.deleted', 'deployment.node_running', 'deployment.node_ready',
    'deployment.node_failed', 'deployment.node_stopped', 'deployment.node_released', 'deployment.config_drift'],
  reload, pollMs: 5000,
  onEvent: (event) => {
    const agent = agents.find((a) => a.id === event.node_id);
    if (agent && (event.type === 'node.online' || event.type === 'node.offline')) {
      agent.state = event.type.slice(5);
      redraw();
    } else {
      reread();
    }
  }, onMode: mode.show });
}
