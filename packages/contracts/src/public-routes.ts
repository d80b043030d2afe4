/**
 * Method and path of the routes the public pages call, without zod. The full entries (schemas,
 * errors, summary) spread these in `routes/public-reports.ts` and `routes/stats.ts`; the pages take these values from
 * '@tianlang/contracts/public' and only the types of the full entries (`import type`), so the route
 * is written once and zod stays out of their bundle.
 */
export const PUBLIC_ROUTES = {
  formOptions: { method: 'GET', path: '/api/public/report-form' },
  pow: { method: 'POST', path: '/api/public/pow' },
  evidence: { method: 'POST', path: '/api/public/evidence' },
  submit: { method: 'POST', path: '/api/public/reports' },
  status: { method: 'POST', path: '/api/public/reports/status' },
  review: { method: 'POST', path: '/api/public/reports/review' },
  transparencyFeed: { method: 'GET', path: '/api/public/transparency' },
  transparencyMonth: { method: 'GET', path: '/api/public/transparency/:month' },
} as const;
