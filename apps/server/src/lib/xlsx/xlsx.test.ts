import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { craftWorkbook, craftWorkbookEntries, craftZip, deflated, SHEET_HEAD, spacesBomb } from '../../../test/zip-craft';
import { activeReaders, MAX_READERS, readSheetInWorker, XLSX_LIMITS, XlsxError, type SheetRow } from './read-xlsx';
import { readFirstSheet } from './sheet-reader';

const opts = { timeoutMs: 60_000, maxHeapMb: 256 };
const collect = async (buf: Buffer, limits = XLSX_LIMITS) => {
  const rows: SheetRow[] = [];
  const end = await readFirstSheet(buf, limits, (b) => rows.push(...b));
  return { rows, end };
};
const failure = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof XlsxError ? err.kind : String(err)));

describe('xlsx reader', () => {
  it('keeps multi-byte characters whole across inflated chunk boundaries (inline and shared strings, formulas, dates, merges)', async () => {
    // 3,000 rows of 2- and 3-byte characters: dozens of 16 KB chunk boundaries fall inside one
    // (4-byte ones below: exceljs's own writer garbles them in shared strings)
    const text = (i: number) => `${i}：浙江省杭州市西湖区文三路${'網絡平台数据©'.repeat(1 + (i % 7))}`;
    for (const useSharedStrings of [false, true]) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      ws.addRow(['名称', '日期', '公式']);
      for (let i = 0; i < 3000; i++) ws.addRow([text(i), new Date(Date.UTC(2024, 0, 1)), i === 5 ? { formula: 'A1&A2', result: 'x' } : '']);
      ws.mergeCells('D2:D3');
      const buf = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings }));
      const { rows, end } = await collect(buf);
      expect(rows).toHaveLength(3001);
      for (let i = 0; i < 3000; i++) expect(rows[i + 1]!.cells[0]).toEqual([1, { text: text(i) }]);
      expect(rows[1]!.cells[1]).toEqual([2, { text: '45292', date: true }]);
      expect(rows[6]!.cells[2]).toEqual([3, { formula: 'A1&A2' }]);
      expect(end).toEqual({ merges: ['D2:D3'], truncated: false });
    }
    const wide = (i: number) => `${i}𠮷${'𩸽網絡©'.repeat(1 + (i % 5))}`;
    const n = 4000;
    const sheet = deflated('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${Array.from({ length: n }, (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${wide(i)}</t></is></c><c r="B${i + 1}" t="s"><v>${i}</v></c></row>`).join('')}</sheetData></worksheet>`);
    const sst = deflated('xl/sharedStrings.xml', `<sst>${Array.from({ length: n }, (_, i) => `<si><t>${wide(i)}</t><rPh><t>读音</t></rPh></si>`).join('')}</sst>`);
    const { rows } = await collect(craftZip([...craftWorkbookEntries(sheet), sst]));
    expect(rows).toHaveLength(n);
    for (let i = 0; i < n; i++) expect(rows[i]!.cells).toEqual([[1, { text: wide(i) }], [2, { text: wide(i) }]]);
  });

  it('bounds the work: rows, cells, nesting, shared strings', async () => {
    const sheet = (body: string) => craftWorkbook(deflated('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${body}</sheetData></worksheet>`));
    const rows = Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>行${i}</t></is></c></row>`).join('');
    expect((await collect(sheet(rows))).rows).toHaveLength(10);
    expect((await collect(sheet(rows), { ...XLSX_LIMITS, maxRows: 4 })).end.truncated).toBe(true);
    expect(await failure(collect(sheet(rows), { ...XLSX_LIMITS, maxCells: 5 }))).toBe('too_large');
    expect(await failure(collect(sheet(`<row>${'<x>'.repeat(100)}`)))).toBe('malformed');
    expect(await failure(collect(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')))).toBe('malformed');
    expect(await failure(collect(Buffer.from('PK\u0003\u0004garbage')))).toBe('not_xlsx');
  });

  it('reads in a worker thread, stopped by its timeout or its heap limit', async () => {
    const buf = craftWorkbook(deflated('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${Array.from({ length: 20_000 }, (_, i) =>
      `<row r="${i + 1}"><c t="inlineStr"><is><t>值${i}</t></is></c><c><v>${i}</v></c></row>`).join('')}</sheetData></worksheet>`));
    let n = 0;
    await readSheetInWorker(buf, opts, (b) => { n += b.length; });
    expect(n).toBe(20_000);
    // five at once: never more than MAX_READERS workers alive, and every one read in full
    let most = 0;
    const five = await Promise.all(Array.from({ length: 5 }, async () => {
      let rows = 0;
      await readSheetInWorker(buf, opts, (b) => { rows += b.length; most = Math.max(most, activeReaders()); });
      return rows;
    }));
    expect(five).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
    expect(most).toBe(MAX_READERS);
    expect(activeReaders()).toBe(0);
    expect(await failure(readSheetInWorker(buf, { ...opts, timeoutMs: 1 }, () => {}))).toBe('timeout');
    // one shared string of 200 MiB of spaces, with the size limits lifted: only the heap limit stops it, and only the worker dies
    const sst = craftZip([...craftWorkbookEntries(), spacesBomb('xl/sharedStrings.xml', '<sst><si><t>', 200)]);
    const lifted = { ...XLSX_LIMITS, maxRatio: 1e9, maxSharedStringChars: 1e12 };
    expect(await failure(readSheetInWorker(sst, { ...opts, maxHeapMb: 64, limits: lifted }, () => {}))).toBe('too_large');
  });
});
