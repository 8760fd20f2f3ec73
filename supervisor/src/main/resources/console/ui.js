// Small DOM helpers shared by every page: elements, tables that export, confirmations, notices.
import { stringifyExact } from './api.js';

/** h('button', {class: 'x', onclick}, 'text', child…) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
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

/** An error from the API, shown where it happened, with its detail. */
export function problem(error) {
  return h('p', { class: 'problem', role: 'alert' }, error.detail ?? String(error));
}

/**
 * A table of rows. columns: [{label, value: row => text or node, text?: row => plain text for CSV}].
 * Offers CSV and JSON export of exactly the rows shown (JSON keeps ids exact).
 */
export function table(name, columns, rows, { empty = 'Nothing here yet.' } = {}) {
  const head = h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)));
  const body = rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, c.value(row)))));
  const exportCsv = () => {
    const cell = (v) => { const s = String(v ?? ''); return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s; };
    const lines = [columns.map((c) => cell(c.label)).join(',')];
    for (const row of rows) lines.push(columns.map((c) => cell(c.text ? c.text(row) : plain(c.value(row)))).join(','));
    download(`${name}.csv`, 'text/csv', lines.join('\n') + '\n');
  };
  const exportJson = () => download(`${name}.json`, 'application/json', stringifyExact(rows, 2) + '\n');
  return h('div', { class: 'table' },
    h('div', { class: 'exports' },
      h('button', { type: 'button', class: 'quiet', onclick: exportCsv, 'data-export': 'csv' }, 'Export CSV'),
      h('button', { type: 'button', class: 'quiet', onclick: exportJson, 'data-export': 'json' }, 'Export JSON')),
    rows.length ? h('table', { 'data-table': name }, h('thead', {}, head), h('tbody', {}, body)) : h('p', { class: 'empty' }, empty));
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
