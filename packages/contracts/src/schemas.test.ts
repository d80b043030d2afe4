import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DateOnlySchema, TimestampSchema } from './common';
import { EntityInputSchema } from './registry';
import { PublicReportInputSchema, PublicStatusSchema, StaffReportInputSchema } from './reports-submission';
import { StatsItemsQuerySchema } from './stats';

/**
 * What a client sends after the schema has shaped it (trimmed, defaults filled) must pass the same
 * schema unchanged: the web client parses a form and the server parses what arrives.
 */
function roundTrips<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const once = schema.parse(input);
  const again = schema.parse(JSON.parse(JSON.stringify(once)));
  expect(again).toEqual(once);
  return once;
}
/** The same for a query string: every value travels as text. */
function roundTripsAsQuery<S extends z.ZodType>(schema: S, input: Record<string, string>): z.output<S> {
  const once = schema.parse(input);
  const wire = new URLSearchParams(Object.entries(once as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]));
  expect(schema.parse(Object.fromEntries(wire))).toEqual(once);
  return once;
}

describe('schemas on the wire', () => {
  it('a public report: trimmed and completed once, then unchanged; unknown fields refused', () => {
    const out = roundTrips(PublicReportInputSchema, {
      categoryCode: ' fraud ', description: '  有人冒充客服，以退款为名骗取验证码。 ', goodFaith: true,
      contact: { phone: ' 138-0000-0000 ' },
    });
    expect(out).toEqual({
      categoryCode: 'fraud', description: '有人冒充客服，以退款为名骗取验证码。', goodFaith: true,
      contact: { phone: '138-0000-0000', shareWithPartners: false }, urls: [], evidence: [], channel: 'web',
    });
    expect(PublicReportInputSchema.safeParse({ ...out, state: 'closed' }).success).toBe(false);
  });

  it('a staff-entered report keeps the moment it was received, with its offset', () => {
    const out = roundTrips(StaffReportInputSchema, {
      categoryCode: 'rumor', description: '来电反映某群散布不实消息。', channel: 'phone', receivedAt: '2026-03-02T09:30:00+08:00',
    });
    expect(out.receivedAt).toBe('2026-03-02T09:30:00+08:00');
    expect(StaffReportInputSchema.safeParse({ ...out, channel: 'web' }).success).toBe(false); // the public portal's channel
  });

  it('a registry entity: defaults filled once, filings and contact kept', () => {
    const out = roundTrips(EntityInputSchema, {
      name: ' 示范新闻网 ', type: 'website', url: 'https://news.example.cn/', icpNo: '京ICP备12345678号',
      operatorContact: { person: '张三', phone: '010-12345678' },
      filings: [{ kind: 'news_license', number: '10120170001', filedOn: '2024-05-01' }],
    });
    expect(out).toMatchObject({ name: '示范新闻网', grade: 'general', tags: [], confirmDuplicates: false });
    expect(out.filings).toEqual([{ kind: 'news_license', number: '10120170001', filedOn: '2024-05-01' }]);
  });

  it('a statistics drill-down query survives the address bar', () => {
    const out = roundTripsAsQuery(StatsItemsQuerySchema, {
      period: 'quarter', from: '2026-04-01', figure: 'received', dim: 'category', key: 'fraud', limit: '20',
    });
    expect(out).toEqual({ period: 'quarter', from: '2026-04-01', figure: 'received', dim: 'category', key: 'fraud', limit: 20, offset: 0 });
    expect(StatsItemsQuerySchema.safeParse({ ...out, limit: '201' }).success).toBe(false);
  });

  it('a public status answer parses as the server sends it', () => {
    const status = {
      trackingNo: 'JB20260301ABCDEFGH', stage: 'finished', categoryName: '网络诈骗', submittedAt: '2026-03-01T02:00:00.000Z',
      steps: [{ stage: 'submitted', at: '2026-03-01T02:00:00.000Z' }, { stage: 'finished', at: '2026-03-05T02:00:00.000Z' }],
      outcome: 'handled', reply: '已依法处置。', repliedAt: '2026-03-05T02:00:00.000Z', canRequestReview: true, reviewRequestedAt: null,
    };
    expect(roundTrips(PublicStatusSchema, status)).toEqual(status);
    expect(PublicStatusSchema.safeParse({ ...status, outcome: 'maybe' }).success).toBe(false);
  });

  it('dates and moments lie in the years 2000–2999', () => {
    expect(['1999-12-31', '2000-01-01', '2999-12-31', '0099-01-01'].map((d) => DateOnlySchema.safeParse(d).success)).toEqual([false, true, true, false]);
    expect(['2026-01-01T00:00:00Z', '2026-01-01T08:00:00+08:00', '2026-01-01T00:00:00', '0026-01-01T00:00:00Z']
      .map((d) => TimestampSchema.safeParse(d).success)).toEqual([true, true, false, false]);
  });
});
