// sitemap.xml: every public page, with the entry's last public change as lastmod.
import { context } from 'virtual:gongkai/context';
import { siteMap } from '../site/feeds.ts';
import { siteData } from '../site/project.ts';
import { siteReport } from '../site/site-report.ts';

export function GET(): Response {
  return new Response(siteMap(siteData(context), siteReport(context).requestsByUnit.keys()), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}
