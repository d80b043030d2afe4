import { isApiError } from '../../lib/api';
import { uploadEvidence, type EvidenceUpload } from './public.api';
import { freshProof } from './submit-report';

/**
 * Whether this page has been asked for a proof of work for an upload. Once asked, the address has
 * used its free upload bytes of the hour, so later files solve one before sending rather than send
 * the whole file only to be asked.
 */
let proofExpected = false;

/**
 * Uploads a file; when the server asks for a proof of work (428 report.pow_required), or a proof
 * went stale, solves a fresh one and sends the file again. `onProof` follows the solving, `onProgress`
 * the sending.
 */
export async function uploadWithProof(
  file: File,
  handlers: { onProof: (progress: number) => void; onProgress: (fraction: number) => void },
  signal: AbortSignal,
): Promise<EvidenceUpload> {
  let pow = proofExpected ? await freshProof(handlers.onProof, signal) : undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      handlers.onProgress(0);
      return await uploadEvidence(file, handlers.onProgress, signal, pow);
    } catch (err) {
      const askedForProof = isApiError(err, 'report.pow_required') || (pow !== undefined && isApiError(err, 'report.pow_invalid'));
      if (!askedForProof || attempt >= 2) throw err;
      proofExpected = true;
      pow = await freshProof(handlers.onProof, signal);
    }
  }
}
