import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { SCREENSHOTS, serverAndBrowser, shot, signIn } from './browser';

const env = serverAndBrowser();
const has = (cmd: string) => { try { execFileSync('which', [cmd], { stdio: 'ignore' }); return true; } catch { return false; } };

const leaderPage = async () => {
  const page = await env.browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  await signIn(page, env.server, 'leader');
  return page;
};
/**
 * Waits until every chart on the page has painted its current option (charts draw without animation
 * here: the browser asks for reduced motion).
 */
const chartsDrawn = async (page: Page) => {
  await expect.poll(() => page.locator('[data-testid^="stats-"]:has(> div > canvas):not([data-chart-drawn])').count()).toBe(0);
};
/** The treemap is a canvas: click the middle of its largest block (the first, top-left). */
const clickTreemap = async (page: Page) => {
  await page.locator('[data-testid="stats-treemap"][data-chart-drawn]').waitFor();
  const box = (await page.getByTestId('stats-treemap').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.3);
};
const saved = async (download: Promise<Download>, dir: string) => {
  const d = await download;
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
};

/**
 * Renders the docx with LibreOffice and its pages to PNG (into the screenshots folder), and returns
 * the page images and the PDF's text.
 */
function renderDocx(file: string): { pages: string[]; text: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'tianlang-docx-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
    execFileSync('pdftoppm', ['-png', '-r', '70', path.join(out, pdf), path.join(out, 'page')]);
    const pages = readdirSync(out).filter((f) => /^page-\d+\.png$/.test(f)).sort().map((f, i) => {
      const target = path.join(SCREENSHOTS, `stats-work-report-page-${i + 1}.png`);
      renameSync(path.join(out, f), target);
      return target;
    });
    return { pages, text: execFileSync('pdftotext', ['-layout', path.join(out, pdf), '-']).toString() };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('statistics in the browser', () => {
  it('opens the dashboard, drills down 市 → 区县 → 镇街, opens the reports behind a number, and downloads both exports', async () => {
    const page = await leaderPage();
    await page.goto(`${env.server.url}/console/stats?period=year`);
    await page.getByTestId('stats-figures').waitFor();
    await page.getByTestId('stats-treemap').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('stats-figure-received').textContent())).toBeGreaterThan(50);
    await chartsDrawn(page);
    await shot(page, 'stats-dashboard');

    await clickTreemap(page);
    await expect.poll(() => page.getByTestId('stats-trail').locator('b').textContent()).not.toBe('示范市');
    const district = await page.getByTestId('stats-trail').locator('b').textContent();
    expect(['东湖区', '西山区', '南岭县']).toContain(district);
    await clickTreemap(page);
    await expect.poll(async () => page.getByTestId('stats-trail').locator('b').textContent()).not.toBe(district);
    await chartsDrawn(page);
    await shot(page, 'stats-drilldown');
    // back up to the city through the breadcrumb
    await page.getByTestId('stats-trail').getByText('示范市').click();
    await expect.poll(() => page.getByTestId('stats-trail').locator('b').textContent()).toBe('示范市');

    const received = Number(await page.getByTestId('stats-figure-received').textContent());
    await page.getByTestId('stats-figure-received').click();
    await page.getByTestId('stats-items').waitFor();
    await expect.poll(() => page.getByTestId('stats-items').locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByTestId('stats-items').getByText(`共 ${received} 件`).waitFor();
    await shot(page, 'stats-items');
    await page.goBack();
    await page.getByTestId('stats-figures').waitFor();

    // the transfers table: a department's number opens the transfers behind it, the department named
    await page.getByTestId('stats-tabs').getByRole('tab', { name: '移交部门' }).click();
    const firstRow = page.getByTestId('stats-tabs').getByRole('tabpanel').locator('.ant-table-row').first();
    const sentLink = firstRow.locator('a').first();
    const unitName = (await firstRow.locator('td').first().textContent())!;
    const sent = Number(await sentLink.textContent());
    await sentLink.click();
    await page.getByTestId('stats-items').getByText('数据明细：移交协同部门').waitFor();
    await page.getByTestId('stats-items').getByText(`移交部门：${unitName}`).waitFor();
    await page.getByTestId('stats-items').getByText(`共 ${sent} 件`).waitFor();
    await shot(page, 'stats-items-transfers');
    await page.goBack();
    await page.getByTestId('stats-figures').waitFor();

    const dir = mkdtempSync(path.join(tmpdir(), 'tianlang-dl-'));
    const xlsxFile = await saved(Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export-xlsx').click()]).then(([d]) => d), dir);
    expect(xlsxFile.endsWith('.xlsx')).toBe(true);
    expect(readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');
    const docxFile = await saved(Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export-docx').click()]).then(([d]) => d), dir);
    expect(path.basename(docxFile)).toMatch(/工作情况汇报\.docx$/);
    expect(readFileSync(docxFile).subarray(0, 2).toString()).toBe('PK');

    if (has('soffice') && has('pdftoppm')) {
      const { pages, text } = renderDocx(docxFile);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const heading of ['一、总体情况', '二、主要数据', '三、举报类别与属地分布', '四、办理时效', '五、移交协同与平台处置', '六、数据来源说明']) expect(text).toContain(heading);
      expect(text).toContain('受理举报件次');
      expect(text).toContain('示范市委网信办'); // the office unit's own name
    } else {
      console.warn('soffice or pdftoppm missing: the work report was not rendered');
    }
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it('shows each figure\'s definition as a tooltip, and a supervision figure opens the rows behind it', async () => {
    const page = await leaderPage();
    await page.goto(`${env.server.url}/console/stats?period=year`);
    await page.getByTestId('stats-figures').waitFor();
    await page.getByTestId('stats-definition-received').hover();
    await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').getByText('举报件次', { exact: false }).waitFor();
    const figure = page.getByTestId('stats-extra-registry_entities');
    const value = Number((await figure.locator('.ant-statistic-content').textContent())!.replace(/,/g, ''));
    expect(value).toBeGreaterThan(0);
    await figure.click();
    const drawer = page.getByTestId('stats-figure-drawer');
    await drawer.getByText(`共 ${value} 项`, { exact: false }).waitFor();
    await expect.poll(() => drawer.locator('.ant-table-row').count()).toBe(Math.min(value, 20));
    const text = await drawer.innerText();
    // what a person reads: names, dates and Chinese labels, no codes, ids or ISO times
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}T\d{2}|registry_|\bkey\b/);
    await shot(page, 'stats-figure-drawer');
    await drawer.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/console\/registry\/[0-9a-f-]{36}$/);
    await page.close();
  });

  it('shows the dashboard in English without untranslated keys', async () => {
    const page = await leaderPage();
    await page.goto(`${env.server.url}/console/stats?period=quarter`);
    await page.getByTestId('header-language').click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('English').click();
    await page.getByTestId('stats-figures').getByText('Received', { exact: true }).first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/\b(st|stFig|stDim|stStage|tp|pubT)\.[a-zA-Z]/);
    expect(body).toContain('Received');
    await shot(page, 'stats-dashboard-en');
    await page.getByTestId('header-language').click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('中文').click();
    await page.close();
  });

  it('the leader publishes a month; the public page shows only the approved, frozen figures', async () => {
    const page = await leaderPage();
    await page.goto(`${env.server.url}/console/stats/transparency`);
    await page.getByTestId('transparency-admin').waitFor();
    await page.getByTestId('transparency-month').first().waitFor();
    await shot(page, 'stats-transparency-admin');

    const pub = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await pub.goto(`${env.server.url}/transparency`);
    await pub.getByTestId('transparency-month').waitFor();
    const text = await pub.getByTestId('transparency-month').innerText();
    expect(text).toMatch(/共受理网络违法和不良信息举报 \d+ 件/);
    await shot(pub, 'stats-transparency-public');
    const feed = await (await pub.request.get(`${env.server.url}/api/public/transparency`)).json();
    expect(feed.months.length).toBe(1);
    await pub.close();
    await page.close();
  });
});
