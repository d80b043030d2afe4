import { EVIDENCE_LIMITS, EVIDENCE_TYPES } from '@tianlang/contracts';
import { AppError } from '../../lib/errors';
import { reserveOrProve } from './allowance';
import type { ReportsModule } from './reports.module';
import { isEvidenceMime } from '../files/files.service';

type UploadHeaders = Record<string, string | string[] | undefined>;

/**
 * Admits a public upload before its body is read. An address uploads PUBLIC_FREE_UPLOAD_MB_PER_HOUR
 * for free, then each upload needs a proof of work, as submissions do past their free count: a
 * reporter behind a shared address (mobile carriers, offices) is slowed down, never locked out, and
 * the bytes an address can leave unclaimed grow only with work it has done. The space all unclaimed
 * public uploads may hold is capped too, for senders that rotate addresses.
 *
 * The size counted is the declared Content-Length (fastify refuses a body longer than it), or the
 * type's limit when the length is not declared.
 */
export async function admitUpload(r: ReportsModule, sourceHash: string, headers: UploadHeaders): Promise<void> {
  const mime = String(headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // the media type guard has let only evidence types through
  if (!isEvidenceMime(mime)) return;
  const limit = EVIDENCE_LIMITS[EVIDENCE_TYPES[mime]];
  const declared = headers['content-length'] === undefined ? limit : Number(headers['content-length']);
  if (!Number.isFinite(declared) || declared > limit) {
    throw new AppError('report.evidence_too_large', `evidence file exceeds ${limit} bytes`, { details: { limit, size: declared } });
  }
  await r.evidence.assertRoom(declared);
  const challenge = headers['x-pow-challenge'];
  const nonce = headers['x-pow-nonce'];
  const solved = typeof challenge === 'string' && typeof nonce === 'string' ? { challenge, nonce } : undefined;
  await reserveOrProve(r, sourceHash, 'upload_bytes', declared, solved,
    'complete the proof of work, and send it in the x-pow-challenge and x-pow-nonce headers');
}
