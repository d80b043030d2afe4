import type { EntityGrade, EntityStatus } from '@tianlang/contracts';

export class RegistryRuleError extends Error {
  constructor(readonly code: 'same_grade' | 'reason_required' | 'level_too_low' | 'same_status', message: string) { super(message); }
}

/** Jurisdiction levels that may change a grade: the district (区县) and above see across their towns. */
const GRADING_LEVELS = new Set(['city', 'district']);
export const canGradeAtLevel = (level: string): boolean => GRADING_LEVELS.has(level);

/**
 * A grade change: to a different grade, with a reason, by a user at district level or above.
 * Raising to 重点 or lowering from it are both allowed; the history keeps every step.
 */
export function checkGradeChange(from: EntityGrade, to: EntityGrade, reason: string | undefined, userLevel: string): void {
  if (!canGradeAtLevel(userLevel)) throw new RegistryRuleError('level_too_low', '镇街及以下用户不能调整分级，请报区县网信办');
  if (from === to) throw new RegistryRuleError('same_grade', `已经是该分级`);
  if (!reason || reason.trim().length < 2) throw new RegistryRuleError('reason_required', '调整分级须说明理由');
}

/** active ⇄ closed, each with a reason. */
export function checkStatusChange(from: EntityStatus, to: EntityStatus): 'registry.entity_closed' | 'registry.entity_reopened' {
  if (from === to) throw new RegistryRuleError('same_status', '状态未变化');
  return to === 'closed' ? 'registry.entity_closed' : 'registry.entity_reopened';
}
