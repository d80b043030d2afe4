import { XlsxError, type XlsxLimits } from './limits';
import { dateStyles, firstSheetPath, sharedStrings } from './workbook-parts';
import { parseXml, StopParsing } from './xml-stream';
import { openZip } from './zip-reader';

/** A cell as written: its text (shared, inline or the raw value), a formula, or an error value. `date`: a number styled as a date. */
export type SheetCell = { text: string; date?: true } | { formula: string } | { error: string };
/** A row: its 1-based number and its cells as [1-based column, cell]. */
export interface SheetRow { row: number; cells: [number, SheetCell][] }
export interface SheetEnd { merges: string[]; truncated: boolean }

const MAX_COLUMN = 16_384; // XFD, Excel's last column
const BATCH = 2000;
const MAX_MERGES_KEPT = 1000;
export const columnIndex = (ref: string) => { let n = 0; for (const ch of ref) { const c = ch.charCodeAt(0); if (c < 65 || c > 90) break; n = n * 26 + (c - 64); } return n; };

/**
 * Reads the first worksheet of an xlsx held in memory, streaming: the sheet XML is inflated in
 * chunks and walked once by a SAX parser, so time is linear in the file and memory holds only the
 * shared strings and the current batch of rows. Rows go to onRows in batches, in file order.
 * Throws XlsxError for what is not a workbook, has no sheet, passes a limit, or is malformed.
 */
export async function readFirstSheet(buf: Buffer, limits: XlsxLimits, onRows: (rows: SheetRow[]) => void): Promise<SheetEnd> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new XlsxError('not_xlsx', 'not a zip file');
  const zip = await openZip(buf, limits);
  try {
    if (!zip.has('[Content_Types].xml') || !zip.has('xl/workbook.xml')) throw new XlsxError('not_xlsx', 'not a workbook');
    const path = await firstSheetPath(zip, limits);
    if (!path) throw new XlsxError('no_sheet', 'no worksheet');
    const shared = await sharedStrings(zip, limits);
    const dates = await dateStyles(zip, limits);
    return await walkSheet(zip.read(path), shared, dates, limits, onRows);
  } finally {
    zip.close();
  }
}

async function walkSheet(xml: AsyncIterable<Buffer>, shared: string[], dates: Set<number>, limits: XlsxLimits, onRows: (rows: SheetRow[]) => void): Promise<SheetEnd> {
  const merges: string[] = [];
  let batch: SheetRow[] = [];
  let rowElements = 0; let contentRows = 0; let cellCount = 0; let truncated = false;
  let row: SheetRow | null = null; let implicitRow = 0; let implicitCol = 0;
  // the cell being read
  let cell: { col: number; t: string | undefined; date: boolean } | null = null;
  let v: string | null = null; let f: string | null = null; let inline: string | null = null;
  let into: 'v' | 'f' | 't' | null = null; let inRph = 0;
  await parseXml(xml, {
    open(name, a) {
      if (name === 'row') {
        if (row) throw new XlsxError('malformed', 'a row inside a row');
        if (++rowElements > limits.maxRowElements) throw new XlsxError('too_large', 'too many rows');
        const n = a.r ? Number(a.r) : implicitRow + 1;
        if (!Number.isInteger(n) || n < 1) throw new XlsxError('malformed', `bad row number ${a.r}`);
        row = { row: n, cells: [] }; implicitRow = n; implicitCol = 0;
      } else if (name === 'c') {
        if (!row || cell) throw new XlsxError('malformed', 'a cell outside a row');
        if (++cellCount > limits.maxCells) throw new XlsxError('too_large', 'too many cells');
        const ref = a.r ? /^([A-Z]+)\d*$/.exec(a.r)?.[1] : undefined;
        const col = ref ? columnIndex(ref) : implicitCol + 1;
        if (col > MAX_COLUMN) throw new XlsxError('malformed', `column ${a.r ?? col} past XFD`);
        implicitCol = col;
        cell = { col, t: a.t, date: a.s !== undefined && dates.has(Number(a.s)) };
        v = null; f = null; inline = null;
      } else if (cell) {
        if (name === 'v') { v = ''; into = 'v'; } else if (name === 'f') { f = ''; into = 'f'; } else if (name === 'is') inline = '';
        else if (name === 'rPh') inRph++;
        else if (name === 't' && inline !== null && !inRph) into = 't';
      } else if (name === 'mergeCell' && a.ref && merges.length < MAX_MERGES_KEPT) merges.push(a.ref);
    },
    text(s) {
      if (into === 'v') v += s; else if (into === 'f') f += s; else if (into === 't') inline += s;
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') into = null;
      else if (name === 'rPh') inRph--;
      else if (name === 'c' && cell && row) {
        const c = cellOf(cell, v, f, inline, shared);
        if (c) row.cells.push([cell.col, c]);
        cell = null;
      } else if (name === 'row' && row) {
        if (row.cells.some(([, c]) => !('text' in c) || c.text.trim() !== '')) {
          if (++contentRows > limits.maxRows) { truncated = true; throw new StopParsing(); }
          batch.push(row);
          if (batch.length >= BATCH) { onRows(batch); batch = []; }
        }
        row = null;
      }
    },
  }, limits.maxDepth);
  if (batch.length) onRows(batch);
  return { merges, truncated };
}

function cellOf(cell: { t: string | undefined; date: boolean }, v: string | null, f: string | null, inline: string | null, shared: string[]): SheetCell | null {
  if (f !== null) return { formula: f };
  if (cell.t === 'inlineStr') return { text: inline ?? '' };
  if (v === null) return null;
  if (cell.t === 's') return { text: shared[Number(v)] ?? '' };
  if (cell.t === 'e') return { error: v };
  if (cell.t === 'b') return { text: v === '1' ? 'TRUE' : 'FALSE' };
  if (cell.date && (cell.t === undefined || cell.t === 'n')) return { text: v, date: true };
  return { text: v };
}
