import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('uses defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, SESSION_IDLE_MINUTES: 30 });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATA_DIR.endsWith('/data')).toBe(true);
  });

  it('reads the fetch allow-list as addresses and CIDR ranges, refusing anything else', () => {
    expect(loadConfig({}).FETCH_ALLOW_PRIVATE_CIDRS).toEqual([]);
    expect(loadConfig({ FETCH_ALLOW_PRIVATE_CIDRS: '10.20.0.0/16, 192.168.5.7,fd00::/8' }).FETCH_ALLOW_PRIVATE_CIDRS)
      .toEqual(['10.20.0.0/16', '192.168.5.7', 'fd00::/8']);
    expect(() => loadConfig({ FETCH_ALLOW_PRIVATE_CIDRS: '10.0.0.0/8,intranet.local' })).toThrow(/intranet\.local/);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort())
        .toEqual(['COOKIE_SECURE', 'DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    }
  });
});
