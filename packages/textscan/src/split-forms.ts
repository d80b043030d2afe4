/**
 * Characters written as two side-by-side parts to dodge filters (弓长 for 张, 氵去 for 法).
 * A term that contains one of these characters also matches its split form (the lexicon adds
 * variants at compile time); the text itself is never rewritten, so no other term loses a hit.
 * Pairs that are everyday words (女子 for 好, 日月 for 明) are left out: a short term would
 * otherwise hit ordinary text.
 */
const SPLIT_FORMS: Readonly<Record<string, string>> = {
  张: '弓长', 李: '木子', 吴: '口天', 陈: '耳东', 许: '言午', 章: '立早', 胡: '古月',
  法: '氵去', 操: '扌喿', 娼: '女昌', 妓: '女支', 赌: '贝者', 博: '十尃', 枪: '木仓',
  独: '犭虫', 你: '亻尔', 谢: '讠射', 银: '钅艮', 海: '氵每', 的: '白勺', 和: '禾口',
  信: '亻言', 射: '身寸', 肥: '月巴', 抽: '扌由', 骗: '马扁', 诈: '讠乍', 轮: '车仑',
  功: '工力', 淫: '氵㸒', 毒: '龶毋', 嫖: '女票',
};

const table = new Map<number, string>();
for (const [whole, parts] of Object.entries(SPLIT_FORMS)) table.set(whole.charCodeAt(0), parts);

/** The split form of a (normalized) BMP unit, if the table has one. */
export function splitFormOf(unit: number): string | undefined {
  return table.get(unit);
}
