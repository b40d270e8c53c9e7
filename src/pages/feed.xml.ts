// County-wide Atom feed of the newest public disclosures.
import { context } from 'virtual:gongkai/context';
import { countyFeed } from '../site/feeds.ts';
import { siteData } from '../site/project.ts';

export function GET(): Response {
  return new Response(countyFeed(siteData(context)), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
