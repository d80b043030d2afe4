import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, shot, signIn as signInAs } from './browser';

const env = serverAndBrowser();
const signIn = (page: Page, username: string) => signInAs(page, env.server, username);

/** API calls in the signed-in browser context (same cookie), with the session's CSRF token. */
async function api(page: Page, method: 'POST' | 'GET', url: string, data?: unknown) {
  const me = await (await page.request.get(`${env.server.url}/api/auth/me`)).json();
  const res = await page.request.fetch(`${env.server.url}${url}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

describe('patrol', () => {
  it('flags an evasive post, shows the hit in the queue, and records the reviewer’s decision', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, 'analyst');
    await api(page, 'POST', '/api/patrol/rules', { kind: 'term', pattern: '网络赌博', category: 'gambling', severity: 4, allowContexts: ['严厉打击网络赌博'] });
    const units = await api(page, 'GET', '/api/units?kind=office');
    const source = await api(page, 'POST', '/api/patrol/sources', { kind: 'manual', name: '人工巡查', unitId: units.items[0].id });
    const result = await api(page, 'POST', '/api/patrol/items', {
      sourceId: source.id,
      items: [
        { externalId: 'e1', author: '某娱乐号', text: '日赚千元！加入网·络·赌·博群，稳赚不赔。' },
        { externalId: 'e2', author: '示范发布', text: '我市将严厉打击网络赌博违法犯罪活动。' },
      ],
    });
    expect(result).toMatchObject({ created: 2, withHits: 1 });

    await page.goto(`${env.server.url}/console/patrol`);
    await page.getByTestId('patrol-queue').waitFor();
    await page.getByTestId('patrol-queue-item').first().click();
    await page.getByTestId('patrol-hit').first().waitFor();
    expect(await page.getByTestId('patrol-hit').first().textContent()).toBe('网·络·赌·博');
    await shot(page, '20-patrol-queue');

    await page.getByTestId('patrol-confirm').click();
    await page.getByTestId('patrol-review-reason').fill('赌博引流，转处置');
    await page.getByTestId('patrol-review-submit').click();
    await page.getByTestId('patrol-review-form').waitFor({ state: 'hidden' }); // the dialog closes once the decision is saved
    const item = (await api(page, 'GET', '/api/patrol/items?status=confirmed')).items[0];
    expect(item.externalId).toBe('e1');

    // 巡查发现 → 处置: the confirmed item is handed to the reports loop from its page.
    await page.goto(`${env.server.url}/console/patrol/items`);
    await page.getByTestId('patrol-items-table').getByText('日赚千元').first().click();
    await page.getByTestId('patrol-to-report').click();
    await page.getByTestId('report-detail').waitFor();
    expect(await page.getByTestId('report-state').first().textContent()).toBe('已受理');
    await shot(page, '23-patrol-to-report');

    await page.goto(`${env.server.url}/console/patrol/lexicon`);
    await page.getByTestId('lexicon-rules-table').getByText('网络赌博').first().waitFor();
    await shot(page, '21-patrol-lexicon');

    await page.goto(`${env.server.url}/console/patrol/terms`);
    await page.getByTestId('term-check-input').waitFor();
    await shot(page, '22-patrol-terms');
    await page.close();
  });
});
