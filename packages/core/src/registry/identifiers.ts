import { ACCOUNT_TYPES, ICP_PATTERN, type EntityType } from '@tianlang/contracts';
import { canonicalUrl } from '../reports/canonical-url';

/** Traditional forms of the province abbreviations used in ICP numbers (pure table, no OpenCC). */
const PROVINCE_T2S: Record<string, string> = { 遼: '辽', 滬: '沪', 蘇: '苏', 閩: '闽', 贛: '赣', 魯: '鲁', 鄂: '鄂', 貴: '贵', 雲: '云', 陝: '陕', 隴: '陇', 寧: '宁', 黑: '黑', 黔: '黔' };

/** Full-width ASCII (ＩＣＰ、１２３) to half-width, ideographic space to space. */
export const toHalfWidth = (s: string): string =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/**
 * The normalized ICP number (half-width, no spaces, upper-case ICP / B, traditional province
 * character simplified, 備/證 → 备/证), or null when it does not have the format of
 * 京ICP备12345678号(-1), 京ICP证030173号 or 粤B2-20090059.
 */
export function normalizeIcp(input: string): string | null {
  let s = toHalfWidth(input).replace(/\s+/g, '').replace(/[—–－]/g, '-');
  s = s.replace(/icp/i, 'ICP').replace(/備/g, '备').replace(/證/g, '证').replace(/號/g, '号');
  s = s.replace(/^([^\d])b([12])-/i, (_m, p: string, n: string) => `${p}B${n}-`);
  const first = s.charAt(0);
  s = (PROVINCE_T2S[first] ?? first) + s.slice(1);
  return ICP_PATTERN.test(s) ? s : null;
}

/** The filing itself (京ICP备12345678号) without the site suffix -N: sites of one filing share it. */
export const icpBase = (icp: string): string => icp.replace(/-\d+$/, '');

/** Account ids: printable, no spaces; platforms differ too much for more (UID, 微信号, 抖音号). */
export function normalizeAccountId(input: string): string | null {
  const s = toHalfWidth(input).trim().replace(/^@/, '');
  if (!s || s.length > 200 || /[\s\p{Cc}]/u.test(s)) return null;
  return s.toLowerCase();
}

/** App identifiers: a package / bundle id (com.example.app) or a mini program AppID (wx + 16 hex). */
export function normalizeAppId(input: string): string | null {
  const s = toHalfWidth(input).trim();
  if (/^wx[0-9a-f]{16}$/i.test(s)) return s.toLowerCase();
  if (/^[A-Za-z][\w-]*(\.[A-Za-z0-9_-]+)+$/.test(s) && s.length <= 200) return s.toLowerCase();
  if (/^\d{6,12}$/.test(s)) return s; // App Store numeric id
  return null;
}

/** Canonical URL of an entity; a bare host (example.com) is read as https://example.com. */
export function entityCanonicalUrl(input: string): string | null {
  const s = toHalfWidth(input).trim();
  if (!s) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
  if (!/^https?:\/\//i.test(withScheme)) return null;
  const c = canonicalUrl(withScheme);
  if (!c) return null;
  const host = new URL(c).hostname;
  if (!host.includes('.') && host !== 'localhost') return null;
  return c.replace(/^http:\/\//, 'https://');
}

const isAccountType = (t: EntityType): boolean => (ACCOUNT_TYPES as readonly string[]).includes(t);

export interface IdentifierInput { type: EntityType; url?: string | null; icpNo?: string | null; appId?: string | null; accountId?: string | null }
export interface Identifiers { canonicalUrl: string | null; icpNo: string | null; appId: string | null; accountId: string | null }
export interface IdentifierProblem { field: 'url' | 'icpNo' | 'appId' | 'accountId'; message: string }

/**
 * Checks and normalizes an entity's identifiers. Returns every problem (Chinese messages, shown in
 * the import preview and the form), or the normalized identifiers.
 */
export function checkIdentifiers(input: IdentifierInput): { ok: true; value: Identifiers } | { ok: false; problems: IdentifierProblem[] } {
  const problems: IdentifierProblem[] = [];
  const value: Identifiers = { canonicalUrl: null, icpNo: null, appId: null, accountId: null };
  const given = (v?: string | null) => (v && v.trim() ? v : null);
  const url = given(input.url);
  if (url) {
    value.canonicalUrl = entityCanonicalUrl(url);
    if (!value.canonicalUrl) problems.push({ field: 'url', message: `网址“${url.slice(0, 60)}”格式不正确` });
  }
  const icp = given(input.icpNo);
  if (icp) {
    value.icpNo = normalizeIcp(icp);
    if (!value.icpNo) problems.push({ field: 'icpNo', message: `ICP备案号“${icp.slice(0, 40)}”格式不正确，应如 京ICP备12345678号 或 京ICP备12345678号-1` });
  }
  const app = given(input.appId);
  if (app) {
    value.appId = normalizeAppId(app);
    if (!value.appId) problems.push({ field: 'appId', message: `应用标识“${app.slice(0, 60)}”格式不正确，应为包名（如 com.example.app）或小程序AppID（wx开头16位）` });
  }
  const account = given(input.accountId);
  if (account) {
    value.accountId = normalizeAccountId(account);
    if (!value.accountId) problems.push({ field: 'accountId', message: `平台账号ID“${account.slice(0, 60)}”格式不正确（不能含空格或控制字符）` });
  }
  if (!problems.length && isAccountType(input.type) && !value.accountId && !value.canonicalUrl) {
    problems.push({ field: 'accountId', message: '账号类对象须填写平台账号ID或主页网址' });
  }
  if (!problems.length && input.type === 'website' && !value.canonicalUrl && !value.icpNo) {
    problems.push({ field: 'url', message: '网站须填写网址或ICP备案号' });
  }
  if (!problems.length && (input.type === 'app' || input.type === 'mini_program') && !value.appId && !value.canonicalUrl) {
    problems.push({ field: 'appId', message: '应用或小程序须填写应用标识' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/**
 * The natural key an import matches existing rows on, most specific first: the ICP number, the
 * account on its platform type, the app id, then the canonical URL; without any, type + name.
 */
export function naturalKeys(type: EntityType, ids: Identifiers, nameNorm?: string): string[] {
  const keys: string[] = [];
  if (ids.icpNo) keys.push(`icp:${ids.icpNo}`);
  if (ids.accountId) keys.push(`account:${type}:${ids.accountId}`);
  if (ids.appId) keys.push(`app:${ids.appId}`);
  if (ids.canonicalUrl) keys.push(`url:${ids.canonicalUrl}`);
  // an entity without identifiers (an outdoor screen) is known by its type and normalized name
  if (!keys.length && nameNorm) keys.push(`name:${type}:${nameNorm}`);
  return keys;
}
