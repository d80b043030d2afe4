import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser, shot, signIn as signInAs } from './browser';

const env = serverAndBrowser();

const HEADERS = ['名称', '类型', '网址', 'ICP备案号', '应用标识', '平台账号ID', '所在平台', '运营主体', '联系人', '联系电话', '属地', '分级', '标签'];
/** A district's register as an office keeps it: websites, apps and accounts, with one row the office typed wrong. */
const ROWS: (string | null)[][] = [
  ['东湖生活网', '网站', 'https://www.donghu-life.example.cn', '粤ICP备20260001号-1', null, null, null, '示范东湖网络科技有限公司', '张伟', '13800138001', '东湖区', '一般', '生活服务、本地门户'],
  ['东湖论坛', '网站', 'https://bbs.donghu.example.cn', '粤ICP备20260002号', null, null, null, '东湖信息港有限公司', '李娜', '13800138002', '东湖区', '一般', '论坛'],
  ['西山资讯网', '网站', 'https://news.xishan.example.cn', '粤ICP备20260003号', null, null, null, '西山传媒集团', '王芳', '13800138003', '西山区', '重点', '新闻'],
  ['南岭旅游网', '网站', 'https://travel.nanling.example.cn', '粤ICP备20260004号', null, null, null, '南岭文旅发展有限公司', null, null, '南岭县', '一般', '文旅'],
  ['示范招聘网', '网站', 'https://jobs.shifan.example.cn', '粤ICP备20260005号', null, null, null, '示范人力资源服务有限公司', '赵敏', '13800138005', '示范市', '观察', '招聘'],
  ['湖滨二手交易网', '网站', 'https://2.hubin.example.cn', '粤ICP备20260006号', null, null, null, '湖滨电子商务有限公司', null, null, '湖滨街道', '观察', '电商'],
  ['示范健康咨询', '网站', 'https://health.shifan.example.cn', '粤ICP备20260007号', null, null, null, '示范健康管理有限公司', '钱亮', '13800138007', '示范市', '一般', '医疗健康'],
  ['东湖教育在线', '网站', 'https://edu.donghu.example.cn', '粤ICP备20260008号', null, null, null, '东湖教育科技有限公司', null, null, '东湖区', '一般', '教育'],
  ['西山房产网', '网站', 'https://house.xishan.example.cn', '粤ICP备20260009号', null, null, null, '西山置业信息有限公司', null, null, '西山区', '一般', '房产'],
  ['示范外卖', '移动应用', null, '粤ICP备20260010号', 'com.shifan.waimai', null, null, '示范到家科技有限公司', '孙磊', '13800138010', '示范市', '重点', '生活服务'],
  ['东湖融媒', '微信公众号', null, null, null, 'donghu_rongmei', '微信', '东湖区融媒体中心', null, null, '东湖区', '重点', '政务新媒体'],
  ['西山发布', '微博账号', null, null, null, '6012345678', '微博', '西山区融媒体中心', null, null, '西山区', '重点', '政务新媒体'],
  ['南岭美食探店', '抖音账号', null, null, null, 'nanling_food', '抖音', '个人', null, null, '南岭县', '观察', '自媒体、美食'],
  ['湖滨小李说事', '快手账号', null, null, null, 'hubin_xiaoli', '快手', '个人', null, null, '湖滨街道', '观察', '自媒体'],
  ['示范财经观察', '头条号', null, null, null, '1700000000001', '今日头条', '示范财经文化传播有限公司', null, null, '示范市', '一般', '财经'],
  ['东湖夜市直播间', '直播间', null, null, null, 'live_dh_8866', '抖音', '东湖夜市商户协会', null, null, '东湖区', '观察', '直播带货'],
  ['西山车友会', '论坛/群组', 'https://club.xishan.example.cn', '粤ICP备20260011号', null, null, null, '西山车友俱乐部', null, null, '西山区', '一般', '社群'],
  ['示范天气', '小程序', null, null, 'wx8a1b2c3d4e5f6a7b', null, null, '示范气象服务中心', null, null, '示范市', '一般', '公共服务'],
  ['东湖广场LED屏', '户外LED屏', null, null, null, null, null, '东湖广场物业管理有限公司', null, null, '东湖区', '一般', '户外屏'],
  ['石门镇便民服务', '微信公众号', null, null, null, 'shimen_bianmin', '微信', '石门镇人民政府', null, null, '石门镇', '一般', '政务新媒体'],
  // typed wrong: not a type the register knows
  ['西山游戏攻略站', '游戏站', 'https://game.xishan.example.cn', '粤ICP备20260012号', null, null, null, '西山互娱有限公司', null, null, '西山区', '一般', '游戏'],
];

