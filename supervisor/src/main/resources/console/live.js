// Live updates from the Supervisor's server-sent event streams: the tenant's events (docs/api/events.md)
// and a node's log tail (docs/api/logs.md). The session cookie authenticates them like any other call.
import { parseExact } from './api.js';
import { onLeave, poll } from './state.js';

/** Consecutive failed (re)connections after which a page stops waiting for the stream and polls instead. */
const ATTEMPTS_BEFORE_POLLING = 3;

/**
 * Follows `/events/stream?types=…` while the page is shown. `reload()` reads the page's state through the API;
 * it runs at once (the page shows without waiting for the stream), again each time the stream opens (so no
 * event between the first read and the stream is lost) and after an `events_lost`. Each event goes to `onEvent(envelope)`, parsed so ids stay strings of digits. Should the
 * stream fail (a refused connection, a limit of open streams reached, a proxy that does not pass it), the page
 * falls back to calling `reload()` every `pollMs`; `onMode(text)` says which of the two is in use.
 */
export async function liveEvents({ types, reload, onEvent, onMode, pollMs = 2000 }) {
  await reload();
  let source = null, failures = 0, polling = false, opened = false;
  const stop = () => { source?.close(); source = null; };
  onLeave(stop);
  const fallBack = (why) => {
    stop();
    if (polling) return;
    polling = true;
    onMode(`Refreshed every ${pollMs / 1000} s: the event stream is not available (${why}).`);
    poll(reload, pollMs);
  };
  if (typeof EventSource === 'undefined') { fallBack('this browser has no EventSource'); return; }
  source = new EventSource(`/events/stream?types=${types.join(',')}`);
  source.addEventListener('open', async () => {
    failures = 0;
    opened = true;
    // every (re)open reads the page again: a first open has no Last-Event-ID to resume from
    try { await reload(); } catch (error) { console.warn(error); }
    onMode('Live: updated from the event stream.');
  });
  source.addEventListener('error', () => {
    // CLOSED: the answer was not a stream (401, 429, …), the browser will not retry; CONNECTING: it retries
    if (source?.readyState === EventSource.CLOSED) return fallBack(opened ? 'the stream was refused on reconnecting' : 'the stream was refused');
    if (++failures >= ATTEMPTS_BEFORE_POLLING) fallBack(`${failures} connection attempts failed`);
    else onMode('Reconnecting to the event stream…');
  });
  source.addEventListener('events_lost', async () => {
    try { await reload(); } catch (error) { console.warn(error); }
  });
  for (const type of types) {
    source.addEventListener(type, (message) => {
      try { onEvent(parseExact(message.data)); } catch (error) { console.warn(error); }
    });
  }
}

/**
 * `liveEvents` for a page that shows a list: it reads the list again after each event that `concerns` it, a burst
 * read once (`waitMs` apart at most).
 */
export function reloadOnEvents({ types, reload, onMode, concerns = () => true, pollMs, waitMs = 250 }) {
  const again = debounce(reload, waitMs);
  return liveEvents({ types, reload, onMode, pollMs, onEvent: (event) => { if (concerns(event)) again(); } });
}

/** A node's runtime state after each deployment event that carries one (an agent mirrors its node's state). */
const RUNTIME_STATE_AFTER = {
  'deployment.node_added': 'starting', 'deployment.node_running': 'running', 'deployment.node_ready': 'ready',
  'deployment.node_failed': 'failed', 'deployment.node_stopped': 'stopped',
};

/**
 * Applies a node event to the agent it names, as `GET /agents` would show it next: its link state
 * (`node.online`, `node.offline`), its runtime state (`deployment.node_*`) or a runtime's health
 * (`runtime.health_changed`). Returns false for an event that
 * does not say the new state (a node released, a config drift, a deletion): the page reads the list again.
 */
export function applyNodeEvent(agent, event) {
  if (event.type === 'runtime.health_changed') {
    const data = event.data ?? {};
    const said = { runtime: data.runtime, healthy: data.healthy, detail: data.message, changed_at: event.created_at };
    const health = agent.runtime_health ?? (agent.runtime_health = []);
    const known = health.find((r) => r.runtime === said.runtime);
    if (known) Object.assign(known, said);
    else health.push(said), health.sort((a, b) => a.runtime.localeCompare(b.runtime));
    return true;
  }
  if (event.type === 'node.online' || event.type === 'node.offline') {
    agent.state = event.type.slice(5);
    if (agent.state === 'online' && event.created_at) agent.last_seen_at = event.created_at;
    return true;
  }
  const runtimeState = RUNTIME_STATE_AFTER[event.type];
  if (runtimeState) agent.runtime_state = runtimeState;
  return Boolean(runtimeState);
}

/** The line saying whether a page is live from the stream or polling; its `show` is `liveEvents`'s `onMode`. */
export function modeLine() {
  const element = document.createElement('p');
  element.className = 'hint';
  element.id = 'live-mode';
  element.textContent = 'Connecting to the event stream…';
  const show = (text) => { element.textContent = text; element.dataset.live = text.startsWith('Live') ? 'stream' : 'polling'; };
  return { element, show };
}

/**
 * Calls `fn` at most once per `ms`, and once more after the last call of a burst: a rollout's many steps
 * or a fleet's many nodes coming online cost a few reads, not one each.
 */
export function debounce(fn, ms) {
  let timer = null, again = false, running = false;
  const run = async () => {
    timer = null;
    running = true;
    try { await fn(); } catch (error) { console.warn(error); }
    running = false;
    if (again) { again = false; schedule(); }
  };
  const schedule = () => {
    if (running) { again = true; return; }
    if (!timer) timer = setTimeout(run, ms);
  };
  onLeave(() => { clearTimeout(timer); timer = null; again = false; });
  return schedule;
}

/**
 * A node's log tail: the newest `lines` lines, then each line as it is written. `onLines(lines)` and
 * `onError(text)` receive what comes; the tail does not reconnect by itself (a reconnect would send the
 * newest lines again), it ends and says so. Returns `close()`.
 */
export function logTail({ deploymentId, nodeId, runtime, lines = 200, onLines, onError }) {
  const source = new EventSource(`/deployments/${deploymentId}/logs/stream?node_id=${nodeId}&runtime=${runtime}&lines=${lines}`);
  const close = () => source.close();
  onLeave(close);
  source.addEventListener('lines', (message) => onLines(parseExact(message.data).lines ?? []));
  source.addEventListener('error', (message) => {
    if (message.data) { // the Supervisor's own error event: this node cannot be followed
      onError(parseExact(message.data).error);
      return;
    }
    close();
    onError('The log stream ended (the connection closed, or the limit of open follows for this key was reached); press Follow to open it again.');
  });
  return close;
}
