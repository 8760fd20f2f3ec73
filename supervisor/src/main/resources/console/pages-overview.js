// A deployment's first tab: the nodes × runtimes grid, actions, the newest rollout, the activity timeline,
// the lifecycle events and the metrics charts, kept current by the event stream (polling only without it).
import { all, get, post } from './api.js';
import { badge, confirmAction, dataTable, h, problem, runtimeHealth, runtimeHealthText, section, table, when } from './ui.js';
import { session } from './state.js';
import { applyNodeEvent, debounce, liveEvents, modeLine } from './live.js';
import { rolloutOptions, rolloutPanel } from './rollout.js';
import { metricsPanel } from './charts.js';

export const RUNTIMES = ['iggy', 'connectors'];

const ACTIONS = {
  start: 'starts the runtime with its configured command and reports success once its health URL answers; where it already runs, nothing changes.',
  stop: 'sends SIGTERM, then SIGKILL after the grace period; clients connected to these nodes lose their connection.',
  restart: 'stops the runtime (SIGTERM, then SIGKILL after the grace period) and starts it again; clients reconnect once it answers its health URL.',
};

/** Activities the timeline keeps in memory (the newest 20 are shown; the grid shows each node's newest). */
const ACTIVITIES_KEPT = 2000;

/** The events this page follows; the others (snapshots, configs, webhooks) do not change what it shows. */
const TYPES = ['activity.created', 'activity.completed', 'activity.rejected', 'rollout.progressed', 'rollout.stopped',
  'deployment.status_changed', 'deployment.restarted', 'deployment.scaled', 'deployment.killed', 'deployment.config_drift',
  'deployment.node_added', 'deployment.node_released', 'deployment.node_running', 'deployment.node_ready',
  'deployment.node_failed', 'deployment.node_stopped', 'node.online', 'node.offline', 'node.deleted', 'runtime.exited',
  'runtime.health_changed'];

/** Node events that say all they change: applied to the grid without reading the nodes again. */
const SAID_IN_FULL = new Set(['node.online', 'node.offline', 'runtime.health_changed']);

