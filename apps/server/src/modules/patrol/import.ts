import { parse as parseCsv } from 'csv-parse/sync';
import { PATROL_IMPORT_TYPES, PatrolItemInputSchema, type PatrolItemInput } from '@tianlang/contracts';
import { AppError } from '../../lib/errors';
import { readSheetInWorker, XlsxError, type SheetCell, type XlsxReadOptions } from '../../lib/xlsx/read-xlsx';

/** Rows of an xlsx import (CSV and JSONL are bounded by the body limit alone). */
const MAX_XLSX_ROWS = 100_000;

/** The media types an import source takes (the contract's list), each with the format it is read as. */
export const IMPORT_TYPES = PATROL_IMPORT_TYPES;
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
export async function parseImport(type: ImportType, body: Buffer, xlsx: XlsxReadOptions): Promise<PatrolItemInput[]> {
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
    return toItems(await readXlsxRecords(body, xlsx), 2);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof XlsxError && (err.kind === 'too_large' || err.kind === 'timeout')) throw new AppError('import.too_large', `the workbook expands beyond the import limits (${err.message.slice(0, 200)})`);
    throw new AppError('patrol.invalid_import', `the file could not be read as ${type}`, { details: { problems: [{ row: 0, message: (err as Error).message.slice(0, 200) }] } });
  }
}

/** Rows 2… of the first sheet as records keyed by the header row, read by lib/xlsx in a worker (bounded, streaming). */
async function readXlsxRecords(body: Buffer, xlsx: XlsxReadOptions): Promise<Record<string, unknown>[]> {
  let header: string[] | null = null;
  const records: Record<string, unknown>[] = [];
  const end = await readSheetInWorker(body, { ...xlsx, limits: { ...xlsx.limits, maxRows: MAX_XLSX_ROWS + 1 } }, (rows) => {
    for (const { row, cells } of rows) {
      if (header === null) {
        header = [];
        if (row === 1) { for (const [col, cell] of cells) header[col] = 'text' in cell ? cell.text : ''; continue; }
      }
      const values: unknown[] = [];
      for (const [col, cell] of cells) values[col] = cellValue(cell);
      records.push(Object.fromEntries(header.map((h, i) => [h, values[i]] as const).filter(([h]) => h)));
    }
  });
  if (end.truncated) throw new AppError('patrol.invalid_import', `more than ${MAX_XLSX_ROWS} rows; split the file`, { details: { problems: [] } });
  return records;
}

/** A cell as the item schema wants it: text, a date as ISO 8601; formulas refused. */
function cellValue(cell: SheetCell): unknown {
  if ('formula' in cell) throw new Error('formulas are not accepted; paste values only');
  if ('error' in cell) return cell.error;
  if (cell.date) return excelDate(Number(cell.text));
  return cell.text;
}

/** Excel's 1900 date system: days since 1899-12-30 (its leap-year bug included), read as UTC like exceljs does. */
const excelDate = (serial: number) => (Number.isFinite(serial) ? new Date(Math.round((serial - 25569) * 86_400_000)).toISOString() : String(serial));
