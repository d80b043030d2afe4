import { describe, expect, it } from 'vitest';
import {
  changePercent, customPeriod, durationBucket, durationBucketSql, histogramPercentile, periodContaining, periodRange, periodSlices,
  previousPeriod, samePeriodLastYear, trendBuckets, DURATION_EDGES_MIN,
} from './index';

describe('periods (Asia/Shanghai)', () => {
  it('finds the month, quarter, half and year containing a date', () => {
    expect(periodContaining('month', '2026-02-14')).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(periodContaining('month', '2024-02-29')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining('quarter', '2026-05-31')).toEqual({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(periodContaining('half', '2026-07-01')).toEqual({ kind: 'half', from: '2026-07-01', to: '2026-12-31' });
    expect(periodContaining('year', '2026-12-31')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  it('begins and ends at local midnight (UTC+8)', () => {
    const { start, end } = periodRange(periodContaining('month', '2026-03-10'));
    expect(start.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('steps to the previous period (环比) and the same period last year (同比)', () => {
    expect(previousPeriod(periodContaining('month', '2026-01-15'))).toEqual({ kind: 'month', from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod(periodContaining('month', '2026-03-15'))).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(periodContaining('quarter', '2026-02-01'))).toEqual({ kind: 'quarter', from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(periodContaining('half', '2026-02-01'))).toEqual({ kind: 'half', from: '2025-07-01', to: '2025-12-31' });
    expect(previousPeriod(customPeriod('2026-03-10', '2026-03-19')!)).toEqual({ kind: 'custom', from: '2026-02-28', to: '2026-03-09' });
    expect(samePeriodLastYear(periodContaining('month', '2024-02-10'))).toEqual({ kind: 'month', from: '2023-02-01', to: '2023-02-28' });
    expect(samePeriodLastYear(periodContaining('month', '2025-02-10'))).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(samePeriodLastYear(periodContaining('year', '2026-06-01'))).toEqual({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
  });

  it('refuses malformed, reversed and overlong custom periods', () => {
    expect(customPeriod('2026-02-30', '2026-03-01')).toBeNull();
    expect(customPeriod('2026-03-02', '2026-03-01')).toBeNull();
    expect(customPeriod('2020-01-01', '2026-03-01')).toBeNull();
    expect(customPeriod('2026-03-01', '2026-03-01')).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-03-01' });
  });

  it('splits a period into whole months and edge days', () => {
    expect(periodSlices(periodContaining('quarter', '2026-01-01'))).toEqual({ months: ['2026-01-01', '2026-02-01', '2026-03-01'], days: [] });
    const s = periodSlices(customPeriod('2026-01-30', '2026-03-02')!);
    expect(s.months).toEqual(['2026-02-01']);
    expect(s.days).toEqual(['2026-01-30', '2026-01-31', '2026-03-01', '2026-03-02']);
  });

  it('trends by day up to two months, by month beyond', () => {
    expect(trendBuckets(periodContaining('month', '2026-02-01')).keys).toHaveLength(28);
    expect(trendBuckets(periodContaining('year', '2026-02-01'))).toMatchObject({ grain: 'month', keys: expect.arrayContaining(['2026-12-01']) });
    expect(trendBuckets(periodContaining('year', '2026-02-01')).keys).toHaveLength(12);
  });

  it('computes 环比/同比 change in percent', () => {
    expect(changePercent(120, 100)).toBe(20);
    expect(changePercent(90, 120)).toBe(-25);
    expect(changePercent(5, 0)).toBeNull();
  });
});

describe('duration histogram', () => {
  it('buckets by the edges, and SQL buckets the same way', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(4.9)).toBe(0);
    expect(durationBucket(5)).toBe(1);
    expect(durationBucket(-3)).toBe(0);
    expect(durationBucket(10 ** 9)).toBe(DURATION_EDGES_MIN.length - 1);
    expect(durationBucketSql('m')).toContain('when m >= 5 then 1');
  });

  it('reads nearest-rank percentiles as bucket upper edges', () => {
    // 10 durations: 3 in [0,5), 5 in [60,90), 2 in [1d,1.5d)
    const h = new Map([[0, 3], [durationBucket(70), 5], [durationBucket(1500), 2]]);
    expect(histogramPercentile(h, 50)).toBe(90);
    expect(histogramPercentile(h, 30)).toBe(5);
    expect(histogramPercentile(h, 90)).toBe(36 * 60);
    expect(histogramPercentile(new Map(), 50)).toBeNull();
  });
});
