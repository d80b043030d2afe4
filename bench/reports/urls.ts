/**
 * Post addresses on the platforms reporters name most, in the forms people paste: the desktop
 * address, the mobile host, and share links carrying tracking parameters. All forms of one post
 * have the same canonical URL (packages/core canonical-url), which is what the URL clustering relies on.
 */

export interface Post {
  platform: string;
  /** desktop and mobile hosts, and the path (and identifying query) of the post */
  host: string;
  mobile: string | null;
  path: string;
  /** share-link parameters that the canonical form drops */
  share: readonly string[];
}

const hex = (rnd: () => number, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
const num = (rnd: () => number, digits: number) => String(1 + Math.floor(rnd() * 9)) + Array.from({ length: digits - 1 }, () => Math.floor(rnd() * 10)).join('');
const b62 = (rnd: () => number, n: number) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'[Math.floor(rnd() * 56)]).join('');

const KINDS: readonly ((rnd: () => number) => Post)[] = [
  (r) => ({ platform: '微博', host: 'weibo.com', mobile: 'm.weibo.com', path: `/${num(r, 10)}/${b62(r, 9)}`, share: ['from=timeline', 'isappinstalled=0', `weibo_id=${num(r, 8)}`] }),
  (r) => ({ platform: '抖音', host: 'www.douyin.com', mobile: 'm.douyin.com', path: `/video/${num(r, 19)}`, share: [`share_token=${hex(r, 16)}`, `u_code=${hex(r, 8)}`, `did=${num(r, 12)}`, `timestamp=${num(r, 10)}`] }),
  (r) => ({ platform: '哔哩哔哩', host: 'www.bilibili.com', mobile: 'm.bilibili.com', path: `/video/BV1${b62(r, 9)}`, share: ['share_source=copy_web', `vd_source=${hex(r, 32)}`, 'share_medium=android'] }),
  (r) => ({ platform: '知乎', host: 'www.zhihu.com', mobile: 'm.zhihu.com', path: `/question/${num(r, 9)}/answer/${num(r, 10)}`, share: ['utm_source=wechat_session', 'utm_medium=social', 'utm_psn=1'] }),
  (r) => ({ platform: '今日头条', host: 'www.toutiao.com', mobile: 'm.toutiao.com', path: `/article/${num(r, 19)}`, share: [`tt_from=weixin`, `timestamp=${num(r, 10)}`, `share_token=${hex(r, 12)}`] }),
  (r) => ({ platform: '快手', host: 'www.kuaishou.com', mobile: 'v.m.kuaishou.com', path: `/short-video/${hex(r, 15)}`, share: [`shareid=${num(r, 12)}`, `timestamp=${num(r, 13)}`] }),
  (r) => ({ platform: '小红书', host: 'www.xiaohongshu.com', mobile: 'm.xiaohongshu.com', path: `/explore/${hex(r, 24)}`, share: ['xhsshare=WeixinSession', `appuid=${hex(r, 24)}`, `apptime=${num(r, 10)}`] }),
  (r) => ({ platform: '百度贴吧', host: 'tieba.baidu.com', mobile: 'm.tieba.baidu.com', path: `/p/${num(r, 10)}`, share: [`sharer_shareid=${num(r, 6)}`, `sharer_sharetime=${num(r, 13)}`] }),
  (r) => ({ platform: '微信公众号', host: 'mp.weixin.qq.com', mobile: null,
    path: `/s?__biz=Mz${b62(r, 10)}%3D%3D&mid=${num(r, 10)}&idx=1&sn=${hex(r, 32)}`, share: [`chksm=${hex(r, 40)}`, 'scene=21', 'from=singlemessage'] }),
  (r) => ({ platform: '论坛', host: `bbs.${b62(r, 6).toLowerCase()}.cn`, mobile: null, path: `/thread-${num(r, 7)}-1-1.html`, share: ['utm_source=qq', 'ref=share'] }),
];

export const makePost = (rnd: () => number): Post => KINDS[Math.floor(rnd() * KINDS.length)]!(rnd);

/** One form of the post's address; 'share' adds tracking parameters and may use the mobile host. */
export function postUrl(p: Post, form: 'desktop' | 'mobile' | 'share', rnd: () => number): string {
  if (form === 'desktop') return `https://${p.host}${p.path}`;
  const host = p.mobile && (form === 'mobile' || rnd() < 0.5) ? p.mobile : p.host;
  const scheme = rnd() < 0.2 ? 'http' : 'https';
  const params = form === 'share' || rnd() < 0.5 ? p.share.filter(() => rnd() < 0.8) : [];
  const slash = !p.path.includes('?') && rnd() < 0.3 ? '/' : '';
  const sep = p.path.includes('?') ? '&' : '?';
  const query = params.length ? `${sep}${params.join('&')}` : '';
  const fragment = p.host === 'mp.weixin.qq.com' && rnd() < 0.5 ? '#wechat_redirect' : '';
  return `${scheme}://${host}${p.path}${slash}${query}${fragment}`;
}
