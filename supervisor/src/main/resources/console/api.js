// Calls to the Supervisor's API with the session cookie. Ids are 64-bit and exceed 2^53, which a
// JavaScript number rounds: responses are parsed so that every long integer stays a string of digits,
// and ids are sent back as such strings (the API accepts them).

let csrf = null;

export function setCsrf(token) { csrf = token; }

/** JSON.parse, except that integers of 16 digits or more become strings, exactly as sent. */
export function parseExact(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j])) j++;
      const token = text.slice(i, j);
      out += /^-?\d{16,}$/.test(token) ? `"${token}"` : token;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

/** JSON.stringify, writing the strings of digits that hold ids as the numbers they are. */
export function stringifyExact(value, indent) {
  const marker = '\u0000';
  const text = JSON.stringify(value, (key, v) => (typeof v === 'string' && /^-?\d{16,}$/.test(v) ? marker + v : v), indent);
  return text.replace(/"\\u0000(-?\d+)"/g, '$1');
}

export class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; this.detail = detail; }
}

let onSignedOut = () => {};
export function whenSignedOut(handler) { onSignedOut = handler; }

export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['ld-csrf'] = csrf ?? '';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  const data = text && type.includes('json') ? parseExact(text) : text;
  if (!response.ok) {
    const detail = (data && data.detail) || `${response.status} ${response.statusText}`;
    if (response.status === 401 && !path.startsWith('/console/session')) onSignedOut(detail);
    throw new ApiError(response.status, detail);
  }
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = (path) => call('DELETE', path);

/** Every item of a list, following its pages (at most `max`). */
export async function all(path, max = 1000) {
  const items = [];
  const join = path.includes('?') ? '&' : '?';
  for (let page = 1; items.length < max; page++) {
    const answer = await get(`${path}${join}page=${page}&results=100`);
    items.push(...answer.items);
    if (page >= answer.total_pages) break;
  }
  return items;
}
