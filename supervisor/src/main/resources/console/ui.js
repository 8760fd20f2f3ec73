// Small DOM helpers shared by every page: elements, tables that export, confirmations, notices.
import { stringifyExact } from './api.js';
import { onLeave } from './state.js';

/** h('button', {class: 'x', onclick}, 'text', child…) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...present(children));
  return element;
}

/** Children as the DOM takes them: absent ones (null, undefined, false) left out, which the DOM would write as text. */
const present = (children) => children.flat().filter((child) => child !== undefined && child !== null && child !== false)
  .map((child) => (child instanceof Node ? child : String(child)));

/** `element.replaceChildren` that leaves out what is absent, as `h` does. */
export function fill(element, ...children) {
  element.replaceChildren(...present(children));
  return element;
}

export function when(iso) {
  if (!iso) return '—';
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  const ago = seconds < 60 ? `${seconds}s ago` : seconds < 3600 ? `${Math.round(seconds / 60)}m ago`
    : seconds < 86400 ? `${Math.round(seconds / 3600)}h ago` : iso.slice(0, 10);
  return h('time', { datetime: iso, title: iso }, ago);
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Number(n), unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit ? 1 : 0)} ${units[unit]}`;
}

export function badge(status) {
  return h('span', { class: `badge ${status ?? 'none'}` }, status ?? '—');
}

/**
 * Each runtime's health as the node's heartbeats last said it (`runtime_health` of `GET /agents`): "iggy ✓", or
 * "iggy ✗ HTTP 503" with what the check got. Said in signs and words, not only in colour; read out as "iggy healthy".
 */
export function runtimeHealth(agent) {
  const health = agent?.runtime_health ?? [];
  if (!health.length) return h('span', { class: 'badge none', title: 'no heartbeat has said yet' }, '—');
  return h('span', { class: 'health' }, health.map((r) => h('span', {
    class: `badge ${r.healthy ? 'ready' : 'failed'}`, 'data-runtime': r.runtime, 'data-healthy': String(r.healthy),
    title: `${r.runtime}: ${r.detail ?? ''}, since ${r.changed_at}`, 'aria-label': healthText(r),
  }, r.healthy ? `${r.runtime} ✓` : `${r.runtime} ✗ ${r.detail ?? ''}`)));
}

const healthText = (r) => `${r.runtime} ${r.healthy ? 'healthy' : r.detail ?? 'unhealthy'}`;

/** The same as text, for exports and filters. */
export function runtimeHealthText(agent) {
  return (agent?.runtime_health ?? []).map(healthText).join('; ');
}

/** An error from the API, shown where it happened, with its detail. */
export function problem(error) {
  return h('p', { class: 'problem', role: 'alert' }, error.detail ?? String(error));
}

/**
 * A table of rows. columns: [{label, value: row => text or node, text?: row => plain text for CSV}].
 * Offers CSV and JSON export of exactly the rows shown (JSON keeps ids exact).
 */
export function table(name, columns, rows, options) {
  const shown = dataTable(name, columns, options);
  shown.show(rows);
  return shown.element;
}

/** Tables longer than this draw only the rows in view (and a few around them): a fleet has thousands. */
const DRAW_ALL_UP_TO = 200;
/** Rows drawn above and below the ones in view, so a scroll by the wheel or a key shows no gap. */
const OVERSCAN = 15;

/**
 * A table that stays on the page while its rows change: `show(rows)` redraws it in place, keeping the scroll
 * position. Up to DRAW_ALL_UP_TO rows every row is drawn; beyond, the table scrolls in a box of its own and only
 * the rows in view are in the document, between two spacer rows that keep the scrollbar true, so a redraw costs
 * the same for 50 rows as for 10,000. The exports always take every row shown, drawn or not.
 */
export function dataTable(name, columns, { empty = 'Nothing here yet.' } = {}) {
  let rows = [];
  let rowHeight = 0, drawn = null, frame = 0;
  const body = h('tbody');
  const grid = h('table', { 'data-table': name }, h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))), body);
  const box = h('div', { class: 'scroller', role: 'region', 'aria-label': `${name} table` }, grid);
  const none = h('p', { class: 'empty' }, empty);
  const exportCsv = () => {
    const cell = (v) => { const s = String(v ?? ''); return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s; };
    const lines = [columns.map((c) => cell(c.label)).join(',')];
    for (const row of rows) lines.push(columns.map((c) => cell(c.text ? c.text(row) : plain(c.value(row)))).join(','));
    download(`${name}.csv`, 'text/csv', lines.join('\n') + '\n');
  };
  const exportJson = () => download(`${name}.json`, 'application/json', stringifyExact(rows, 2) + '\n');
  const element = h('div', { class: 'table' },
    h('div', { class: 'exports' },
      h('button', { type: 'button', class: 'quiet', onclick: exportCsv, 'data-export': 'csv' }, 'Export CSV'),
      h('button', { type: 'button', class: 'quiet', onclick: exportJson, 'data-export': 'json' }, 'Export JSON')),
    none);
  // a long table's rows are one line: a text too wide for its column is cut, and shown whole on hover
  const td = (value) => h('td', { title: drawn && typeof value === 'string' ? value : null }, value);
  const line = (row, index) => h('tr', { 'aria-rowindex': index + 2 }, columns.map((c) => td(c.value(row))));
  const spacer = (height) => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: columns.length, style: `height:${height}px` }));
  const draw = () => {
    frame = 0;
    // a redraw (an event, a scroll) must not take the focus from the keyboard: it goes back to the same cell
    const focused = body.contains(document.activeElement) ? document.activeElement.closest('td') : null;
    const at = focused && { row: focused.parentNode.getAttribute('aria-rowindex'), cell: focused.cellIndex };
    drawRows();
    if (at) body.querySelector(`tr[aria-rowindex="${at.row}"]`)?.cells[at.cell]?.querySelector('a, button, input, select, [tabindex]')
      ?.focus({ preventScroll: true });
  };
  const drawRows = () => {
    if (rows.length <= DRAW_ALL_UP_TO) {
      drawn = null;
      body.replaceChildren(...rows.map(line));
      return;
    }
    const height = rowHeight || 34;
    const inView = Math.ceil((box.clientHeight || 800) / height);
    const first = Math.max(0, Math.floor(box.scrollTop / height) - OVERSCAN);
    const last = Math.min(rows.length, first + inView + 2 * OVERSCAN);
    drawn = { first, last, rows };
    body.replaceChildren(...[first > 0 && spacer(first * height), ...rows.slice(first, last).map((row, i) => line(row, first + i)),
      last < rows.length && spacer((rows.length - last) * height)].filter(Boolean));
    if (!rowHeight) {
      // rows are one line high (see .table.long in style.css); measured once drawn, then the window is drawn again
      const measured = body.querySelector('tr:not(.spacer)')?.getBoundingClientRect().height;
      if (measured) { rowHeight = measured; schedule(); }
    }
  };
  const schedule = () => { if (!frame) frame = requestAnimationFrame(draw); };
  box.addEventListener('scroll', () => {
    // a scroll within the rows already drawn needs nothing; near their edge, the window moves
    const height = rowHeight || 34, top = box.scrollTop / height, bottom = (box.scrollTop + box.clientHeight) / height;
    if (drawn && ((drawn.first > 0 && top < drawn.first + OVERSCAN / 2)
        || (drawn.last < rows.length && bottom > drawn.last - OVERSCAN / 2))) schedule();
  });
  let resized = null;
  const watchSize = () => {
    // drawn before it was on the page (no size yet), or the window resized: the rows in view are others
    resized = new ResizeObserver(() => { if (drawn) schedule(); });
    resized.observe(box);
    onLeave(() => { resized.disconnect(); cancelAnimationFrame(frame); });
  };
  const show = (next) => {
    rows = next;
    const long = rows.length > DRAW_ALL_UP_TO;
    element.classList.toggle('long', long);
    // a box that scrolls by itself takes the focus, so the keyboard scrolls it too
    if (long) box.setAttribute('tabindex', '0'); else box.removeAttribute('tabindex');
    if (long && !resized) watchSize();
    grid.setAttribute('aria-rowcount', rows.length + 1);
    if (!rows.length) { if (element.lastChild !== none) element.lastChild.replaceWith(none); return; }
    if (element.lastChild !== box) element.lastChild.replaceWith(box);
    draw();
  };
  return { element, show };
}

function plain(value) {
  return value instanceof Node ? value.textContent : value;
}

function download(fileName, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Asks before anything changes: a modal dialog saying what will happen; resolves true on confirm.
 * `body` is a node or text; the confirm button names the action.
 */
export function confirmAction(title, body, actionLabel, { danger = false } = {}) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title),
      h('div', {}, body),
      h('form', { method: 'dialog', class: 'actions' },
        h('button', { value: 'cancel', class: 'quiet', autofocus: true }, 'Cancel'),
        h('button', { value: 'confirm', class: danger ? 'danger' : 'primary', 'data-confirm': 'yes' }, actionLabel)));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'confirm'); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function section(title, ...children) {
  return h('section', {}, h('h2', {}, title), ...children);
}
