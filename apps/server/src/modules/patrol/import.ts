import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PatrolItemInputSchema, type PatrolItemInput } from '@tianlang/contracts';
import { AppError } from '../../lib/errors';

export const IMPORT_TYPES = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type ImportType = (typeof IMPORT_TYPES)[keyof typeof IMPORT_TYPES];

const COLUMNS: Record<string, keyof PatrolItemInput> = {
  externalid: 'externalId', id: 'externalId', 编号: 'externalId', url: 'url', 链接: 'url', author: 'author', 作者: 'author',
  账号: 'author', publishedat: 'publishedAt', 发布时间: 'publishedAt', title: 'title', 标题: 'title', text: 'text', 内容: 'text', 正文: 'text',
};

interface RowProblem { row: number; message: string }

function toItems(records: Record<string, unknown>[], firstRow: number): PatrolItemInput[] {
  const problems: RowProblem[] = [];
  const items: PatrolItemInput[] = [];
  records.forEach((rec, i) => {
    const mapped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) {
      const key = COLUMNS[k.trim().toLowerCase().replace(/[\s_-]/g, '')];
      if (key && v !== '' && v != null) mapped[key] = v instanceof Date ? v.toISOString() : String(v);
    }
    const parsed = PatrolItemInputSchema.safeParse(mapped);
    if (parsed.success) items.push(parsed.data);
    else problems.push({ row: firstRow + i, message: parsed.error.issues.map((x) => `${x.path.join('.') || '行'}: ${x.message}`).join('; ') });
  });
  if (problems.length) {
    throw new AppError('patrol.invalid_import', `${problems.length} rows are invalid; nothing was imported`, { details: { problems: problems.slice(0, 200) } });
  }
  if (items.length === 0) throw new AppError('patrol.invalid_import', 'the file has no rows', { details: { problems: [] } });
  return items;
}

/** Parses an uploaded CSV, JSONL or xlsx file into items, checking every row: all valid or nothing. */
export async function parseImport(type: ImportType, body: Buffer): Promise<PatrolItemInput[]> {
  try {
    if (type === 'jsonl') {
      const lines = body.toString('utf8').split(/\r?\n/).map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim());
      const records = lines.map(([l, n]) => {
        try { return JSON.parse(l) as Record<string, unknown>; } catch { throw new AppError('patrol.invalid_import', `line ${n} is not JSON`, { details: { problems: [{ row: n, message: 'not JSON' }] } }); }
      });
      return toItems(records, 1);
    }
    if (type === 'csv') {
      const records = parseCsv(body, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as Record<string, unknown>[];
      return toItems(records, 2);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new AppError('patrol.invalid_import', 'the workbook has no sheet', { details: { problems: [] } });
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const records: Record<string, unknown>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const values = sheet.getRow(r).values as unknown[];
      if (!values.some((v) => v != null && v !== '')) continue;
      records.push(Object.fromEntries(header.map((h, i) => [h, cellValue(values[i])]).filter(([h]) => h)));
    }
    return toItems(records, 2);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('patrol.invalid_import', `the file could not be read as ${type}`, { details: { problems: [{ row: 0, message: (err as Error).message.slice(0, 200) }] } });
  }
}

function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object' && 'formula' in v) throw new Error('formulas are not accepted; paste values only');
  if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return (v as { text: string }).text;
  return v;
}
