import type { FastifyPluginAsync } from 'fastify';
import { authApi as api } from '@tianlang/contracts';
import { clearSessionCookie, clientInfo, currentUser, setSessionCookie } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { authPolicy } from './auth.policy';
import { meView } from './auth.views';
import { ThrottledDetailsSchema } from './login-throttle';

export const authRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.login, {
    config: { public: authPolicy.public, rateLimit: { max: s.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 } },
  }, async (req, reply) => {
    const session = await s.auth.login(req.body.username, req.body.password, clientInfo(req)).catch((err: unknown) => {
      const throttled = err instanceof AppError && err.code === 'auth.throttled' ? ThrottledDetailsSchema.safeParse(err.details) : null;
      if (throttled?.success) reply.header('retry-after', String(throttled.data.retryAfterSeconds));
      throw err;
    });
    const ctx = await s.auth.authenticate(session.token);
    setSessionCookie(reply, session.token, session.expiresAt, s.config.COOKIE_SECURE);
    return { user: await meView(s.db, ctx), csrfToken: session.csrfToken };
  });

  // what a session may do while its password must still be changed (see auth-hook)
  const open = { config: { beforePasswordChange: true } };
  mount(app, api.me, open, async (req) => ({ user: await meView(s.db, req.auth!), csrfToken: req.auth!.csrfToken }));

  mount(app, api.logout, open, async (req, reply) => {
    await s.auth.logout(req.auth!.tokenHash);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  mount(app, api.logoutAll, open, async (req, reply) => {
    await s.auth.logoutEverywhere(currentUser(req));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  mount(app, api.changePassword, open, async (req) => {
    await s.auth.changePassword(currentUser(req), req.auth!.tokenHash, req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });

  mount(app, api.preferences, {}, async (req) => {
    await s.auth.setLocale(currentUser(req), req.body.locale);
    return meView(s.db, req.auth!);
  });

  mount(app, api.demoHint, { config: { public: authPolicy.public } }, async () => {
    if (!s.demoHint) throw new AppError('resource.not_found', 'no demo data');
    return { enabled: true, users: s.demoHint };
  });
};
