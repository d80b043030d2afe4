export const JURISDICTION_LEVELS = ['city', 'district', 'town', 'community'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** The level a child must have, given its parent's level (市 → 区县 → 镇街 → 社区/网格). */
export const CHILD_LEVEL: Record<JurisdictionLevel, JurisdictionLevel | null> = {
  city: 'district',
  district: 'town',
  town: 'community',
  community: null,
};

export const UNIT_KINDS = ['office', 'department', 'platform', 'alliance', 'superior_office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/**
 * Units outside the jurisdiction tree that receive assignments: partner departments and the office above
 * (上级网信部门). Their users see only what is sent to their unit; staff may record their answers for them.
 */
export const EXTERNAL_UNIT_KINDS = ['department', 'superior_office'] as const satisfies readonly UnitKind[];
export type ExternalUnitKind = (typeof EXTERNAL_UNIT_KINDS)[number];
export const isExternalUnitKind = (kind: string): kind is ExternalUnitKind => (EXTERNAL_UNIT_KINDS as readonly string[]).includes(kind);

/** An assignment to a unit (移交, 核查请求, 交办单, 任务): sent → signed → replied, or returned. */
export const ASSIGNMENT_STATES = ['sent', 'signed', 'replied', 'returned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
/** How an answer that staff entered on a unit's behalf (代录回函) arrived: 公文, 电话, 邮件. */
export const REPLY_CHANNELS = ['document', 'phone', 'email'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

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
