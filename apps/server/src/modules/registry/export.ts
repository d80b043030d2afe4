import { PassThrough } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  ENTITY_GRADE_LABELS, ENTITY_STATUS_LABELS, ENTITY_TYPE_LABELS, REGISTRY_COLUMN_KEYS, REGISTRY_COLUMNS, REQUIRED_IMPORT_COLUMNS, type EntityFilter,
  type RegistryColumn,
} from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { jurisdictions, registryEntities, users, type RegistryEntityRow } from '../../db/schema';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { entityWhere } from './registry.repo';

const PAGE = 2000;
type Row = { e: RegistryEntityRow; jCode: string; jName: string; officer: string | null };

/** Text of a column; contacts leave only masked (the import keeps the stored contact for masked cells). */
function cell(r: Row, c: RegistryColumn): string {
  const e = r.e;
  const masked = (e.contactMasked ?? '').split(' ');
  switch (c) {
    case 'type': return ENTITY_TYPE_LABELS[e.type];
    case 'grade': return ENTITY_GRADE_LABELS[e.grade];
    case 'status': return ENTITY_STATUS_LABELS[e.status];
    case 'tags': return e.tags.join('、');
    case 'jurisdictionCode': return r.jCode;
    case 'jurisdictionName': return r.jName;
    case 'officerUsername': return r.officer ?? '';
    case 'contactPerson': return masked.find((m) => m.endsWith('*') && !m.includes('@')) ?? '';
    case 'contactPhone': return masked.find((m) => /^\d{3}\*{4}\d{4}$/.test(m)) ?? '';
    case 'contactEmail': return masked.find((m) => m.includes('@')) ?? '';
    default: return String((e as Record<string, unknown>)[c] ?? '');
  }
}

export const parseColumns = (s?: string): RegistryColumn[] =>
  s ? [...new Set(s.split(',').map((c) => c.trim() as RegistryColumn))] : [...REGISTRY_COLUMN_KEYS];

/**
 * Streams the user's entities (their jurisdiction subtree and filter, nothing else) as xlsx with the
 * chosen columns, page by page; the export itself is recorded on the event log.
 */
export async function exportXlsx(db: Db, user: AuthUser, filter: EntityFilter, columns: RegistryColumn[], at: Date, exportId: string) {
  const where = await entityWhere(db, user, filter);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('属地台账');
  ws.addRow(columns.map((c) => REGISTRY_COLUMNS[c])).commit();
  let count = 0;
  const write = (async () => {
    for (let offset = 0; ; offset += PAGE) {
      const page = await db.select({ e: registryEntities, jCode: jurisdictions.code, jName: jurisdictions.name, officer: users.username }).from(registryEntities)
        .innerJoin(jurisdictions, eq(jurisdictions.id, registryEntities.jurisdictionId)).leftJoin(users, eq(users.id, registryEntities.officerId))
        .where(where).orderBy(asc(registryEntities.id)).limit(PAGE).offset(offset);
      for (const r of page) ws.addRow(columns.map((c) => cell(r, c))).commit();
      count += page.length;
      if (page.length < PAGE) break;
    }
    ws.commit();
    await wb.commit();
    await appendEvent(db, {
      subjectType: 'registry_export', subjectId: exportId, action: 'registry.exported', actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
      payload: { filter, columns, rows: count }, at,
    });
  })();
  write.catch((err) => out.destroy(err as Error));
  return out;
}

/**
 * The empty register an office fills in: every column's header (required ones marked, which the
 * import accepts), and a second sheet explaining each column with its allowed values and an example.
 */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('属地台账');
  ws.addRow(REGISTRY_COLUMN_KEYS.map((c) => (REQUIRED_IMPORT_COLUMNS.includes(c) ? `${REGISTRY_COLUMNS[c]}（必填）` : REGISTRY_COLUMNS[c])));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col) => { col.width = 16; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '说明', '示例']).font = { bold: true };
  const notes: Partial<Record<RegistryColumn, [string, string]>> = {
    name: ['网站、应用或账号的名称', '示范本地生活网'],
    type: [`可填：${Object.values(ENTITY_TYPE_LABELS).join('、')}`, '网站'],
    url: ['网站或页面地址，http(s) 开头', 'https://www.example.cn'],
    icpNo: ['ICP备案号或许可证号，同一备案号只登记一次', '京ICP备12345678号-1'],
    accountId: ['账号类对象在其平台上的账号ID', 'dy123456789'],
    contactPhone: ['导出时为脱敏值；再次导入时脱敏值不会覆盖已存的联系方式', '13800138000'],
    jurisdictionCode: ['属地编码（系统管理 → 属地管理中可查），与“属地”二选一，不填为导入人所在属地', ''],
    grade: [`可填：${Object.values(ENTITY_GRADE_LABELS).join('、')}`, '一般'],
    tags: ['多个标签用顿号、逗号分隔', '新闻、资讯'],
    officerUsername: ['责任人的登录账号，须为本辖区在职人员', ''],
    status: [`可填：${Object.values(ENTITY_STATUS_LABELS).join('、')}，不填为正常`, '正常'],
  };
  for (const c of REGISTRY_COLUMN_KEYS) {
    const [text, example] = notes[c] ?? ['', ''];
    help.addRow([REGISTRY_COLUMNS[c] + (REQUIRED_IMPORT_COLUMNS.includes(c) ? '（必填）' : ''), text, example]);
  }
  help.addRow([]);
  help.addRow(['', '第一个工作表第1行为表头，从第2行起每行一个对象；不要合并单元格、不要使用公式；繁体字可以识别。']);
  help.getColumn(1).width = 18; help.getColumn(2).width = 70; help.getColumn(3).width = 24;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
