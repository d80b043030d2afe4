import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_STATES } from '@tianlang/contracts';
import { canActOnAssignment, isOpenAssignment, nextAssignmentState, settles } from './assignment-machine';

describe('assignment machine', () => {
  it('signs, answers or returns an open assignment; urge and escalate keep the state', () => {
    expect(nextAssignmentState('sign', 'sent')).toBe('signed');
    expect(nextAssignmentState('reply', 'sent')).toBe('replied');
    expect(nextAssignmentState('return', 'signed')).toBe('returned');
    expect(nextAssignmentState('urge', 'signed')).toBe('signed');
    expect(nextAssignmentState('escalate', 'sent')).toBe('sent');
  });

  it('refuses every step on a settled assignment and signing twice', () => {
    for (const a of ['sign', 'reply', 'return', 'urge', 'escalate'] as const) {
      expect(canActOnAssignment(a, 'replied')).toBe(false);
      expect(nextAssignmentState(a, 'returned')).toBeNull();
    }
    expect(nextAssignmentState('sign', 'signed')).toBeNull();
    expect(ASSIGNMENT_STATES.filter(isOpenAssignment)).toEqual(['sent', 'signed']);
    expect(ASSIGNMENT_STATES.filter(settles)).toEqual(['replied', 'returned']);
  });
});
