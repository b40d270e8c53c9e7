/**
 * Atom 1.0 feeds (RFC 4287) and the sitemap, as plain strings: small enough not to need a
 * library, and escaped in one place.
 */
import type { Entry } from '../domain/model.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

/** Entry dates are calendar days in China; feeds need an instant. */
const instant = (date: string): string => `${date}T00:00:00+08:00`;

export interface FeedInput {
  id: string;
  title: string;
  selfUrl: string;
  pageUrl: string;
  author: string;
  entries: Entry[];
  entryUrl: (e: Entry) => string;
  unitName: (e: Entry) => string;
  /** Last change per entry from git, if known (ISO 8601). */
  updated: (e: Entry) => string | undefined;
}

export function atomFeed(f: FeedInput): string {
  const items = f.entries.map((e) => {
    const url = f.entryUrl(e);
    const updated = f.updated(e) ?? instant(e.data.date);
    return `  <entry>
    <id>${xml(url)}</id>
    <title>${xml(e.data.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${instant(e.data.date)}</published>
    <updated>${xml(updated)}</updated>
    <author><name>${xml(f.unitName(e))}</name></author>
    <summary>${xml(e.data.summary ?? e.data.title)}</summary>
  </entry>`;
  });
  const newest =
    f.entries
      .map((e) => f.updated(e) ?? instant(e.data.date))
      .sort()
      .at(-1) ?? '2000-01-01T00:00:00+08:00';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(f.id)}</id>
  <title>${xml(f.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(f.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(f.pageUrl)}"/>
  <updated>${xml(newest)}</updated>
  <author><name>${xml(f.author)}</name></author>
${items.join('\n')}
</feed>
`;
}

export function sitemap(urls: { loc: string; lastmod?: string }[]): string {
  const body = urls.map((u) => `  <url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${xml(u.lastmod)}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}
