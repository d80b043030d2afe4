import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// apps/web/public/zod-config.js sets zod's settings before zod loads, through the global zod keeps them on;
// if a zod release moves them, this fails and the console's CSP test would start reporting eval probes.
describe('zod settings for the browser', () => {
  it('are kept on globalThis.__zod_globalConfig, where the web app sets jitless before any schema is built', () => {
    const global = (globalThis as { __zod_globalConfig?: object }).__zod_globalConfig;
    expect(global).toBeDefined();
    expect(z.config()).toBe(global);
  });
});
