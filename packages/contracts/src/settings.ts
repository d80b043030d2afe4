import { z } from 'zod';

/**
 * Settings the office is free to vary are set at the root (the defaults) and may be overridden by a
 * jurisdiction for its subtree; the nearest level wins. Others (roles, permissions, the taxonomy,
 * lexicons) are the root's alone.
 */
export const SETTING_KINDS = ['report_sla', 'reply_template', 'calendar_day', 'roles', 'taxonomy', 'lexicon', 'terms'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

/** Where a value shown comes from. */
export const SettingSourceSchema = z.object({
  /** null: the default, set at the root */
  jurisdictionId: z.uuid().nullable(),
  /** the jurisdiction that set it (the root's name for a default) */
  jurisdictionName: z.string(),
  /** set at the viewer's own level, so the viewer's admins may change or remove it */
  own: z.boolean(),
});
export type SettingSource = z.infer<typeof SettingSourceSchema>;

/** The level at which the viewer's writes land. */
export const SettingLevelSchema = z.object({
  jurisdictionId: z.uuid(),
  jurisdictionName: z.string(),
  /** the root sets the defaults; other levels set overrides */
  root: z.boolean(),
});
export type SettingLevel = z.infer<typeof SettingLevelSchema>;
