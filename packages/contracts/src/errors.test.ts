import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from './common';
import { ERROR_CODES, ERROR_STATUS } from './errors';

const I18N = path.resolve(import.meta.dirname, '../../../apps/web/src/i18n');
/**
 * The `error.<code>` keys of a console label file. Read as text, not imported: contracts depend on
 * nothing, and the console's files are only checked here, never used.
 */
const errorLabels = (file: string): Map<string, string> => new Map(
  [...readFileSync(path.join(I18N, file), 'utf8').matchAll(/'error\.([a-z_]+\.[a-z_]+)':\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)]
    .map(([, code, single, double]) => [code!, (single ?? double)!]),
);

describe('error codes', () => {
  it('map each to an HTTP error status, and are named area.snake_case', () => {
    for (const code of ERROR_CODES) {
      expect(code, code).toMatch(/^[a-z]+\.[a-z_]+$/);
      const status = ERROR_STATUS[code];
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${code} → ${status}`).toBe(true);
    }
    // the server's catch-all and a request it cannot parse keep their well-known statuses
    expect([ERROR_STATUS['request.invalid'], ERROR_STATUS['auth.unauthenticated'], ERROR_STATUS['auth.forbidden'], ERROR_STATUS['server.internal']])
      .toEqual([400, 401, 403, 500]);
  });

  it.each(['labels.zh-CN.ts', 'labels.en.ts'])('have a console text each in %s, and no text is left for a code that is gone', (file) => {
    const labels = errorLabels(file);
    expect([...labels.keys()].sort()).toEqual([...ERROR_CODES].sort());
    for (const [code, label] of labels) expect(label.trim().length, code).toBeGreaterThan(1);
  });

  it('read as Chinese in Chinese, without code identifiers', () => {
    for (const [code, label] of errorLabels('labels.zh-CN.ts')) {
      expect(label, code).toMatch(/\p{Script=Han}/u);
      expect(label, code).not.toMatch(/[a-z]+[._][a-z_]+/);
    }
  });

  it('make an error body that survives the wire, and no other code does', () => {
    for (const code of ERROR_CODES) {
      const body = { code, message: 'm', details: { field: 'x' } };
      expect(ErrorBodySchema.parse(JSON.parse(JSON.stringify(body)))).toEqual(body);
    }
    expect(ErrorBodySchema.safeParse({ code: 'report.no_such_code', message: 'm' }).success).toBe(false);
  });
});
