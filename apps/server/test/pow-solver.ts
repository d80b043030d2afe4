import { createHash } from 'node:crypto';

/**
 * Solves a proof-of-work challenge the way a client does: counts up decimal nonces until
 * SHA-256(`${challenge}:${nonce}`) starts with `difficulty` zero bits. Written independently of
 * the server's check (bits read from the hex digest), so a bug there is not mirrored here.
 */
export function solvePow(challenge: string, difficulty: number, start = 0): string {
  for (let n = start; ; n++) {
    const nonce = String(n);
    if (zeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest('hex')) >= difficulty) return nonce;
  }
}

/** A nonce that does NOT meet the difficulty (for negative tests). */
export function wrongNonce(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    if (zeroBits(createHash('sha256').update(`${challenge}:${n}`).digest('hex')) < difficulty) return String(n);
  }
}

function zeroBits(hex: string): number {
  const bits = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');
  const one = bits.indexOf('1');
  return one === -1 ? bits.length : one;
}
