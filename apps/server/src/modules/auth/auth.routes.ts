import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordInputSchema, LoginInputSchema, MeViewSchema, OkSchema, PreferencesInputSchema, SessionViewSchema,
} from '@tianlang/contracts';
import { clearSessionCookie, clientInfo, currentUser, setSessionCookie } from '../../http/auth-hook';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { authPolicy } from './auth.policy';
import { meView } from './auth.views';
import { ThrottledDetailsSchema } from './login-throttle';

export const DemoHintSchema = z.object({
  enabled: z.boolean(),
  users: z.array(z.object({ username: z.string(), role: z.string() })).optional(),
});

export const authRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['auth 登录'];
  app.post('/api/auth/login', {
    config: { public: authPolicy.public, rateLimit: { max: s.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 } },
    schema: { summary: '登录', errors: ['auth.invalid_credentials', 'auth.throttled'], tags, body: LoginInputSchema, response: { 200: SessionViewSchema } },
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
  const open = { beforePasswordChange: true };
  app.get('/api/auth/me', {
    config: open,
    schema: { summary: '当前用户与会话', tags, response: { 200: SessionViewSchema } },
  }, async (req) => ({ user: await meView(s.db, req.auth!), csrfToken: req.auth!.csrfToken }));

  app.post('/api/auth/logout', { config: open, schema: { summary: '退出登录', tags, response: { 200: OkSchema } } }, async (req, reply) => {
    await s.auth.logout(req.auth!.tokenHash);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post('/api/auth/logout-all', { config: open, schema: { summary: '退出所有设备上的登录', tags, response: { 200: OkSchema } } }, async (req, reply) => {
    await s.auth.logoutEverywhere(currentUser(req));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post('/api/auth/password', {
    config: open,
    schema: { summary: '修改密码', errors: ['auth.password_mismatch', 'auth.password_unchanged', 'auth.password_weak'], tags, body: ChangePasswordInputSchema, response: { 200: OkSchema } },
  }, async (req) => {
    await s.auth.changePassword(currentUser(req), req.auth!.tokenHash, req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });

  app.put('/api/me/preferences', {
    schema: { summary: '设置界面语言', tags, body: PreferencesInputSchema, response: { 200: MeViewSchema } },
  }, async (req) => {
    await s.auth.setLocale(currentUser(req), req.body.locale);
    return meView(s.db, req.auth!);
  });

  app.get('/api/auth/demo-hint', {
    config: { public: authPolicy.public },
    schema: { summary: '演示账号提示', errors: ['resource.not_found'], tags, response: { 200: DemoHintSchema } },
  }, async () => {
    if (!s.demoHint) throw new AppError('resource.not_found', 'no demo data');
    return { enabled: true, users: s.demoHint };
  });
};
