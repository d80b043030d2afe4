/**
 * 举报编号: JB + office date (YYYYMMDD) + 8 characters from an alphabet without look-alikes
 * (32^8 per day: a collision is rare even at national volume, and the insert retries on one).
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function trackingNumber(officeDate: string, random: Uint8Array): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(officeDate)) throw new Error(`bad office date ${officeDate}`);
  if (random.length < 8) throw new Error('need 8 random bytes');
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += TRACKING_ALPHABET[random[i]! % TRACKING_ALPHABET.length];
  return `JB${officeDate.replaceAll('-', '')}${suffix}`;
}

/** 查询码: 8 characters from the same alphabet (40 bits), given to the reporter once. */
export function queryCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('need 8 random bytes');
  let code = '';
  for (let i = 0; i < 8; i++) code += TRACKING_ALPHABET[random[i]! % TRACKING_ALPHABET.length];
  return code;
}

/** Masks a phone (138****5678) or an email (a***@example.com) for display. */
export function maskContact(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '****';
}
