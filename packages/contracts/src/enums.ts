export const JURISDICTION_LEVELS = ['city', 'district', 'town', 'community'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** The level a child must have, given its parent's level (市 → 区县 → 镇街 → 社区/网格). */
export const CHILD_LEVEL: Record<JurisdictionLevel, JurisdictionLevel | null> = {
  city: 'district',
  district: 'town',
  town: 'community',
  community: null,
};

export const UNIT_KINDS = ['office', 'department', 'platform', 'alliance'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const DEADLINE_UNITS = ['calendar_days', 'working_days', 'hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const DEADLINE_STATUSES = ['on_time', 'at_risk', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_STATES = ['running', 'paused', 'met', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The office's zone: all day boundaries (working days, periods) are computed here. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';
