import type { z } from 'zod';
import type { Permission } from '@tianlang/contracts';
import { AppError } from '../../lib/errors';

/**
 * A document template at one version. A changed layout or data shape is a new version registered
 * beside the old ones, never an edit: a stored document names the exact version that made it, and
 * that version can render its data again.
 */
export interface DocumentTemplate<D = unknown> {
  /** lower snake case, stable across versions (`work_report`) */
  code: string;
  version: number;
  /** the Chinese title staff know it by (工作情况汇报) */
  title: string;
  /** the data it is filled from; checked before rendering, stored as parsed */
  schema: z.ZodType<D>;
  /** who may render it and read its documents */
  permission: Permission;
  /** true when staff type its data in (POST /api/documents); false when a module computes it (the work report) */
  direct: boolean;
  /** the file's name, `.docx` included */
  filename(data: D): string;
  render(data: D): Promise<Buffer>;
}

const key = (code: string, version: number) => `${code}@${version}`;

/** The templates of every module, registered once at wiring (services.ts, a module's factory). */
export function createTemplateRegistry() {
  const byKey = new Map<string, DocumentTemplate>();
  const latest = new Map<string, DocumentTemplate>();

  function register<D>(t: DocumentTemplate<D>) {
    if (!/^[a-z][a-z0-9_]{1,47}$/.test(t.code) || !Number.isInteger(t.version) || t.version < 1) throw new Error(`bad template ${t.code}@${t.version}`);
    if (byKey.has(key(t.code, t.version))) throw new Error(`template ${t.code}@${t.version} registered twice`);
    byKey.set(key(t.code, t.version), t as DocumentTemplate);
    if ((latest.get(t.code)?.version ?? 0) < t.version) latest.set(t.code, t as DocumentTemplate);
  }

  /** A template at a version (the newest when none is named); document.unknown_template when there is none. */
  function get(code: string, version?: number): DocumentTemplate {
    const t = version === undefined ? latest.get(code) : byKey.get(key(code, version));
    if (!t) throw new AppError('document.unknown_template', 'no such document template', { details: { template: code, version } });
    return t;
  }

  /** The newest version of each template. */
  const list = (): DocumentTemplate[] => [...latest.values()];
  /** Every registered version of a template, oldest first. */
  const versionsOf = (code: string): number[] => [...byKey.values()].filter((t) => t.code === code).map((t) => t.version).sort((a, b) => a - b);

  return { register, get, list, versionsOf };
}
export type TemplateRegistry = ReturnType<typeof createTemplateRegistry>;
