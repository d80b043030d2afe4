import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiKeyScope } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { apiKeys, jurisdictions, units } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/crypto';
import { AppError, assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import type { UnitsService } from '../units/units.service';
import { scopeFilter } from '../auth/scope';

export interface ApiClient { keyId: string; unitId: string; scopes: string[] }

const PREFIX = 'tl_';

export function createApiKeysService({ db, clock, units: unitsService }: { db: Db; clock: Clock; units: UnitsService }) {
  async function authenticate(header: string | undefined, scope: ApiKeyScope): Promise<ApiClient> {
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token?.startsWith(PREFIX)) throw new AppError('apikey.invalid', 'send Authorization: Bearer <api key>');
    const [key] = await db.select().from(apiKeys).where(and(eq(apiKeys.keyHash, sha256Hex(token)), isNull(apiKeys.revokedAt)));
    assertThat(key, 'apikey.invalid');
    assertThat(key.scopes.includes(scope), 'auth.forbidden', `key lacks scope ${scope}`);
    const now = clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
      await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
    }
    return { keyId: key.id, unitId: key.unitId, scopes: key.scopes };
  }

  async function list(user: AuthUser) {
    return db.select({ key: apiKeys, unitName: units.name }).from(apiKeys)
      .innerJoin(units, eq(units.id, apiKeys.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
      .where(scopeFilter(user, jurisdictions.path)).orderBy(desc(apiKeys.createdAt));
  }

  /** The secret is returned once; only its hash is kept. */
  async function create(user: AuthUser, input: { unitId: string; name: string; scopes: ApiKeyScope[] }) {
    const unit = await unitsService.getVisible(user, input.unitId);
    const secret = `${PREFIX}${randomToken(30)}`;
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const [k] = await tx.insert(apiKeys).values({
        unitId: input.unitId, name: input.name, prefix: secret.slice(0, 10), keyHash: sha256Hex(secret),
        scopes: [...new Set(input.scopes)], createdBy: user.id, createdAt: now,
      }).returning();
      await appendEvent(tx, {
        subjectType: 'api_key', subjectId: k!.id, action: 'api_key.created', actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, toState: 'active', payload: { unitId: input.unitId, name: input.name, scopes: k!.scopes }, at: now,
      });
      return k!;
    });
    return { key: row, unitName: unit.unit.name, secret };
  }

  async function revoke(user: AuthUser, id: string) {
    const visible = (await list(user)).find((k) => k.key.id === id);
    if (!visible) throw notFound('api key');
    assertThat(!visible.key.revokedAt, 'resource.conflict', 'already revoked');
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
      await appendEvent(tx, {
        subjectType: 'api_key', subjectId: id, action: 'api_key.revoked', actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, fromState: 'active', toState: 'revoked', at: now,
      });
    });
    return { ...visible, key: { ...visible.key, revokedAt: now } };
  }

  return { authenticate, list, create, revoke };
}
export type ApiKeysService = ReturnType<typeof createApiKeysService>;
