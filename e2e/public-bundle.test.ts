import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The public pages are opened on citizens' phones, often on slow networks: each loads at most
 * 100 KB of brotli-compressed JavaScript, counting the entry, the page's own chunk and every chunk
 * they import. Reads the build that `npm run test:e2e` makes first (vite's manifest and the .br
 * files the server sends).
 */
const DIST = path.resolve(import.meta.dirname, '../apps/web/dist');
const BUDGET = 100 * 1024;
const PUBLIC_PAGES = ['src/pages/ReportPage.tsx', 'src/pages/ReportStatusPage.tsx', 'src/pages/TransparencyPage.tsx'];

interface Chunk { file: string; isEntry?: boolean; imports?: string[] }
type Manifest = Record<string, Chunk>;

const manifestPath = path.join(DIST, '.vite/manifest.json');

/** Every file a page loads before it shows: the entry, the page chunk, and their static imports. */
function scriptsOf(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

const brotliBytes = (file: string) => statSync(path.join(DIST, `${file}.br`)).size;

describe('public page weight', () => {
  it('each public page loads at most 100 KB of brotli-compressed JavaScript', () => {
    if (!existsSync(manifestPath)) throw new Error('no web build: run `npm run build:web` first (npm run test:e2e does)');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
    for (const page of PUBLIC_PAGES) {
      const files = [...scriptsOf(manifest, [entry, page])];
      const total = files.reduce((sum, f) => sum + brotliBytes(f), 0);
      console.log(`${page}: ${(total / 1024).toFixed(1)} KB br in ${files.length} files`);
      expect(total, `${page} loads ${total} bytes of brotli-compressed JavaScript: ${files.join(', ')}`).toBeLessThanOrEqual(BUDGET);
    }
  });
});
