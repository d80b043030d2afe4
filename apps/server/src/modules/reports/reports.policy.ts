import type { Permission } from '@tianlang/contracts';
import type { ReportAction } from '@tianlang/core';

/** Who may do what with reports; every route names one of these. */
export const reportsPolicy = {
  read: 'reports.read',
  createStaff: 'reports.intake',
  submitTrusted: 'reports.submit',
  accept: 'reports.intake',
  reject: 'reports.intake',
  merge: 'reports.intake',
  split: 'reports.intake',
  forward: 'reports.intake',
  assign: 'reports.intake',
  claim: 'reports.read',
  assess: 'reports.assess',
  dispose: 'reports.dispose',
  complete: 'reports.dispose',
  reply: 'reports.reply',
  close: 'reports.reply',
  revealContact: 'reports.contact_reveal',
  bulk: 'reports.intake',
  configure: 'reports.configure',
  urgeTransfer: 'reports.dispose',
  /** 代录回函: enter a unit's answer that came by 公文, phone or mail */
  recordTransferReply: 'reports.dispose',
  recheckOrder: 'reports.dispose',
  handleTransfer: 'transfers.handle',
  answerOrder: 'orders.answer',
} as const satisfies Record<string, Permission>;

/** The permission each state-machine action needs (drives `allowedActions` on the detail page). */
export const ACTION_PERMISSION: Partial<Record<ReportAction, Permission>> = {
  accept: 'reports.intake',
  reject: 'reports.intake',
  merge: 'reports.intake',
  split: 'reports.intake',
  forward: 'reports.intake',
  assess: 'reports.assess',
  dispose: 'reports.dispose',
  complete: 'reports.dispose',
  reply: 'reports.reply',
  close: 'reports.reply',
};
