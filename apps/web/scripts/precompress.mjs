/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to each text file of the build, compressed once
 * at the strongest settings; the server sends them to browsers that accept them (@fastify/static's
 * preCompressed), so no request pays for compression.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = path.resolve(import.meta.dirname, '../dist');
const TEXT = /\.(js|css|html|svg|json|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) { if (!name.startsWith('.')) yield* files(full); }
    else if (TEXT.test(name)) yield full;
  }
}

export function brotli(buf) {
  return brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let count = 0;
  for (const file of files(DIST)) {
    const buf = readFileSync(file);
    writeFileSync(`${file}.br`, brotli(buf));
    writeFileSync(`${file}.gz`, gzipSync(buf, { level: 9 }));
    count++;
  }
  console.log(`precompressed ${count} files (.br, .gz)`);
}
