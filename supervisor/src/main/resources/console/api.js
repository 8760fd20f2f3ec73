// Calls to the Supervisor's API with the session cookie. Ids are 64-bit and exceed 2^53, which a
// JavaScript number rounds: responses are parsed so that every long integer stays a string of digits,
// and ids are sent back as such strings (the API accepts them).

let csrf = null;

export function setCsrf(token) { csrf = token; }

/**
 * JSON.parse, except that integers of 16 digits or more become strings, exactly as sent. One regular expression
 * walks the text (strings are matched whole, so digits inside them are left alone): a fleet's list of thousands of
 * nodes parses in milliseconds.
 */
export function parseExact(text) {
  return JSON.parse(text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g,
    (token) => (token[0] !== '"' && /^-?\d{16,}$/.test(token) ? `"${token}"` : token)));
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

/** Parallel reads of a long list's pages: enough to hide each call's round trip, few enough to leave the rest room. */
const PAGES_AT_ONCE = 4;

/** Every item of a list, following its pages (at most `max`): the first page says how many there are, the rest are read in parallel. */
export async function all(path, max = 1000) {
  const join = path.includes('?') ? '&' : '?';
  const page = (number) => get(`${path}${join}page=${number}&results=100`);
  const first = await page(1);
  const pages = Math.min(first.total_pages ?? 1, Math.ceil(max / 100));
  const rest = new Array(Math.max(0, pages - 1));
  let next = 2;
  const reader = async () => { while (next <= pages) { const number = next++; rest[number - 2] = await page(number); } };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, rest.length) }, reader));
  return [first, ...rest].flatMap((answer) => answer.items).slice(0, max);
}
