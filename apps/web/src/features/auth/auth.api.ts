import type { ChangePasswordInput, Locale, LoginInput, MeView, SessionView } from '@tianlang/contracts';
import { api, ApiError, type Ok } from '../../lib/api';

export interface DemoHint {
  enabled: boolean;
  users?: { username: string; role: string }[];
  password?: string;
}

export const authApi = {
  login: (input: LoginInput) => api.post<SessionView>('/api/auth/login', input, { allow401: true }),
  logout: () => api.post<Ok>('/api/auth/logout', undefined, { allow401: true }),
  logoutAll: () => api.post<Ok>('/api/auth/logout-all', undefined, { allow401: true }),
  changePassword: (input: ChangePasswordInput) => api.post<Ok>('/api/auth/password', input),
  savePreferences: (locale: Locale) => api.put<MeView>('/api/me/preferences', { locale }),
  /** The server only offers demo sign-in hints when it runs with demo data; anything else means "no hint". */
  demoHint: async (): Promise<DemoHint> => {
    try {
      return await api.get<DemoHint>('/api/auth/demo-hint', { allow401: true });
    } catch (err) {
      if (err instanceof ApiError) return { enabled: false };
      throw err;
    }
  },
};
