// What other modules use of reports: the evidence store (registry attachments and imports) until it becomes
// a module of its own.
export { EVIDENCE_CLAIM_WINDOW_MS, sanitizeFilename, type EvidenceStore } from './evidence';
