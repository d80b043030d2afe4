import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, type ApiKeyScope, type Permission, type SettingKind } from '@tianlang/contracts';
import type { ApiClient, ApiKeysService } from '../modules/apikeys/apikeys.service';
import { AppError, assertThat } from '../lib/errors';
import { safeEqual } from '../lib/crypto';
import type { AuthService } from '../modules/auth/auth.service';
import type { AuthContext, AuthUser } from '../modules/auth/auth.types';
import { assertMaySetAt, SETTING_SCOPES } from '../modules/settings/settings-scope';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** no session needed (public pages, sign-in, health) */
    public?: boolean;
    /** the permission this route needs, from the module's policy; checked here, once */
    permission?: Permission;
    /** open to a session whose password must still be changed (sign-out, whoami, the change itself) */
    beforePasswordChange?: boolean;
    /** machine route: authenticated by an API key with this scope instead of a session */
    apiKeyScope?: ApiKeyScope;
    /** a settings route: root-only kinds are refused here to anyone below the root; the scope walk finds these */
    settings?: SettingKind;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    apiClient: ApiClient | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs on request, before the body is parsed: unauthenticated bodies are never read.
 * Secure by default: every route needs a session unless it says `public`, every state-changing
 * request carries the CSRF token bound to the session, a session whose password must be changed
 * reaches only the routes that say `beforePasswordChange`, and a route's permission is checked here.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService, apiKeys: ApiKeysService) {
  app.decorateRequest('auth', null);
  app.decorateRequest('apiClient', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const { config, url } = req.routeOptions;
    // Only the API is guarded; the web app's static files and health probes are public.
    if (config.public || !url?.startsWith('/api/')) return;
    if (config.apiKeyScope) {
      // Machine clients send no cookies, so there is nothing for CSRF to ride on.
      req.apiClient = await apiKeys.authenticate(req.headers.authorization, config.apiKeyScope);
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    assertThat(token, 'auth.unauthenticated');
    req.auth = await auth.authenticate(token);
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      assertThat(typeof sent === 'string' && safeEqual(sent, req.auth.csrfToken), 'auth.csrf_invalid');
    }
    // Enforced here, not in the console: an initial or reset password opens nothing but its own change.
    assertThat(!req.auth.user.mustChangePassword || config.beforePasswordChange, 'auth.password_change_required');
    if (config.permission) {
      assertThat(req.auth.user.permissions.has(config.permission), 'auth.forbidden', `needs ${config.permission}`);
    }
    if (config.settings && SETTING_SCOPES[config.settings] === 'root_only' && !SAFE_METHODS.has(req.method)) {
      assertMaySetAt(req.auth.user, null, config.settings);
    }
  });
}

export function currentUser(req: FastifyRequest): AuthUser {
  if (!req.auth) throw new AppError('auth.unauthenticated');
  return req.auth.user;
}

export function clientInfo(req: FastifyRequest) {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
