import { readZipEntry, type zipEntries } from './zip-entries';

type Entries = NonNullable<ReturnType<typeof zipEntries>>;
export type SheetCell = { text: string } | { formula: string } | { error: string };

/**
 * A small reader of the first worksheet of an xlsx, straight from its XML. exceljs's streaming
 * reader decodes each inflated chunk on its own and so breaks multi-byte (Chinese) characters that
 * straddle a chunk boundary, and its full reader holds the whole workbook model; this decodes the
 * XML once as UTF-8 and walks it with regular expressions (cells, shared strings, inline strings,
 * formulas, error values, merged ranges), in tens of milliseconds per 10,000 rows.
 */
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const unescapeXml = (s: string) => s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e]!);
const P = '(?:[A-Za-z_][\\w.-]*:)?'; // optional namespace prefix (x:row)
const textOf = (xml: string) => {
  let out = '';
  for (const m of xml.matchAll(new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, 'g'))) out += m[1];
  return unescapeXml(out);
};

export function firstSheetPath(buf: Buffer, entries: Entries): string | null {
  const wb = entries.get('xl/workbook.xml');
  if (!wb) return null;
  const xml = readZipEntry(buf, wb).toString('utf8');
  const sheet = new RegExp(`<${P}sheet\\s[^>]*?r:id="([^"]+)"`).exec(xml);
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (sheet && relsEntry) {
    const rels = readZipEntry(buf, relsEntry).toString('utf8');
    for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
      if (m[0].includes(`Id="${sheet[1]}"`)) {
        const target = /Target="([^"]+)"/.exec(m[0])?.[1];
        if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      }
    }
  }
  return entries.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : null;
}

function sharedStrings(buf: Buffer, entries: Entries): string[] {
  const e = entries.get('xl/sharedStrings.xml');
  if (!e) return [];
  const xml = readZipEntry(buf, e).toString('utf8');
  return [...xml.matchAll(new RegExp(`<${P}si>([\\s\\S]*?)</${P}si>`, 'g'))].map((m) => textOf(m[1]!.replace(new RegExp(`<${P}rPh[\\s\\S]*?</${P}rPh>`, 'g'), '')));
}

export const columnIndex = (ref: string) => { let n = 0; for (const ch of ref) { const c = ch.charCodeAt(0); if (c < 65 || c > 90) break; n = n * 26 + (c - 64); } return n; };

/** Rows of the sheet as (row number, cells by 1-based column), plus its merged ranges. */
export function* sheetRows(buf: Buffer, entries: Entries, sheetPath: string): Generator<{ row: number; cells: Map<number, SheetCell> }> {
  const e = entries.get(sheetPath);
  if (!e) return;
  const xml = readZipEntry(buf, e).toString('utf8');
  const shared = sharedStrings(buf, entries);
  const rowRe = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
  const cellRe = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  let implicitRow = 0;
  for (const rm of xml.matchAll(rowRe)) {
    const r = /\br="(\d+)"/.exec(rm[1]!);
    const rowNo = r ? Number(r[1]) : implicitRow + 1;
    implicitRow = rowNo;
    const cells = new Map<number, SheetCell>();
    let implicitCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(cellRe)) {
      const attrs = cm[1]!;
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : implicitCol + 1;
      implicitCol = col;
      const body = cm[2] ?? '';
      const f = new RegExp(`<${P}f\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}f>)`).exec(body);
      if (f) { cells.set(col, { formula: unescapeXml(f[1] ?? '') }); continue; }
      const t = /\bt="(\w+)"/.exec(attrs)?.[1];
      const v = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`).exec(body)?.[1];
      if (t === 'inlineStr') cells.set(col, { text: textOf(body) });
      else if (v === undefined) continue;
      else if (t === 's') cells.set(col, { text: shared[Number(v)] ?? '' });
      else if (t === 'e') cells.set(col, { error: unescapeXml(v) });
      else if (t === 'b') cells.set(col, { text: v === '1' ? 'TRUE' : 'FALSE' });
      else cells.set(col, { text: unescapeXml(v) });
    }
    yield { row: rowNo, cells };
  }
}

export function mergedRanges(buf: Buffer, entries: Entries, sheetPath: string): string[] {
  const e = entries.get(sheetPath);
  if (!e) return [];
  const xml = readZipEntry(buf, e).toString('utf8');
  const at = xml.search(new RegExp(`<${P}mergeCells\\b`));
  if (at < 0) return [];
  return [...xml.slice(at).matchAll(new RegExp(`<${P}mergeCell\\s+ref="([A-Z]+\\d+(?::[A-Z]+\\d+)?)"`, 'g'))].map((m) => m[1]!);
}
