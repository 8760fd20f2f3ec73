// Fleet: every node of the tenant, its link and runtime state, host figures; filtered in the page.
import { all } from './api.js';
import { badge, bytes, h, table, when } from './ui.js';
import { poll } from './state.js';

export async function fleetPage(view) {
  const filters = { text: '', state: '' };
  let agents = [];
  const holder = h('div');
  const summary = h('p', { 'aria-live': 'polite' });
  const draw = () => {
    const shown = agents.filter((a) => (!filters.state || a.state === filters.state)
      && (!filters.text || `${a.hostname} ${a.id} ${a.runtime_state ?? ''}`.toLowerCase().includes(filters.text.toLowerCase())));
    const online = agents.filter((a) => a.state === 'online').length;
    summary.textContent = `${agents.length} nodes, ${online} online, ${agents.length - online} not; ${shown.length} shown.`;
    holder.replaceChildren(table('fleet', [
      { label: 'Node', value: (a) => a.hostname },
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
  await poll(async () => { agents = await all('/agents'); draw(); }, 5000);
}