/** A one-page PDF, enough for the evidence store's content check. */
function pledgePdf(): Buffer {
  const body = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return Buffer.from(body, 'latin1');
}

async function registerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('属地台账');
  ws.addRow(HEADERS);
  for (const r of ROWS) ws.addRow(r.map((v) => v ?? undefined));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const staff = async (username: string) => {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  await signInAs(page, env.server, username);
  return page;
};
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
/** Picks an option of an antd Select, and checks it took (a click may land before the dropdown is ready). */
const pick = async (page: Page, testId: string, option: string) => {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(testId).click();
    await openDropdown(page).getByText(option, { exact: true }).click();
    const took = await expect.poll(() => page.getByTestId(testId).textContent(), { timeout: 2_000 }).toContain(option).then(() => true, () => false);
    if (took) return;
  }
  throw new Error(`could not pick ${option} in ${testId}`);
};
const search = async (page: Page, text: string) => {
  const box = page.getByTestId('registry-filter-q').locator('input');
  await box.fill(text);
  await box.press('Enter');
};

describe('registry: the graded register of supervised platforms and accounts', () => {
  it('imports a register, grades an entity, records an inspection, draws a random inspection and exports', async () => {
    // 1. The analyst imports the district's spreadsheet: one row is wrong and shown as such, in Chinese.
    const analyst = await staff('analyst');
    await analyst.goto(`${env.server.url}/console/registry/import`);
    await analyst.getByTestId('registry-import-page').waitFor();
    await shot(analyst, '40-registry-import');
    // the empty template an office can fill in
    const [template] = await Promise.all([analyst.waitForEvent('download'), analyst.getByTestId('import-template').click()]);
    expect(template.suggestedFilename()).toBe('属地台账导入模板.xlsx');
    expect((await readFile((await template.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');
    await analyst.locator('input[type=file]').setInputFiles({ name: '东湖区属地台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await registerXlsx() });
    await analyst.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    const problems = analyst.getByTestId('import-problem-row');
    await expect.poll(() => problems.count(), { timeout: 10_000 }).toBe(1);
    expect(await problems.first().textContent()).toContain('第 22 行');
    expect(await problems.first().textContent()).toContain('游戏站');
    expect(await analyst.getByTestId('import-totals').textContent()).toContain('20');
    await shot(analyst, '41-registry-import-preview');
    await analyst.getByTestId('import-confirm').click();
    await analyst.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await analyst.getByTestId('import-result').textContent()).toContain('新增 20 个');
    await shot(analyst, '42-registry-import-done');

    // 2. The register: the search is forgiving of part of a name and of traditional characters.
    await analyst.goto(`${env.server.url}/console/registry`);
    await analyst.getByTestId('registry-row-东湖生活网').waitFor();
    await shot(analyst, '43-registry-list');
    await search(analyst, '東湖論');
    await analyst.getByTestId('registry-row-东湖论坛').waitFor();
    await search(analyst, '');

    // 3. The analyst grades 东湖生活网 as 重点, with the reason; the grade history keeps both.
    await search(analyst, '东湖生活');
    await analyst.getByTestId('registry-row-东湖生活网').getByRole('link', { name: '东湖生活网' }).click();
    await analyst.getByTestId('entity-page').waitFor();
    const entityUrl = analyst.url();
    await analyst.getByTestId('entity-grade-change').click();
    // a click on the dialog while it is still zooming in can miss: choose until the choice shows as made
    const choice = analyst.locator('.ant-modal .ant-radio-button-wrapper').filter({ hasText: /^重点$/ });
    await expect.poll(async () => {
      const cls = (await choice.getAttribute('class')) ?? '';
      if (!cls.includes('checked')) await choice.click();
      return cls;
    }, { timeout: 10_000 }).toContain('ant-radio-button-wrapper-checked');
    await analyst.getByTestId('grade-reason').fill('近期多次被举报涉嫌虚假广告，用户量大，列为重点监管。');
    await analyst.getByTestId('grade-submit').click();
    // the dialog closes on success; an error would keep it open with the message in it
    await analyst.locator('.ant-modal').waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
      throw new Error(`grade dialog did not close: ${await analyst.locator('.ant-modal').innerText().catch(() => '')}`, { cause: err });
    });
    await expect.poll(() => analyst.getByTestId('entity-grade').textContent(), { timeout: 15_000 }).toBe('重点');
    await analyst.getByTestId('grade-history-open').click();
    await analyst.getByTestId('grade-history').getByText('近期多次被举报').waitFor();
    await shot(analyst, '44-registry-entity-graded');
    await analyst.keyboard.press('Escape');

    // Registering it again by hand: the server's look-alikes are shown before anything is created.
    await analyst.goto(`${env.server.url}/console/registry`);
    await analyst.getByTestId('registry-new').click();
    await analyst.getByTestId('entity-name').fill('东湖生活网（新版）');
    await pick(analyst, 'entity-type', '网站');
    await analyst.getByTestId('entity-icp').fill('粤ICP备20260001号-1');
    await analyst.getByTestId('entity-submit').click();
    await analyst.getByTestId('entity-duplicates').getByTestId('entity-duplicate-link').filter({ hasText: '东湖生活网' }).waitFor();
    expect(await analyst.getByTestId('entity-duplicates').textContent()).toContain('备案号相同');
    await shot(analyst, '45-registry-duplicates');
    await analyst.keyboard.press('Escape');

    // 4. The certified officer reads an entity the office has worked on (the demo's forum: pledge, inspection,
    // a linked report), and files the signed pledge of 东湖生活网.
    const enforcer = await staff('enforcer');
    await enforcer.goto(`${env.server.url}/console/registry`);
    await search(enforcer, '示范本地生活');
    await enforcer.getByTestId('registry-row-示范本地生活网').getByRole('link').click();
    await enforcer.getByTestId('inspection-record').first().waitFor();
    await shot(enforcer, '46-registry-entity-records');

    // The operator's signed self-discipline pledge is filed with its scan.
    await enforcer.goto(entityUrl);
    await enforcer.getByTestId('entity-page').waitFor();
    await enforcer.getByTestId('record-pledge').click();
    await enforcer.locator('.ant-modal input[type=file]').setInputFiles({ name: '自律承诺书.pdf', mimeType: 'application/pdf', buffer: pledgePdf() });
    await enforcer.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    await enforcer.getByTestId('pledge-submit').click();
    await enforcer.getByRole('tab', { name: /自律承诺书/ }).click();
    await enforcer.getByRole('link', { name: /自律承诺书\.pdf/ }).waitFor();

    // 5. A random inspection draw of key entities: 3 entities × 2 certified officers, with a seed that is
    // shown and can be re-entered to reproduce it.
    await enforcer.goto(`${env.server.url}/console/registry/draws`);
    await enforcer.getByTestId('draw-form').waitFor();
    await enforcer.getByTestId('draw-name').fill('2026年第四季度重点平台双随机检查');
    await pick(enforcer, 'draw-grade', '重点');
    await enforcer.locator('input[data-testid=draw-entity-count], [data-testid=draw-entity-count] input').fill('3');
    await enforcer.getByTestId('draw-seed').fill('e2e-2026-q4');
    await enforcer.getByTestId('draw-submit').click();
    await enforcer.getByTestId('draw-result').waitFor();
    expect(await enforcer.getByTestId('draw-seed-value').textContent()).toContain('e2e-2026-q4');
    await expect.poll(() => enforcer.getByTestId('draw-task-row').count(), { timeout: 10_000 }).toBe(3);
    await enforcer.getByTestId('draw-verify').click();
    await enforcer.getByText('结果一致').waitFor();
    await shot(enforcer, '47-registry-draw');

    // 6. The officers of the first task inspect it, and set a rectification deadline.
    const drawn = (await enforcer.getByTestId('draw-task-row').first().getByRole('link').textContent())!;
    await enforcer.getByTestId('draw-task-row').first().getByRole('link').click();
    await enforcer.getByTestId('entity-page').waitFor();
    await enforcer.getByRole('tab', { name: /抽查任务/ }).click();
    await enforcer.getByTestId('task-inspect').click();
    await enforcer.getByTestId('inspection-findings').fill('首页存在未标明“广告”的医疗广告两条；用户协议未公示投诉渠道。');
    await enforcer.getByTestId('rectification-add').click();
    await enforcer.getByTestId('rectification-description').fill('下架未标明“广告”的医疗广告，并在首页公示投诉举报渠道。');
    expect(await enforcer.locator('.ant-modal').textContent()).toContain('执法员 钱坤'); // the draw's officers, filled in
    await shot(enforcer, '48-registry-inspection-form');
    await enforcer.getByTestId('inspection-submit').click();
    await enforcer.getByRole('tab', { name: /实地检查/ }).click();
    // the drawn entity may have been inspected before (the demo's forum was): ours is the one with these findings
    const record = enforcer.getByTestId('inspection-record').filter({ hasText: '医疗广告两条' });
    await record.waitFor();
    const rect = record.getByTestId('rectification-row').first();
    expect(await rect.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await rect.textContent()).toContain('整改中');
    expect(await enforcer.getByTestId('entity-name-title').textContent()).toBe(drawn);
    await shot(enforcer, '49-registry-entity-inspected');
    await enforcer.getByRole('tab', { name: /抽查任务/ }).click();
    await enforcer.getByText('已检查').first().waitFor();
    await enforcer.close();

    // 7. Export with chosen columns: the file is an xlsx with exactly those columns, in the register's order.
    await analyst.goto(`${env.server.url}/console/registry`);
    await analyst.getByTestId('registry-row-东湖生活网').waitFor();
    await analyst.getByTestId('registry-export').click();
    for (const col of ['url', 'appId', 'accountId', 'platformName', 'operatorName', 'jurisdictionCode', 'gradeReason', 'tags', 'officerUsername', 'status', 'note']) {
      await analyst.getByTestId(`export-col-${col}`).click();
    }
    await shot(analyst, '50-registry-export');
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByTestId('export-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['名称', '类型', 'ICP备案号', '属地', '分级']);
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toContain('东湖生活网');
    expect(names).not.toContain('西山游戏攻略站');
    const graded = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '东湖生活网');
    expect(graded?.getCell(5).value).toBe('重点');

    // The same pages in English.
    await analyst.getByTestId('header-language').click();
    await analyst.getByRole('menuitem', { name: 'English' }).click();
    await analyst.goto(entityUrl);
    await analyst.getByTestId('entity-header').waitFor();
    expect(await analyst.getByTestId('entity-header').textContent()).toContain('Change grade');
    await shot(analyst, '51-registry-entity-en');
    await analyst.goto(`${env.server.url}/console/registry`);
    await analyst.getByTestId('registry-row-东湖生活网').waitFor();
    await shot(analyst, '52-registry-list-en');
    await analyst.close();
  });
});
