// One unit's Atom feed.
import { context } from 'virtual:gongkai/context';
import type { APIContext } from 'astro';
import { unitFeed } from '../../../site/feeds.ts';
import { siteData } from '../../../site/project.ts';

export function getStaticPaths() {
  return siteData(context).project.units.map((u) => ({ params: { unit: u.id } }));
}

export function GET({ params }: APIContext): Response {
  return new Response(unitFeed(siteData(context), params.unit ?? ''), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
