// A node's page (from the fleet): its facts, its runtimes, its activities (live from the event stream), its
// metrics over the hour, day and week, and a live tail of each runtime's log with follow and pause.
import { get } from './api.js';
import { badge, bytes, fill, h, problem, runtimeHealth, section, table, when } from './ui.js';
import { session } from './state.js';
import { debounce, liveEvents, modeLine, logTail } from './live.js';
import { metricsPanel } from './charts.js';
import { RUNTIMES } from './pages-overview.js';

/** Lines a tail keeps on the page; older ones are dropped as new ones come. */
const KEPT_LINES = 2000;

export async function nodePage(view, nodeId) {
  let agent = await get(`/agents/${nodeId}`);
  const deployment = session.can('deployment:read') ? (await get(`/deployments?agent_id=${nodeId}&results=1`)).items[0] ?? null : null;
  const facts = h('div'), activities = h('div'), runtimes = h('div');
  const mode = modeLine();
  const heading = h('h1', {});
  const drawFacts = () => {
    heading.replaceChildren(agent.hostname, ' ', badge(agent.state));
    const rows = [['Id', h('code', {}, agent.id)], ['Link', badge(agent.state)], ['Runtimes', badge(agent.runtime_state)], ['Health', runtimeHealth(agent)],
      ['Last seen', when(agent.last_seen_at)], ['Warden', agent.warden_version ?? '—'], ['Operating system', agent.os ?? '—'],
      ['Architecture', agent.arch ?? '—'], ['CPUs', agent.cpu_count ?? '—'], ['Memory', bytes(agent.memory_bytes)],
      ['Config drift', agent.config_drift ?? 'none'], ['Enrolled', when(agent.created_at)],
      ['Deployment', deployment ? h('a', { href: `#/deployments/${deployment.id}` }, deployment.name) : 'none']];
    facts.replaceChildren(h('dl', { class: 'facts', 'data-facts': agent.id }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])));
  };
  drawFacts();
  view.replaceChildren(h('p', {}, h('a', { href: '#/fleet' }, 'Fleet'), ' / ', agent.hostname), heading, mode.element, section('Facts', facts));
  if (!deployment) {
    mode.element.remove();
    view.append(h('p', { class: 'empty' }, 'This node is in no deployment: it runs no runtime, so it has no activity, metrics or log to show.'));
    return;
  }

  let items = [];
  const drawActivities = () => activities.replaceChildren(table('node-activities', [
    { label: 'When', value: (a) => when(a.created_at), text: (a) => a.created_at },
    { label: 'Runtime', value: (a) => a.runtime },
    { label: 'Action', value: (a) => a.action },
    { label: 'Status', value: (a) => badge(a.status), text: (a) => a.status },
    { label: 'Message', value: (a) => a.message ?? '' },
  ], items, { empty: 'No activity on this node yet.' }));
  const reload = async () => {
    agent = await get(`/agents/${nodeId}`);
    items = (await get(`/deployments/${deployment.id}/activities?node_id=${nodeId}&results=20`)).items;
    drawFacts();
    drawActivities();
  };
  const changed = debounce(reload, 300);
  const metrics = metricsPanel({ deploymentId: deployment.id, nodeIds: [agent.id], name: () => agent.hostname,
    onAnswer: (answer) => drawRuntimes(runtimes, answer.items.find((item) => item.node_id === agent.id)) });
  view.append(section('Runtimes', runtimes), section('Activities', activities), section('Metrics', metrics.element),
    section('Log', logPanel(deployment.id, agent.id)));
  await liveEvents({ types: ['activity.created', 'activity.completed', 'activity.rejected', 'node.online', 'node.offline',
    'deployment.node_running', 'deployment.node_ready', 'deployment.node_failed', 'deployment.node_stopped', 'runtime.exited',
    'runtime.health_changed'],
  reload, onEvent: (event) => { if (event.node_id === agent.id) changed(); }, onMode: mode.show });
  metrics.reload();
}

function drawRuntimes(holder, item) {
  const latest = item?.latest;
  fill(holder, latest ? table('node-runtimes', [
    { label: 'Runtime', value: (r) => r.runtime },
    { label: 'Process', value: (r) => badge(r.running ? 'running' : 'stopped'), text: (r) => (r.running ? 'running' : 'stopped') },
    { label: 'OS state', value: (r) => r.state ?? '—' },
    { label: 'Pid', value: (r) => r.pid ?? '—' },
    { label: 'Memory (RSS)', value: (r) => bytes(r.rss_bytes), text: (r) => r.rss_bytes ?? '' },
    { label: 'CPU', value: (r) => (r.cpu_percent === null || r.cpu_percent === undefined ? '—' : `${r.cpu_percent.toFixed(1)} %`) },
    { label: 'Up for', value: (r) => (r.uptime_ms ? `${Math.round(r.uptime_ms / 1000)} s` : '—') },
    { label: 'Restarts', value: (r) => r.restarts ?? '—' },
  ], latest.runtimes ?? []) : h('p', { class: 'empty' }, 'The node has not reported its runtimes yet.'),
  latest ? h('p', { class: 'hint' }, 'As of ', when(latest.at), ' (the newest stored metric point).') : null);
}

/** A runtime's log on one node: the newest lines, then each new one; Pause holds the view while lines keep coming. */
function logPanel(deploymentId, nodeId) {
  const output = h('pre', { class: 'log', id: 'log-lines', tabindex: 0, 'aria-label': 'log lines' });
  const note = h('p', { class: 'hint', 'aria-live': 'polite' });
  const runtime = h('select', { id: 'log-runtime', onchange: () => open() }, RUNTIMES.map((r) => h('option', { value: r }, r)));
  const toggle = h('button', { type: 'button', id: 'log-toggle', onclick: () => (close && !paused ? pause() : resume()) }, 'Pause');
  let close = null, paused = false, held = [];

  const append = (lines) => {
    output.append(...lines.map((line) => `${line}\n`));
    while (output.childNodes.length > KEPT_LINES) output.firstChild.remove();
    output.scrollTop = output.scrollHeight;
  };
  const open = () => {
    close?.();
    output.replaceChildren();
    held = [];
    paused = false;
    note.textContent = `Following ${runtime.value}.`;
    toggle.textContent = 'Pause';
    close = logTail({ deploymentId, nodeId, runtime: runtime.value,
      onLines: (lines) => {
        if (paused) { held.push(...lines); held = held.slice(-KEPT_LINES); note.textContent = `Paused; ${held.length} new line(s) held.`; } else append(lines);
      },
      onError: (text) => { close?.(); close = null; note.replaceChildren(problem({ detail: text })); toggle.textContent = 'Follow'; } });
  };
  const pause = () => { paused = true; toggle.textContent = 'Follow'; note.textContent = 'Paused; new lines are held until you follow again.'; };
  const resume = () => {
    if (!close) return open();
    paused = false;
    append(held);
    held = [];
    toggle.textContent = 'Pause';
    note.textContent = `Following ${runtime.value}.`;
  };
  open();
  return h('div', {}, h('div', { class: 'filters' }, h('label', {}, 'Runtime ', runtime), toggle), note, output);
}
