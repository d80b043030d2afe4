import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
} from 'docx';

/**
 * The building blocks of an official document (党政机关公文格式, GB/T 9704, followed roughly): A4 with
 * its margins, a 小标宋 title, 仿宋 body, 黑体/楷体 headings, tables of figures, the signature and date
 * block, page numbers. Every template builds from these, so 文书, briefings and reports look alike.
 * Sizes are in half-points (docx), lengths in twips (1/20 pt; 1 mm ≈ 56.7 twips).
 */

/** 字号 in half-points. */
export const SIZE = { 二号: 44, 小二: 36, 三号: 32, 小三: 30, 四号: 28, 小四: 24, 五号: 21 } as const;

const LATIN = 'Times New Roman';
/**
 * Fonts by role. Word and LibreOffice substitute a font the machine lacks: 方正小标宋简体 falls back to
 * a 宋/serif CJK face, so a title still reads as a title on a machine without it.
 */
export const FONT = {
  title: { ascii: LATIN, hAnsi: LATIN, eastAsia: '方正小标宋简体' },
  body: { ascii: LATIN, hAnsi: LATIN, eastAsia: 'FangSong' },
  /** 一级标题 (一、), table captions */
  heading: { ascii: LATIN, hAnsi: LATIN, eastAsia: 'SimHei' },
  /** 二级标题 ((一)) */
  subheading: { ascii: LATIN, hAnsi: LATIN, eastAsia: 'KaiTi' },
} as const;

/** GB/T 9704: 天头 37 mm, 订口 28 mm, a 156 × 225 mm text block on A4. */
const PAGE = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } as const;
/** The width of the text block, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
interface TextOpts { size?: number; bold?: boolean; align?: Align; /** indent the first line by two characters (default) */ indent?: boolean }

/** Two characters of `size` (half-points), in twips: the first-line indent of body text. */
const twoChars = (size: number) => size * 20;

/** A body paragraph: 仿宋, first line indented two characters. */
export const para = (text: string, o: TextOpts = {}) => {
  const size = o.size ?? SIZE.三号;
  return new Paragraph({
    alignment: o.align, indent: o.indent === false ? undefined : { firstLine: twoChars(size) }, spacing: { line: Math.round(size * 16.6), after: 60 },
    children: [new TextRun({ text, bold: o.bold, size, font: FONT.body })],
  });
};

/** The document's title: 小标宋, centred. */
export const title = (text: string, o: { size?: number } = {}) => new Paragraph({
  alignment: AlignmentType.CENTER, spacing: { after: 200 },
  children: [new TextRun({ text, size: o.size ?? SIZE.二号, font: FONT.title })],
});

/** 发文字号 (示网信约〔2026〕3号): centred under the title. */
export const docNumber = (text: string, o: { size?: number } = {}) => para(text, { align: AlignmentType.CENTER, indent: false, size: o.size });

/** 一级标题 (一、总体情况): 黑体. */
export const heading = (text: string, o: { size?: number } = {}) => {
  const size = o.size ?? SIZE.三号;
  return new Paragraph({
    heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, indent: { firstLine: twoChars(size) },
    children: [new TextRun({ text, bold: true, size, font: FONT.heading, color: '000000' })],
  });
};

/** 二级标题 ((一)…): 楷体. */
export const subheading = (text: string, o: { size?: number } = {}) => {
  const size = o.size ?? SIZE.三号;
  return new Paragraph({
    heading: HeadingLevel.HEADING_3, spacing: { before: 120, after: 60 }, indent: { firstLine: twoChars(size) },
    children: [new TextRun({ text, size, font: FONT.subheading, color: '000000' })],
  });
};

/** A table's caption (表1  …): 黑体, centred above it. */
export const caption = (text: string, o: { size?: number } = {}) => new Paragraph({
  alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 },
  children: [new TextRun({ text, bold: true, size: o.size ?? SIZE.五号 + 2, font: FONT.heading })],
});

/**
 * A table of the text block's width: a header row repeated on every page, numbers right-aligned.
 * Column weights default to the first column (the names) twice as wide as each figure.
 */
export function table(header: string[], rows: (string | number | null)[][], o: { weights?: number[]; size?: number } = {}): Table {
  const w = o.weights ?? header.map((_, i) => (i === 0 ? 2 : 1));
  const sum = w.reduce((a, b) => a + b, 0);
  const columnWidths = w.map((x) => Math.floor((x / sum) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (v: string | number | null, bold = false, i = 0) => new TableCell({
    width: { size: columnWidths[i]!, type: WidthType.DXA },
    borders: { top: border, bottom: border, left: border, right: border },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text: v === null ? '' : String(v), bold, size: o.size ?? SIZE.五号, font: FONT.body })] })],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths,
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }), ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, i)) }))],
  });
}

/** 2026-03-05 → 2026年3月5日 (成文日期: Arabic numerals, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 2026-03-05T09:30 → 2026年3月5日9时30分 (9时 on the hour). */
export function chineseDateTime(isoLocal: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(isoLocal);
  if (!m) throw new Error(`not a date and time: ${isoLocal}`);
  return `${chineseDate(isoLocal)}${Number(m[1])}时${m[2] === '00' ? '' : `${Number(m[2])}分`}`;
}

/** 发文机关署名 and 成文日期, right-aligned, four characters in from the margin, after some space. */
export const signature = (office: string, isoDate: string, o: { size?: number } = {}): Paragraph[] => {
  const size = o.size ?? SIZE.三号;
  const line = (text: string) => new Paragraph({
    alignment: AlignmentType.RIGHT, indent: { right: twoChars(size) * 2 }, spacing: { line: Math.round(size * 16.6) },
    children: [new TextRun({ text, size, font: FONT.body })],
  });
  return [new Paragraph({ spacing: { before: 600 }, children: [] }), line(office), line(chineseDate(isoDate))];
};

/** Page number at the foot of each page, — 1 — (GB/T 9704: 4号 Arabic numerals between dashes). */
const pageFooter = () => new Footer({
  children: [new Paragraph({ alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.四号, font: { ascii: LATIN, hAnsi: LATIN, eastAsia: 'SimSun' } })] })],
});

/** The document: A4, GB/T 9704 margins, 仿宋 as the default, page numbers; packed as docx bytes. */
export function officialDocument(o: { title: string; children: FileChild[]; bodySize?: number }): Promise<Buffer> {
  const doc = new Document({
    creator: '天朗 Tianlang', title: o.title,
    styles: { default: { document: { run: { font: FONT.body, size: o.bodySize ?? SIZE.三号 } } } },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
      footers: { default: pageFooter() },
      children: o.children,
    }],
  });
  return Packer.toBuffer(doc);
}
