/**
 * Regular-expression and domain rules. Patterns are checked statically before they are compiled:
 * a quantified group that itself contains an unbounded quantifier ((a+)+, (\d*)*, (a|b+){2,})
 * and backreferences are rejected, because V8's backtracking engine can take exponential time on
 * them and a scan cannot be interrupted. Overlapping alternation under a quantifier ((a|a)+) is
 * not detected; keep patterns anchored on literal text where possible.
 */

const MAX_PATTERN_LENGTH = 500;
const ALLOWED_FLAGS = /^[imsu]*$/;

/** Why a pattern is unsafe, or undefined when it passes the static check. */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  // One frame per open group: does it contain an unbounded quantifier (directly or nested)?
  const stack: boolean[] = [false];
  let lastGroupUnbounded: boolean | undefined;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      lastGroupUnbounded = undefined;
      i += 2;
      continue;
    }
    if (ch === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      lastGroupUnbounded = undefined;
      i++;
      continue;
    }
    if (ch === '(') {
      stack.push(false);
      lastGroupUnbounded = undefined;
      i++;
      continue;
    }
    if (ch === ')') {
      const inner = stack.pop() ?? false;
      if (stack.length === 0) return 'unbalanced parenthesis';
      lastGroupUnbounded = inner;
      if (inner) stack[stack.length - 1] = true;
      i++;
      continue;
    }
    const quant = readQuantifier(source, i);
    if (quant) {
      if (quant.unbounded || quant.max > 1) {
        if (lastGroupUnbounded === true) return 'nested quantifier: a repeated group contains an unbounded quantifier';
      }
      if (quant.unbounded) stack[stack.length - 1] = true;
      lastGroupUnbounded = undefined;
      i += quant.length;
      continue;
    }
    lastGroupUnbounded = undefined;
    i++;
  }
  if (stack.length !== 1) return 'unbalanced parenthesis';
  return undefined;
}

function readQuantifier(s: string, i: number): { unbounded: boolean; max: number; length: number } | undefined {
  const ch = s[i];
  const lazy = s[i + 1] === '?' ? 1 : 0;
  if (ch === '*' || ch === '+') return { unbounded: true, max: Infinity, length: 1 + lazy };
  if (ch === '?') return { unbounded: false, max: 1, length: 1 };
  if (ch !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
  if (!m) return undefined;
  const unbounded = m[2] !== undefined && m[3] === '';
  const max = unbounded ? Infinity : Number(m[3] ?? m[1]);
  return { unbounded, max, length: m[0].length + (s[i + m[0].length] === '?' ? 1 : 0) };
}

/** Compile a regex rule, or return why it cannot be. */
export function compileRegex(source: string, flags = ''): RegExp | string {
  if (!ALLOWED_FLAGS.test(flags)) return `flags may only contain i, m, s, u (got "${flags}")`;
  const unsafe = unsafeRegexReason(source);
  if (unsafe) return unsafe;
  let re: RegExp;
  try {
    re = new RegExp(source, `${flags}g`);
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`;
  }
  if (new RegExp(source, flags).test('')) return 'pattern matches the empty string';
  return re;
}

/** Luhn checksum over the digits of s (bank card numbers); at least 12 digits. */
export function luhnValid(s: string): boolean {
  const digits = s.replace(/\D/g, '');
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Host names in text, for domain rules (a label may not contain a dot, so no backtracking blow-up). */
export const HOST_PATTERN = /(?<![a-z0-9-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})(?![a-z0-9-])/gi;

/** The canonical form of a domain rule, or undefined when it is no host name. */
export function canonicalDomain(domain: string): string | undefined {
  const d = domain.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  HOST_PATTERN.lastIndex = 0;
  const m = HOST_PATTERN.exec(d);
  HOST_PATTERN.lastIndex = 0;
  return m && m[0] === d ? d : undefined;
}

/** The deny-listed domain that `host` is or is under, if any. */
export function deniedDomain(host: string, denied: ReadonlySet<string>): string | undefined {
  let h = host.toLowerCase();
  for (;;) {
    if (denied.has(h)) return h;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}
