import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { TextscanError } from './errors.js';
import { compileLexicon } from './lexicon.js';
import { parseLexiconFile } from './lexicon-file.js';

const USAGE = `usage: textscan scan --lexicon FILE [--json] [--no-normalize]

Reads texts on stdin, one per line (or with --json, JSONL objects {"id": …, "text": "…"}), and
writes one JSON line per input: {"id": …, "matches": [{"start", "end", "term", "rule", "category", …}]}.
Plain lines get their 1-based line number as id. Offsets are UTF-16 code units in the input text.`;

export async function main(argv: string[], io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'scan') {
    io.stderr.write(`${USAGE}\n`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { lexicon: { type: 'string' }, json: { type: 'boolean' }, 'no-normalize': { type: 'boolean' } } }));
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.lexicon) {
    io.stderr.write(`--lexicon FILE is required\n${USAGE}\n`);
    return 2;
  }
  let lexicon;
  try {
    lexicon = compileLexicon(parseLexiconFile(readFileSync(values.lexicon, 'utf8')), { normalize: !values['no-normalize'] });
  } catch (err) {
    if (!(err instanceof TextscanError)) throw err;
    for (const d of err.details) io.stderr.write(`${values.lexicon}:${d.line ?? '?'}: ${d.problem}: ${d.reason}\n`);
    return 2;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  let bad = 0;
  for await (const line of lines) {
    n++;
    let id: unknown = n;
    let text = line;
    if (values.json) {
      if (line.trim() === '') continue;
      try {
        const item = JSON.parse(line) as { id?: unknown; text?: unknown };
        if (typeof item.text !== 'string') throw new Error('"text" must be a string');
        id = item.id ?? n;
        text = item.text;
      } catch (err) {
        bad++;
        io.stdout.write(`${JSON.stringify({ id: n, error: `line ${n}: ${(err as Error).message}` })}\n`);
        continue;
      }
    }
    const matches = lexicon.scan(text).map((m) => ({
      start: m.start,
      end: m.end,
      term: m.term,
      rule: m.rule,
      category: m.category,
      severity: m.severity,
      text: m.text,
      normalizations: m.normalizations,
    }));
    io.stdout.write(`${JSON.stringify({ id, matches })}\n`);
  }
  return bad > 0 ? 1 : 0;
}
