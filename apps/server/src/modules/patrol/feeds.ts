import { XMLParser } from 'fast-xml-parser';
import type { PatrolItemInput } from '@tianlang/contracts';
import { AppError } from '../../lib/errors';
import type { FetchedResponse, GuardedFetch } from '../../lib/guarded-fetch';

export type FeedFetch =
  | { status: 'ok'; items: PatrolItemInput[]; etag: string | null; lastModified: string | null }
  | { status: 'not_modified' }
  | { status: 'error'; error: string };

// A feed is someone else's text: control characters (NUL would fail the insert on PostgreSQL) and lone
// surrogates are dropped here, so the poller stores what it can instead of failing the whole feed.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const cleanFeedText = (s: string) => s.replace(CONTROLS, '').replace(LONE_SURROGATES, '\uFFFD');
const raw = (v: unknown): string => {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as object)) return String((v as { '#text': unknown })['#text']);
  return '';
};
const text = (v: unknown): string => cleanFeedText(raw(v));
const stripHtml = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
const isoOrUndefined = (s: string) => {
  const d = new Date(s);
  return s && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
};
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function item(id: string, title: string, body: string, link: string, author: string, date: string): PatrolItemInput | null {
  const content = stripHtml(body) || stripHtml(title);
  if (!content) return null;
  const url = /^https?:\/\//.test(link) ? link.slice(0, 2000) : undefined;
  return {
    externalId: (id || link || title).slice(0, 200) || content.slice(0, 200), url, title: stripHtml(title).slice(0, 500) || undefined,
    author: author.slice(0, 200) || undefined, publishedAt: isoOrUndefined(date), text: content.slice(0, 100_000),
  };
}

/** RSS 2.0, Atom and JSON Feed, parsed into patrol items. Throws on anything it cannot read. */
export function parseFeed(body: string, contentType: string): PatrolItemInput[] {
  const trimmed = body.trimStart();
  if (contentType.includes('json') || trimmed.startsWith('{')) {
    const feed = JSON.parse(body) as { items?: Record<string, unknown>[] };
    if (!Array.isArray(feed.items)) throw new Error('JSON feed without items');
    return feed.items.flatMap((i) => item(text(i.id), text(i.title), text(i.content_text) || text(i.content_html) || text(i.summary),
      text(i.url), text((i.authors as { name?: string }[] | undefined)?.[0]?.name), text(i.date_published)) ?? []);
  }
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true }).parse(body, true);
  if (doc.rss?.channel) {
    return list(doc.rss.channel.item).flatMap((i: Record<string, unknown>) => item(text(i.guid), text(i.title),
      text(i['content:encoded']) || text(i.description), text(i.link), text(i.author) || text(i['dc:creator']), text(i.pubDate)) ?? []);
  }
  if (doc.feed) {
    return list(doc.feed.entry).flatMap((e: Record<string, unknown>) => {
      const links = list(e.link as Record<string, string> | Record<string, string>[]);
      const href = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate')?.['@href'] ?? '';
      return item(text(e.id), text(e.title), text(e.content) || text(e.summary), href,
        text((e.author as Record<string, unknown> | undefined)?.name), text(e.updated) || text(e.published)) ?? [];
    });
  }
  throw new Error('not an RSS, Atom or JSON feed');
}

/**
 * A conditional GET (ETag / Last-Modified) through the guarded fetch, which bounds size and time and
 * refuses special addresses. `error` is what the source shows: an error code (localized by the UI) or
 * "HTTP <status>"; a refused address reads like any other failure, so the result maps no internal ports.
 */
export async function fetchFeed(guarded: GuardedFetch, url: string, prev: { etag: string | null; lastModified: string | null }): Promise<FeedFetch> {
  let res: FetchedResponse;
  try {
    res = await guarded.fetch(url, {
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
        'user-agent': 'Tianlang-Patrol/0.1',
        ...(prev.etag ? { 'if-none-match': prev.etag } : {}),
        ...(prev.lastModified ? { 'if-modified-since': prev.lastModified } : {}),
      },
    });
  } catch (err) {
    return { status: 'error', error: err instanceof AppError && err.code === 'fetch.too_large' ? err.code : 'fetch.failed' };
  }
  if (res.status === 304) return { status: 'not_modified' };
  if (res.status < 200 || res.status > 299) return { status: 'error', error: `HTTP ${res.status}` };
  try {
    const items = parseFeed(new TextDecoder().decode(res.body), header(res.headers['content-type']));
    return { status: 'ok', items, etag: header(res.headers.etag) || null, lastModified: header(res.headers['last-modified']) || null };
  } catch {
    return { status: 'error', error: 'patrol.feed_unreadable' };
  }
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');
