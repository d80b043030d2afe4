import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signIn } from './browser';

const env = serverAndBrowser();

/**
 * A browser context that records every content-security-policy violation, in every frame, and the
 * console errors that mention the policy (a refused frame shows only there).
 */
async function watched(): Promise<{ context: BrowserContext; page: Page; violations: () => Promise<string[]> }> {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
  });
  const page = await context.newPage();
  const violations = async () => {
    const inFrames = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])));
    return [...inFrames.flat(), ...consoleErrors];
  };
  return { context, page, violations };
}

describe('content security policy in the browser', () => {
  it('the public pages, the API docs and the console run without a single violation', async () => {
    const { context, page, violations } = await watched();
    await page.goto(`${env.server.url}/report`);
    await page.getByTestId('report-form').waitFor();
    await page.goto(`${env.server.url}/report/status`);
    await page.getByTestId('status-form').waitFor();
    await page.goto(`${env.server.url}/transparency`);
    await page.locator('#root > *').first().waitFor();
    await page.goto(`${env.server.url}/api/docs`);
    await page.locator('.opblock-tag').first().waitFor();
    expect(await violations()).toEqual([]);
    // the console: antd's run-time styles and the charts
    await signIn(page, env.server, 'leader');
    await page.goto(`${env.server.url}/console/stats?period=year`);
    await page.getByTestId('stats-dashboard').waitFor();
    await page.locator('[data-testid="stats-dashboard"] canvas').first().waitFor();
    expect(await violations()).toEqual([]);

    // and the policy is enforced: a script injected into the page does not run
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    await context.close();
  });

  it('a platform page on another origin embeds the report form through /embed.js', async () => {
    const { context, page, violations } = await watched();
    const platform = 'http://platform.example';
    await context.route(`${platform}/**`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body><h1>某平台</h1><script src="${env.server.url}/embed.js" data-platform="5c1e2d4a-0000-4000-8000-000000000001"></script></body></html>`,
    }));
    await page.goto(`${platform}/news`);
    await page.getByRole('button', { name: '举报' }).click();
    const frame = page.frameLocator('iframe');
    await frame.locator('#root > *').first().waitFor();
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    expect(inner.url()).toContain(`${env.server.url}/report?platform=`);
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
