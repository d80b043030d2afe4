import { XlsxError, type XlsxLimits } from './limits';
import { parseXml } from './xml-stream';
import type { ZipArchive } from './zip-reader';

/** Path of the first worksheet: workbook.xml's first <sheet>, resolved through the workbook's relationships. */
export async function firstSheetPath(zip: ZipArchive, limits: XlsxLimits): Promise<string | null> {
  let rid: string | null = null;
  await parseXml(zip.read('xl/workbook.xml'), {
    open(name, attrs) { if (name === 'sheet' && rid === null) rid = attrOf(attrs, 'id') ?? ''; },
  }, limits.maxDepth);
  const rels = 'xl/_rels/workbook.xml.rels';
  let target: string | null = null;
  if (rid && zip.has(rels)) {
    await parseXml(zip.read(rels), {
      open(name, attrs) { if (name === 'Relationship' && attrs.Id === rid && target === null) target = attrs.Target ?? null; },
    }, limits.maxDepth);
  }
  const path = target === null ? null : (target as string).startsWith('/') ? (target as string).slice(1) : `xl/${(target as string).replace(/^\.\//, '')}`;
  if (path && zip.has(path)) return path;
  return zip.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : null;
}

/** The r:id-style attribute, whatever prefix the file gave the relationships namespace. */
function attrOf(attrs: Record<string, string>, localName: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${localName}`)) return v;
  return undefined;
}

/** Shared strings (<si>), their phonetic runs (<rPh>) left out; bounded in count and characters. */
export async function sharedStrings(zip: ZipArchive, limits: XlsxLimits): Promise<string[]> {
  const out: string[] = [];
  if (!zip.has('xl/sharedStrings.xml')) return out;
  let chars = 0;
  let current: string | null = null;
  let inT = false; let inRph = 0;
  await parseXml(zip.read('xl/sharedStrings.xml'), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inRph++;
      else if (name === 't' && current !== null && !inRph) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inRph--;
      else if (name === 'si' && current !== null) {
        chars += current.length;
        if (out.length >= limits.maxSharedStrings || chars > limits.maxSharedStringChars) throw new XlsxError('too_large', 'too many shared strings');
        out.push(current);
        current = null;
      }
    },
    text(t) { if (inT && current !== null) current += t; },
  }, limits.maxDepth);
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** A number format shows a date or time if, outside quoted text and [colour]/[locale] blocks, it has y, m, d, h or s. */
const isDateFormat = (code: string) => /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** Indexes of the cell styles (<c s="…">) whose number format is a date, so callers can tell a date from a number. */
export async function dateStyles(zip: ZipArchive, limits: XlsxLimits): Promise<Set<number>> {
  const out = new Set<number>();
  if (!zip.has('xl/styles.xml')) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false; let xf = 0;
  await parseXml(zip.read('xl/styles.xml'), {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(xf);
        xf++;
      }
    },
    close(name) { if (name === 'cellXfs') inCellXfs = false; },
  }, limits.maxDepth);
  return out;
}
