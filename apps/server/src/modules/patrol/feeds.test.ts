import { describe, expect, it } from 'vitest';
import { parseFeed } from './feeds';

const hasControl = (s: string | undefined) => !!s && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);

describe('feed text is cleaned before it is stored', () => {
  it('drops NUL and other control characters, and replaces lone surrogates, in JSON feeds', () => {
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'x',
      items: [{ id: 'a\u00001', title: '标题\u0000含\u0007控制符', content_text: '正文\u0000第一段\u001b第二段 \ud800 尾', url: 'https://example.com/a', authors: [{ name: '作\u0000者' }] }],
    });
    const [item] = parseFeed(body, 'application/feed+json');
    expect(item).toBeDefined();
    for (const v of [item!.externalId, item!.title, item!.text, item!.author]) expect(hasControl(v)).toBe(false);
    expect(item!.title).toBe('标题含控制符');
    expect(item!.text).toBe('正文第一段第二段 \ufffd 尾');
  });

  it('does the same for RSS items, whose CDATA sections carry control characters as they are', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><guid>g1</guid><title><![CDATA[通报\u0000一则]]></title><description><![CDATA[内容\u0007在此]]></description><link>https://example.com/r</link></item>
    </channel></rss>`;
    const [item] = parseFeed(rss, 'application/rss+xml');
    expect(item?.title).toBe('通报一则');
    expect(item?.text).toBe('内容在此');
  });
});
