import type { Permission } from '@tianlang/contracts';

/**
 * Who may reach the documents routes: any staff member. Each template then names the permission
 * that renders it and reads its documents (`DocumentTemplate.permission`), checked by the service:
 * the work report's are stats.read's, a 约谈通知书's registry.manage's.
 */
const staff: Permission = 'directory.read';
export const documentsPolicy = { templates: staff, render: staff, list: staff, read: staff } as const;
