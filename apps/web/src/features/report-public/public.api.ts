import type { CallInput, publicReportsApi, RouteResult } from '@tianlang/contracts';
import { PUBLIC_ROUTES } from '@tianlang/contracts/public';
import { ApiError, callPublic } from '../../lib/api';

/** The public routes' entries, as types only: their schemas (and zod) stay out of the public pages' bundle. */
type Api = typeof publicReportsApi;
type PublicRoute = keyof Api & keyof typeof PUBLIC_ROUTES;

export type FormOptions = RouteResult<Api['formOptions']>;
export type PowChallenge = RouteResult<Api['pow']>;
export type EvidenceUpload = RouteResult<Api['evidence']>;
export type Receipt = RouteResult<Api['submit']>;
export type PublicReportInput = CallInput<Api['submit']>['body'];
export type PublicStatus = RouteResult<Api['status']>;

/** Calls public route `name`: method and path from the zod-free table, input and result typed by its full entry. */
const callReportRoute = <K extends PublicRoute>(name: K, input: CallInput<Api[K]>) => callPublic<Api[K]>(PUBLIC_ROUTES[name], input);

export const publicApi = {
  formOptions: (platform: string | null) => callReportRoute('formOptions', { query: { platform: platform ?? undefined } }),
  powChallenge: () => callReportRoute('pow', {}),
  submit: (input: PublicReportInput) => callReportRoute('submit', { body: input }),
  status: (trackingNo: string, queryCode: string) => callReportRoute('status', { body: { trackingNo, queryCode } }),
  review: (trackingNo: string, queryCode: string, reason: string) => callReportRoute('review', { body: { trackingNo, queryCode, reason } }),
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
    xhr.open(PUBLIC_ROUTES.evidence.method, PUBLIC_ROUTES.evidence.path);
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
