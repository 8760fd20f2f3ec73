// Rollouts on the deployment page (docs/api/rollouts.md): the options an action will run with, shown and
// editable in its confirmation, and the newest rollout's progress node by node, with cancel.
import { get, post } from './api.js';
import { badge, confirmAction, fill, h, problem } from './ui.js';
import { session } from './state.js';

/**
 * The rollout an action gets when the request leaves every option out, as the Supervisor resolves it:
 * restart and reconfigure on more than one node roll one node at a time and stop at the first failure;
 * everything else runs on every node at once. The durations are the Supervisor's settings.
 */
export function defaultRollout(action, nodes) {
  const rolling = (action === 'restart' || action.startsWith('reconfigure')) && nodes > 1;
  const defaults = session.current?.rollout_defaults ?? {};
  return {
    strategy: rolling ? 'rolling' : 'parallel',
    max_concurrency: String(rolling ? 1 : nodes),
    max_errors: String(rolling ? 0 : nodes),
    min_healthy_time: defaults.min_healthy_time ?? '5s',
    quorum_wait: defaults.quorum_wait ?? '5m',
    delivery_timeout: defaults.delivery_timeout ?? '5m',
    quorum_guard: action === 'restart' || action.startsWith('reconfigure'),
  };
}

/**
 * The rollout part of an action's confirmation: what will happen with the defaults, and fields to change
 * them. `options()` gives only what the person changed, so the Supervisor's own defaults apply to the rest.
 */
export function rolloutOptions(action, nodes, deploymentSize) {
  const defaults = defaultRollout(action, nodes);
  const field = (name, label, input) => h('label', {}, `${label} `, input);
  const inputs = {
    strategy: h('select', { id: 'rollout-strategy' }, ['rolling', 'parallel'].map((s) => h('option', { value: s, selected: s === defaults.strategy }, s))),
    max_concurrency: h('input', { id: 'rollout-max-concurrency', value: defaults.max_concurrency, size: 5 }),
    max_errors: h('input', { id: 'rollout-max-errors', value: defaults.max_errors, size: 5 }),
    min_healthy_time: h('input', { id: 'rollout-min-healthy-time', value: defaults.min_healthy_time, size: 6 }),
  };
  const summary = defaults.strategy === 'rolling'
    ? `Rolling: ${defaults.max_concurrency} node at a time, each healthy for ${defaults.min_healthy_time} before the next; stops at the first failure (max_errors 0).`
    : `Parallel: every node at once${nodes > 1 ? `; a failure on one node does not stop the others (max_errors ${defaults.max_errors})` : ''}.`;
  const guard = defaults.quorum_guard
    ? ` Quorum guard: at most ${Math.floor((deploymentSize - 1) / 2) || 1} of the deployment's ${deploymentSize} nodes down at once (counting nodes down for other reasons), waiting up to ${defaults.quorum_wait} for one to be healthy again.`
    : '';
  // the guard can be turned off for one action (quorum_guard: false), never on where it does not apply
  const keepMajority = defaults.quorum_guard ? h('input', { type: 'checkbox', id: 'rollout-quorum-guard', checked: true }) : null;
  const element = h('fieldset', { class: 'rollout-options' }, h('legend', {}, 'Rollout'),
    h('p', { 'data-rollout-summary': defaults.strategy }, summary, guard, ` A node's Warden has ${defaults.delivery_timeout} to take its task.`),
    h('div', { class: 'filters' }, field('strategy', 'Strategy', inputs.strategy), field('max_concurrency', 'Nodes at a time', inputs.max_concurrency),
      field('max_errors', 'Failures allowed', inputs.max_errors), field('min_healthy_time', 'Healthy for', inputs.min_healthy_time)),
    keepMajority && h('label', {}, keepMajority, ' Keep a majority of the deployment up (quorum guard). Clear it only for planned'
      + ' maintenance or a deployment that is not a replicated cluster: the nodes of a batch then go down whatever else is down.'),
    h('p', { class: 'hint' }, 'Counts may be percentages of the nodes ("40%"); durations look like "500ms", "10s" or "2m".'));
  const options = () => ({
    ...Object.fromEntries(Object.entries(inputs)
      .map(([name, input]) => [name, input.value.trim()])
      .filter(([name, value]) => value !== '' && value !== defaults[name])),
    ...(keepMajority && !keepMajority.checked ? { quorum_guard: false } : {}),
  });
  return { element, options };
}

