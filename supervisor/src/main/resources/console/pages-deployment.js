// Deployments: the list, and one deployment's page (its overview in pages-overview.js, configs, snapshots).
import { all, del, get, post } from './api.js';
import { badge, bytes, confirmAction, fill, h, problem, section, table, when } from './ui.js';
import { session } from './state.js';
import { sideBySide } from './diff.js';
import { readEntry } from './zip.js';
import { RUNTIMES, overviewTab } from './pages-overview.js';
import { rolloutOptions } from './rollout.js';
import { modeLine, reloadOnEvents } from './live.js';

/** The events that change the deployments list: one created, its status, its nodes, its deletion. */
const DEPLOYMENT_EVENTS = ['deployment.created', 'deployment.status_changed', 'deployment.scaled', 'deployment.killed',
  'deployment.node_added', 'deployment.node_released'];

export async function deploymentsPage(view) {
  const holder = h('div');
  const mode = modeLine();
  view.replaceChildren(h('h1', {}, 'Deployments'), mode.element, holder);
  const load = async () => {
    const deployments = await all('/deployments');
    holder.replaceChildren(table('deployments', [
      { label: 'Name', value: (d) => h('a', { href: `#/deployments/${d.id}` }, d.name), text: (d) => d.name },
      { label: 'Id', value: (d) => h('code', {}, d.id) },
      { label: 'Status', value: (d) => badge(d.status), text: (d) => d.status },
      { label: 'Nodes', value: (d) => d.agent_ids.length },
      { label: 'Replicas', value: (d) => d.replicas },
      { label: 'Updated', value: (d) => when(d.updated_at), text: (d) => d.updated_at },
    ], deployments, { empty: 'No deployment yet: create one with POST /deployments (docs/api/agents-and-deployments.md).' }));
  };
  await reloadOnEvents({ types: DEPLOYMENT_EVENTS, reload: load, onMode: mode.show, pollMs: 5000, waitMs: 500 });
}

export async function deploymentPage(view, id, tab) {
  const deployment = await get(`/deployments/${id}`);
  const tabs = [['overview', 'Nodes and activities'], ['configs', 'Configs'], ['snapshots', 'Snapshots']];
  const body = h('div');
  view.replaceChildren(
    h('p', {}, h('a', { href: '#/deployments' }, 'Deployments'), ' / ', deployment.name),
    h('h1', {}, deployment.name, ' ', badge(deployment.status)),
    h('p', { class: 'hint' }, `Deployment ${deployment.id}, ${deployment.agent_ids.length} nodes, created ${deployment.created_at}.`),
    h('nav', { class: 'tabs', 'aria-label': 'Deployment' }, tabs.map(([key, label]) =>
      h('a', { href: `#/deployments/${id}/${key}`, 'aria-current': key === tab ? 'page' : null }, label))),
    body);
  if (tab === 'configs') return configsTab(body, deployment);
  if (tab === 'snapshots') return snapshotsTab(body, deployment);
  return overviewTab(body, deployment);
}

// ---- configs: versions, diff, create, apply -------------------------------------------------------

