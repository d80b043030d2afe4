import type { transparencyPublicZhCN } from './transparency-public.zh-CN';

export const transparencyPublicEn: Record<keyof typeof transparencyPublicZhCN, string> = {
  'pubT.title': 'Report handling statistics', 'pubT.intro': 'Monthly figures of the reports of illegal and harmful online information this office received. Each month is published after approval and then frozen; a correction states its reason.',
  'pubT.months': 'Published months', 'pubT.none': 'Nothing published yet', 'pubT.heading': 'Reports in {month}',
  'pubT.summary': 'In {month}, {office} received {total} reports, {mom} on the previous month and {yoy} on the same month last year.',
  'pubT.up': 'up {v}%', 'pubT.down': 'down {v}%', 'pubT.flat': 'unchanged', 'pubT.na': 'n/a (no base)',
  'pubT.byLevel': 'By level', 'pubT.byCategory': 'By category', 'pubT.count': 'Count', 'pubT.share': 'Share', 'pubT.mom': 'Month on month',
  'pubT.correction': 'Correction (version {v}): {text}', 'pubT.approvedAt': 'Published {at}', 'pubT.feed': 'Data feed (JSON)', 'pubT.link': 'Report statistics',
};
