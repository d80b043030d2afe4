/** Proof of work for the public report endpoint, solved in the browser with Web Crypto. */

export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const BATCH = 256;
/** Hash for at most this long before letting the page repaint. */
const SLICE_MS = 40;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function powSupported(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.digest === 'function';
}

/**
 * Finds a decimal nonce such that SHA-256(`${challenge}:${nonce}`) starts with `difficulty` zero bits.
 * Works in time slices so the page stays responsive; `onProgress` gets an estimate in [0, 1).
 */
export async function solvePow(
  challenge: string,
  difficulty: number,
  onProgress: (estimate: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const encoder = new TextEncoder();
  const prefix = `${challenge}:`;
  const expectedTries = 2 ** Math.max(0, difficulty);
  let nonce = 0;
  for (;;) {
    const sliceStart = performance.now();
    do {
      signal?.throwIfAborted();
      const digests: Promise<ArrayBuffer>[] = [];
      for (let i = 0; i < BATCH; i++) digests.push(crypto.subtle.digest('SHA-256', encoder.encode(prefix + (nonce + i))));
      const hashes = await Promise.all(digests);
      const found = hashes.findIndex((hash) => leadingZeroBits(new Uint8Array(hash)) >= difficulty);
      if (found >= 0) {
        onProgress(1);
        return String(nonce + found);
      }
      nonce += BATCH;
    } while (performance.now() - sliceStart < SLICE_MS);
    // The chance of having found it by now, had we been lucky: a smooth bar that never claims 100 %.
    onProgress(Math.min(0.99, 1 - Math.exp(-nonce / expectedTries)));
    await nextTask();
  }
}
