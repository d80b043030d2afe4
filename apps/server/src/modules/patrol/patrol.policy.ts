import type { Permission } from '@tianlang/contracts';

export const patrolPolicy = {
  readQueue: 'patrol.review',
  review: 'patrol.review',
  readLexicon: 'patrol.review',
  manageLexicon: 'patrol.manage',
  manageSources: 'patrol.manage',
  ingest: 'patrol.manage',
  checkTerms: 'directory.read',
  manageTerms: 'patrol.manage',
} as const satisfies Record<string, Permission>;
