import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDb } from '../../../test/harness';
import { AppError } from '../../lib/errors';
import { assertInScope, assertJurisdictionInScope, assertSentFrom, inScope, sentFrom, subtreeOf } from './scope';

const user = { scopePath: '/330100/3301/' };
const codeOf = (f: () => void) => { try { f(); return null; } catch (e) { return e instanceof AppError ? e.code : String(e); } };

describe('the scope helper', () => {
  it('row side: own jurisdiction and below; a sibling whose id starts the same is out', () => {
    expect(inScope(user, '/330100/3301/')).toBe(true);
    expect(inScope(user, '/330100/3301/330101/')).toBe(true);
    expect(inScope(user, '/330100/33011/')).toBe(false);
    expect(inScope({ scopePath: '/330100/3301' }, '/330100/33011/')).toBe(false);
    expect(inScope(user, '/330100/')).toBe(false);
    expect(inScope(user, undefined)).toBe(false);
    expect(codeOf(() => assertInScope(user, { path: '/330100/33011/' }, 'jurisdiction'))).toBe('resource.not_found');
    expect(codeOf(() => assertInScope(user, undefined, 'jurisdiction'))).toBe('resource.not_found');
    expect(codeOf(() => assertJurisdictionInScope(user, '/330100/'))).toBe('jurisdiction.out_of_scope');
    expect(codeOf(() => assertJurisdictionInScope(user, { path: '/330100/3301/9/' }))).toBeNull();
  });

  it('work sent to units: a unit outside the tree has no jurisdiction of its own, only what is addressed to it', () => {
    const office = { ...user, unitKind: 'office' as const };
    const above = { scopePath: '/330100/', unitKind: 'superior_office' as const };
    expect(codeOf(() => assertSentFrom(office, '/330100/3301/330101/', 'assignment'))).toBeNull();
    expect(codeOf(() => assertSentFrom(office, '/330100/33011/', 'assignment'))).toBe('resource.not_found');
    expect(codeOf(() => assertSentFrom(above, '/330100/3301/', 'assignment'))).toBe('resource.not_found');
    expect(codeOf(() => assertSentFrom({ ...above, unitKind: 'department' }, '/330100/3301/', 'assignment'))).toBe('resource.not_found');
  });

  it('query side: the same rule in SQL, with LIKE wildcards taken literally', async () => {
    const { db } = await testDb();
    const hit = async (path: string, root: string) => {
      const res = await db.execute(sql`select ${subtreeOf(sql`${path}::text`, root)} as hit`);
      return ((Array.isArray(res) ? res : (res as { rows: { hit: boolean }[] }).rows)[0] as { hit: boolean }).hit;
    };
    expect(await hit('/330100/3301/', '/330100/3301/')).toBe(true);
    expect(await hit('/330100/3301/330101/', '/330100/3301')).toBe(true);
    expect(await hit('/330100/33011/', '/330100/3301')).toBe(false);
    expect(await hit('/330100/33011/', '/330100/3301/')).toBe(false);
    expect(await hit('/a/bxc/', '/a/b_c/')).toBe(false);
    expect(await hit('/a/b_c/d/', '/a/b_c/')).toBe(true);
    // sentFrom: nothing for the users of a unit outside the tree
    const office = { ...user, unitKind: 'office' as const };
    const above = { scopePath: '/330100/', unitKind: 'superior_office' as const };
    const seen = async (u: { scopePath: string; unitKind: 'office' | 'superior_office' }) => {
      const res = await db.execute(sql`select ${sentFrom(u, sql`${'/330100/3301/'}::text`)} as ok`);
      return ((Array.isArray(res) ? res : (res as { rows: { ok: boolean }[] }).rows)[0] as { ok: boolean }).ok;
    };
    expect(await seen(office)).toBe(true);
    expect(await seen(above)).toBe(false);
  });
});
