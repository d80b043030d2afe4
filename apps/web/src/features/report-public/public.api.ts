import type {
  EvidenceUploadResultSchema, PowChallengeSchema, PublicFormOptionsSchema, PublicReportInput, PublicStatus,
  ReportReceiptSchema,
} from '@tianlang/contracts';
import { api, ApiError } from '../../lib/api';
import type { Infer } from '../../lib/infer';

export type FormOptions = Infer<typeof PublicFormOptionsSchema>;
export type PowChallenge = Infer<typeof PowChallengeSchema>;
export type EvidenceUpload = Infer<typeof EvidenceUploadResultSchema>;
export type Receipt = Infer<typeof ReportReceiptSchema>;
export type { PublicReportInput, PublicStatus };

export const publicApi = {
  formOptions: (platform: string | null) =>
    api.get<FormOptions>('/api/public/report-form', { query: { platform } }),
  powChallenge: () => api.post<PowChallenge>('/api/public/pow'),
  submit: (input: PublicReportInput) => api.post<Receipt>('/api/public/reports', input),
  status: (trackingNo: string, queryCode: string) =>
    api.post<PublicStatus>('/api/public/reports/status', { trackingNo, queryCode }),
  review: (trackingNo: string, queryCode: string, reason: string) =>
    api.post<PublicStatus>('/api/public/reports/review', { trackingNo, queryCode, reason }),
};

function parseError(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { code?: unknown; details?: unknown };
    if (typeof body.code === 'string') return new ApiError(xhr.status, body.code, body.details);
  } catch {
    // not JSON: fall through to a status-based code
  }
  if (xhr.status === 413) return new ApiError(413, 'report.evidence_too_large', undefined);
  return new ApiError(xhr.status, xhr.status >= 502 && xhr.status <= 504 ? 'server.unavailable' : 'server.internal', undefined);
}

/**
 * Uploads one evidence file as the raw request body, with a solved proof of work in headers when the
 * server asks for one. XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function uploadEvidence(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  pow?: { challenge: string; nonce: string },
): Promise<EvidenceUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/public/evidence');
    xhr.setRequestHeader('content-type', file.type);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-filename', encodeURIComponent(file.name));
    if (pow) {
      xhr.setRequestHeader('x-pow-challenge', pow.challenge);
      xhr.setRequestHeader('x-pow-nonce', pow.nonce);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as EvidenceUpload);
        } catch {
          reject(new ApiError(xhr.status, 'server.internal', undefined));
        }
      } else reject(parseError(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network.failed', undefined));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
