import { IMPORT_MAX_ROWS, REGISTRY_COLUMNS, REQUIRED_IMPORT_COLUMNS, type ImportProblem, type RegistryColumn } from '@tianlang/contracts';
import { norm } from './entity-values';
import { readSheetInWorker, XlsxError, type SheetCell, type XlsxReadOptions } from '../../lib/xlsx/read-xlsx';

export interface RawRow { row: number; values: Partial<Record<RegistryColumn, string>> }
export interface ParsedSheet { fileProblems: ImportProblem[]; cellProblems: ImportProblem[]; rows: RawRow[] }

const headerKey = (s: string) => norm(s).replace(/[*＊\s]|（必填）|\(必填\)/g, '');
const HEADERS = new Map<string, RegistryColumn>();
for (const [key, label] of Object.entries(REGISTRY_COLUMNS) as [RegistryColumn, string][]) {
  HEADERS.set(headerKey(label), key);
  HEADERS.set(key.toLowerCase(), key);
}
const fileProblem = (code: string, message: string): ImportProblem => ({ row: 0, column: null, code, message });
const colName = (n: number) => { let s = ''; for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s; return s; };
const NOT_XLSX = '文件不是 Excel 工作簿（.xlsx），请上传用 Excel 或 WPS 保存的 .xlsx 文件';
const TOO_LARGE = '文件解压后的内容超出导入限制，未导入；请只保留台账工作表、删除多余内容后重新保存再上传';

/** What the reader's failure means to the person importing. */
function failure(err: unknown): ImportProblem {
  if (!(err instanceof XlsxError)) throw err;
  switch (err.kind) {
    case 'not_xlsx': return fileProblem('not_xlsx', NOT_XLSX);
    case 'no_sheet': return fileProblem('no_sheet', '工作簿中没有工作表');
    case 'too_large': return fileProblem('too_large', TOO_LARGE);
    case 'timeout': return fileProblem('too_large', '文件读取超时（内容过多或结构异常），未导入；请拆分为多个文件分批导入');
    case 'malformed': return fileProblem('not_xlsx', '文件内容已损坏或不是标准的 .xlsx 格式，请用 Excel 或 WPS 打开后重新保存再上传');
  }
}

/**
 * Reads the first worksheet of an xlsx (lib/xlsx: bounded zip inflation, a SAX walk, in a worker
 * thread) into raw rows keyed by column. File-level problems (not xlsx, too large, headers, merged
 * cells, too many rows) stop everything; cell problems (formulas, error values) are reported per row.
 */
export async function readRegistrySheet(buf: Buffer, opts: XlsxReadOptions, onProgress?: (rows: number) => void): Promise<ParsedSheet> {
  const fileProblems: ImportProblem[] = [];
  const cellProblems: ImportProblem[] = [];
  const rows: RawRow[] = [];
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) return { fileProblems: [fileProblem('xls_legacy', '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中“另存为”.xlsx 后再导入')], cellProblems, rows };
  let columns: (RegistryColumn | null)[] = [];
  let tooMany = false;
  let merges: string[] = [];
  const take = (row: number, cells: [number, SheetCell][]): boolean => {
    if (row === 1) { columns = checkHeader(cells, fileProblems); return !fileProblems.length; }
    const raw: RawRow = { row, values: {} };
    let any = false;
    for (const [i, cell] of cells) {
      const key = columns[i];
      if ('formula' in cell) { cellProblems.push({ row, column: key ? REGISTRY_COLUMNS[key] : colName(i), code: 'cell', message: `${colName(i)}${row}：单元格含公式，请复制后“选择性粘贴为数值”再导入` }); any = true; continue; }
      if ('error' in cell) { cellProblems.push({ row, column: key ? REGISTRY_COLUMNS[key] : colName(i), code: 'cell', message: `${colName(i)}${row}：单元格是错误值 ${cell.error}` }); any = true; continue; }
      const text = cell.text.trim();
      if (!key || text === '') continue;
      raw.values[key] = text;
      any = true;
    }
    if (!any) return true;
    if (rows.length >= IMPORT_MAX_ROWS) { tooMany = true; return false; }
    rows.push(raw);
    return true;
  };
  try {
    // the header and IMPORT_MAX_ROWS data rows, and one more to tell that there are too many
    const end = await readSheetInWorker(buf, { ...opts, limits: { ...opts.limits, maxRows: IMPORT_MAX_ROWS + 2 } }, (batch) => {
      for (const { row, cells } of batch) if (!take(row, cells)) return false;
      onProgress?.(rows.length);
      return true;
    });
    if (end.truncated && !fileProblems.length) tooMany = true;
    merges = end.merges;
  } catch (err) {
    return { fileProblems: [failure(err)], cellProblems: [], rows: [] };
  }
  if (!columns.length && !fileProblems.length) fileProblems.push(fileProblem('missing_header', '第1行须为表头'));
  if (tooMany) fileProblems.push(fileProblem('too_many_rows', `数据超过 ${IMPORT_MAX_ROWS} 行上限，请拆分为多个文件分批导入`));
  if (!fileProblems.length && merges.length) fileProblems.push(fileProblem('merged_cells', `工作表含合并单元格（${merges.slice(0, 10).join('、')}${merges.length > 10 ? ' 等' : ''}），请取消合并并逐行填写后再导入`));
  if (!fileProblems.length && rows.length === 0 && !cellProblems.length) fileProblems.push(fileProblem('empty', '表格中没有数据行'));
  return { fileProblems, cellProblems, rows };
}

function checkHeader(cells: [number, SheetCell][], problems: ImportProblem[]): (RegistryColumn | null)[] {
  const columns: (RegistryColumn | null)[] = [];
  const unknown: string[] = [];
  const seen = new Set<RegistryColumn>();
  for (const [i, cell] of cells) {
    const text = 'text' in cell ? cell.text.trim() : '';
    if (!text) { columns[i] = null; continue; }
    const key = HEADERS.get(headerKey(text)) ?? null;
    if (!key) unknown.push(text);
    else if (seen.has(key)) problems.push(fileProblem('duplicate_header', `列“${text}”重复出现`));
    if (key) seen.add(key);
    columns[i] = key;
  }
  if (unknown.length) problems.push(fileProblem('unknown_header', `无法识别的列：${unknown.slice(0, 10).join('、')}。可用的列：${Object.values(REGISTRY_COLUMNS).join('、')}`));
  const missing = REQUIRED_IMPORT_COLUMNS.filter((k) => !seen.has(k));
  if (missing.length) problems.push(fileProblem('missing_header', `缺少必填列：${missing.map((k) => REGISTRY_COLUMNS[k]).join('、')}（第1行须为表头）`));
  return columns;
}
