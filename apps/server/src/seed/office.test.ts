import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { jurisdictions, users } from '../db/schema';
import { verifyPassword } from '../lib/passwords';
import { seedBase } from './base';
import { setupOffice } from './office';
import { testConfig } from '../config';
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
    } finally {
      await handle.close();
    }
  }, 60_000);
});
