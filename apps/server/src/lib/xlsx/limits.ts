/**
 * Bounds on the work one uploaded workbook may cause. A genuine xlsx compresses its XML about
 * 10:1 (measured on exceljs and Excel files); a zip bomb declares or expands to far more.
 */
export interface XlsxLimits {
  /** zip entries listed in the central directory */
  maxEntries: number;
  /** inflated bytes of any one entry, declared or read */
  maxEntryBytes: number;
  /** inflated bytes of all entries together, declared or read */
  maxTotalBytes: number;
  /** inflated ÷ compressed bytes of an entry past `ratioGraceBytes` (Apache POI refuses past 100 too) */
  maxRatio: number;
  ratioGraceBytes: number;
  /** element nesting in any XML part (a worksheet needs about 6) */
  maxDepth: number;
  /** rows with content; reading stops (truncated) past this */
  maxRows: number;
  /** <row> elements, empty ones included (Excel's own limit is 1,048,576) */
  maxRowElements: number;
  /** cells in the sheet */
  maxCells: number;
  maxSharedStrings: number;
  /** characters of all shared strings together */
  maxSharedStringChars: number;
}

const MiB = 1024 * 1024;
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 384 * MiB,
  maxRatio: 100,
  ratioGraceBytes: 1 * MiB,
  maxDepth: 64,
  maxRows: 1_048_576,
  maxRowElements: 1_048_576,
  maxCells: 5_000_000,
  maxSharedStrings: 1_048_576,
  maxSharedStringChars: 64 * MiB,
};

/** Why a workbook could not be read: not a workbook, no sheet, over a limit (bomb), broken XML, or out of time. */
export type XlsxFailure = 'not_xlsx' | 'no_sheet' | 'too_large' | 'malformed' | 'timeout';

export class XlsxError extends Error {
  constructor(readonly kind: XlsxFailure, message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}
