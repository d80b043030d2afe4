import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '@tianlang/contracts';
import { TEST_PASSWORD } from './factories';

export interface Agent {
  cookie: string;
  csrf: string;
  req(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/**
 * The address every signIn comes from: one no test sends failed sign-ins from, so the throttle's
 * per-address count of other tests (made from inject's default 127.0.0.1) never slows a sign-in here.
 */
const SIGN_IN_ADDRESS = '192.0.2.250';

/** Signs in through the real endpoint and returns a client that sends the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: SIGN_IN_ADDRESS });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const csrf = res.json().csrfToken as string;
  return agentFor(app, cookie, csrf);
}

export function agentFor(app: FastifyInstance, cookie: string, csrf: string): Agent {
  const req: Agent['req'] = (method, url, body, headers = {}) => app.inject({
    method, url, cookies: { [SESSION_COOKIE]: cookie },
    headers: { [CSRF_HEADER]: csrf, ...headers },
    ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
  });
  return {
    cookie, csrf, req,
    get: (url) => req('GET', url),
    post: (url, body) => req('POST', url, body),
    patch: (url, body) => req('PATCH', url, body),
    put: (url, body) => req('PUT', url, body),
    del: (url) => req('DELETE', url),
  };
}
