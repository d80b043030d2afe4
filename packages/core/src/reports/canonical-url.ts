/**
 * The canonical form of a reported URL, so that two people reporting the same post from a phone
 * share link and a desktop browser land in one cluster. Pure: WHATWG URL only.
 */

/** Mobile hosts whose paths are the same as on the desktop host. */
const HOST_ALIASES: Record<string, string> = {
  'm.weibo.com': 'weibo.com',
  'www.weibo.com': 'weibo.com',
  'm.douyin.com': 'douyin.com',
  'www.douyin.com': 'douyin.com',
  'www.iesdouyin.com': 'douyin.com',
  'm.toutiao.com': 'toutiao.com',
  'www.toutiao.com': 'toutiao.com',
  'm.bilibili.com': 'bilibili.com',
  'www.bilibili.com': 'bilibili.com',
  'm.zhihu.com': 'zhihu.com',
  'www.zhihu.com': 'zhihu.com',
  'm.kuaishou.com': 'kuaishou.com',
  'www.kuaishou.com': 'kuaishou.com',
  'v.m.kuaishou.com': 'kuaishou.com',
  'm.xiaohongshu.com': 'xiaohongshu.com',
  'www.xiaohongshu.com': 'xiaohongshu.com',
  'tieba.baidu.com': 'tieba.baidu.com',
  'm.tieba.baidu.com': 'tieba.baidu.com',
  'wap.tieba.baidu.com': 'tieba.baidu.com',
  'm.thepaper.cn': 'thepaper.cn',
  'www.thepaper.cn': 'thepaper.cn',
};

/** Parameters that only say how the link was shared or tracked. */
const TRACKING_PARAMS = new Set([
  'spm', 'from', 'source', 'share_source', 'share_medium', 'share_plat', 'share_session_id', 'share_tag', 'share_from',
  'share_token', 'share_app_id', 'shareid', 'timestamp', 'vd_source', 'is_from_webapp', 'sender_device', 'wxshare_count',
  'isappinstalled', 'scene', 'srcid', 'clicktime', 'enterid', 'sessionid', 'xhsshare', 'apptime', 'appuid', 'u_code',
  'did', 'iid', 'mid_share', 'tt_from', 'utm', 'fbclid', 'gclid', 'refer', 'ref', 'weibo_id', 'sharer_shareid',
  'sharer_sharetime', 'exportkey', 'pass_ticket', 'chksm', 'ascene', 'devicetype', 'version', 'nettype', 'lang',
]);

/** mp.weixin.qq.com articles are identified by exactly these parameters. */
const WEIXIN_KEEP = new Set(['__biz', 'mid', 'idx', 'sn']);

export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  host = HOST_ALIASES[host] ?? host;
  const keep = host === 'mp.weixin.qq.com' ? (k: string) => WEIXIN_KEEP.has(k) : (k: string) => !isTracking(k);
  const params = [...url.searchParams.entries()].filter(([k]) => keep(k.toLowerCase()));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/$/, '');
  // Hash routes (#/post/1) identify content on single-page sites; plain fragments do not.
  const hash = url.hash.startsWith('#/') || url.hash.startsWith('#!/') ? url.hash : '';
  if (path === '/' && !hash) path = '';
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  return `https://${host}${port}${path}${query}${hash}`;
}

const isTracking = (k: string): boolean => k.startsWith('utm_') || TRACKING_PARAMS.has(k);
