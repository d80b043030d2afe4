import type { ReportOutcome } from '@tianlang/contracts';
import type { Db } from '../db/client';
import { replyTemplates } from '../db/schema';

/**
 * Default replies to reporters, one per outcome. {{trackingNo}}, {{submittedDate}}, {{categoryName}}
 * and {{outcomeName}} are filled by the server for each reporter; {{measure}} and {{targetOffice}}
 * are proposed from the recorded disposals and may be edited by the handler.
 */
export const DEFAULT_REPLY_TEMPLATES: { outcome: ReportOutcome; name: string; body: string }[] = [
  {
    outcome: 'handled', name: '已处置（通用）',
    body: '您于{{submittedDate}}提交的举报（编号{{trackingNo}}）已核查处置。经核查，您举报的{{categoryName}}信息违反相关规定，我办已依法{{measure}}。感谢您对网络生态治理的支持。',
  },
  {
    outcome: 'referred', name: '已移交（通用）',
    body: '您于{{submittedDate}}提交的举报（编号{{trackingNo}}）已受理。经研判，您反映的问题涉及其他职能部门职责，我办已将相关线索移交有关部门依法处理。感谢您对网络生态治理的支持。',
  },
  {
    outcome: 'no_violation', name: '未发现违规（通用）',
    body: '您于{{submittedDate}}提交的举报（编号{{trackingNo}}）已核查。经核查，暂未发现您举报的内容存在违反法律法规的情形，我办将持续关注。如有新的线索或证据，欢迎再次举报。感谢您的理解与支持。',
  },
  {
    outcome: 'out_of_jurisdiction', name: '非本办管辖（通用）',
    body: '您于{{submittedDate}}提交的举报（编号{{trackingNo}}）已收悉。经核查，该举报事项不属于我办管辖范围，已转请{{targetOffice}}依法处理。感谢您对网络生态治理的支持。',
  },
  {
    outcome: 'rejected', name: '不予受理（通用）',
    body: '您于{{submittedDate}}提交的举报（编号{{trackingNo}}）经审核不予受理。原因：{{reason}}。如有补充材料，欢迎重新提交举报。感谢您的理解与支持。',
  },
];

/** Idempotent by name: templates an administrator has edited are left as they are. */
export async function seedReplyTemplates(db: Db, now: Date) {
  await db.insert(replyTemplates).values(DEFAULT_REPLY_TEMPLATES.map((t) => ({ ...t, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}
