// sitemap.xml: every public page, with the entry's last change as lastmod.
import { context } from 'virtual:gongkai/context';
import { siteMap } from '../site/feeds.ts';
import { siteData } from '../site/project.ts';

export function GET(): Response {
  return new Response(siteMap(siteData(context)), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}
