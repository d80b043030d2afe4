import type { Permission } from '@tianlang/contracts';

export const calendarPolicy = {
  read: 'directory.read',
  update: 'admin.calendar.manage',
} as const satisfies Record<string, Permission>;
