import type { settingsZhCN } from './settings.zh-CN';

export const settingsEn: Record<keyof typeof settingsZhCN, string> = {
  'settings.source': 'Source',
  'settings.own': 'Set at this level',
  'settings.inherited': 'Inherited from {name}',
  'settings.noteRoot': 'These are the defaults; lower levels use them unless they set their own.',
  'settings.noteLevel': 'Settings marked “Inherited from” come from a higher level. What you set here applies to {name} and the levels below it only; removing it brings back the inherited setting.',
  'settings.rootOnly': 'This setting is the same everywhere and only administrators at the top level can change it. You can view it.',
  'settings.overrideInherited': 'Set for this level',
  'settings.removeOwn': 'Use the inherited setting',
  'settings.replacesInherited': 'Replaces the inherited template of the same name',
  'settings.replacesDay': 'Replaces the higher level’s setting: {name} ({kind})',

  'rptTemplate.delete': 'Delete',
  'rptTemplate.removeTitle': 'Delete template “{name}”?',
  'rptTemplate.removeBody': 'Staff can no longer pick this template; replies already sent are not affected.',
  'rptTemplate.removeOwnBody': 'This level’s wording is removed and the inherited template of the same name is used again.',

  'nav.reportsSla': 'Deadlines',
  'sla.hint': 'Deadlines per report category, in working days. A category without its own setting uses the defaults: accept {accept}, dispose {dispose}, reply {reply} working days.',
  'sla.category': 'Category',
  'sla.accept': 'Accept (working days)',
  'sla.dispose': 'Dispose (working days)',
  'sla.reply': 'Reply (working days)',
  'sla.add': 'Set a category’s deadlines',
  'sla.editTitle': 'Deadlines for “{name}”',
  'sla.reason': 'Reason',
  'sla.reasonPlaceholder': 'e.g. faster handling during a campaign',
  'sla.removeTitle': 'Remove this level’s deadlines for “{name}”?',
  'sla.removeBody': 'The category will use the higher level’s setting or the defaults again.',
  'sla.removed': 'The inherited setting applies again',
  'sla.none': 'No category has its own deadlines; all use the defaults.',
};
