import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  await context.addInitScript({
    content: `window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  const consoleErrors: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
  });
  const page = await context.newPage();
  const violations = async () => {
    const inFrames = await Promise.all(page.frames().map((f) => f.evaluate<string[]>('window.__csp ?? []').catch(() => [])));
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
    const ran = await page.evaluate<boolean>(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      return window.__injected === true;
    })()`);
    expect(ran).toBe(false);
    // reported once as the event and once on the console, and nothing else
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/inline script violates .*script-src 'self'/)]);
    await context.close();
  });

  it('a platform page on another origin embeds the report form through /embed.js', async () => {
    const { context, page, violations } = await watched();
    // the platform's page, on an origin of its own
    const html = `<!doctype html><html><body><h1>某平台</h1><script src="${env.server.url}/embed.js" data-platform="5c1e2d4a-0000-4000-8000-000000000001"></script></body></html>`;
    const platform = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
    await page.goto(`http://127.0.0.1:${(platform.address() as AddressInfo).port}/news`);
    await page.getByRole('button', { name: '举报' }).click();
    const frame = page.frameLocator('iframe');
    await frame.locator('#root > *').first().waitFor();
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    expect(inner.url()).toContain(`${env.server.url}/report?platform=`);
    expect(await violations()).toEqual([]);
    await context.close();
    platform.close();
  });
});
