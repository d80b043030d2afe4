import { z } from 'zod';
import { ERROR_CODES } from './errors';

export const IdParamsSchema = z.strictObject({ id: z.uuid() });

/**
 * Dates and moments of the office's own records lie in the years 2000–2999 (as months do, see MonthSchema):
 * outside them a date is an input error, not a query — JavaScript's Date.UTC reads years 0–99 as 1900–1999.
 */
const inOfficeYears = (v: string) => v >= '2000' && v < '3000';
const OFFICE_YEARS = { message: 'a date from 2000 to 2999' };
/** Dates of the office calendar, as YYYY-MM-DD in Asia/Shanghai. */
export const DateOnlySchema = z.iso.date().refine(inOfficeYears, OFFICE_YEARS);
export const TimestampSchema = z.iso.datetime({ offset: true }).refine(inOfficeYears, OFFICE_YEARS);

export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES as [string, ...string[]]),
  message: z.string(),
  details: z.unknown().optional(),
});

export const OkSchema = z.object({ ok: z.literal(true) });

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/*
 * Every string a request carries — body, query string and path — is built from `text()` or `multilineText()`,
 * never from a bare `z.string()`: NUL and the other control characters have no place in text, and PostgreSQL
 * refuses NUL outright ("invalid byte sequence 0x00"), which must be a 400 here and never reach the database.
 * Lone UTF-16 surrogates are refused too: they are not text and would be silently replaced on the way in.
 */
const CONTROL_FREE_LINE = /^[^\u0000-\u001F\u007F]*$/;
/** Tab, line feed and carriage return are the only control characters multi-line text may hold. */
const CONTROL_FREE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL_MESSAGE = 'control characters are not allowed';
const wellFormed = (s: z.ZodString) =>
  s.refine((v) => !LONE_SURROGATE.test(v), { message: 'not well-formed text (lone surrogate)' });

/** One line of text (names, codes, filters, identifiers, URLs, passwords): no control characters at all. */
export const text = () => wellFormed(z.string().regex(CONTROL_FREE_LINE, { message: CONTROL_MESSAGE }));
/** Text that may span lines (descriptions, notes, reasons, pasted content): tabs and line breaks allowed. */
export const multilineText = () => wellFormed(z.string().regex(CONTROL_FREE_TEXT, { message: CONTROL_MESSAGE }));
/** An http(s) URL, with the same refusal of control characters as all other text. */
export const httpUrl = (max = 2000) =>
  z.url({ protocol: /^https?$/ }).max(max).regex(CONTROL_FREE_LINE, { message: CONTROL_MESSAGE });

/** Free text that users type: trimmed, may span lines. */
export const textField = (max: number) => multilineText().trim().max(max);
/** One line that users type: trimmed. */
export const lineField = (max: number) => text().trim().max(max);

export const nameField = (max = 100) => lineField(max).min(1);

