import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'textscan-'));
const lexiconFile = join(dir, 'lexicon.tsv');
writeFileSync(lexiconFile, 'term\t赌博\t赌博类\t4\tallow=禁止赌博\nregex\t1[3-9]\\d{9}\t诈骗类\t3\tid=phone\n');
const badFile = join(dir, 'bad.tsv');
writeFileSync(badFile, 'term\t赌博\t赌博类\t4\nregex\t(a+)+$\tx\t3\nterm\tx\n');

async function run(args: string[], input: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end(input);
  const code = await main(args, { stdin, stdout, stderr } as never);
  return { code, out: out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)), err };
}

describe('textscan scan', () => {
  it('scans one text per line and writes one JSON line per input', async () => {
    const { code, out } = await run(['scan', '--lexicon', lexiconFile], '来赌*博\n禁止赌博\n\n电话13812345678\n');
    expect(code).toBe(0);
    expect(out).toEqual([
      { id: 1, matches: [expect.objectContaining({ start: 1, end: 4, term: '赌博', rule: 'term:赌博', category: '赌博类' })] },
      { id: 2, matches: [] },
      { id: 3, matches: [] },
      { id: 4, matches: [expect.objectContaining({ start: 2, end: 13, rule: 'phone', category: '诈骗类' })] },
    ]);
  });

  it('reads JSONL with --json and reports a bad line without stopping', async () => {
    const input = '{"id":"a1","text":"赌博"}\nnot json\n{"id":7,"text":"ok"}\n';
    const { code, out } = await run(['scan', '--lexicon', lexiconFile, '--json'], input);
    expect(code).toBe(1);
    expect(out[0]).toMatchObject({ id: 'a1', matches: [{ start: 0, end: 2, term: '赌博' }] });
    expect(out[1]).toMatchObject({ id: 2, error: expect.stringMatching(/^line 2:/) });
    expect(out[2]).toEqual({ id: 7, matches: [] });
  });

  it('prints lexicon errors with file and line, exit code 2', async () => {
    const { code, err } = await run(['scan', '--lexicon', badFile], '');
    expect(code).toBe(2);
    expect(err).toContain(`${badFile}:3: syntax: expected 4 or 5 tab-separated fields`);
    const unsafeFile = join(dir, 'unsafe.tsv');
    writeFileSync(unsafeFile, '# ok\nregex\t(a+)+$\tx\t3\n');
    const unsafe = await run(['scan', '--lexicon', unsafeFile], '');
    expect(unsafe.code).toBe(2);
    expect(unsafe.err).toContain(`${unsafeFile}:2: unsafe_regex: nested quantifier`);
  });

  it('requires scan and --lexicon', async () => {
    expect((await run([], '')).code).toBe(2);
    expect((await run(['scan'], '')).code).toBe(2);
  });

  it('runs through the package bin shim (npx textscan)', async () => {
    const bin = fileURLToPath(new URL('../bin/textscan.js', import.meta.url));
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [bin, 'scan', '--lexicon', lexiconFile], (error, out) => (error ? reject(error) : resolve(out)));
      child.stdin!.end('賭博\n');
    });
    expect(JSON.parse(stdout)).toMatchObject({ id: 1, matches: [{ start: 0, end: 2, term: '赌博', normalizations: ['traditional'] }] });
  }, 30_000);
});
