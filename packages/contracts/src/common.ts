import { z } from 'zod';
import { ERROR_CODES } from './errors';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: z.uuid() });

/** Dates of the office calendar, as YYYY-MM-DD in Asia/Shanghai. */
export const DateOnlySchema = z.iso.date();
export const TimestampSchema = z.iso.datetime({ offset: true });

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

/** Free text that users type: trimmed, no control characters other than newlines and tabs. */
export const textField = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: 'control characters are not allowed' });

export const nameField = (max = 100) => textField(max).min(1);
