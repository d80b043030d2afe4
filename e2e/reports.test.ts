import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, shot, signIn as signInAs } from './browser';

const env = serverAndBrowser();

/** A real 64×40 PNG "screenshot" (a grey frame), so the upload goes through the server's content checks. */
function screenshotPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const w = 64; const h = 40;
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0;
  const raw = Buffer.concat(Array.from({ length: h }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(w, y % 8 === 0 ? 40 : 220)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const staff = async (username: string) => {
  const page = await env.browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await signInAs(page, env.server, username);
  return page;
};
const confirmDialog = async (page: Page, button: string) => {
  const dialog = page.locator('.ant-modal-confirm, .ant-modal').filter({ hasText: button }).last();
  await dialog.getByRole('button', { name: button }).last().click();
};
const pickOption = async (page: Page, testId: string, text: string) => {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(text, { exact: false }).first().click();
};
let detailUrl = '';
/** The first time from the queue (as an officer finds it), afterwards by its address. */
const openReport = async (page: Page, trackingNo: string) => {
  if (detailUrl) await page.goto(detailUrl);
  else {
    await page.goto(`${env.server.url}/console/reports`);
    await page.getByTestId(`report-row-${trackingNo}`).getByRole('link', { name: trackingNo }).click();
    await page.getByTestId('report-detail').waitFor();
    detailUrl = page.url();
  }
  await page.getByTestId('report-detail').waitFor();
};
const stateIs = async (page: Page, label: string) => expect.poll(() => page.getByTestId('report-state').first().textContent(), { timeout: 10_000 }).toBe(label);

describe('reports: the whole closed loop in the browser', () => {
  it('reporter → intake → police transfer → platform order → reply → the reporter reads the outcome', async () => {
    // 1. A member of the public reports on a phone, with a screenshot.
    const phone = await env.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(`${env.server.url}/report`);
    await phone.getByTestId('report-category').selectOption('gambling');
    await phone.getByTestId('report-url-input').first().fill('https://bbs.localsite.example/t/880231');
    await phone.getByTestId('report-description').fill('论坛帖子推广境外赌博网站，声称“稳赚不赔”，并留有拉人进群充值的联系方式。');
    await phone.getByTestId('report-evidence-input').setInputFiles({ name: '帖子截图.png', mimeType: 'image/png', buffer: screenshotPng() });
    await expect.poll(() => phone.getByTestId('report-evidence-item').getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    await phone.getByTestId('report-contact-email').fill('reporter@example.cn');
    await phone.getByTestId('report-good-faith').check();
    await shot(phone, '30-report-form');
    await phone.getByTestId('report-submit').click();
    const trackingNo = (await phone.getByTestId('receipt-tracking-no').textContent())!.trim();
    const queryCode = (await phone.getByTestId('receipt-query-code').textContent())!.trim();
    expect(trackingNo).toMatch(/^JB\d{8}[0-9A-Z]{8}$/);
    await shot(phone, '31-report-receipt');

    // 2. The intake officer accepts it; the analyst assesses it.
    const intake = await staff('intake');
    await intake.goto(`${env.server.url}/console/reports`);
    await intake.getByTestId('reports-queue-table').waitFor();
    await shot(intake, '32-reports-queue');
    await openReport(intake, trackingNo);
    await expect(intake.getByTestId('report-evidence').textContent()).resolves.toContain('image/png');
    await intake.getByTestId('report-action-accept').click();
    await confirmDialog(intake, '受理');
    await stateIs(intake, '已受理');

    const analyst = await staff('analyst');
    await openReport(analyst, trackingNo);
    await analyst.getByTestId('report-action-assess').click();
    await analyst.getByTestId('assess-note').fill('赌博引流帖，内容仍在线，建议通知平台删除并移交公安。');
    // the forum is in the registry (demo data): the analyst finds it by typing part of its name
    await analyst.getByTestId('assess-entity').click();
    await analyst.keyboard.type('本地生活');
    const entityOption = analyst.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .rpt-entity-option').filter({ hasText: '示范本地生活网' }).first();
    await entityOption.waitFor();
    await shot(analyst, '39-report-assess-entity-search');
    await entityOption.click();
    await expect.poll(() => analyst.getByTestId('assess-entity').textContent()).toContain('示范本地生活网');
    await shot(analyst, '39-report-assess-entity');
    await analyst.getByTestId('assess-submit').click();
    await stateIs(analyst, '研判中');
    // the detail names the entity with its grade and links to its registry page
    await expect.poll(() => analyst.getByTestId('report-assessment').getByTestId('report-entity').textContent(), { timeout: 10_000 }).toBe('示范本地生活网 重点');
    expect(await analyst.getByTestId('report-entity').getByRole('link').getAttribute('href')).toMatch(/^\/console\/registry\/[0-9a-f-]{36}$/);

    // 3. The handler transfers it to the police unit.
    const handler = await staff('handler');
    await openReport(handler, trackingNo);
    await handler.getByTestId('report-action-dispose').click();
    await handler.getByTestId('disposal-kind').getByText('移交').click();
    await pickOption(handler, 'disposal-department', '网安支队');
    await handler.getByTestId('disposal-note').fill('涉嫌开设赌场，请依法核查并回复。');
    await handler.getByTestId('disposal-reasons').fill('帖子推广网络赌博，涉嫌违法犯罪，移交公安机关依法处理。');
    await shot(handler, '33-report-transfer-form');
    await handler.getByTestId('disposal-submit').click();
    await stateIs(handler, '移交中');

    // 4. The police user signs for it and replies.
    const police = await staff('police');
    await police.goto(`${env.server.url}/console/reports/transfers`);
    await police.getByTestId(`transfer-row-${trackingNo}`).click();
    await police.getByTestId('transfer-sign').click();
    await police.getByTestId('transfer-reply-text').fill('已立案核查，涉案网站已提请封堵，相关人员正在调查中。');
    await shot(police, '34-transfer-reply');
    await police.getByTestId('transfer-reply-submit').click();
    await police.getByText('已回函').first().waitFor();

    // 5. The handler orders the platform to remove the post.
    await openReport(handler, trackingNo);
    await stateIs(handler, '处置中');
    await handler.getByTestId('report-action-dispose').click();
    await pickOption(handler, 'disposal-platform', '本地生活网');
    await pickOption(handler, 'disposal-measure', '删除');
    await handler.getByTestId('disposal-requirement').fill('请于24小时内删除该帖并处置发帖账号，回复处置结果。');
    await handler.getByTestId('disposal-reasons').fill('帖子推广网络赌博，违反《网络信息内容生态治理规定》第六条。');
    await handler.getByTestId('disposal-submit').click();
    await handler.getByTestId('report-orders').getByText('待答复').first().waitFor();

    // 6. The platform liaison answers the order.
    const platform = await staff('platform');
    await platform.goto(`${env.server.url}/console/reports/orders`);
    await platform.getByTestId('order-answer').first().click();
    await pickOption(platform, 'order-answer-select', '已处置');
    await platform.getByTestId('order-answer-note').fill('已删除该帖并封禁发帖账号。');
    await shot(platform, '35-order-answer');
    await platform.getByTestId('order-answer-submit').click();
    await platform.getByText('已答复').first().waitFor();

    // 7. The handler completes the disposal; the officer replies to the reporter from a template.
    await openReport(handler, trackingNo);
    await handler.getByTestId('report-action-complete').click();
    await confirmDialog(handler, '处置完毕');
    await stateIs(handler, '已处置');
    await openReport(intake, trackingNo);
    await intake.getByTestId('report-action-reply').click();
    await pickOption(intake, 'reply-template', '已处置');
    await expect.poll(() => intake.getByTestId('reply-preview').textContent(), { timeout: 10_000 }).toContain(trackingNo);
    await shot(intake, '36-reply');
    await intake.getByTestId('reply-submit').click();
    await stateIs(intake, '已回复');
    await intake.getByTestId('timeline').waitFor();
    await shot(intake, '37-report-detail');

    // 8. The reporter reads the outcome with the query code.
    await phone.goto(`${env.server.url}/report/status`);
    await phone.getByTestId('status-tracking-no').fill(trackingNo);
    await phone.getByTestId('status-query-code').fill(queryCode);
    await phone.getByTestId('status-submit').click();
    await expect.poll(() => phone.getByTestId('status-reply').textContent(), { timeout: 10_000 }).toContain(trackingNo);
    const page = await phone.textContent('body');
    expect(page).toContain('已办结');
    expect(page).not.toContain('赌博引流帖'); // the analyst's internal note never reaches the public
    await shot(phone, '38-report-status');
  });
});
