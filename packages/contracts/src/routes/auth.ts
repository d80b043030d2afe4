import { OkSchema } from '../common';
import { ChangePasswordInputSchema, DemoHintSchema, LoginInputSchema, MeViewSchema, PreferencesInputSchema, SessionViewSchema } from '../auth';
import { defineRoutes } from '../route-table';

const tags = ['auth 登录'] as const;

export const authApi = defineRoutes({
  login: {
    method: 'POST', path: '/api/auth/login', summary: '登录', tags, errors: ['auth.invalid_credentials', 'auth.throttled'],
    body: LoginInputSchema, response: { 200: SessionViewSchema },
  },
  me: { method: 'GET', path: '/api/auth/me', summary: '当前用户与会话', tags, response: { 200: SessionViewSchema } },
  logout: { method: 'POST', path: '/api/auth/logout', summary: '退出登录', tags, response: { 200: OkSchema } },
  logoutAll: { method: 'POST', path: '/api/auth/logout-all', summary: '退出所有设备上的登录', tags, response: { 200: OkSchema } },
  changePassword: {
    method: 'POST', path: '/api/auth/password', summary: '修改密码', tags,
    errors: ['auth.password_mismatch', 'auth.password_unchanged', 'auth.password_weak'],
    body: ChangePasswordInputSchema, response: { 200: OkSchema },
  },
  preferences: { method: 'PUT', path: '/api/me/preferences', summary: '设置界面语言', tags, body: PreferencesInputSchema, response: { 200: MeViewSchema } },
  demoHint: { method: 'GET', path: '/api/auth/demo-hint', summary: '演示账号提示', tags, errors: ['resource.not_found'], response: { 200: DemoHintSchema } },
});