const DONE = new Set(['succeeded', 'failed', 'skipped']);

/** The newest rollout of a deployment, live: `show(id)` after an event about it; `latest()` on (re)load. */
export function rolloutPanel({ deployment, hostname }) {
  const element = h('div', { id: 'rollout', 'aria-live': 'polite' });
  const status = h('div');
  let current = null;
  const base = `/deployments/${deployment.id}/rollouts`;

  const cancel = async () => {
    const rollout = current;
    const nodes = rollout.batches.flatMap((b) => b.nodes);
    const waiting = nodes.filter((n) => n.state === 'waiting');
    const running = nodes.filter((n) => n.state === 'running');
    const named = (list) => list.map((n) => `${hostname(n.node_id)} (${n.node_id})`).join(', ') || 'none';
    const ok = await confirmAction(`Cancel the ${rollout.action} of ${rollout.runtime}?`, h('div', {},
      h('p', {}, `${waiting.length} node${waiting.length === 1 ? '' : 's'} not sent yet will not be acted on: `,
        named(waiting), '.'),
      h('p', {}, `${running.length} node${running.length === 1 ? '' : 's'} already running the action will run it to the end (it cannot be taken back from a Warden that has it): `,
        named(running), '.')),
    'Cancel the rollout', { danger: true });
    if (!ok) return;
    try {
      const answer = await post(`${base}/${rollout.id}/cancel`, {});
      status.replaceChildren(h('p', {}, answer.message));
      draw(answer.rollout);
    } catch (error) {
      status.replaceChildren(problem(error));
    }
  };

  const draw = (rollout) => {
    current = rollout;
    if (!rollout) { element.replaceChildren(h('p', { class: 'empty' }, 'No rollout yet.'), status); return; }
    const nodes = rollout.batches.flatMap((b) => b.nodes);
    const finished = nodes.filter((n) => DONE.has(n.state)).length;
    const options = `${rollout.strategy}, ${rollout.max_concurrency} at a time, max_errors ${rollout.max_errors}, healthy for ${rollout.min_healthy_time}`;
    fill(element,
      h('p', {}, h('strong', {}, `${rollout.action} ${rollout.runtime ?? ''}`), ` (${rollout.job}) `, badge(rollout.state), ' ',
        h('code', { class: 'hint' }, rollout.id), h('br'), h('span', { class: 'hint' }, `${options}; started ${rollout.created_at}.`)),
      h('p', {}, h('progress', { max: nodes.length, value: finished, 'aria-label': 'nodes done' }), ` ${finished} of ${nodes.length} nodes done; `, rollout.message ?? ''),
      h('ol', { class: 'batches', 'data-rollout': rollout.id }, rollout.batches.map((batch) => h('li', {},
        `Batch ${batch.batch}: `, batch.nodes.map((n) => h('span', { class: 'rollout-node', 'data-node': n.node_id, 'data-state': n.state, title: n.message ?? '' },
          hostname(n.node_id), ' ', badge(n.state)))))),
      rollout.state === 'running' && session.can('deployment:manage')
        ? h('button', { type: 'button', class: 'danger', id: 'rollout-cancel', onclick: cancel }, 'Cancel rollout…') : null,
      status);
  };

  return {
    element,
    show: async (id) => draw(await get(`${base}/${id}`)),
    latest: async () => draw((await get(`${base}?results=1`)).items[0] ?? null),
    currentId: () => current?.id ?? null,
  };
}
