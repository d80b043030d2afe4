import { z } from 'zod';
import { LOCALES, JURISDICTION_LEVELS, UNIT_KINDS } from './enums';
import { PERMISSIONS } from './permissions';
import { text } from './common';

export const LoginInputSchema = z.strictObject({
  username: text().trim().min(1).max(64),
  password: text().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: text().min(1).max(256),
  newPassword: text().min(10).max(256),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const PreferencesInputSchema = z.strictObject({
  locale: z.enum(LOCALES),
});

export const MeViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
  jurisdiction: z.object({
    id: z.uuid(),
    name: z.string(),
    level: z.enum(JURISDICTION_LEVELS),
    /** names from the root down to the user's own jurisdiction, e.g. 示范市 / 东湖区 */
    pathNames: z.array(z.string()),
  }),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  permissions: z.array(z.enum(PERMISSIONS)),
  lastLoginAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  /** the password was set by an admin (or at setup): only changing it, whoami and sign-out are open */
  mustChangePassword: z.boolean(),
  sessionExpiresAt: z.string(),
});
export type MeView = z.infer<typeof MeViewSchema>;

export const SessionViewSchema = z.object({
  user: MeViewSchema,
  /** Send back as the x-csrf-token header on every state-changing request. */
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** The demo accounts the sign-in page offers when the server runs with demo data. */
export const DemoHintSchema = z.object({
  enabled: z.boolean(),
  users: z.array(z.object({ username: z.string(), role: z.string() })).optional(),
});

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'tl_session';
