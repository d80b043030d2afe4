import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { testConfig } from '../config';
import { openDb, type DbHandle } from '../db/client';
import { buildApp } from '../http/app';
import { fixedClock } from '../lib/clock';
import { createServices } from '../services';
import { signIn } from '../../test/agent';
import { DEMO_USERS, seedDemo } from './demo';
import { runMigrations } from '../db/migrate';
import { jurisdictions, users } from '../db/schema';
import { verifyPassword } from '../lib/passwords';
import { seedBase } from './base';
import { setupOffice } from './office';
import { createSecrets } from '../lib/secrets';
import { auditKeysOf, useAuditKeys } from '../modules/audit/event-hash';

describe('setup of an empty production database', () => {
  it('creates the root, its office and an admin once, and refuses a second time or bad input', async () => {
    useAuditKeys(auditKeysOf(createSecrets(testConfig().SECRET_KEY!)));
    const handle = await openDb({});
    try {
      await runMigrations(handle);
      await seedBase(handle.db, new Date());
      const input = { cityCode: '330100', cityName: '某市', officeName: '某市委网信办', adminUsername: 'chief', adminPassword: 'Str0ng-Start!' };
      await expect(setupOffice(handle.db, { ...input, adminPassword: 'weak' }, new Date())).rejects.toMatchObject({ code: 'auth.password_weak' });
      await expect(setupOffice(handle.db, { ...input, cityCode: '1' }, new Date())).rejects.toMatchObject({ code: 'request.invalid' });
      expect(await handle.db.select().from(jurisdictions)).toHaveLength(0);
      const ids = await setupOffice(handle.db, input, new Date());
      const [admin] = await handle.db.select().from(users).where(eq(users.id, ids.user));
      expect(await verifyPassword(admin!.passwordHash, 'Str0ng-Start!')).toBe(true);
      await expect(setupOffice(handle.db, { ...input, adminUsername: 'other' }, new Date())).rejects.toMatchObject({ code: 'resource.conflict' });
      // the printed initial password opens nothing but its own change
      await withApp(handle, async (app) => {
        const chief = await signIn(app, 'chief', 'Str0ng-Start!');
        expect((await chief.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
        expect((await chief.get('/api/users')).json().code).toBe('auth.password_change_required');
        expect((await chief.post('/api/auth/password', { currentPassword: 'Str0ng-Start!', newPassword: 'Own-Choice-Pass9' })).statusCode).toBe(200);
        expect((await chief.get('/api/users')).statusCode).toBe(200);
      });
    } finally {
      await handle.close();
    }
  }, 60_000);
});

/** The real app on a database of its own. */
async function withApp(handle: DbHandle, fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<void>) {
  const s = createServices({ config: testConfig(), handle, clock: fixedClock(new Date()), logger: pino({ level: 'silent' }) });
  const app = await buildApp(s);
  await app.ready();
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

describe('the embedded demo database', () => {
  it('exempts its demo accounts from changing their shared password', async () => {
    const handle = await openDb({});
    try {
      await runMigrations(handle);
      await seedBase(handle.db, new Date());
      expect(await seedDemo(handle.db, new Date(), 'Demo-Passw0rd!')).toBe(true);
      const rows = await handle.db.select({ username: users.username, must: users.mustChangePassword }).from(users);
      expect(rows.filter((r) => r.must)).toEqual([]);
      expect(rows.length).toBe(DEMO_USERS.length);
      await withApp(handle, async (app) => {
        const admin = await signIn(app, 'admin', 'Demo-Passw0rd!');
        expect((await admin.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
        expect((await admin.get('/api/users')).statusCode).toBe(200);
      });
    } finally {
      await handle.close();
    }
  }, 60_000);
});
