import { isApiError } from '../../lib/api';
import { powSupported, solvePow } from './pow';
import { publicApi, type PublicReportInput, type Receipt } from './public.api';

export class PowUnsupportedError extends Error {
  constructor() {
    super('Web Crypto is not available');
    this.name = 'PowUnsupportedError';
  }
}

/** A solved challenge, fresh from the server; `onPow` follows the solving. Submissions and uploads both use it. */
export async function freshProof(onPow: (progress: number) => void, signal?: AbortSignal): Promise<NonNullable<PublicReportInput['pow']>> {
  if (!powSupported()) throw new PowUnsupportedError();
  const { challenge, difficulty } = await publicApi.powChallenge();
  onPow(0);
  const nonce = await solvePow(challenge, difficulty, onPow, signal);
  return { challenge, nonce };
}

/**
 * Submits a report. When the server asks for proof of work (428 report.pow_required), or a proof
 * went stale while the reporter was typing, solves a fresh challenge and tries again.
 */
export async function submitReport(
  input: PublicReportInput,
  opts: { powRequired: boolean; onPow: (progress: number | null) => void },
): Promise<Receipt> {
  try {
    let pow = opts.powRequired ? await freshProof(opts.onPow) : undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        opts.onPow(null);
        return await publicApi.submit(pow ? { ...input, pow } : input);
      } catch (err) {
        const askedForProof = isApiError(err, 'report.pow_required') || (pow !== undefined && isApiError(err, 'report.pow_invalid'));
        if (!askedForProof || attempt >= 2) throw err;
        pow = await freshProof(opts.onPow);
      }
    }
  } finally {
    opts.onPow(null);
  }
}
