// The console's shell: sign-in, navigation by the URL's hash, and the pages each key may see.
import { ApiError, call, get, setCsrf, whenSignedOut } from './api.js';
import { h, problem } from './ui.js';
import { leavePage, session } from './state.js';
import { fleetPage } from './pages-fleet.js';
import { nodePage } from './pages-node.js';
import { deploymentsPage, deploymentPage } from './pages-deployment.js';
import { auditPage, keysPage, operationsPage } from './pages-admin.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');


// Pages in the navigation, with the permission that shows each.
const PAGES = [
  { hash: '#/fleet', label: 'Fleet', permission: 'agent:read', render: fleetPage },
  { hash: '#/deployments', label: 'Deployments', permission: 'deployment:read', render: deploymentsPage },
  { hash: '#/operations', label: 'Operations', permission: 'deployment:read', render: operationsPage },
  { hash: '#/audit', label: 'Audit log', permission: 'tenant:manage', render: auditPage },
  { hash: '#/keys', label: 'API keys', permission: 'apikey:manage', render: keysPage },
];

async function route() {
  leavePage();
  if (!session.current) return signInPage();
  const hash = location.hash || '';
  const visible = PAGES.filter((p) => session.can(p.permission));
  nav.replaceChildren(...visible.map((p) => h('a', { href: p.hash, 'aria-current': hash.startsWith(p.hash) ? 'page' : null }, p.label)));
  const deployment = hash.match(/^#\/deployments\/(\d+)(?:\/(\w+))?/);
  const node = hash.match(/^#\/nodes\/(\d+)$/);
  const page = visible.find((p) => hash === p.hash || hash.startsWith(p.hash + '?'));
  view.replaceChildren(h('p', {}, 'Loading…'));
  try {
    if (deployment && session.can('deployment:read')) await deploymentPage(view, deployment[1], deployment[2] ?? 'overview');
    else if (node && session.can('agent:read')) await nodePage(view, node[1]);
    else if (page) await page.render(view);
    else if (visible.length) { location.replace(visible[0].hash); return; }
    else view.replaceChildren(h('p', {}, 'This API key holds no permission the console can show.'));
  } catch (error) {
    view.replaceChildren(problem(error));
  }
  view.focus({ preventScroll: true });
}

function signedIn(answer) {
  session.current = answer;
  setCsrf(answer.csrf_token);
  nav.hidden = false;
  who.replaceChildren(
    h('span', { title: `key ${answer.key_id}, tenant ${answer.tenant_id}` }, `${answer.key_name} (${answer.key_prefix}…)`),
    h('button', { type: 'button', class: 'quiet', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  await call('DELETE', '/console/session').catch(() => {});
  signedOut('Signed out.');
}

function signedOut(message) {
  leavePage(); // the page's polls stop with the session
  session.current = null;
  setCsrf(null);
  nav.hidden = true;
  who.replaceChildren();
  signInPage(message);
}

function signInPage(message) {
  const key = h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', required: true, size: 50, 'aria-describedby': 'key-help' });
  const status = h('div', { 'aria-live': 'polite' }, message ? h('p', {}, message) : null);
  const form = h('form', { class: 'sign-in', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const answer = await call('POST', '/console/session', { key: key.value });
      key.value = '';
      signedIn(answer);
      route();
    } catch (error) {
      status.replaceChildren(problem(error));
    }
  } },
  h('h1', {}, 'Sign in'),
  h('label', { for: 'key' }, 'API key'), key,
  h('p', { id: 'key-help', class: 'hint' }, 'The key is exchanged for a session cookie and not kept by the browser; the session ends after 30 minutes without use.'),
  h('button', { type: 'submit', class: 'primary' }, 'Sign in'), status);
  view.replaceChildren(form);
  key.focus();
}

whenSignedOut((detail) => signedOut(detail));
window.addEventListener('hashchange', route);

try {
  signedIn(await get('/console/session'));
} catch (error) {
  if (!(error instanceof ApiError && error.status === 401)) console.warn(error);
}
route();