async function configsTab(body, deployment) {
  const base = `/deployments/${deployment.id}/configs`;
  const manage = session.can('deployment:manage');
  const list = h('div'), diff = h('div'), created = h('div', { 'aria-live': 'polite' });
  // the newest two until the person picks others; a version created meanwhile does not undo their pick
  let picked = false;
  const left = h('select', { id: 'diff-left', 'aria-label': 'older version', onchange: () => { picked = true; } });
  const right = h('select', { id: 'diff-right', 'aria-label': 'newer version', onchange: () => { picked = true; } });

  const showDiff = async () => {
    if (!left.value || !right.value) return;
    try {
      const [a, b] = await Promise.all([get(`${base}/${left.value}`), get(`${base}/${right.value}`)]);
      const rows = sideBySide(a.content, b.content);
      const changed = rows.filter((r) => r.kind !== 'same').length;
      const cell = (side) => side ? [h('td', { class: 'no' }, side.no), h('td', {}, h('code', {}, side.text))] : [h('td', { class: 'no' }), h('td')];
      diff.replaceChildren(h('p', {}, changed ? `${changed} line${changed > 1 ? 's' : ''} differ.` : 'The two versions are identical.'),
        h('table', { class: 'diff', 'data-table': 'diff' },
          h('thead', {}, h('tr', {}, h('th', { colspan: 2 }, `${a.name} (${a.id})`), h('th', { colspan: 2 }, `${b.name} (${b.id})`))),
          h('tbody', {}, rows.map((r) => h('tr', { class: r.kind }, cell(r.left), cell(r.right))))));
    } catch (error) {
      diff.replaceChildren(problem(error));
    }
  };

  const apply = async (config) => {
    let plan = null;
    try { plan = await post(`${base}/${config.id}/plan`, {}); } catch (error) { plan = { error }; }
    const nodes = plan.nodes ?? [];
    const size = deployment.agent_ids.length;
    const options = rolloutOptions(`reconfigure:${config.id}`, size, size);
    const ok = await confirmAction(`Apply ${config.name} to ${config.runtime}?`, h('div', {},
      h('p', {}, `Each node writes the file, restarts ${config.runtime} and rolls back if it does not come back healthy.`),
      plan.error ? problem(plan.error) : h('ul', {}, nodes.map((n) => h('li', {},
        `${n.node_id}: ${(n.changes ?? []).length} setting(s) change`,
        (n.dangerous ?? []).length ? h('strong', {}, ` — refused without force: ${n.dangerous.map((d) => `${d.key} (${d.reason})`).join('; ')}`) : null))),
      options.element),
    `Apply to ${deployment.agent_ids.length} nodes`, { danger: true });
    if (!ok) return;
    try {
      const answer = await post(`/deployments/${deployment.id}/activities/${config.runtime}/reconfigure:${config.id}`, options.options());
      created.replaceChildren(h('p', {}, `${answer.items.length} reconfigure activities started; see Nodes and activities.`));
    } catch (error) {
      created.replaceChildren(problem(error));
    }
  };

  const load = async () => {
    const configs = await all(base);
    const chosen = [left.value, right.value];
    const options = configs.map((c) => h('option', { value: c.id }, `${c.name} · ${c.runtime} · ${c.created_at}`));
    left.replaceChildren(...options.map((o) => o.cloneNode(true)));
    right.replaceChildren(...options);
    if (picked) [left.value, right.value] = chosen;
    else if (configs.length > 1) left.value = configs[1].id;
    list.replaceChildren(table('configs', [
      { label: 'Name', value: (c) => c.name },
      { label: 'Id', value: (c) => h('code', {}, c.id) },
      { label: 'Runtime', value: (c) => c.runtime },
      { label: 'SHA-256', value: (c) => h('code', { title: c.checksum }, c.checksum.slice(0, 12)), text: (c) => c.checksum },
      { label: 'Created', value: (c) => when(c.created_at), text: (c) => c.created_at },
      ...(manage ? [{ label: 'Apply', value: (c) => h('button', { type: 'button', 'data-apply': c.id, onclick: () => apply(c) }, 'Apply…'), text: () => '' }] : []),
    ], configs, { empty: 'No config version yet.' }));
  };

  const form = manage ? configForm(base, created, load) : null;
  const mode = modeLine();
  fill(body, mode.element,
    section('Versions', list),
    section('Compare two versions', h('div', { class: 'filters' }, h('label', {}, 'Older ', left), h('label', {}, 'Newer ', right),
      h('button', { type: 'button', id: 'diff-show', onclick: showDiff }, 'Show differences')), diff),
    form ? section('New version', form, created) : null);
  // a version created by anyone (another tab, the API) is listed as it is told
  await reloadOnEvents({ types: ['config.created'], reload: load, onMode: mode.show,
    concerns: (event) => event.deployment_id === deployment.id });
}

function configForm(base, created, reload) {
  const runtime = h('select', { id: 'config-runtime' }, RUNTIMES.map((r) => h('option', { value: r }, r)));
  const name = h('input', { id: 'config-name', required: true, maxlength: 200 });
  const content = h('textarea', { id: 'config-content', rows: 12, cols: 80, spellcheck: 'false', required: true });
  return h('form', { class: 'stacked', onsubmit: async (event) => {
    event.preventDefault();
    content.removeAttribute('aria-invalid');
    try {
      const config = await post(base, { runtime: runtime.value, name: name.value, content: content.value });
      created.replaceChildren(h('p', {}, `Created ${config.name} (${config.id}).`));
      await reload();
    } catch (error) {
      created.replaceChildren(problem(error));
      const at = /line (\d+), column (\d+)/.exec(error.detail ?? '');
      if (at) { // put the caret where the TOML parser stopped
        const lines = content.value.split('\n');
        const offset = lines.slice(0, Number(at[1]) - 1).reduce((sum, line) => sum + line.length + 1, 0) + Number(at[2]) - 1;
        content.setAttribute('aria-invalid', 'true');
        content.focus();
        content.setSelectionRange(offset, offset + 1);
      }
    }
  } },
  h('label', {}, 'Runtime ', runtime), h('label', {}, 'Name ', name),
  h('label', { for: 'config-content' }, 'TOML content'), content,
  h('button', { type: 'submit', class: 'primary' }, 'Create version'));
}

// ---- snapshots ------------------------------------------------------------------------------------

