import type { Permission } from '@tianlang/contracts';

export const auditPolicy = { list: 'audit.read' } as const satisfies Record<string, Permission>;
