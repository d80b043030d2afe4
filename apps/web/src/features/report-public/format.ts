import { OFFICE_TIME_ZONE } from './enums';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD HH:mm in the office's zone, without pulling a date library into the public pages. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let fmt = formatters.get(OFFICE_TIME_ZONE);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(OFFICE_TIME_ZONE, fmt);
  }
  const part = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  const mb = size / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export function shortSha(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;
}
