import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, shot, signIn as signInAs } from './browser';

const env = serverAndBrowser();
const signIn = (page: Page, username: string) => signInAs(page, env.server, username);

describe('console', () => {
  it('shows the public page, refuses a wrong password, and signs an admin in to a Chinese console', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    await page.goto(env.server.url);
    await expect(page.locator('body')).toBeTruthy();
    expect(await page.textContent('body')).toContain('举报');
    await shot(page, '01-public-home');

    await page.goto(`${env.server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/用户名或密码/);
    await shot(page, '02-login-error');

    await signIn(page, 'admin');
    expect(await page.getByTestId('header-user').textContent()).toBe('系统管理员');
    expect(await page.getByTestId('header-context').textContent()).toContain('示范市');
    const menu = await page.getByTestId('console-menu').textContent();
    for (const entry of ['举报受理', '巡查', '属地管理', '用户管理', '工作日历']) expect(menu).toContain(entry);
    await shot(page, '03-console-home');

    await page.goto(`${env.server.url}/console/admin/jurisdictions`);
    await page.getByTestId('jurisdictions-tree').waitFor();
    const tree = await page.getByTestId('jurisdictions-tree').textContent();
    for (const name of ['示范市', '东湖区', '西山区', '南岭县']) expect(tree).toContain(name);
    await shot(page, '04-jurisdictions');

    await page.goto(`${env.server.url}/console/admin/users`);
    await page.getByTestId('users-table').getByText('dh_admin').waitFor();
    await shot(page, '05-users');

    await page.goto(`${env.server.url}/console/admin/calendar`);
    await page.getByTestId('calendar-grid').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, '06-calendar');

    await page.goto(`${env.server.url}/console/admin/audit`);
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await shot(page, '07-audit');
    await page.close();
  });

  it('scopes a district admin to their district and switches to English', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await signIn(page, 'dh_admin');
    await page.goto(`${env.server.url}/console/admin/jurisdictions`);
    await page.getByTestId('jurisdictions-tree').getByText('东湖区').first().waitFor();
    const tree = await page.getByTestId('jurisdictions-tree').textContent();
    expect(tree).toContain('湖滨街道');
    expect(tree).not.toContain('西山区');

    await page.getByTestId('header-language').click();
    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('console-menu').getByText('Jurisdictions').waitFor();
    await shot(page, '08-english-jurisdictions');
    await page.close();
  });
});

describe('the workbench', () => {
  it('shows what waits for the user by kind, opens a kind\'s items, and an item where it lives', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, 'intake');
    const card = page.getByTestId('home-todos');
    const kind = card.getByTestId('home-todo-reports.accept');
    await kind.waitFor();
    const count = Number(await kind.locator('.ant-badge-count').getAttribute('title'));
    expect(count).toBeGreaterThan(0);
    await kind.click();
    const drawer = page.getByTestId('home-todo-drawer');
    await expect.poll(() => drawer.locator('.ant-list-item').count()).toBe(Math.min(count, 20));
    expect(await drawer.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}T\d{2}|reports\./);
    await shot(page, 'home-todos');
    await drawer.locator('.ant-list-item a').first().click();
    await page.waitForURL(/\/console\/reports\/[0-9a-f-]{36}$/);
    await page.close();
  });
});
