// Operations (with kill), the audit log and API keys.
import { all, del, get, post } from './api.js';
import { badge, confirmAction, h, problem, section, table, when } from './ui.js';
import { poll, session } from './state.js';

export async function operationsPage(view) {
  const list = h('div'), log = h('pre', { class: 'log', tabindex: 0, hidden: true }), status = h('div', { 'aria-live': 'polite' });
  const manage = session.can('deployment:manage');
  const kill = async (operation) => {
    if (!await confirmAction(`Kill "${operation.title}"?`,
      `The Warden of node ${operation.agent_id} sends SIGKILL to the process this operation's running task runs as (pid ${operation.pid ?? 'unknown'}); the operation ends as error.`,
      'Kill', { danger: true })) return;
    try { await post(`/operations/${operation.id}/kill`); status.replaceChildren(h('p', {}, 'Kill sent.')); } catch (error) { status.replaceChildren(problem(error)); }
  };
  const showLog = async (operation) => {
    try { log.textContent = await get(`/operations/${operation.id}/log`); log.hidden = false; log.focus(); } catch (error) { status.replaceChildren(problem(error)); }
  };
  view.replaceChildren(h('h1', {}, 'Operations'), status, list, log);
  await poll(async () => {
    const answer = await get('/operations?results=100');
    list.replaceChildren(table('operations', [
      { label: 'Title', value: (o) => o.title },
      { label: 'Type', value: (o) => o.type },
      { label: 'Status', value: (o) => badge(o.status), text: (o) => o.status },
      { label: 'Node', value: (o) => h('code', {}, o.agent_id ?? '—'), text: (o) => o.agent_id ?? '' },
      { label: 'Created', value: (o) => when(o.created_at), text: (o) => o.created_at },
      { label: 'Message', value: (o) => o.message ?? '' },
      { label: '', text: () => '', value: (o) => h('span', {},
        h('button', { type: 'button', class: 'quiet', onclick: () => showLog(o) }, 'Log'),
        manage && o.status === 'running' ? h('button', { type: 'button', class: 'danger', onclick: () => kill(o) }, 'Kill') : null) },
    ], answer.items, { empty: 'No operation yet.' }), h('p', { class: 'hint' }, `${answer.items.length} newest of ${answer.total_results}.`));
  }, 5000);
}

export async function auditPage(view) {
  const outcome = h('select', { id: 'audit-outcome' }, ['', 'succeeded', 'denied', 'rejected', 'failed'].map((o) => h('option', { value: o }, o || 'any outcome')));
  const list = h('div');
  const load = async () => {
    try {
      const answer = await get(`/audit-events?results=100${outcome.value ? `&outcome=${outcome.value}` : ''}`);
      list.replaceChildren(table('audit', [
        { label: 'When', value: (e) => when(e.created_at), text: (e) => e.created_at },
        { label: 'Key', value: (e) => h('code', {}, e.actor_id ?? '—'), text: (e) => e.actor_id ?? '' },
        { label: 'Action', value: (e) => e.action },
        { label: 'Target', value: (e) => e.target_id ?? '' },
        { label: 'Status', value: (e) => e.status },
        { label: 'Outcome', value: (e) => badge(e.outcome), text: (e) => e.outcome },
      ], answer.items), h('p', { class: 'hint' }, `${answer.items.length} newest of ${answer.total_results}.`));
    } catch (error) { list.replaceChildren(problem(error)); }
  };
  outcome.addEventListener('change', load);
  view.replaceChildren(h('h1', {}, 'Audit log'), h('div', { class: 'filters' }, h('label', {}, 'Outcome ', outcome)), list);
  await load();
}

export async function keysPage(view) {
  const list = h('div'), secret = h('div', { 'aria-live': 'polite' });
  const held = session.current.permissions;
  const name = h('input', { id: 'key-name', required: true, maxlength: 200 });
  const boxes = held.map((p) => h('label', {}, h('input', { type: 'checkbox', value: p, 'data-permission': p }), ` ${p}`));
  const revoke = async (key) => {
    if (!await confirmAction(`Revoke ${key.name}?`, `Key ${key.key_prefix}… (${key.id}) stops working at once; anything using it gets 401.`, 'Revoke', { danger: true })) return;
    try { await del(`/api-keys/${key.id}`); await load(); } catch (error) { secret.replaceChildren(problem(error)); }
  };
  const load = async () => {
    const keys = await all('/api-keys');
    list.replaceChildren(table('api-keys', [
      { label: 'Name', value: (k) => k.name },
      { label: 'Prefix', value: (k) => h('code', {}, k.key_prefix) },
      { label: 'Permissions', value: (k) => k.permissions.join(' ') },
      { label: 'Created', value: (k) => when(k.created_at), text: (k) => k.created_at },
      { label: 'Expires', value: (k) => k.expires_at ?? 'never' },
      { label: 'Revoked', value: (k) => k.revoked_at ?? '' },
      { label: '', text: () => '', value: (k) => k.revoked_at ? '' : h('button', { type: 'button', class: 'danger', onclick: () => revoke(k) }, 'Revoke') },
    ], keys));
  };
  const form = h('form', { class: 'stacked', onsubmit: async (event) => {
    event.preventDefault();
    const permissions = boxes.map((b) => b.firstChild).filter((b) => b.checked).map((b) => b.value);
    try {
      const key = await post('/api-keys', { name: name.value, permissions });
      secret.replaceChildren(h('div', { class: 'secret', role: 'status' },
        h('p', {}, `Key ${key.name} created. Copy it now: it is shown this once and never again.`),
        h('code', { id: 'new-key', tabindex: 0 }, key.key)));
      name.value = '';
      await load();
    } catch (error) { secret.replaceChildren(problem(error)); }
  } }, h('label', {}, 'Name ', name), h('fieldset', {}, h('legend', {}, 'Permissions (only those this key holds)'), boxes),
  h('button', { type: 'submit', class: 'primary' }, 'Create key'));
  view.replaceChildren(h('h1', {}, 'API keys'), section('New key', form, secret), section('Keys of this tenant', list));
  await load();
}
