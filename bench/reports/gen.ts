/**
 * A deterministic stream of public submissions with ground truth: originals, and near-duplicates
 * that are labelled variants of an earlier original (the same post through a phone or share link,
 * or the same text lightly edited). Used by the intake, queue and clustering benchmarks.
 */
import { Converter } from 'opencc-js/cn2t';
import { frequencyOrderedChars } from '../textscan/charfreq';
import { prng, sampler } from '../textscan/corpus';
import { textVariant, type TextEdit } from './edits';
import { makePost, postUrl, type Post } from './urls';

export type VariantKind = 'original' | 'url' | TextEdit;

export interface GenInput {
  categoryCode: string;
  zoneCode?: string;
  urls: string[];
  platformName?: string;
  accountName?: string;
  description: string;
  contact?: { phone?: string; email?: string; shareWithPartners: boolean };
}

export interface GenReport {
  input: GenInput;
  /** index (in the stream) of the original this report is a variant of; its own index for an original */
  label: number;
  kind: VariantKind;
}

export interface StreamOptions {
  seed: number;
  /** share of near-duplicates (default 0.3) */
  dupShare?: number;
  /** share with a URL (default 0.8) */
  urlShare?: number;
  /** share with a contact (default 0.3) */
  contactShare?: number;
  /** a variant's original is drawn among this many latest originals (default 5,000) … */
  window?: number;
  /** … but not among the latest `gap` (default 64): the benchmarks submit that many at once */
  gap?: number;
}

const CATEGORIES: readonly [string, number][] = [
  ['fraud', 24], ['gambling', 14], ['porn', 9], ['vulgar', 8], ['rumor', 10], ['infringement', 3], ['infringement.privacy', 4],
  ['infringement.insult', 3], ['infringement.defamation', 3], ['infringement.enterprise', 2], ['cyberviolence', 6], ['other', 13], ['terror', 1],
];
const ZONES = ['zone.minors', 'zone.elderly_fraud', 'zone.enterprise', 'zone.cyberviolence', 'zone.algorithm', 'zone.practitioners'];
const SUBJECTS = ['有个账号', '某主播在直播间', '一个自称客服的人', '群主在多个群里', '这个博主', '有网友', '某公众号', '一个陌生号码拉我进群后',
  '该店铺', '一个短视频账号', '有人冒充老师', '某论坛用户', '一个游戏陪玩账号', '评论区有人'];
const ACTIONS = ['发布赌博网站链接，称稳赚不赔', '宣传虚假投资理财，要求先充值后返利', '散布本地发生地震的谣言', '传播低俗视频',
  '辱骂他人并号召网友围攻', '公开他人手机号和家庭住址', '冒充客服以退款为由骗取验证码', '售卖假证件', '招募刷单兼职，先垫付后返现',
  '诱导未成年人打赏', '编造企业负责人被抓的不实信息', '推销所谓特效保健品，专门针对老年人', '发布血腥暴力图片', '恶意诋毁本地企业产品质量'];
const CLOSINGS = ['请尽快处理。', '希望相关部门核查。', '已有多人受骗。', '影响很坏，请依法处置。', '', '', '谢谢！', '链接和截图见附件。'];

/** Weighted choice from [item, weight] pairs. */
export function weighted<T>(rnd: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

export function createStream(opts: StreamOptions) {
  const rnd = prng(opts.seed);
  // weight 1/(rank + 4), as bench/textscan's corpus
  const drawChar = sampler(frequencyOrderedChars(), (r) => 1 / (r + 4), rnd);
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const dupShare = opts.dupShare ?? 0.3;
  const urlShare = opts.urlShare ?? 0.8;
  const contactShare = opts.contactShare ?? 0.3;
  const window = opts.window ?? 5000;
  const gap = opts.gap ?? 64;
  const originals: { index: number; input: GenInput; post: Post | null }[] = [];
  let index = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  /**
   * About `len` characters of fresh prose: characters drawn by Zipf's law from the frequency-ordered
   * list (as bench/textscan's corpus), clauses of 4–12 joined by ，, sentences ending in 。！？.
   * Fresh for every report: slices of one shared corpus would overlap and make unrelated reports alike.
   */
  function prose(len: number): string {
    let out = '';
    let clause = 0;
    const clauseLen = () => 4 + Math.floor(rnd() * 9);
    let until = clauseLen();
    while (out.length < len) {
      out += drawChar();
      if (++clause >= until && out.length < len - 1) {
        const r = rnd();
        out += r < 0.7 ? '，' : r < 0.9 ? '。' : r < 0.95 ? '！' : '？';
        clause = 0;
        until = clauseLen();
      }
    }
    return out;
  }

  /** 50–300 characters: who, what, in the reporter's own words, and a closing line. */
  function description(): string {
    const target = int(50, 300);
    const head = `${pick(SUBJECTS)}${pick(ACTIONS)}。`;
    const tail = pick(CLOSINGS);
    return head + prose(Math.max(10, target - head.length - tail.length)) + tail;
  }

  function contact(): GenInput['contact'] {
    if (rnd() >= contactShare) return undefined;
    const phone = `1${int(3, 9)}${String(int(0, 999_999_999)).padStart(9, '0')}`;
    return rnd() < 0.7 ? { phone, shareWithPartners: rnd() < 0.5 } : { email: `user${int(1, 9_999_999)}@example.cn`, shareWithPartners: rnd() < 0.5 };
  }

  function original(): GenReport {
    const post = rnd() < urlShare ? makePost(rnd) : null;
    const noUrl = !post;
    const input: GenInput = {
      categoryCode: weighted(rnd, CATEGORIES), zoneCode: rnd() < 0.1 ? pick(ZONES) : undefined,
      urls: post ? [postUrl(post, 'desktop', rnd)] : [],
      platformName: post ? (rnd() < 0.6 ? post.platform : undefined) : pick(['微博', '抖音', '微信', '快手', 'QQ群', '小红书']),
      accountName: noUrl || rnd() < 0.3 ? `账号${int(1, 99_999)}` : undefined,
      description: description(), contact: contact(),
    };
    originals.push({ index, input, post });
    if (originals.length > window + gap) originals.shift();
    return { input, label: index, kind: 'original' };
  }

  function variant(): GenReport | null {
    if (originals.length <= gap) return null;
    const o = originals[Math.floor(rnd() * (originals.length - gap))]!;
    const base = { ...o.input, contact: contact(), zoneCode: o.input.zoneCode };
    if (o.post && rnd() < 0.4) {
      // The same post reported by someone else: another link form, their own words.
      return { input: { ...base, urls: [postUrl(o.post, rnd() < 0.5 ? 'mobile' : 'share', rnd)], description: description() }, label: o.index, kind: 'url' };
    }
    const { text, edit } = textVariant(o.input.description, rnd, prose, toTraditional);
    // Copied text arrives without a link, with the same post's link, or with another post's link.
    const r = rnd();
    const urls = !o.post || r < 0.5 ? [] : r < 0.75 ? [postUrl(o.post, 'share', rnd)] : [postUrl(makePost(rnd), 'desktop', rnd)];
    return {
      input: { ...base, urls, platformName: base.platformName ?? (urls.length ? undefined : '微信'), accountName: base.accountName ?? (urls.length ? undefined : `账号${int(1, 99_999)}`), description: text },
      label: o.index, kind: edit,
    };
  }

  function next(): GenReport {
    const out = (rnd() < dupShare && variant()) || original();
    index++;
    return out;
  }

  return { next, get count() { return index; } };
}
export type Stream = ReturnType<typeof createStream>;
