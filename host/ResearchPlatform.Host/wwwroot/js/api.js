// HTTP access to the `rp serve` API (docs/dashboard.md): JSON reads, token-protected POSTs, errors as ApiError.
const TOKEN_KEY = 'rp.token';

/** An API failure: status 0 = server unreachable, 401 = token required or rejected. */
export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.path = path;
  }
}

/** The control token lives in sessionStorage only (gone when the tab closes). */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) || '',
  set: (value) => (value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY)),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

async function readBody(res, path) {
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const detail = body && body.error ? body.error : text || res.statusText;
    const message = res.status === 401 ? `401 token required: ${detail}` : `${res.status} ${detail}`;
    throw new ApiError(res.status, message, path);
  }
  return body;
}

async function send(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, `server unreachable (${path})`, path);
  }
  return readBody(res, path);
}

/** GET a JSON document. */
export function getJson(path, signal) {
  return send(path, { headers: { Accept: 'application/json' }, signal });
}

/** POST with the stored bearer token; a 401 forgets the stored token. */
export async function postJson(path, body) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  try {
    return await send(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) token.clear();
    throw e;
  }
}

/** Builds a query string from the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
