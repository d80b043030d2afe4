import {
  ENTITY_GRADE_LABELS, ENTITY_GRADES, ENTITY_STATUS_LABELS, ENTITY_STATUSES, ENTITY_TYPE_LABELS, ENTITY_TYPES, OperatorContactSchema,
  REGISTRY_COLUMNS, type EntityGrade, type EntityStatus, type EntityType, type ImportProblem, type OperatorContact,
} from '@tianlang/contracts';
import { checkIdentifiers, naturalKeys, type Identifiers } from '@tianlang/core';
import { norm } from './entity-values';
import type { RawRow } from './import-xlsx';

/** A checked row, ready to be matched against the register. */
export interface CheckedRow {
  row: number;
  name: string; type: EntityType; url: string | null; ids: Identifiers; platformName: string | null; operatorName: string | null;
  /** undefined: keep what the register has (column absent or a masked value from an export) */
  contact: OperatorContact | null | undefined;
  jurisdictionId: string | null; grade: EntityGrade; gradeReason: string | null; tags: string[];
  officerId: string | null | undefined; status: EntityStatus; note: string | null; keys: string[];
}

const lookup = <T extends string>(values: readonly T[], labels: Record<T, string>) => {
  const m = new Map<string, T>();
  for (const v of values) { m.set(norm(v), v); m.set(norm(labels[v]), v); }
  return m;
};
const TYPES = lookup(ENTITY_TYPES, ENTITY_TYPE_LABELS);
for (const [alias, t] of [['app', 'app'], ['应用', 'app'], ['公众号', 'wechat_official'], ['微博', 'weibo'], ['抖音', 'douyin'], ['快手', 'kuaishou'], ['头条', 'toutiao'], ['论坛', 'forum_group'], ['群组', 'forum_group'], ['led', 'led_screen'], ['led屏', 'led_screen'], ['户外屏', 'led_screen']] as const) TYPES.set(norm(alias), t);
const GRADES = lookup(ENTITY_GRADES, ENTITY_GRADE_LABELS);
const STATUSES = lookup(ENTITY_STATUSES, ENTITY_STATUS_LABELS);
for (const [alias, s] of [['关停', 'closed'], ['注销', 'closed'], ['在用', 'active'], ['运营', 'active']] as const) STATUSES.set(norm(alias), s);
const MASKED = /\*{2,}/;

export interface RowContext {
  jurisdictionByCode: Map<string, string>;
  jurisdictionByName: Map<string, string[]>;
  defaultJurisdictionId: string;
  officerByUsername: Map<string, string>;
}

/** Checks one row: every problem is reported in Chinese with its column. */
export function checkRow(raw: RawRow, ctx: RowContext): { ok: CheckedRow } | { problems: ImportProblem[] } {
  const v = raw.values;
  const problems: ImportProblem[] = [];
  const bad = (column: keyof typeof REGISTRY_COLUMNS, message: string) => problems.push({ row: raw.row, column: REGISTRY_COLUMNS[column], code: 'invalid', message });
  const name = v.name?.trim() ?? '';
  if (!name) bad('name', '名称不能为空');
  else if (name.length > 200) bad('name', '名称超过200字');
  const type = v.type ? TYPES.get(norm(v.type)) : undefined;
  if (!type) bad('type', v.type ? `类型“${v.type}”无法识别，可填：${Object.values(ENTITY_TYPE_LABELS).join('、')}` : '类型不能为空');
  const grade = v.grade ? GRADES.get(norm(v.grade)) : undefined;
  if (!grade) bad('grade', v.grade ? `分级“${v.grade}”无法识别，可填：重点、一般、观察` : '分级不能为空');
  const status = v.status ? STATUSES.get(norm(v.status)) : 'active';
  if (!status) bad('status', `状态“${v.status}”无法识别，可填：正常、已关停`);
  let jurisdictionId: string | null = ctx.defaultJurisdictionId;
  if (v.jurisdictionCode) {
    jurisdictionId = ctx.jurisdictionByCode.get(v.jurisdictionCode.trim()) ?? null;
    if (!jurisdictionId) bad('jurisdictionCode', `属地编码“${v.jurisdictionCode}”不存在或不在您的辖区`);
  } else if (v.jurisdictionName) {
    const hits = ctx.jurisdictionByName.get(norm(v.jurisdictionName)) ?? [];
    jurisdictionId = hits.length === 1 ? hits[0]! : null;
    if (hits.length !== 1) bad('jurisdictionName', hits.length ? `属地“${v.jurisdictionName}”有重名，请填写属地编码` : `属地“${v.jurisdictionName}”不存在或不在您的辖区`);
  }
  let officerId: string | null | undefined;
  if (v.officerUsername) {
    officerId = ctx.officerByUsername.get(v.officerUsername.trim().toLowerCase()) ?? null;
    if (!officerId) bad('officerUsername', `责任人账号“${v.officerUsername}”不存在或不在您的辖区`);
  }
  let contact: OperatorContact | null | undefined;
  if (v.contactPerson !== undefined || v.contactPhone !== undefined || v.contactEmail !== undefined) {
    if ([v.contactPerson, v.contactPhone, v.contactEmail].some((x) => x && MASKED.test(x))) contact = undefined; // a masked export value: keep the stored contact
    else {
      const parsed = OperatorContactSchema.safeParse({ person: v.contactPerson, phone: v.contactPhone, email: v.contactEmail });
      if (parsed.success) contact = parsed.data;
      else for (const issue of parsed.error.issues) bad(issue.path[0] === 'email' ? 'contactEmail' : issue.path[0] === 'phone' ? 'contactPhone' : 'contactPerson', issue.path[0] === 'email' ? `联系邮箱“${v.contactEmail}”格式不正确` : issue.path[0] === 'phone' ? `联系电话“${v.contactPhone}”格式不正确` : '联系人格式不正确');
    }
  }
  let ids: Identifiers = { canonicalUrl: null, icpNo: null, appId: null, accountId: null };
  if (type) {
    const r = checkIdentifiers({ type, url: v.url, icpNo: v.icpNo, appId: v.appId, accountId: v.accountId });
    if (r.ok) ids = r.value;
    else for (const p of r.problems) bad(p.field, p.message);
  }
  if (problems.length || !type || !grade || !status) return { problems };
  const tags = [...new Set((v.tags ?? '').split(/[、,，;；|]/).map((t) => norm(t)).filter(Boolean))].slice(0, 20);
  return {
    ok: {
      row: raw.row, name, type, url: v.url ?? null, ids, platformName: v.platformName ?? null, operatorName: v.operatorName ?? null, contact,
      jurisdictionId, grade, gradeReason: v.gradeReason ?? null, tags, officerId, status, note: v.note ?? null, keys: naturalKeys(type, ids, norm(name)),
    },
  };
}
