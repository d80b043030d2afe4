import { z } from 'zod';
import { DateOnlySchema, lineField, nameField, text, textField, PageQuerySchema, TimestampSchema } from './common';
import { JURISDICTION_LEVELS, UNIT_KINDS, CALENDAR_DAY_KINDS, DEADLINE_UNITS } from './enums';
import { PERMISSIONS } from './permissions';
import { SettingLevelSchema, SettingSourceSchema } from './settings';

// ── Jurisdictions 属地 ─────────────────────────────────────────────
export const JurisdictionViewSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  level: z.enum(JURISDICTION_LEVELS),
  sort: z.number().int(),
  active: z.boolean(),
});
export type JurisdictionView = z.infer<typeof JurisdictionViewSchema>;

/** 行政区划代码: 6 digits for city/district, 9 for town, 12 for community; letters allowed for grids. */
export const JurisdictionCodeSchema = text().trim().regex(/^[0-9A-Za-z]{6,12}$/);

export const JurisdictionCreateInputSchema = z.strictObject({
  parentId: z.uuid(),
  code: JurisdictionCodeSchema,
  name: nameField(60),
  sort: z.number().int().min(0).max(100000).default(0),
});
export const JurisdictionUpdateInputSchema = z.strictObject({
  name: nameField(60).optional(),
  code: JurisdictionCodeSchema.optional(),
  sort: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
  reason: textField(500).optional(),
});

// ── Units 单位 ─────────────────────────────────────────────────────
export const UnitViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  jurisdictionId: z.uuid(),
  jurisdictionName: z.string(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
});
export type UnitView = z.infer<typeof UnitViewSchema>;

const PhoneSchema = text().trim().regex(/^[0-9+\-() ]{5,30}$/);

export const UnitCreateInputSchema = z.strictObject({
  name: nameField(100),
  shortName: nameField(30).optional(),
  kind: z.enum(UNIT_KINDS),
  jurisdictionId: z.uuid(),
  contactPhone: PhoneSchema.optional(),
});
export const UnitUpdateInputSchema = z.strictObject({
  name: nameField(100).optional(),
  shortName: nameField(30).nullable().optional(),
  jurisdictionId: z.uuid().optional(),
  contactPhone: PhoneSchema.nullable().optional(),
  active: z.boolean().optional(),
  reason: textField(500).optional(),
});
export const UnitListQuerySchema = PageQuerySchema.extend({
  kind: z.enum(UNIT_KINDS).optional(),
  jurisdictionId: z.uuid().optional(),
  q: lineField(60).optional(),
});

// ── Users 用户 ─────────────────────────────────────────────────────
export const UserViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  /** has used up the free failed sign-ins, so each further failure brings a growing wait (an admin may clear it) */
  throttled: z.boolean(),
  /** signs in with a password an admin set, and must change it first */
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const UsernameSchema = text().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/);

export const UserCreateInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: nameField(40),
  unitId: z.uuid(),
  roles: z.array(text().max(40)).min(1).max(20),
  password: text().min(10).max(256),
});
export const UserUpdateInputSchema = z.strictObject({
  displayName: nameField(40).optional(),
  unitId: z.uuid().optional(),
  roles: z.array(text().max(40)).min(1).max(20).optional(),
  active: z.boolean().optional(),
  reason: textField(500).optional(),
});
export const UserResetPasswordInputSchema = z.strictObject({
  password: text().min(10).max(256),
});
export const UserListQuerySchema = PageQuerySchema.extend({
  unitId: z.uuid().optional(),
  role: text().max(40).optional(),
  q: lineField(60).optional(),
});

// ── Roles 角色 ─────────────────────────────────────────────────────
export const RoleViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
  userCount: z.number().int(),
});
export type RoleView = z.infer<typeof RoleViewSchema>;

export const RoleCreateInputSchema = z.strictObject({
  code: text().trim().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: nameField(40),
  description: textField(200).optional(),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
});
export const RoleUpdateInputSchema = z.strictObject({
  name: nameField(40).optional(),
  description: textField(200).nullable().optional(),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).optional(),
  reason: textField(500).optional(),
});

// ── Working-day calendar 工作日历 ──────────────────────────────────
export const CalendarDayViewSchema = z.object({
  date: z.iso.date(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  /** the level the day is set at (the root's default, or a jurisdiction's local adjustment) */
  source: SettingSourceSchema,
  /** what a higher level set for this day, when this one replaces it */
  replaces: z.object({ kind: z.enum(CALENDAR_DAY_KINDS), name: z.string(), source: SettingSourceSchema }).nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDayViewSchema>;

export const CalendarYearQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const CalendarYearViewSchema = z.object({
  year: z.number().int(),
  days: z.array(CalendarDayViewSchema),
  /** Working days in the year after holidays and 调休 are applied. */
  workingDayCount: z.number().int(),
  /** the viewer's level: where their changes land */
  level: SettingLevelSchema,
});
export const CalendarDayParamsSchema = z.strictObject({ date: DateOnlySchema });
/** DELETE carries no body: the optional reason travels in the query string. */
export const CalendarDayRemoveQuerySchema = z.strictObject({ reason: textField(500).optional() });
export const CalendarDayInputSchema = z.strictObject({
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: nameField(40),
  reason: textField(500).optional(),
});
export const DeadlinePreviewInputSchema = z.strictObject({
  start: TimestampSchema,
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(DEADLINE_UNITS),
});
export const DeadlinePreviewViewSchema = z.object({
  dueAt: z.string(),
  /** The due moment shown as office-local date and time. */
  dueLocal: z.string(),
});
