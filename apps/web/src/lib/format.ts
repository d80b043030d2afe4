import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { OFFICE_TIME_ZONE } from '@tianlang/contracts/public';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are shown in the office's zone, whatever the browser's zone is. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return d.tz(OFFICE_TIME_ZONE).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

export function officeHour(): number {
  return dayjs().tz(OFFICE_TIME_ZONE).hour();
}

export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash;
}

/** Today's date (YYYY-MM-DD) in the office's zone. */
export function officeToday(): string {
  return dayjs().tz(OFFICE_TIME_ZONE).format('YYYY-MM-DD');
}
