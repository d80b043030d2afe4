import { routePath, type CallInput, type RouteDef, type RouteResult } from '@tianlang/contracts';

/** The one way the web app talks to the server: JSON, same-origin cookie, CSRF header, typed errors. */

const CSRF_HEADER = 'x-csrf-token';

/** Client-side codes for failures that never reached the server's error handler. */
export type ClientErrorCode = 'network.failed';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: unknown,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};
/** The router registers a handler so a lost session sends the user to /login without a full reload. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Let the caller handle 401 itself (the session probe and the login form). */
  allow401?: boolean;
  /** A raw body (a file upload) with its media type, sent instead of JSON. */
  raw?: { body: Blob; contentType: string };
  /** Extra request headers (a file upload's name, x-filename). */
  headers?: Record<string, string>;
}

function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function errorFromBody(status: number, data: unknown): ApiError {
  if (data && typeof data === 'object' && typeof (data as { code?: unknown }).code === 'string') {
    const body = data as { code: string; details?: unknown };
    return new ApiError(status, body.code, body.details);
  }
  return new ApiError(status, status >= 502 && status <= 504 ? 'server.unavailable' : 'server.internal', undefined);
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
  let body: string | Blob | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
    // POST always carries a body (JSON unless raw); DELETE only when given one (an empty JSON body is an error).
    const payload = opts.body ?? (method === 'DELETE' ? undefined : {});
    if (opts.raw) {
      body = opts.raw.body;
      headers['content-type'] = opts.raw.contentType;
    } else if (payload !== undefined) {
      body = JSON.stringify(payload);
      headers['content-type'] = 'application/json';
    }
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network.failed' satisfies ClientErrorCode, undefined);
  }

  const data = await readJson(res);
  if (!res.ok) {
    const error = errorFromBody(res.status, data);
    if (res.status === 401 && !opts.allow401) onUnauthorized();
    throw error;
  }
  return data as T;
}

/** Options of a call that are not part of the route's contract. */
export type CallOptions = Pick<RequestOptions, 'signal' | 'allow401' | 'headers'>;

/**
 * Calls route `def` of the contracts route table: the path is filled from `params`, the query and body
 * are typed by the route's schemas, and the result is the route's success response type.
 */
export function call<D extends RouteDef>(def: D, input: CallInput<D>, opts: CallOptions = {}): Promise<RouteResult<D>> {
  return callPublic<D>(def, input, opts);
}

/**
 * `call` for the public pages, which keep zod out of their bundle: the route's method and path come as a
 * zod-free value from '@tianlang/contracts/public', its types from an `import type` of the table entry, as in
 * `callPublic<typeof publicReportsApi.submit>(PUBLIC_ROUTES.submit, { body })`.
 */
export function callPublic<D extends RouteDef>(route: Pick<RouteDef, 'method' | 'path'>, input: CallInput<D>, opts: CallOptions = {}): Promise<RouteResult<D>> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: QueryParams; body?: unknown };
  return request<RouteResult<D>>(route.method, routePath(route.path, params), { ...opts, query, body });
}

/** POSTs a file as the raw request body of route `def` (CSV, JSONL, xlsx imports; evidence uploads). */
export function upload<D extends RouteDef>(def: D, input: Omit<CallInput<D>, 'body'>, file: Blob, contentType: string, opts: CallOptions = {}): Promise<RouteResult<D>> {
  const { params, query } = input as { params?: Record<string, unknown>; query?: QueryParams };
  return request<RouteResult<D>>(def.method, routePath(def.path, params), { ...opts, query, raw: { body: file, contentType } });
}

/**
 * Fetches a file (an export) and hands it to the browser as a download, named by the server's
 * Content-Disposition; errors are thrown as ApiError like every other call.
 */
export function downloadFile<D extends RouteDef>(def: D, input: CallInput<D>): Promise<void> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: QueryParams; body?: unknown };
  return fetchDownload(def.method, routePath(def.path, params), { query, body });
}

async function fetchDownload(method: string, path: string, opts: { query?: QueryParams; body?: unknown } = {}): Promise<void> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body: method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network.failed' satisfies ClientErrorCode, undefined);
  }
  if (!res.ok) {
    const error = errorFromBody(res.status, await readJson(res));
    if (res.status === 401) onUnauthorized();
    throw error;
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : 'download';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A page of a list route's result (`listOf(X)` in contracts), for components that take one. */
export interface Page<T> {
  items: T[];
  total: number;
}
