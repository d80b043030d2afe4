import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from '../../i18n';
import { errorText } from '../../lib/errors';
import { EVIDENCE_LIMITS, EVIDENCE_TYPES, MAX_EVIDENCE_PER_REPORT, type EvidenceMime } from './enums';
import { formatBytes } from './format';
import { PowUnsupportedError } from './submit-report';
import { uploadWithProof } from './upload-with-proof';

export interface EvidenceItem {
  id: number;
  name: string;
  size: number;
  progress: number;
  /** checking: the browser solves the proof of work the server asked for (`proof` is its progress) */
  status: 'checking' | 'uploading' | 'done' | 'failed';
  proof?: number;
  token?: string;
  sha256?: string;
  stripped?: boolean;
  error?: string;
}

const isEvidenceMime = (mime: string): mime is EvidenceMime => Object.hasOwn(EVIDENCE_TYPES, mime);

/** Why a file cannot be uploaded, checked before any byte is sent; null when it may go. */
export function precheck(file: File, t: TFunction): string | null {
  if (!isEvidenceMime(file.type)) return t('pub.evidence.badType', { name: file.name });
  const limit = EVIDENCE_LIMITS[EVIDENCE_TYPES[file.type]];
  if (file.size > limit) return t('pub.evidence.tooLarge', { name: file.name, limit: formatBytes(limit) });
  return null;
}

let nextId = 1;

/** Evidence files: each uploads on its own as soon as it is chosen, with progress and a remove button. */
export function useEvidence(t: TFunction) {
  const [items, setItems] = useState<EvidenceItem[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const controllers = useRef(new Map<number, AbortController>());

  useEffect(() => {
    const open = controllers.current;
    return () => open.forEach((c) => c.abort());
  }, []);

  const patch = useCallback((id: number, change: Partial<EvidenceItem>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const start = useCallback(
    (file: File) => {
      const id = nextId++;
      const controller = new AbortController();
      controllers.current.set(id, controller);
      setItems((list) => [...list, { id, name: file.name, size: file.size, progress: 0, status: 'uploading' }]);
      const handlers = {
        onProof: (proof: number) => patch(id, { status: 'checking', proof }),
        onProgress: (progress: number) => patch(id, { status: 'uploading', progress }),
      };
      uploadWithProof(file, handlers, controller.signal)
        .then((res) => patch(id, { status: 'done', progress: 1, token: res.token, sha256: res.sha256, stripped: res.stripped }))
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          patch(id, { status: 'failed', error: err instanceof PowUnsupportedError ? t('pub.pow.unsupported') : errorText(t, err) });
        })
        .finally(() => controllers.current.delete(id));
    },
    [patch, t],
  );

  const add = useCallback(
    (files: FileList | File[]) => {
      const problems: string[] = [];
      let room = MAX_EVIDENCE_PER_REPORT - items.length;
      for (const file of Array.from(files)) {
        const problem = precheck(file, t);
        if (problem) problems.push(problem);
        else if (room <= 0) problems.push(t('pub.evidence.tooMany', { max: MAX_EVIDENCE_PER_REPORT, name: file.name }));
        else {
          room -= 1;
          start(file);
        }
      }
      setRejected(problems);
    },
    [items.length, start, t],
  );

  const remove = useCallback((id: number) => {
    controllers.current.get(id)?.abort();
    controllers.current.delete(id);
    setItems((list) => list.filter((item) => item.id !== id));
  }, []);

  /**
   * After a submit refused an upload as unknown (expired or already used). The server says how many,
   * not which, so every uploaded file is marked to be uploaded again.
   */
  const markStale = useCallback((message: string) => {
    setItems((list) => list.map((item) => (item.status === 'done' ? { ...item, status: 'failed', token: undefined, error: message } : item)));
  }, []);

  const clear = useCallback(() => {
    controllers.current.forEach((c) => c.abort());
    controllers.current.clear();
    setItems([]);
    setRejected([]);
  }, []);

  return { items, rejected, add, remove, markStale, clear };
}
