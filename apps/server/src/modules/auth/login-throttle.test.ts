import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, TEST_PASSWORD, uniq, type World } from '../../../test/factories';
import { signIn } from '../../../test/agent';
import { AppError } from '../../lib/errors';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords';
import { createAuthService } from './auth.service';
import { createLoginThrottle } from './login-throttle';

const FREE = 3;
let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_MAX_FAILURES: FREE, LOGIN_LOCK_MINUTES: 15 });
  w = await buildWorld(t.s.db);
});
afterAll(() => t.close());

let lastIp = 0;
/** A fresh client address per test, so tests do not share an address bucket. */
const freshIp = () => `203.0.113.${++lastIp}`;
const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
/** Everything a client can see of a refused sign-in. */
const seen = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] ?? null });
const intake = () => buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });

describe('sign-in throttle', () => {
  it('answers a real username and an unknown one identically at every attempt, waits included', async () => {
    const real = await intake();
    const unknown = uniq('nobody_').toLowerCase();
    const [ipReal, ipUnknown] = [freshIp(), freshIp()];
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const a = await login(real.username, 'Wrong-Passw0rd!', ipReal);
      const b = await login(unknown, 'Wrong-Passw0rd!', ipUnknown);
      expect([i, seen(a)]).toEqual([i, seen(b)]);
      statuses.push(a.statusCode);
      // sometimes wait out the delay, sometimes try again at once
      if (i % 3 === 2) t.clock.advance(Number(a.headers['retry-after'] ?? 0) * 1000);
    }
    expect(statuses.slice(0, FREE)).toEqual([401, 401, 401]);
    expect(statuses).toContain(429);
    // during a wait, even the right password is refused, with the answer an unknown name gets
    const right = await login(real.username, TEST_PASSWORD, ipReal);
    const none = await login(unknown, TEST_PASSWORD, ipUnknown);
    expect(right.statusCode).toBe(429);
    expect(seen(right)).toEqual(seen(none));
    expect(right.json()).toMatchObject({ code: 'auth.throttled', details: { retryAfterSeconds: expect.any(Number) } });
  });

  it('grows the delays 1, 2, 4 … seconds after the free failures', async () => {
    const ip = freshIp();
    const name = uniq('guess_').toLowerCase();
    const waits: number[] = [];
    let failures = 0;
    while (waits.length < 8) {
      const res = await login(name, 'Wrong-Passw0rd!', ip);
      if (res.statusCode === 401) failures++;
      else {
        waits.push(res.json().details.retryAfterSeconds);
        t.clock.advance(waits.at(-1)! * 1000);
      }
    }
    // the address's delay keeps doubling past the account's one-minute ceiling
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    expect(failures).toBe(FREE + 7);
  });

  it('does not let an attacker elsewhere shut the real user out: the account waits a minute at most, the attacker’s address up to the maximum', async () => {
    const victim = await intake();
    const attacker = freshIp();
    let addressWait = 0;
    for (let i = 0; i < 30; i++) {
      const res = await login(victim.username, 'Wrong-Passw0rd!', attacker);
      if (res.statusCode === 429) {
        addressWait = res.json().details.retryAfterSeconds;
        if (addressWait > 60) break;
        t.clock.advance(addressWait * 1000);
      }
    }
    expect(addressWait).toBeGreaterThan(60);
    // the victim, from their own address, waits at most the account's minute — not 15 minutes
    const home = freshIp();
    const first = await login(victim.username, TEST_PASSWORD, home);
    if (first.statusCode === 429) {
      expect(first.json().details.retryAfterSeconds).toBeLessThanOrEqual(60);
      t.clock.advance(first.json().details.retryAfterSeconds * 1000);
    }
    expect((await login(victim.username, TEST_PASSWORD, home)).statusCode).toBe(200);
    // the attacker's address still waits, even for a different account
    expect((await login(w.users.leader.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
  });

  it('keeps an address’s failures when someone there signs in (no laundering), and a success adds no wait', async () => {
    const ip = freshIp();
    const own = await intake();
    for (let i = 0; i < FREE - 1; i++) expect((await login(uniq('spray_').toLowerCase(), 'x-Passw0rd!', ip)).statusCode).toBe(401);
    // two sign-ins in a row from the same address: the second is not held up by the first
    expect((await login(own.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    expect((await login(own.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    // the address's earlier failures still count: this one uses up the free allowance
    expect((await login(uniq('spray_').toLowerCase(), 'x-Passw0rd!', ip)).statusCode).toBe(401);
    expect((await login(uniq('spray_').toLowerCase(), 'x-Passw0rd!', ip)).statusCode).toBe(429);
  });

  it('counts an attempt before checking the password, so a parallel burst gets only the free attempts', async () => {
    const ip = freshIp();
    const name = uniq('burst_').toLowerCase();
    const codes = (await Promise.all(Array.from({ length: 10 }, () => login(name, 'Wrong-Passw0rd!', ip)))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(FREE);
    expect(codes.filter((c) => c === 429)).toHaveLength(10 - FREE);
  });

  it('verifies an unknown username against a dummy argon2 hash, and verifies nothing during a wait', async () => {
    const hashes: string[] = [];
    const auth = createAuthService({
      db: t.s.db, config: t.s.config, clock: t.clock,
      throttle: createLoginThrottle({ db: t.s.db, config: t.s.config, clock: t.clock, secrets: t.s.secrets }),
      passwords: { verify: (stored, password) => { hashes.push(stored); return verifyPassword(stored, password); } },
    });
    const ip = freshIp();
    const refused = (p: Promise<unknown>) => p.then(() => 'signed in', (e: unknown) => (e instanceof AppError ? e.code : 'other'));
    expect(await refused(auth.login(uniq('nobody_').toLowerCase(), 'Wrong-Passw0rd!', { ip }))).toBe('auth.invalid_credentials');
    expect(hashes).toEqual([await dummyPasswordHash()]);
    expect(hashes[0]).toMatch(/^\$argon2id\$/);
    const u = await intake();
    expect(await refused(auth.login(u.username, 'Wrong-Passw0rd!', { ip }))).toBe('auth.invalid_credentials');
    expect(hashes[1]).toBe(u.passwordHash);
    expect(await refused(auth.login(u.username, 'Wrong-Passw0rd!', { ip }))).toBe('auth.invalid_credentials');
    expect(await refused(auth.login(u.username, TEST_PASSWORD, { ip }))).toBe('auth.throttled');
    expect(hashes).toHaveLength(3);
  });

  it('is cleared by an administrator, and the user list shows who is being slowed down', async () => {
    const u = await intake();
    const ip = freshIp();
    for (let i = 0; i < FREE; i++) await login(u.username, 'Wrong-Passw0rd!', ip);
    const admin = await signIn(t.app, w.users.adminA.username);
    expect((await admin.get(`/api/users/${u.id}`)).json().throttled).toBe(true);
    // the account's wait holds from any address, until cleared
    expect((await login(u.username, TEST_PASSWORD, freshIp())).statusCode).toBe(429);
    const cleared = await admin.post(`/api/users/${u.id}/unlock`);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().throttled).toBe(false);
    expect((await admin.post(`/api/users/${u.id}/unlock`)).json().code).toBe('resource.conflict');
    expect((await login(u.username, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
  });
});
