/**
 * Official holidays and 调休 working weekends, as published by the State Council General Office.
 * 2026: 国办发明电〔2025〕7号 (published 2025-11-04).
 * 2027: only the statutory days of 《全国年节及纪念日放假办法》(2024 revision) are known when this was
 * written; the 调休 notice for 2027 is usually published in November — admins add it in 工作日历.
 */
type Day = { date: string; kind: 'holiday' | 'workday'; name: string };

const range = (from: string, to: string, name: string): Day[] => {
  const out: Day[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
};
const work = (date: string, name: string): Day => ({ date, kind: 'workday', name: `${name}调休上班` });

export const CALENDAR_2026: Day[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'), work('2026-01-04', '元旦'),
  ...range('2026-02-15', '2026-02-23', '春节'), work('2026-02-14', '春节'), work('2026-02-28', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'), work('2026-05-09', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'), work('2026-09-20', '国庆节'), work('2026-10-10', '国庆节'),
];

/** Statutory days only (no 调休 yet): 元旦 1, 春节 4 (除夕–初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. */
export const CALENDAR_2027_STATUTORY: Day[] = [
  ...range('2027-01-01', '2027-01-01', '元旦'),
  ...range('2027-02-05', '2027-02-08', '春节'),
  ...range('2027-04-05', '2027-04-05', '清明节'),
  ...range('2027-05-01', '2027-05-02', '劳动节'),
  ...range('2027-06-09', '2027-06-09', '端午节'),
  ...range('2027-09-15', '2027-09-15', '中秋节'),
  ...range('2027-10-01', '2027-10-03', '国庆节'),
];
