/** Building the county and unit feeds and the sitemap from the site's data (project.ts): shared by the endpoints. */
import type { Entry } from '../domain/model.ts';
import { atomFeed, sitemap } from './atom.ts';
import type { SiteData } from './project.ts';
import { absolute, aspectPath, entryPath, itemPath, unitPath, yearPath } from './urls.ts';

/** Entries per feed: readers want what is new, not the archive. */
export const FEED_SIZE = 50;

function feedParts(data: SiteData) {
  const site = data.project.site;
  return {
    author: site.publisher,
    entryUrl: (e: Entry) => absolute(site.base_url, entryPath(e)),
    unitName: (e: Entry) => data.unitById.get(e.unit)?.name ?? e.unit,
    updated: (e: Entry) => data.history.get(e.id)?.[0]?.date,
  };
}

export function countyFeed(data: SiteData): string {
  const site = data.project.site;
  return atomFeed({
    ...feedParts(data),
    id: absolute(site.base_url, '/feed.xml'),
    title: site.title,
    selfUrl: absolute(site.base_url, '/feed.xml'),
    pageUrl: absolute(site.base_url, '/'),
    entries: data.entries.slice(0, FEED_SIZE),
  });
}

export function unitFeed(data: SiteData, unitId: string): string {
  const site = data.project.site;
  const unit = data.unitById.get(unitId);
  const self = absolute(site.base_url, `${unitPath(unitId)}feed.xml`);
  return atomFeed({
    ...feedParts(data),
    id: self,
    title: `${unit?.name ?? unitId} - ${site.title}`,
    selfUrl: self,
    pageUrl: absolute(site.base_url, unitPath(unitId)),
    entries: (data.entriesByUnit.get(unitId) ?? []).slice(0, FEED_SIZE),
  });
}

export function siteMap(data: SiteData): string {
  const site = data.project.site;
  const at = (path: string) => absolute(site.base_url, path);
  const urls: { loc: string; lastmod?: string }[] = [
    { loc: at('/') },
    { loc: at('/units/') },
    { loc: at('/catalog/') },
    { loc: at('/years/') },
    ...data.project.pages.map((p) => ({ loc: at(`/${p.slug}/`) })),
    ...data.project.units.map((u) => ({ loc: at(unitPath(u.id)) })),
    ...data.project.catalog.aspects.flatMap((a) => [{ loc: at(aspectPath(a.id)) }, ...a.items.map((i) => ({ loc: at(itemPath(a.id, i.id)) }))]),
    ...data.years.map((y) => ({ loc: at(yearPath(y)) })),
    ...data.entries.map((e) => ({ loc: at(entryPath(e)), lastmod: data.history.get(e.id)?.[0]?.date.slice(0, 10) ?? e.data.date })),
  ];
  return sitemap(urls);
}
