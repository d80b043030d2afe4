/**
 * Content-Disposition of a download: an ASCII fallback name for old clients, and the real (Chinese)
 * name percent-encoded (RFC 6266 / RFC 5987).
 */
export const attachment = (name: string, fallback = 'export') => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
