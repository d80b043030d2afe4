import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getTableName, is, Table } from 'drizzle-orm';
import * as schema from '../src/db/schema';
import { OWNERS, type TableName } from '../src/db/schema/owners';

// Modules talk through services, never through each other's tables (ARCHITECTURE.md, "The arrows").
// Every table has one owner (src/db/schema/owners.ts); a module's non-test files may query only the
// tables it owns, whether by importing the table from db/schema or by naming it in raw SQL.

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const MODULES = path.join(SRC, 'modules');

/**
 * The one exception: the directory tables may be read by any module, joined for a name, a path or
 * the unit/jurisdiction a row belongs to. Writes (insert, update, delete) stay with their owner.
 */
const DIRECTORY: readonly TableName[] = ['jurisdictions', 'units', 'users'];

/**
 * The statistics read model: stats builds one facts row per report from the reports' own rows and events
 * in single SQL statements (`facts.sql.ts`), which no service call could do at its volume, and lists the
 * reports behind a figure or a DSA statement from them. Read-only, in these files only (modules/stats/README.md,
 * "Rollup"); an entry that no longer matches a violation fails the test, so the list cannot outlive its reason.
 */
const READ_MODEL: readonly { file: string; table: TableName }[] = [
  { file: 'modules/stats/dsa.ts', table: 'reports' },
  { file: 'modules/stats/dsa.ts', table: 'reportDisposals' },
  { file: 'modules/stats/facts.sql.ts', table: 'reports' },
  { file: 'modules/stats/facts.sql.ts', table: 'reportDisposals' },
  { file: 'modules/stats/facts.sql.ts', table: 'platformOrders' },
  { file: 'modules/stats/facts.sql.ts', table: 'events' },
  { file: 'modules/stats/facts.sql.ts', table: 'registryEntities' },
  { file: 'modules/stats/stats.repo.ts', table: 'reportCategories' },
];

interface Violation { file: string; table: TableName; owner: string; how: string }

const tables = new Map<string, TableName>(); // export name → itself, for the table exports of db/schema
const bySqlName = new Map<string, TableName>();
for (const [name, value] of Object.entries(schema)) {
  if (!is(value, Table)) continue;
  tables.set(name, name as TableName);
  bySqlName.set(getTableName(value), name as TableName);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const isSchemaImport = (file: string, spec: string) =>
  spec.startsWith('.') && /^db\/schema(\/[\w-]+)?$/.test(path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep).join('/'));

/** Table exports imported as values (type-only imports cannot query), with their local names. */
function importedTables(file: string, sf: ts.SourceFile) {
  const found: { table: TableName; local: string }[] = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    if (!isSchemaImport(file, st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      throw new Error(`${path.relative(SRC, file)}: import tables from db/schema by name, not as a namespace`);
    }
    for (const el of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
      const table = tables.get((el.propertyName ?? el.name).text);
      if (table && !el.isTypeOnly) found.push({ table, local: el.name.text });
    }
  }
  return found;
}

/** The literal text of every template (raw SQL lives in sql`…` templates). */
function templateTexts(sf: ts.SourceFile) {
  const texts: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) texts.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return texts.join('\n');
}

const SQL_READ = /\b(?:from|join)\s+"?([a-z_]+)"?/gi;
const SQL_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?/gi;

function violationsIn(file: string, text = fs.readFileSync(file, 'utf8')): Violation[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  const module = rel.split('/')[1]!;
  const found: Violation[] = [];
  const check = (table: TableName, write: boolean, how: string) => {
    const owner = OWNERS[table];
    if (owner === module || (!write && DIRECTORY.includes(table))) return;
    found.push({ file: rel, table, owner, how });
  };
  for (const { table, local } of importedTables(file, sf)) {
    const write = new RegExp(`\\.(insert|update|delete)\\(\\s*${local}\\s*\\)`).test(text);
    check(table, write, write ? 'writes' : 'imports');
  }
  const sql = templateTexts(sf);
  for (const [re, write] of [[SQL_READ, false], [SQL_WRITE, true]] as const) {
    for (const m of sql.matchAll(re)) {
      const table = bySqlName.get(m[1]!.toLowerCase());
      if (table) check(table, write, write ? 'writes (raw SQL)' : 'reads (raw SQL)');
    }
  }
  return found.filter((v, i) => found.findIndex((o) => o.table === v.table && o.how === v.how) === i);
}

const all = sourceFiles(MODULES).flatMap((f) => violationsIn(f));
const readModel = (v: Violation) => v.how !== 'writes' && v.how !== 'writes (raw SQL)' && READ_MODEL.some((p) => p.file === v.file && p.table === v.table);
const describeViolation = (v: Violation) =>
  `${v.file} ${v.how} table ${v.table}, which belongs to modules/${v.owner}: call a function of that module's service instead`;

describe('table ownership', () => {
  it('names one owner for every table, and every owner exists', () => {
    expect(Object.keys(OWNERS).sort()).toEqual([...tables.keys()].sort());
    const owners = new Set(Object.values(OWNERS));
    for (const owner of owners) {
      const dir = owner === 'jobs' ? path.join(SRC, 'jobs') : path.join(MODULES, owner);
      expect(fs.existsSync(dir), `owner ${owner} has no directory`).toBe(true);
    }
  });

  it('lets a module use only the tables it owns (the directory tables read-only)', () => {
    const bad = all.filter((v) => !readModel(v)).map(describeViolation);
    expect(bad, `\n${bad.join('\n')}\n`).toEqual([]);
  });

  it('keeps no read-model exception that no longer matches a read', () => {
    const stale = READ_MODEL.filter((p) => !all.some((v) => v.file === p.file && v.table === p.table));
    expect(stale, 'remove these from READ_MODEL').toEqual([]);
  });

  it('sees multi-line imports, aliases and raw SQL', () => {
    const probe = path.join(MODULES, 'files', 'probe.ts');
    const text = `import {\n  reports as r,\n  type ReportRow,\n} from '../../db/schema';\nimport type { events } from '../../db/schema';\n`
      + 'await db.update(r); sql`select 1 from jurisdictions j join events e on true`; sql`update users set x = 1`;\n';
    expect(violationsIn(probe, text).map((v) => `${v.table} ${v.how}`)).toEqual([
      'reports writes', 'events reads (raw SQL)', 'users writes (raw SQL)',
    ]);
  });
});
