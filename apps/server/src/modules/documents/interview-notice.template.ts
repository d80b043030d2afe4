import { InterviewNoticeDataSchema, type InterviewNoticeData } from '@tianlang/contracts';
import { chineseDateTime, docNumber, officialDocument, para, signature, title } from './docx-kit';
import type { DocumentTemplate } from './templates';

const TITLE = '约谈通知书';
const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 约谈通知书 v1: the notice an office sends before it interviews a platform (registry interviews
 * today, enforcement next). Staff type its data in.
 */
export const interviewNoticeV1: DocumentTemplate<InterviewNoticeData> = {
  code: 'interview_notice',
  version: 1,
  title: TITLE,
  schema: InterviewNoticeDataSchema,
  permission: 'registry.manage',
  direct: true,
  filename: (d) => `${TITLE}-${d.addressee}.docx`,
  render: (d) => officialDocument({
    title: `${TITLE}（${d.addressee}）`,
    children: [
      title(TITLE),
      ...(d.docNo ? [docNumber(d.docNo)] : []),
      para(`${d.addressee}：`, { indent: false }),
      para(`经查，你单位${d.reason.replace(/[。；，\s]+$/u, '')}。依据${d.basis}，我办决定对你单位进行约谈。`),
      para(`请你单位${d.attendees}于${chineseDateTime(d.at)}到${d.place}接受约谈${d.materials.length ? '，并携带以下材料：' : '。'}`),
      ...d.materials.map((m, i) => para(`${NUMBERS[i]}、${m.replace(/[。；\s]+$/u, '')}${i === d.materials.length - 1 ? '。' : '；'}`)),
      para(`联系人：${d.contactName}，联系电话：${d.contactPhone}。`),
      ...signature(d.office, d.date),
    ],
  }),
};
