import type { Permission } from '@tianlang/contracts';

/**
 * Who may reach the documents routes: any staff member. Each template then names the permission
 * that renders it and reads its documents (`DocumentTemplate.permission`), checked by the service:
 * the work report's are stats.read's, a 约谈通知书's registry.manage's.
 */
export const documentsPolicy = {
  templates: 'directory.read',
  render: 'directory.read',
  list: 'directory.read',
  read: 'directory.read',
} as const satisfies Record<string, Permission>;