export async function overviewTab(body, deployment) {
  const manage = session.can('deployment:manage');
  const selected = new Set();
  let agents = new Map(), activities = [], recent = [];
  const timeline = h('div'), events = h('div'), status = h('div', { 'aria-live': 'polite' });
  const mode = modeLine();
  const hostname = (nodeId) => agents.get(nodeId)?.hostname ?? nodeId;
  const rollout = rolloutPanel({ deployment, hostname });
  const ours = (event) => event.deployment_id === deployment.id || deployment.agent_ids.includes(event.node_id);

  const act = async (runtime, action) => {
    const nodes = selected.size ? [...selected] : deployment.agent_ids;
    const title = `${action[0].toUpperCase()}${action.slice(1)} ${runtime}`;
    const options = rolloutOptions(action, nodes.length, deployment.agent_ids.length);
    const ok = await confirmAction(`${title} on ${nodes.length} node${nodes.length > 1 ? 's' : ''}?`,
      h('div', {},
        h('p', {}, `On each node this ${ACTIONS[action]}`),
        h('ul', {}, nodes.map((n) => h('li', {}, `${hostname(n)} (${n})`))),
        options.element),
      title, { danger: action !== 'start' });
    if (!ok) return;
    try {
      const answer = await post(`/deployments/${deployment.id}/activities/${runtime}/${action}`,
        { ...(selected.size ? { nodes } : {}), ...options.options() });
      status.replaceChildren(h('p', {}, `${answer.items.length} ${action} activit${answer.items.length > 1 ? 'ies' : 'y'} started; progress below.`));
      // the answer is the state right after the request; the stream tells the rest
      answer.items.forEach((item) => upsert(item));
      drawActivities();
      if (answer.rollout) await rollout.show(answer.rollout.id);
    } catch (error) {
      status.replaceChildren(problem(error));
    }
  };

  const upsert = (activity) => {
    const index = activities.findIndex((a) => a.id === activity.id);
    if (index < 0) { activities.unshift(activity); activities.length = Math.min(activities.length, ACTIVITIES_KEPT); }
    else activities[index] = { ...activities[index], ...activity, created_at: activities[index].created_at };
  };

  let drawn = '';
  const drawActivities = () => {
    // redraw only what changed, so an update never takes focus or a half-made click from the person
    const seen = JSON.stringify([[...agents.values()].map((a) => [a.state, a.runtime_state, a.runtime_health, a.config_drift]), activities]);
    if (seen === drawn) return;
    drawn = seen;
    drawGrid();
    timeline.replaceChildren(table('activities', [
      { label: 'When', value: (a) => when(a.created_at), text: (a) => a.created_at },
      { label: 'Node', value: (a) => hostname(a.node_id) },
      { label: 'Runtime', value: (a) => a.runtime },
      { label: 'Action', value: (a) => a.action },
      { label: 'Status', value: (a) => badge(a.status), text: (a) => a.status },
      { label: 'Message', value: (a) => a.message ?? '' },
    ], activities.slice(0, 20), { empty: 'No activity yet.' }));
  };

  const latest = new Map();
  const node = (r) => (session.can('agent:read') ? h('a', { href: `#/nodes/${r.nodeId}` }, r.agent?.hostname ?? r.nodeId) : r.agent?.hostname ?? '');
  // built once and redrawn in place: a deployment of a thousand nodes draws the rows in view, and keeps its scroll
  const grid = dataTable('nodes', [
    ...(manage ? [{ label: 'Select', value: (r) => h('input', { type: 'checkbox', 'aria-label': `select ${hostname(r.nodeId)}`,
      'data-node': r.nodeId, checked: selected.has(r.nodeId),
      onchange: (e) => { e.target.checked ? selected.add(r.nodeId) : selected.delete(r.nodeId); } }), text: () => '' }] : []),
    { label: 'Node', value: (r) => h('span', {}, node(r), ' ', h('code', { class: 'hint' }, r.nodeId)),
      text: (r) => `${r.agent?.hostname ?? ''} ${r.nodeId}`.trim() },
    { label: 'Link', value: (r) => badge(r.agent?.state), text: (r) => r.agent?.state ?? '' },
    { label: 'Runtimes', value: (r) => badge(r.agent?.runtime_state), text: (r) => r.agent?.runtime_state ?? '' },
    { label: 'Health', value: (r) => runtimeHealth(r.agent), text: (r) => runtimeHealthText(r.agent) },
    ...RUNTIMES.map((runtime) => ({
      label: runtime,
      value: (r) => { const a = latest.get(`${r.nodeId}/${runtime}`); return a ? h('span', {}, `${a.action} `, badge(a.status)) : '—'; },
      text: (r) => { const a = latest.get(`${r.nodeId}/${runtime}`); return a ? `${a.action} ${a.status}` : ''; },
    })),
    { label: 'Drift', value: (r) => r.agent?.config_drift ?? 'none' },
  ]);
  const drawGrid = () => {
    latest.clear();
    for (const a of activities) {
      const key = `${a.node_id}/${a.runtime}`;
      if (!latest.has(key)) latest.set(key, a);
    }
    grid.show(deployment.agent_ids.map((nodeId) => ({ nodeId, agent: agents.get(nodeId) })));
  };

  const drawEvents = () => events.replaceChildren(table('events', [
    { label: 'When', value: (e) => when(e.created_at), text: (e) => e.created_at },
    { label: 'Event', value: (e) => e.event_type },
    { label: 'Node', value: (e) => (e.node_id ? hostname(e.node_id) : '') },
    { label: 'Message', value: (e) => e.message ?? '' },
  ], recent, { empty: 'No event yet.' }));

  // every read of a (re)load at once: the page is drawn once, when the slowest answers
  const fetchNodes = () => Promise.all([session.can('agent:read') ? all('/agents', 100_000) : null,
    get(`/deployments/${deployment.id}/events?results=10`)]);
  const showNodes = ([list, lifecycle]) => {
    if (list) agents = new Map(list.filter((a) => deployment.agent_ids.includes(a.id)).map((a) => [a.id, a]));
    recent = lifecycle.items;
  };
  const readNodes = async () => {
    showNodes(await fetchNodes());
    drawActivities();
    drawEvents();
  };
  const reload = async () => {
    const [answer, nodes] = await Promise.all([get(`/deployments/${deployment.id}/activities?results=100`), fetchNodes(), rollout.latest()]);
    activities = answer.items;
    showNodes(nodes);
    drawActivities();
    drawEvents();
  };

  const nodesChanged = debounce(readNodes, 1000);
  // a rollout on many nodes sends a burst of events: they are drawn together, at most four times a second
  const redraw = debounce(async () => drawActivities(), 250);
  const rolloutIds = new Set();
  const rolloutChanged = debounce(async () => {
    const ids = [...rolloutIds];
    rolloutIds.clear();
    for (const id of ids) await rollout.show(id);
  }, 200);

  const onEvent = (event) => {
    if (!ours(event)) return;
    const data = event.data ?? {};
    if (event.type.startsWith('activity.')) {
      upsert({ id: data.activity_id, node_id: event.node_id, deployment_id: event.deployment_id, runtime: data.runtime, action: data.action,
        status: data.status, message: data.message, reason: data.reason, rollout_id: data.rollout_id, created_at: event.created_at });
      redraw();
    } else if (event.type.startsWith('rollout.')) {
      rolloutIds.add(data.rollout_id);
      rolloutChanged();
    } else {
      const agent = agents.get(event.node_id);
      if (agent && applyNodeEvent(agent, event)) redraw();
      // the lifecycle events (and what an event does not carry: a release, a drift) are read again
      if (!SAID_IN_FULL.has(event.type)) nodesChanged();
    }
  };

  const actions = manage ? h('div', { class: 'actions', role: 'group', 'aria-label': 'Runtime actions' },
    h('p', { class: 'hint' }, 'Select nodes in the grid, or none for every node.'),
    RUNTIMES.flatMap((runtime) => Object.keys(ACTIONS).map((action) => h('button', {
      type: 'button', 'data-action': `${runtime}:${action}`, onclick: () => act(runtime, action),
    }, `${action[0].toUpperCase()}${action.slice(1)} ${runtime}`)))) : null;
  const metrics = metricsPanel({ deploymentId: deployment.id, name: hostname });
  body.replaceChildren(mode.element, section('Nodes × runtimes', actions, status, grid.element),
    section('Rollout', rollout.element),
    section('Activities', timeline),
    section('Lifecycle events', events),
    section('Metrics', metrics.element));
  await liveEvents({ types: TYPES, reload, onEvent, onMode: mode.show });
  metrics.reload(); // after the nodes are read, so the charts name them
}
