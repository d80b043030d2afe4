import { authApi as routes, type CallInput, type Locale, type RouteResult } from '@tianlang/contracts';
import { ApiError, call } from '../../lib/api';

export const authApi = {
  login: (body: CallInput<typeof routes.login>['body']) => call(routes.login, { body }, { allow401: true }),
  logout: () => call(routes.logout, {}, { allow401: true }),
  logoutAll: () => call(routes.logoutAll, {}, { allow401: true }),
  changePassword: (body: CallInput<typeof routes.changePassword>['body']) => call(routes.changePassword, { body }),
  savePreferences: (locale: Locale) => call(routes.preferences, { body: { locale } }),
  /** The server only offers demo sign-in hints when it runs with demo data; anything else means "no hint". */
  demoHint: async (): Promise<RouteResult<typeof routes.demoHint>> => {
    try {
      return await call(routes.demoHint, {}, { allow401: true });
    } catch (err) {
      if (err instanceof ApiError) return { enabled: false };
      throw err;
    }
  },
};
