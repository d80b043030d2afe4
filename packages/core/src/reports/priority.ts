import type { ReportChannel } from '@tianlang/contracts';

/** What raises a report in the queue (higher first): a trusted reporter's report, a report in a priority zone. */
const PRIORITY_WEIGHTS = { trustedReporter: 10, priorityZone: 5 } as const;

/** Special zones whose reports rise in the queue: minors, fraud against the elderly. */
const PRIORITY_ZONES: readonly string[] = ['zone.minors', 'zone.elderly_fraud'];

/** A new report's queue priority, from its channel and zone. */
export function reportPriority(r: { channel: ReportChannel; zoneCode?: string | null }): number {
  return (r.channel === 'trusted' ? PRIORITY_WEIGHTS.trustedReporter : 0)
    + (r.zoneCode && PRIORITY_ZONES.includes(r.zoneCode) ? PRIORITY_WEIGHTS.priorityZone : 0);
}
