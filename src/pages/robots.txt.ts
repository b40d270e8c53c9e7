// robots.txt: everything may be read but the clerks' editor (/admin/), and the sitemap says where every page is.
import { context } from 'virtual:gongkai/context';
import { siteData } from '../site/project.ts';
import { absolute } from '../site/urls.ts';

export function GET(): Response {
  const { site } = siteData(context).project;
  return new Response(`User-agent: *\nAllow: /\nDisallow: /admin/\nSitemap: ${absolute(site.base_url, '/sitemap.xml')}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