async function snapshotsTab(body, deployment) {
  const base = `/deployments/${deployment.id}/snapshots`;
  const manage = session.can('deployment:manage');
  const list = h('div'), report = h('div'), status = h('div', { 'aria-live': 'polite' });
  const plan = h('p', { class: 'hint', id: 'snap-plan' });
  let agents = new Map();
  if (session.can('agent:read')) agents = new Map((await all('/agents')).map((a) => [a.id, a.hostname]));

  const openReport = async (snapshot) => {
    report.replaceChildren(h('p', {}, 'Opening the report…'));
    try {
      const { url } = await get(`${base}/${snapshot.id}/download`);
      const archive = await (await fetch(url, { credentials: 'omit' })).arrayBuffer();
      const html = await readEntry(archive, 'report.html');
      // sandboxed: the report's own markup, no script, no access to the console
      report.replaceChildren(h('h3', {}, `Report of ${agents.get(snapshot.node_id) ?? snapshot.node_id}, ${snapshot.name}`),
        h('iframe', { class: 'report', sandbox: '', title: 'Snapshot report', srcdoc: html }));
    } catch (error) {
      report.replaceChildren(problem(error));
    }
  };
  const download = async (snapshot) => {
    try { location.href = (await get(`${base}/${snapshot.id}/download`)).url; } catch (error) { status.replaceChildren(problem(error)); }
  };
  const remove = async (snapshot) => {
    if (!await confirmAction('Delete this snapshot?', `The archive of ${agents.get(snapshot.node_id) ?? snapshot.node_id} (${snapshot.name}) is deleted for good.`, 'Delete', { danger: true })) return;
    try { await del(`${base}/${snapshot.id}`); await load(); } catch (error) { status.replaceChildren(problem(error)); }
  };

  let lastSeen = '';
  const load = async () => {
    const snapshots = await all(base);
    const seen = JSON.stringify(snapshots);
    if (seen === lastSeen) return;
    lastSeen = seen;
    const limits = session.current.snapshot_limits;
    const held = new Set(snapshots.map((s) => s.name)).size; // a snapshot counts once, however many nodes it covers
    plan.replaceChildren(`Plan ${session.current.plan}: at most ${limits.per_deployment} snapshots per deployment, each kept `
      + `${limits.retention_days} days. This deployment holds ${held}.`);
    plan.dataset.held = String(held);
    list.replaceChildren(table('snapshots', [
      { label: 'Name', value: (s) => s.name },
      { label: 'Node', value: (s) => agents.get(s.node_id) ?? s.node_id },
      { label: 'Status', value: (s) => badge(s.status), text: (s) => s.status },
      { label: 'Size', value: (s) => bytes(s.size_bytes), text: (s) => s.size_bytes ?? '' },
      { label: 'Created', value: (s) => when(s.created_at), text: (s) => s.created_at },
      { label: 'Message', value: (s) => s.message ?? '' },
      { label: 'Open', text: () => '', value: (s) => s.status === 'completed' ? h('span', {},
        h('button', { type: 'button', 'data-report': s.id, onclick: () => openReport(s) }, 'Report'), ' ',
        h('button', { type: 'button', class: 'quiet', onclick: () => download(s) }, 'Download'),
        manage ? h('button', { type: 'button', class: 'quiet', onclick: () => remove(s) }, 'Delete') : null) : '' },
    ], snapshots, { empty: 'No snapshot yet.' }));
  };

  const redact = h('input', { type: 'checkbox', id: 'snap-redact', checked: true });
  const iggy = h('input', { type: 'checkbox', id: 'snap-iggy', checked: true });
  const form = manage ? h('form', { class: 'filters', onsubmit: async (event) => {
    event.preventDefault();
    try {
      await post(base, { redact_secrets: redact.checked, include_iggy: iggy.checked });
      status.replaceChildren(h('p', {}, 'Snapshot started on every node; progress below.'));
      await load();
    } catch (error) { status.replaceChildren(problem(error)); }
  } }, h('label', {}, redact, ' Redact secrets'), h('label', {}, iggy, " Include Iggy's data and diagnostic ZIP"),
  h('button', { type: 'submit', id: 'snap-create', class: 'primary' }, 'Take snapshot')) : null;
  const mode = modeLine();
  body.replaceChildren(mode.element, form ? section('New snapshot', form, status) : status, section('Snapshots', plan, list), report);
  // a node's item is created processing and ends with one of these events; a burst (every node ending) is read once
  await reloadOnEvents({ types: SNAPSHOT_EVENTS, reload: load, onMode: mode.show,
    concerns: (event) => event.deployment_id === deployment.id });
}

/** The events that change the snapshots tab: each node's item ending (docs/api/events.md). */
const SNAPSHOT_EVENTS = ['snapshot.completed', 'snapshot.failed'];
